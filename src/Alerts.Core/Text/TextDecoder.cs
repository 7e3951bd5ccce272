using System.Text;

namespace Alerts.Text;

// Interim decoder for the skeleton; replaced by the full charset detection from the fetching branch.
public static class TextDecoder
{
    public static string Decode(ReadOnlySpan<byte> bytes, string? contentTypeHeader) => Encoding.UTF8.GetString(bytes);
}
