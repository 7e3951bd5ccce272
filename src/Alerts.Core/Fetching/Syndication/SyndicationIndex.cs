using System.Globalization;
using Alerts.Articles;
using Alerts.Storage;
using Azure;

namespace Alerts.Fetching;

/// <summary>
/// Keeps each story stored once, with lookups that never scan the articles: URL aliases (<c>urls/{id}</c>), one blob
/// per exact content hash (<c>exact/{sha256}</c>) and SimHash band buckets (<c>near/{band}/{byte}</c>): the 64-bit
/// fingerprint is cut into 8 bands of 8 bits, and two fingerprints within 7 bits must agree on at least one band
/// (8 bits: 99.6%). A bucket lists only the stories of the last <see cref="FetchOptions.SyndicationWindow"/>.
/// </summary>
/// <remarks>
/// Exact copies are claimed atomically (create-if-absent), so two instances cannot both store one. Near copies are
/// checked, then recorded: two near copies stored in the same instant by two instances can both get through.
/// </remarks>
public sealed class SyndicationIndex(BlobDocumentStore store, TimeProvider time)
{
    public const int Bands = 8;
    private const int MaxBucketEntries = 1000;
    private const int MaxAlternateUrls = 100;
    private const int CasAttempts = 5;
    /// <summary>A claim this old whose article never appeared was left by a crashed run and may be taken over.</summary>
    private static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(10);

    private const string Container = PipelineNames.FingerprintsContainer;

    public sealed record UrlAlias(string ArticleId);

    public sealed record ExactClaim(string ArticleId, DateTimeOffset Claimed);

    public sealed record BucketEntry(string ArticleId, string Fingerprint, DateTimeOffset Seen);

    public sealed record Bucket(IReadOnlyList<BucketEntry> Entries);

    /// <summary>The band buckets read for one fingerprint, kept so that recording it needs no second read.</summary>
    public sealed class NearLookup
    {
        internal NearLookup(ulong fingerprint, StoredDocument<Bucket>?[] buckets)
        {
            Fingerprint = fingerprint;
            Buckets = buckets;
        }

        public ulong Fingerprint { get; }
        internal StoredDocument<Bucket>?[] Buckets { get; }
        public string? Match { get; internal set; }
    }

    /// <summary>The stored article that was first found at this canonical URL (or that the URL redirected to), if any.</summary>
    public async Task<string?> FindByUrlAsync(string articleId, CancellationToken cancellationToken)
    {
        if (await store.ExistsAsync(PipelineNames.ArticlesContainer, articleId + ".json", cancellationToken))
        {
            return articleId;
        }
        var alias = await store.ReadAsync<UrlAlias>(Container, $"urls/{articleId}.json", cancellationToken);
        return alias?.Document.ArticleId;
    }

    public Task AddUrlAliasAsync(string aliasId, string articleId, CancellationToken cancellationToken) =>
        aliasId == articleId
            ? Task.CompletedTask
            : store.TryCreateAsync(Container, $"urls/{aliasId}.json", new UrlAlias(articleId), cancellationToken);

    /// <summary>Claims <paramref name="contentHash"/> for <paramref name="articleId"/>; returns the article that holds
    /// it already, or null when the claim is ours.</summary>
    public async Task<string?> ClaimExactAsync(string contentHash, string articleId, CancellationToken cancellationToken)
    {
        var name = $"exact/{contentHash}.json";
        var claim = new ExactClaim(articleId, time.GetUtcNow());
        for (var attempt = 0; attempt < CasAttempts; attempt++)
        {
            if (await store.TryCreateAsync(Container, name, claim, cancellationToken))
            {
                return null;
            }
            var existing = await store.ReadAsync<ExactClaim>(Container, name, cancellationToken);
            if (existing is null)
            {
                continue;
            }
            var holder = existing.Document;
            if (holder.ArticleId == articleId
                || (time.GetUtcNow() - holder.Claimed > StaleClaim
                    && !await store.ExistsAsync(PipelineNames.ArticlesContainer, holder.ArticleId + ".json", cancellationToken)))
            {
                return await store.TryReplaceAsync(Container, name, claim, existing.ETag, cancellationToken) ? null : holder.ArticleId;
            }
            return holder.ArticleId;
        }
        return null;
    }

