namespace Alerts.Fetching;

public enum FeedFormat
{
    /// <summary>RSS 2.0 and 0.9x, including Google News search results.</summary>
    Rss,
    /// <summary>RSS 1.0 (RDF).</summary>
    Rdf,
    /// <summary>Atom 1.0.</summary>
    Atom,
    /// <summary>JSON Feed 1.0 and 1.1.</summary>
    JsonFeed,
    /// <summary>The article list of the GDELT DOC 2.0 API (mode=ArtList, format=json).</summary>
    GdeltDoc,
}
