using Alerts.Analysis;

namespace Alerts.Novelty;

/// <summary>A known statement as a speaker's index keeps it: what matching needs, and enough to rebuild its
/// <see cref="KnownStatement"/> record should that write have been lost.</summary>
public sealed record IndexedStatement
{
    public required string Key { get; init; }
    public required string Bucket { get; init; }
    public IReadOnlyList<string> GivenNames { get; init; } = [];
    public IReadOnlyList<string> LaterNames { get; init; } = [];
    public required Speaker Speaker { get; init; }
    public required string Text { get; init; }
    public required StatementKind Kind { get; init; }
    public required string FirstAnalysis { get; init; }
    /// <summary>The statement within <see cref="FirstAnalysis"/> that claimed it: a retry of that claim is still new.</summary>
    public string? FirstStatementId { get; init; }
    public required DateTimeOffset FirstSeen { get; init; }
    /// <summary>When the claim was made; the novelty window runs from here.</summary>
    public required DateTimeOffset Claimed { get; init; }
    public IReadOnlyList<Claim> Claims { get; init; } = [];
    /// <summary>Concepts of the first article's title: anonymous sources match only within a compatible context.</summary>
    public IReadOnlyList<string> Context { get; init; } = [];

    public KnownStatement ToKnown(StatementReport firstReport) => new()
    {
        Key = Key,
        Speaker = Speaker,
        Text = Text,
        Kind = Kind,
        FirstAnalysis = FirstAnalysis,
        FirstSeen = FirstSeen,
        Reports = [firstReport],
    };
}

/// <summary>A sighting prepared for matching: its speaker's buckets, its claims and its article's context.</summary>
public sealed record StatementProbe(StatementSighting Sighting, SpeakerIdentity Identity, IReadOnlyList<Claim> Claims, IReadOnlyList<string> Context)
{
    /// <summary>The claims of each of the sighting's other wordings: the probe is known when any wording is.</summary>
    public IReadOnlyList<IReadOnlyList<Claim>> Alternates { get; init; } = [];

    /// <summary>The clause each of <see cref="Claims"/> was read from (empty for another wording's claims).</summary>
    public IReadOnlyList<string> Clauses { get; init; } = [];

    /// <summary>Every claim of every wording, as the index keeps them for later reports to match.</summary>
    public IReadOnlyList<Claim> AllClaims => Alternates.Count == 0
        ? Claims
        : [.. Claims.Concat(Alternates.SelectMany(a => a)).DistinctBy(c => (string.Join(' ', c.Concepts), string.Join(' ', c.Numbers), c.Negated))];

    public static StatementProbe Of(StatementSighting sighting)
    {
        ArgumentNullException.ThrowIfNull(sighting);
        var identity = SpeakerIdentity.Of(sighting.Speaker);
        var context = identity.Kind == SpeakerKind.AnonymousSource ? ConceptLexicon.Concepts(sighting.Report.Title) : [];
        var claims = ClaimSplitter.SplitWithClauses(sighting.Text);
        return new StatementProbe(sighting, identity, [.. claims.Select(c => c.Claim)], context)
        {
            Alternates = [.. sighting.Wordings.Select(ClaimSplitter.Split).Where(c => c.Count > 0)],
            Clauses = [.. claims.Select(c => c.Clause)],
        };
    }

    /// <summary>The probe as one of its other wordings would be.</summary>
    public StatementProbe AsWording(IReadOnlyList<Claim> claims) => this with { Claims = claims, Alternates = [], Clauses = [] };

    /// <summary>Most claims kept per known statement, and concepts per claim: a statement's text is capped
    /// (<see cref="Statement.MaxTextChars"/>), and so is what its speaker's document holds of it.</summary>
    public const int MaxStoredClaims = 32;
    public const int MaxConceptsPerClaim = 64;

    public IndexedStatement ToIndexed(DateTimeOffset claimed) => ToIndexed(claimed, Identity.Primary);

    /// <summary>The copy kept in one of the speaker's buckets, with the names on either side of that bucket's word.</summary>
    public IndexedStatement ToIndexed(DateTimeOffset claimed, SpeakerBucket bucket) => new()
    {
        Key = Sighting.Key,
        Bucket = (bucket ?? throw new ArgumentNullException(nameof(bucket))).Name,
        GivenNames = bucket.GivenNames,
        LaterNames = bucket.LaterNames,
        Speaker = Sighting.Speaker,
        Text = Statement.Bounded(Sighting.Text),
        Kind = Sighting.Kind,
        FirstAnalysis = Sighting.AnalysisName,
        FirstStatementId = Sighting.StatementId,
        FirstSeen = Sighting.Report.Seen,
        Claimed = claimed,
        Claims = [.. AllClaims.Take(MaxStoredClaims).Select(c => c.Concepts.Count <= MaxConceptsPerClaim ? c : c with { Concepts = [.. c.Concepts.Take(MaxConceptsPerClaim)] })],
        Context = Context,
    };
}
