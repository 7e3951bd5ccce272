using Alerts.Analysis;

namespace Alerts.Novelty;

/// <summary>What matching a probe against a speaker's known statements found.</summary>
/// <param name="Match">The known statement it repeats, or null when it is new.</param>
/// <param name="IsRetry">The match is this very claim made before by the same analysis: still new.</param>
/// <param name="Comparisons">The known statements compared, best first, with their scores (the best few).</param>
/// <param name="Candidates">How many known statements were compared: bounded, whatever the size of the index.</param>
public sealed record IndexMatch(IndexedStatement? Match, bool IsRetry, IReadOnlyList<StatementComparison> Comparisons, int Candidates = 0);

/// <summary>
/// The known statements of one speaker bucket within the window, with MinHash band postings so that a lookup
/// compares a bounded candidate set: the bucket's most recent statements plus those sharing most bands with the
/// probe's claims, at most <see cref="NoveltyOptions.MaxCandidates"/> in all. Not thread-safe: callers serialise per bucket.
/// </summary>
public sealed class SpeakerIndex
{
    private const int ExplainedComparisons = 5;
    private const int MaxClaimsPerStatement = 24;
    private const double FillerWeight = 0.1;

    private readonly NoveltyOptions options;
    private readonly List<IndexedStatement> statements = [];
    // Band postings as chains in one list (band → newest posting → older ones): no list per band key, which at a
    // million statements is most of the memory an index holds.
    private readonly Dictionary<long, int> heads = [];
    private readonly List<(int Next, string Key)> chain = [];
    private readonly Dictionary<string, IndexedStatement> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> positions = new(StringComparer.Ordinal);

