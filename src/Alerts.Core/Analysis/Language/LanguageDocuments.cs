namespace Alerts.Analysis;

/// <summary>One document sent to Azure AI Language: a piece of the article and where it starts in the article.</summary>
internal sealed record LanguageDocument(string Id, int Offset, string Text)
{
    /// <summary>Billed text records: one per started 1,000 characters, per feature.</summary>
    public int TextRecords => (Text.Length + 999) / 1000;
}

internal static class LanguageDocuments
{
    /// <summary>The service counts text elements (at most 5,120 a document); UTF-16 code units are never fewer, so a
    /// document under this many code units is always within the limit.</summary>
    public const int MaxDocumentChars = 5000;

    /// <summary>Cuts each span into documents of at most <paramref name="maxChars"/>, at the last sentence end that fits
    /// (else the last space, else hard), so sentences and entities are not split and offsets map back by addition.</summary>
    public static List<LanguageDocument> Split(string text, IReadOnlyList<TextSpan> spans, int maxChars = MaxDocumentChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 10);
        var documents = new List<LanguageDocument>();
        foreach (var span in spans)
        {
            var start = span.Offset;
            var end = span.End;
            while (start < end)
            {
                while (start < end && char.IsWhiteSpace(text[start]))
                {
                    start++;
                }

                if (start >= end)
                {
                    break;
                }

                var cut = end - start <= maxChars ? end : CutPoint(text, start, start + maxChars);
                var piece = text[start..cut].TrimEnd();
                if (piece.Length > 0)
                {
                    documents.Add(new LanguageDocument((documents.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), start, piece));
                }

                start = cut;
            }
        }

        return documents;
    }

    private static int CutPoint(string text, int start, int limit)
    {
        var space = -1;
        for (var i = limit - 1; i > start; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                continue;
            }

            space = space < 0 ? i : space;
            var before = text[i - 1];
            if (text[i] == '\n' || before is '.' or '!' or '?' or '\u201D' or '"' or '\u00BB' or '\u2026')
            {
                return i + 1;
            }
        }

        // No sentence end, no space: cut hard, but never between the halves of a surrogate pair.
        return space > start ? space + 1 : char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
    }
}
