using Alerts.Analysis;
using Alerts.Novelty;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Tests.Novelty;

/// <summary>Sightings in a few words, and an in-memory index on a fake clock.</summary>
internal sealed class NoveltyHarness
{
    public const string Story = "Mexico rejects any U.S. troop deployment against the cartels";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));

    public NoveltyOptions Options { get; } = new();

    public InMemoryStatementIndex Index { get; }

    public NoveltyHarness() => Index = new InMemoryStatementIndex(Microsoft.Extensions.Options.Options.Create(Options), Time);

    public static Speaker Person(string name) => new(name, null, SpeakerKind.Person);

    public static Speaker Anonymous(string name) => new(name, null, SpeakerKind.AnonymousSource);

    public static StatementSighting Sighting(
        Speaker speaker, string text, string analysis, string? title = null, string? statementId = null, string? url = null,
        DateTimeOffset? published = null)
        => new(
            StatementKeys.Of(speaker, text),
            speaker,
            text,
            StatementKind.Direct,
            analysis,
            new StatementReport("Outlet " + analysis, url ?? $"https://news.example/{analysis}", title ?? Story,
                published ?? new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.Zero), text))
        {
            StatementId = statementId ?? "s1",
        };

    public Task<NoveltyDecision> ClaimAsync(
        Speaker speaker, string text, string analysis, string? title = null, string? statementId = null, DateTimeOffset? published = null)
        => Index.ClaimAsync(Sighting(speaker, text, analysis, title, statementId, published: published), CancellationToken.None);
}
