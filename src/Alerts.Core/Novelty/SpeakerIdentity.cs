using System.Collections.Frozen;
using Alerts.Analysis;

namespace Alerts.Novelty;

/// <summary>
/// Who a statement belongs to, for matching. A person is bucketed by surname (accents folded, titles dropped), so
/// "Claudia Sheinbaum", "Sheinbaum" and "Claudia Sheinbaum Pardo" share one bucket, and within it given names must not
/// conflict ("Ernesto Sheinbaum" is someone else). A name of two words may also be two surnames ("Sheinbaum Pardo"), so
/// it is looked up under its first word too. Organisations go by name; anonymous sources by their kind ("a U.S.
/// official", "a second U.S. official"), matched only within a compatible article context.
/// </summary>
/// <param name="Buckets">Where to look, the first being where a new statement is stored.</param>
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
                var names = words.Where(w => !Titles.Contains(w) && !Particles.Contains(w) && w.Length > 1).ToList();
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

    private static SpeakerBucket[] PersonBuckets(List<string> names) => names.Count switch
    {
        0 => [new("person:", [])],
        1 => [new("person:" + names[0], [])],
        // "Claudia Sheinbaum" (given name, surname) or "Sheinbaum Pardo" (two surnames).
        2 => [new("person:" + names[1], [names[0]]), new("person:" + names[0], [])],
        // Spanish names carry two surnames, the first of which is used alone: "Claudia Sheinbaum Pardo" is "Sheinbaum";
        // "Marco Antonio Rubio" is found under "Rubio" too.
        _ => [new("person:" + names[^2], [.. names[..^2]]), new("person:" + names[^1], [.. names[..^1]])],
    };

}

/// <param name="Name">Where the speaker's statements are kept: "person:sheinbaum", "organization:white house".</param>
/// <param name="GivenNames">Names besides the surname, which must not conflict with another speaker's in the bucket.</param>
public sealed record SpeakerBucket(string Name, IReadOnlyList<string> GivenNames)
{
    // Every statement of a speaker keeps its bucket name: one copy per speaker.
    public string Name { get; init; } = ConceptLexicon.Intern(Name);

    /// <summary>No conflicting given name: each given name of the one with fewer is among the other's.</summary>
    public bool IsCompatibleWith(IReadOnlyList<string> givenNames)
    {
        ArgumentNullException.ThrowIfNull(givenNames);
        var (shorter, longer) = GivenNames.Count <= givenNames.Count ? (GivenNames, givenNames) : (givenNames, GivenNames);
        return shorter.All(longer.Contains);
    }
}
