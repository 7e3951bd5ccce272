using Alerts.Articles;

namespace Alerts.Tests.Shared;

/// <summary>One on-topic article the host and app tests push through the pipeline: one quotation by a defense
/// secretary (its headline restates it, so the article holds one statement) and an off-topic trade line.</summary>
internal static class LangArticle
{
    private const string Text = """
        Defense Secretary Victor Lang spoke to reporters at the Pentagon on Thursday.

        “We will not wait for another attack on our border, and the military is ready to act in Mexico,” Lang said.

        The tariff talks will resume in June, a trade official said.
        """;

    /// <param name="blobName">The article's blob name; its id is the name without ".json".</param>
    /// <param name="slug">The last part of its URL, so each test's article is its own.</param>
    public static Article For(string blobName, string slug) => new()
    {
        Id = Path.GetFileNameWithoutExtension(blobName),
        Url = $"https://news.example.org/2026/{slug}",
        CanonicalUrl = $"https://news.example.org/2026/{slug}",
        Source = "Example Wire",
        Title = "Lang says the military is ready to act in Mexico",
        Published = new DateTimeOffset(2026, 3, 5, 14, 0, 0, TimeSpan.Zero),
        Fetched = new DateTimeOffset(2026, 3, 5, 14, 5, 0, TimeSpan.Zero),
        Language = "en",
        Text = Text,
        ContentHash = ContentHash.Of(Text),
    };
}