    /// <summary>Points the content hash at the article that turned out to hold the story (a near copy found after
    /// the exact claim), so the next exact copy resolves with one read.</summary>
    public Task PointExactAsync(string contentHash, string articleId, CancellationToken cancellationToken) =>
        store.UpsertAsync(Container, $"exact/{contentHash}.json", new ExactClaim(articleId, time.GetUtcNow()), cancellationToken);

    public async Task<NearLookup> FindNearAsync(ulong fingerprint, TimeSpan window, CancellationToken cancellationToken)
    {
        var buckets = await Task.WhenAll(Enumerable.Range(0, Bands).Select(band =>
            store.ReadAsync<Bucket>(Container, BucketName(band, fingerprint), cancellationToken)));
        var since = time.GetUtcNow() - window;
        var lookup = new NearLookup(fingerprint, buckets);
        lookup.Match = buckets
            .SelectMany(bucket => bucket?.Document.Entries ?? [])
            .Where(entry => entry.Seen >= since)
            .Select(entry => (entry.ArticleId, Distance: ContentHash.Distance(fingerprint, ParseFingerprint(entry.Fingerprint))))
            .Where(candidate => candidate.Distance <= ContentHash.NearDuplicateMaxDistance)
            .OrderBy(candidate => candidate.Distance)
            .Select(candidate => candidate.ArticleId)
            .FirstOrDefault();
        return lookup;
    }

    public async Task AddNearAsync(NearLookup lookup, string articleId, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var now = time.GetUtcNow();
        var entry = new BucketEntry(articleId, FormatFingerprint(lookup.Fingerprint), now);
        await Task.WhenAll(Enumerable.Range(0, Bands).Select(async band =>
        {
            var name = BucketName(band, lookup.Fingerprint);
            var current = lookup.Buckets[band];
            for (var attempt = 0; attempt < CasAttempts; attempt++)
            {
                var entries = (current?.Document.Entries ?? [])
                    .Where(e => e.Seen >= now - window && e.ArticleId != articleId)
                    .TakeLast(MaxBucketEntries - 1)
                    .Append(entry)
                    .ToList();
                var written = current is null
                    ? await store.TryCreateAsync(Container, name, new Bucket(entries), cancellationToken)
                    : await store.TryReplaceAsync(Container, name, new Bucket(entries), current.ETag, cancellationToken);
                if (written)
                {
                    return;
                }
                current = await store.ReadAsync<Bucket>(Container, name, cancellationToken);
            }
        }));
    }

    /// <summary>Records <paramref name="url"/> on the stored article. Replacing a blob raises no BlobCreated event,
    /// so analysis does not run again.</summary>
    public async Task<bool> AddAlternateUrlAsync(string articleId, string url, CancellationToken cancellationToken)
    {
        var name = articleId + ".json";
        for (var attempt = 0; attempt < CasAttempts; attempt++)
        {
            if (await store.ReadAsync<Article>(PipelineNames.ArticlesContainer, name, cancellationToken) is not { } stored)
            {
                return false;
            }
            var article = stored.Document;
            var known = article.AlternateUrls ?? [];
            if (article.Url == url || article.CanonicalUrl == url || known.Contains(url) || known.Count >= MaxAlternateUrls)
            {
                return true;
            }
            if (await store.TryReplaceAsync(PipelineNames.ArticlesContainer, name, article with { AlternateUrls = [.. known, url] }, stored.ETag, cancellationToken))
            {
                return true;
            }
        }
        return false;
    }

    private static string BucketName(int band, ulong fingerprint) =>
        $"near/{band}/{(byte)(fingerprint >> (band * 8)):x2}.json";

    private static string FormatFingerprint(ulong fingerprint) => fingerprint.ToString("x16", CultureInfo.InvariantCulture);

    private static ulong ParseFingerprint(string text) =>
        ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
