using System.Globalization;
using System.Text.Json;

namespace Alerts.Fetching;

/// <summary>JSON Feed 1.0/1.1 and the GDELT DOC 2.0 article list.</summary>
internal static class JsonFeedReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static FeedParseResult Read(string text, Uri feedUrl, FeedWarnings warnings, CancellationToken cancellationToken = default)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException e)
        {
            throw new FeedFormatException($"malformed JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FeedFormatException($"not a feed: JSON {root.ValueKind.ToString().ToLowerInvariant()} instead of an object");
            }
            if (String(root, "version") is { } version && version.Contains("jsonfeed.org/version/", StringComparison.OrdinalIgnoreCase))
            {
                return JsonFeed(root, feedUrl, warnings, cancellationToken);
            }
            if (root.TryGetProperty("articles", out var articles) && articles.ValueKind == JsonValueKind.Array)
            {
                return Gdelt(articles, feedUrl, warnings, cancellationToken);
            }
            if (!root.EnumerateObject().Any())
            {
                // GDELT answers a query that matches nothing with "{}".
                warnings.Add("empty JSON object, read as a GDELT article list with no matches");
                return new FeedParseResult(FeedFormat.GdeltDoc, null, [], warnings.ToList());
            }
            throw new FeedFormatException("not a feed: JSON that is neither a JSON Feed nor a GDELT article list");
        }
    }

    private static FeedParseResult JsonFeed(JsonElement root, Uri feedUrl, FeedWarnings warnings, CancellationToken cancellationToken)
    {
        var feedLanguage = String(root, "language");
        var feedAuthor = AuthorOf(root);
        var items = new List<FeedItem>();
        if (root.TryGetProperty("items", out var entries) && entries.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in entries.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var draft = new FeedItemDraft
                {
                    Id = String(entry, "id"),
                    Link = String(entry, "url") ?? String(entry, "external_url"),
                    TitleHtml = String(entry, "title"),
                    SummaryHtml = String(entry, "summary"),
                    ContentHtml = String(entry, "content_html"),
                    ContentText = String(entry, "content_text"),
                    Author = AuthorOf(entry) ?? feedAuthor,
                    Language = String(entry, "language") ?? feedLanguage,
                };
                SetDate(draft, entry, "date_published");
                if (draft.Published is null && draft.PublishedText is null)
                {
                    SetDate(draft, entry, "date_modified");
                }
                if (draft.ToItem(feedUrl, warnings) is { } item)
                {
                    items.Add(item);
                }
            }
        }
        else
        {
            warnings.Add("JSON Feed without an items array");
        }
        return new FeedParseResult(FeedFormat.JsonFeed, String(root, "title"), items, warnings.ToList());
    }

    private static FeedParseResult Gdelt(JsonElement articles, Uri feedUrl, FeedWarnings warnings, CancellationToken cancellationToken)
    {
        var items = new List<FeedItem>();
        foreach (var article in articles.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var draft = new FeedItemDraft
            {
                Link = String(article, "url") ?? String(article, "url_mobile"),
                TitleHtml = String(article, "title"),
                Outlet = String(article, "domain"),
                // GDELT names languages in English ("English", "Spanish"), not with ISO codes.
                Language = String(article, "language"),
            };
            SetDate(draft, article, "seendate");
            if (draft.ToItem(feedUrl, warnings) is { } item)
            {
                items.Add(item);
            }
        }
        return new FeedParseResult(FeedFormat.GdeltDoc, null, items, warnings.ToList());
    }

    private static void SetDate(FeedItemDraft draft, JsonElement entry, string property)
    {
        if (!entry.TryGetProperty(property, out var value))
        {
            return;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds))
        {
            draft.Published = FeedDate.FromUnix(seconds);
            draft.PublishedText = draft.Published is null ? seconds.ToString(CultureInfo.InvariantCulture) : null;
        }
        else if (value.ValueKind == JsonValueKind.String)
        {
            draft.PublishedText = value.GetString();
        }
    }

    private static string? AuthorOf(JsonElement element)
    {
        // JSON Feed 1.1 has "authors"; 1.0 had "author".
        if (element.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            var names = authors.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.Object ? String(a, "name") : null)
                .OfType<string>().ToList();
            if (names.Count > 0)
            {
                return string.Join(", ", names);
            }
        }
        return element.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object ? String(author, "name") : null;
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
