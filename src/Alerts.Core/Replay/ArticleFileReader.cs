using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alerts.Articles;
using Alerts.Fetching;
using Alerts.Storage;
using Alerts.Text;

namespace Alerts.Replay;

/// <summary>Reads an article from a file: <c>.txt</c> (first line the title when it looks like a headline, the rest the
/// body), <c>.html</c>,
/// or <c>.json</c> in the article schema.</summary>
public sealed class ArticleFileReader(HtmlArticleExtractor extractor)
{
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt", ".html", ".htm", ".json" };

    public async Task<Article> ReadAsync(string path, DateTimeOffset published, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var fileUrl = new Uri(Path.GetFullPath(path));
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fileUrl.AbsoluteUri)))[..32];
        var name = Path.GetFileName(path);
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".json":
                var stored = JsonSerializer.Deserialize<Article>(bytes, AlertsJson.Options)
                    ?? throw new InvalidDataException($"{name}: JSON null is not an article.");
                return stored with { Text = TextCleaner.Clean(stored.Text), Published = stored.Published ?? published };
            case ".html" or ".htm":
                var page = extractor.Extract(TextDecoder.Decode(bytes, "text/html"), fileUrl);
                return Build(id, name, fileUrl, TextCleaner.Clean(page.Title), TextCleaner.Clean(page.Text), page.Published ?? published, page.Language);
            default:
                var text = TextCleaner.Clean(TextDecoder.Decode(bytes, "text/plain"));
                var split = text.IndexOf('\n', StringComparison.Ordinal);
                var first = split < 0 ? text.Trim() : text[..split].Trim();
                return split >= 0 && LooksLikeHeadline(first)
                    ? Build(id, name, fileUrl, first, text[(split + 1)..].Trim(), published, null)
                    : Build(id, name, fileUrl, "", text.Trim(), published, null);
        }
    }

    /// <summary>A scraped article often starts with its opening paragraph rather than a headline: the first line is the
    /// title only when it reads like one (short, not ending a sentence), otherwise it stays part of the text.</summary>
    internal static bool LooksLikeHeadline(string line)
    {
        if (line.Length is 0 or > 160)
        {
            return false;
        }

        var end = line.TrimEnd('"', '\u201D', '\u2019', '\'', ' ');
        return !end.EndsWith('.') || end.EndsWith("...", StringComparison.Ordinal);
    }

    private static Article Build(string id, string name, Uri fileUrl, string title, string text, DateTimeOffset published, string? language) => new()
    {
        Id = id,
        Url = fileUrl.AbsoluteUri,
        CanonicalUrl = fileUrl.AbsoluteUri,
        Source = name,
        Title = title,
        Published = published,
        Fetched = published,
        Language = language,
        Text = text,
        ContentHash = ContentHash.Of(text),
    };
}
