using System.Collections.Frozen;
using Alerts.Analysis;

namespace Alerts.Novelty;

/// <summary>
/// Who a statement belongs to, for matching. A person is looked up under every word of the name (accents folded,
/// titles and lower-case role words dropped), since which one is the surname differs between name forms:
/// "Juan Carlos Pérez" and "Juan Pérez" meet under "perez", "Pérez Ruiz" and "Juan Pérez" too, "Claudia Sheinbaum
/// Pardo" and "Sheinbaum" under "sheinbaum". Within a bucket the names before the bucket word, and those after it,
/// must not conflict ("Ernesto Sheinbaum" and "Claudia López" are someone else). Organisations go by name; anonymous
/// sources by their kind ("a U.S. official", "a second U.S. official"), matched only within a compatible article context.
/// </summary>
/// <param name="Buckets">Where to look and where a new statement is stored, the first (the likeliest surname) being
/// where its claim is committed.</param>
public sealed record SpeakerIdentity(SpeakerKind Kind, IReadOnlyList<SpeakerBucket> Buckets)
{
    public SpeakerBucket Primary => Buckets[0];

    private static readonly FrozenSet<string> Titles = FrozenSet.Create(StringComparer.Ordinal,
        "mr", "mrs", "ms", "dr", "sr", "sra", "don", "dona", "president", "presidenta", "presidente", "secretary", "senator",
        "sen", "rep", "gen", "general", "minister", "ministro", "ministra", "governor", "gobernador", "gobernadora",
        "mayor", "sir", "lic", "ing", "jr");

    private static readonly FrozenSet<string> Particles = FrozenSet.Create(StringComparer.Ordinal,
        "de", "del", "la", "las", "los", "y", "van", "von", "da", "di", "le");

    private static readonly FrozenSet<string> Determiners = FrozenSet.Create(StringComparer.Ordinal,
        "a", "an", "the", "one", "another", "second", "third", "fourth", "two", "three", "several", "some", "other",
        "un", "una", "otro", "otra", "segundo", "segunda", "el", "la", "los", "las", "unos", "unas", "dos", "tres",
        // Rank words vary between outlets reporting one source.
        "senior", "high", "ranking", "top", "unnamed", "anonymous", "alto", "altos", "anonimo", "anonima");

    public static SpeakerIdentity Of(Speaker speaker)
    {
        ArgumentNullException.ThrowIfNull(speaker);
        // "Farfán-Méndez" is one surname.
        var words = ConceptLexicon.Tokens(speaker.Name.Replace("-", "", StringComparison.Ordinal));
        switch (speaker.Kind)
        {
            case SpeakerKind.Person:
                // "canciller mexicano Marcelo Ebrard": the lower-case words are a role, not names.
                var capitalised = ConceptLexicon.Tokens(string.Join(' ', speaker.Name.Replace("-", "", StringComparison.Ordinal)
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0]))));
                var names = (capitalised.Count > 0 ? capitalised : words)
                    .Where(w => !Titles.Contains(w) && !Particles.Contains(w) && w.Length > 1).ToList();
                if (names.Count == 0)
                {
                    names = words;
                }

                return new SpeakerIdentity(speaker.Kind, PersonBuckets(names));
            case SpeakerKind.AnonymousSource:
                var kind = words.Where(w => !Determiners.Contains(w)).ToList();
                return new SpeakerIdentity(speaker.Kind, [new SpeakerBucket("anonymous:" + string.Join(' ', kind), [])]);
            default:
                var name = words.SkipWhile(w => w is "the" or "la" or "el").ToList();
                return new SpeakerIdentity(speaker.Kind, [new SpeakerBucket("organization:" + string.Join(' ', name), [])]);
        }
    }

    private static SpeakerBucket[] PersonBuckets(List<string> names)
    {
        if (names.Count <= 1)
        {
            return [new("person:" + (names.Count == 0 ? "" : names[0]), [])];
        }

        // "Claudia Sheinbaum" (given name, surname) or "Sheinbaum Pardo" (two surnames); Spanish names carry two
        // surnames, the first of which is used alone: "Claudia Sheinbaum Pardo" is "Sheinbaum".
        var primary = names.Count == 2 ? 1 : names.Count - 2;
        return [.. Enumerable.Range(0, names.Count).OrderBy(i => i == primary ? 0 : 1)
            .Select(i => new SpeakerBucket("person:" + names[i], [.. names[..i]]) { LaterNames = [.. names[(i + 1)..]] })];
    }
}

/// <param name="Name">Where the speaker's statements are kept: "person:sheinbaum", "organization:white house".</param>
/// <param name="GivenNames">Names besides the surname, which must not conflict with another speaker's in the bucket.</param>
public sealed record SpeakerBucket(string Name, IReadOnlyList<string> GivenNames)
{
    // Every statement of a speaker keeps its bucket name: one copy per speaker.
    public string Name { get; init; } = ConceptLexicon.Intern(Name);

    /// <summary>Names after the bucket word: second surnames, which may be left out but not changed.</summary>
    public IReadOnlyList<string> LaterNames { get; init; } = [];

    /// <summary>No conflicting name: on each side of the bucket word, each name of the one with fewer is among the other's.</summary>
    public bool IsCompatibleWith(IReadOnlyList<string> givenNames, IReadOnlyList<string>? laterNames = null)
    {
        ArgumentNullException.ThrowIfNull(givenNames);
        return Within(GivenNames, givenNames) && Within(LaterNames, laterNames ?? []);
    }

    private static bool Within(IReadOnlyList<string> one, IReadOnlyList<string> other)
    {
        var (shorter, longer) = one.Count <= other.Count ? (one, other) : (other, one);
        return shorter.All(longer.Contains);
    }
}
