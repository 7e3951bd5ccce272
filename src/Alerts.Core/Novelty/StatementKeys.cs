using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Alerts.Analysis;

namespace Alerts.Novelty;

/// <summary>Stable keys for "the same speaker said the same words": case, accents, punctuation and spacing do not count.</summary>
public static class StatementKeys
{
    public static string Speaker(Speaker speaker) => $"{speaker.Kind}:{Normalize(speaker.Name)}";

    public static string Of(Speaker speaker, string text)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Speaker(speaker) + "\n" + Normalize(text))))[..32];

    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (c is not '\'' and not '\u2019')
            {
                space = true;
            }
        }

        return builder.ToString();
    }
}