    public SpeakerIndex(NoveltyOptions options, IEnumerable<IndexedStatement>? statements = null)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        foreach (var statement in statements ?? [])
        {
            Add(statement);
        }
    }

    public IReadOnlyList<IndexedStatement> Statements => statements;

    public int Count => statements.Count;

    /// <summary>The known statement the probe repeats, in its own wording or in any of its article's other wordings.</summary>
    public IndexMatch Match(StatementProbe probe, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var match = MatchWording(probe, now);
        foreach (var alternate in probe.Alternates)
        {
            if (match.Match is not null)
            {
                break;
            }

            var other = MatchWording(probe.AsWording(alternate), now);
            match = other with
            {
                Comparisons = [.. match.Comparisons.Concat(other.Comparisons).OrderByDescending(c => c.Score).DistinctBy(c => c.Key).Take(ExplainedComparisons)],
                Candidates = Math.Max(match.Candidates, other.Candidates),
            };
        }

        return match;
    }

    private IndexMatch MatchWording(StatementProbe probe, DateTimeOffset now)
    {
        var since = now - options.Window;
        var sighting = probe.Sighting;
        if (byKey.TryGetValue(sighting.Key, out var same) && same.Claimed > since && Compatible(probe, same))
        {
            var retry = same.FirstAnalysis == sighting.AnalysisName
                && (same.FirstStatementId is null || sighting.StatementId is null || same.FirstStatementId == sighting.StatementId);
            return new IndexMatch(same, retry, [new StatementComparison(same.Key, same.Text, 1)], 1);
        }

        if (probe.Claims.Count == 0)
        {
            return new IndexMatch(null, false, []);
        }

        var candidates = Candidates(probe, since);
        // A clause of generic words only ("I don't want to say what I am going to do") is filler around the claim.
        var weights = probe.Claims.Select(c => c.Concepts.Any(k => ConceptLexicon.Weight(k) >= 1) || c.Numbers.Count > 0
            ? c.Concepts.Sum(ConceptLexicon.Weight) : FillerWeight).ToArray();
        var scored = new List<(IndexedStatement Statement, double Score)>(candidates.Count);
        var contained = false;
        // The articles whose statements cover each claim: a merge of known statements is one article's statements
        // quoted together, not talking points gathered from many occasions.
        var coveringArticles = probe.Claims.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        foreach (var candidate in candidates)
        {
            double total = 0, covered = 0;
            IReadOnlySet<string>? knownRuns = null;
            for (var i = 0; i < probe.Claims.Count; i++)
            {
                var coverage = Coverage(probe, i, candidate, ref knownRuns);
                if (coverage >= options.ClaimMatchThreshold)
                {
                    coveringArticles[i].Add(candidate.FirstAnalysis);
                }

                total += weights[i];
                covered += weights[i] * coverage;
            }

            var score = covered / total;
            var evidence = Evidence(probe, candidate);
            contained |= evidence >= options.ClaimMatchThreshold;
            scored.Add((candidate, Math.Max(score, evidence)));
        }

        scored.Sort((a, b) => b.Score.CompareTo(a.Score));
        var comparisons = scored.Take(ExplainedComparisons)
            .Select(s => new StatementComparison(s.Statement.Key, s.Statement.Text, Math.Round(s.Score, 3)))
            .ToList();
        // Known when every claim is covered by the known claims of one article (rewordings, partial quotes, and its
        // statements quoted together; one uncovered claim makes the whole quote new), or when one known statement
        // lies within it. Claims covered only by statements of different articles are talking points gathered from
        // several occasions: said together once more, they are a new statement.
        var claims = Enumerable.Range(0, probe.Claims.Count).Where(i => weights[i] > FillerWeight).ToList();
        // A refusal in generic words only ("It's not going to happen") is itself the claim, matched on its own words.
        if (claims.Count == 0)
        {
            claims = [.. Enumerable.Range(0, probe.Claims.Count)];
        }

        var known = scored.Count > 0 && (contained || (claims.Count > 0
            && claims.Skip(1).Aggregate(new HashSet<string>(coveringArticles[claims[0]], StringComparer.Ordinal), (common, i) =>
            {
                common.IntersectWith(coveringArticles[i]);
                return common;
            }).Count > 0));
        return new IndexMatch(known ? scored[0].Statement : null, false, comparisons, candidates.Count);
    }

    /// <summary>How far the known statement covers the probe's claim <paramref name="i"/>. The speaker's own words carried
    /// verbatim from one report to the next ("all options will be on the table") are that claim, whatever the clause
    /// around them or a synonym beside them, but never across a number or a negation the known claims lack.</summary>
    private double Coverage(StatementProbe probe, int i, IndexedStatement candidate, ref IReadOnlySet<string>? knownRuns)
    {
        var claim = probe.Claims[i];
        var coverage = candidate.Claims.Count == 0 ? 0 : candidate.Claims.Max(claim.CoveredBy);
        if (coverage < options.ClaimMatchThreshold && i < probe.Clauses.Count
            && candidate.Claims.Any(k => k.Negated == claim.Negated && claim.Numbers.All(k.Numbers.Contains))
            && SharedPhrase.Within(probe.Clauses[i], knownRuns ??= SharedPhrase.Runs(candidate.Text, SharedPhrase.QuotedWords), SharedPhrase.QuotedWords))
        {
            return options.ClaimMatchThreshold;
        }

        return coverage;
    }

    /// <summary>Evidence beyond the probe's claims being covered, scaled so that <see cref="NoveltyOptions.ClaimMatchThreshold"/>
    /// decides: the known statement lies within the probe (the full quote after a partial one, the quote after the
    /// lead's summary), or, within one article, the two share most of the shorter one's content words.</summary>
    private double Evidence(StatementProbe probe, IndexedStatement known)
    {
        var sameArticle = known.FirstAnalysis == probe.Sighting.AnalysisName;

        // A probe claim sharing no content word with the known statement is a further claim: then the probe is new
        // whatever else it repeats ("we were informed of the order, and no troops will come").
        var knownConcepts = known.Claims.SelectMany(c => c.Concepts).ToHashSet();
        if (sameArticle && known.Claims.Count > 0 && PartialQuoteOf(probe, known, knownConcepts))
        {
            return 1;
        }

        if (known.Claims.Count == 0 || probe.Claims.Count == 0
            || !probe.Claims.All(c => c.Concepts.All(k => ConceptLexicon.Weight(k) < 1) || c.Concepts.Any(k => ConceptLexicon.Weight(k) >= 1 && knownConcepts.Contains(k))))
        {
            return 0;
        }

        // The speaker's own words again in one article ("no estamos de acuerdo", "we have said no"): the same
        // statement resumed, however few of its words the two share otherwise.
        if (sameArticle && SharedPhrase.Between(probe.Sighting.Text, known.Text))
        {
            return 1;
        }

        var knownWeight = known.Claims.Sum(c => c.Concepts.Where(k => ConceptLexicon.Weight(k) >= 1).Count());
        double within = 0;
        // A short known claim ("we do not agree") lies within many a later statement: only one that says two things.
        if (knownWeight >= options.MinContainedConcepts)
        {
            double total = 0, covered = 0;
            var all = true;
            foreach (var claim in known.Claims)
            {
                var weight = Math.Max(claim.Concepts.Sum(ConceptLexicon.Weight), 0.1);
                var coverage = probe.Claims.Max(claim.CoveredBy);
                all &= coverage >= options.ClaimMatchThreshold;
                total += weight;
                covered += weight * coverage;
            }

            within = all ? covered / total : 0;
        }

        // Only the wording the article itself gave first: claims added by other articles' wordings say nothing of this one.
        return sameArticle ? Math.Max(within, SameArticleLikeness(probe.Claims, known.Claims)) : within;
    }

    /// <summary>The speaker's fuller quote after a partial one in the same article ("we have always said it: we do
    /// not agree", then "we do not agree with any intervention; we cooperate, we do not subordinate"): the known
    /// statement's words run on in the probe, and everything it says is said there. One statement, though the probe
    /// goes on to say more.</summary>
    private static bool PartialQuoteOf(StatementProbe probe, IndexedStatement known, HashSet<string> knownConcepts)
    {
        var probeConcepts = probe.Claims.SelectMany(c => c.Concepts).ToHashSet();
        return knownConcepts.Where(k => ConceptLexicon.Weight(k) >= 1).All(probeConcepts.Contains)
            && SharedPhrase.Between(probe.Sighting.Text, known.Text);
    }

    // Shared content of the whole statements over the smaller one's, scaled so that SameArticleThreshold maps onto
    // ClaimMatchThreshold; zero unless they share two content words, their numbers and their polarity.
    private double SameArticleLikeness(IReadOnlyList<Claim> probe, IReadOnlyList<Claim> known)
    {
        // Polarity is that of the two claims sharing most: "more tools to intervene, though unlikely" keeps its first claim's.
        var (closestProbe, closestKnown) = probe.SelectMany(p => known.Select(k => (p, k)))
            .MaxBy(pair => pair.p.Concepts.Count(c => ConceptLexicon.Weight(c) >= 1 && pair.k.Concepts.Contains(c)));
        if (closestProbe.Negated != closestKnown.Negated)
        {
            return 0;
        }

        var (p, k) = (probe.SelectMany(c => c.Concepts).ToHashSet(), known.SelectMany(c => c.Concepts).ToHashSet());
        var (pn, kn) = (probe.SelectMany(c => c.Numbers).ToHashSet(), known.SelectMany(c => c.Numbers).ToHashSet());
        if (!pn.IsSubsetOf(kn) && !kn.IsSubsetOf(pn))
        {
            return 0;
        }

        var shared = p.Where(k.Contains).ToList();
        var sharedNumbers = pn.Count(kn.Contains);
        if (shared.Count(c => ConceptLexicon.Weight(c) >= 1) + sharedNumbers < options.MinContainedConcepts)
        {
            return 0;
        }

        var smaller = Math.Min(p.Sum(ConceptLexicon.Weight), k.Sum(ConceptLexicon.Weight));
        var likeness = smaller == 0 ? 0 : shared.Sum(ConceptLexicon.Weight) / smaller;
        return Math.Min(1, likeness * options.ClaimMatchThreshold / options.SameArticleThreshold);
    }

    public void Add(IndexedStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        statements.Add(statement);
        // The same words again after the window are a new claim under the same key: the newest wins.
        byKey[statement.Key] = statement;
        positions[statement.Key] = statements.Count - 1;
        Post(statement, statement.Claims);
    }

    /// <summary>Adds the claims of a further wording to a known statement, so that later wordings are compared with
    /// every wording seen so far. Null when the wording says nothing the statement's claims do not already say.</summary>
    public IndexedStatement? Enrich(IndexedStatement known, IReadOnlyList<Claim> claims)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(claims);
        if (!byKey.TryGetValue(known.Key, out var current) || current.Claims.Count >= MaxClaimsPerStatement)
        {
            return null;
        }

        var added = claims.Where(c => current.Claims.All(k => c.CoveredBy(k) < 1)).Take(MaxClaimsPerStatement - current.Claims.Count).ToList();
        if (added.Count == 0)
        {
            return null;
        }

        var enriched = current with { Claims = [.. current.Claims, .. added] };
        byKey[known.Key] = enriched;
        statements[positions[known.Key]] = enriched;
        Post(enriched, added);
        return enriched;
    }

    private void Post(IndexedStatement statement, IEnumerable<Claim> claims)
    {
        foreach (var band in claims.SelectMany(c => MinHash.Bands(c, options.LshBands, options.LshRows)).Distinct())
        {
            chain.Add((heads.GetValueOrDefault(band, -1), statement.Key));
            heads[band] = chain.Count - 1;
        }
    }

    /// <summary>Keeps only <paramref name="kept"/>, rebuilding the postings.</summary>
    public void Replace(IReadOnlyList<IndexedStatement> kept)
    {
        ArgumentNullException.ThrowIfNull(kept);
        var copy = kept.ToList();
        statements.Clear();
        heads.Clear();
        chain.Clear();
        byKey.Clear();
        positions.Clear();
        foreach (var statement in copy)
        {
            Add(statement);
        }
    }

    /// <summary>The statements to keep: those within the window, the newest <see cref="NoveltyOptions.MaxStatementsPerSpeaker"/>.</summary>
    public IReadOnlyList<IndexedStatement> Live(DateTimeOffset now)
    {
        var since = now - options.Window;
        return [.. statements.Where(s => s.Claimed > since).OrderBy(s => s.Claimed).TakeLast(options.MaxStatementsPerSpeaker)];
    }

    private List<IndexedStatement> Candidates(StatementProbe probe, DateTimeOffset since)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<IndexedStatement>();
        void Consider(IndexedStatement posted)
        {
            // An enriched statement, or one claimed again after the window, is found by key in its latest version.
            var statement = byKey[posted.Key];
            if (candidates.Count < options.MaxCandidates && statement.Claimed > since && SameOccasion(probe, statement)
                && found.Add(statement.Key) && Compatible(probe, statement))
            {
                candidates.Add(statement);
            }
        }

        for (var i = statements.Count - 1; i >= 0 && statements.Count - i <= options.RecentCandidates; i--)
        {
            Consider(statements[i]);
        }

        // The statements sharing most bands with the probe's claims come first: the closest, whatever their age.
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var band in probe.Claims.SelectMany(c => MinHash.Bands(c, options.LshBands, options.LshRows)))
        {
            for (var posting = heads.GetValueOrDefault(band, -1); posting >= 0; posting = chain[posting].Next)
            {
                var key = chain[posting].Key;
                votes[key] = votes.GetValueOrDefault(key) + 1;
            }
        }

        foreach (var (key, _) in votes.OrderByDescending(v => v.Value).ThenByDescending(v => byKey[v.Key].Claimed))
        {
            if (candidates.Count >= options.MaxCandidates)
            {
                break;
            }

            Consider(byKey[key]);
        }

        return candidates;
    }

    // The same position restated on a later occasion (another day's press conference) is news; reports of one
    // occasion are published within days of it. Only the same words again reach further back (a quote cited later).
    private bool SameOccasion(StatementProbe probe, IndexedStatement known)
        => (probe.Sighting.Report.Seen - known.FirstSeen).Duration() <= options.OccasionWindow;

    private bool Compatible(StatementProbe probe, IndexedStatement known)
    {
        var bucket = probe.Identity.Buckets.FirstOrDefault(b => b.Name == known.Bucket);
        if (bucket is null || !bucket.IsCompatibleWith(known.GivenNames, known.LaterNames))
        {
            return false;
        }

        if (probe.Identity.Kind != SpeakerKind.AnonymousSource)
        {
            return true;
        }

        // "A U.S. official" in a story about tariffs is not the one in a story about troops.
        var shared = probe.Context.Count(known.Context.Contains);
        var smaller = Math.Min(probe.Context.Count, known.Context.Count);
        return smaller > 0 && (double)shared / smaller >= options.AnonymousContextThreshold;
    }
}
