using System.Text;

namespace Alerts.Delivery;

/// <summary>Deterministic message ids: the same parts always give the same id, so a resend is recognisably a repeat.
/// The email channel adds <c>@</c> and the sender's domain.</summary>
public static class MessageIds
{
    public static string For(params string[] parts)
    {
        var id = new StringBuilder();
        foreach (var part in parts)
        {
            if (id.Length > 0)
            {
                id.Append('.');
            }

            foreach (var c in part)
            {
                id.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
            }
        }

        return id.ToString();
    }
}
