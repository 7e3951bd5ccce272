namespace Alerts.Analysis;

/// <summary>What a watched topic looks like in words. Each term is a word or phrase, optionally ending in "*" to match
/// any ending ("raid*"), optionally followed by "|weight" (0–1; the list's default otherwise). Matching ignores case.</summary>
/// <remarks>A statement is on topic when an action is tied to the watched place or adversary (<see cref="Places"/>,
/// <see cref="Actors"/>) and someone from outside acts (<see cref="Agents"/>), each found in the statement, its
/// context or the article's subject (see <see cref="TopicScorer"/>). <see cref="Elsewhere"/> names places that move
/// the action away from the watched one; <see cref="Exclusions"/> subjects that stay off-topic on their own (trade,
/// extradition). An empty list switches its test off.</remarks>
public sealed partial class TopicProfile
{
    public string Name { get; set; } = "";
    public IReadOnlyList<string> Actions { get; set; } = [];
    public IReadOnlyList<string> Actors { get; set; } = [];
    public IReadOnlyList<string> Places { get; set; } = [];
    public IReadOnlyList<string> Agents { get; set; } = [];
    public IReadOnlyList<string> Elsewhere { get; set; } = [];
    public IReadOnlyList<string> Exclusions { get; set; } = [];

    /// <summary>This profile with every list it leaves empty taken from <paramref name="defaults"/>: a setting such as
    /// Analysis__Topic__Exclusions__0 replaces the default exclusions and keeps the other default lists.</summary>
    public TopicProfile WithDefaults(TopicProfile defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return new TopicProfile
        {
            Name = string.IsNullOrWhiteSpace(Name) ? defaults.Name : Name,
            Actions = Actions.Count > 0 ? Actions : defaults.Actions,
            Actors = Actors.Count > 0 ? Actors : defaults.Actors,
            Places = Places.Count > 0 ? Places : defaults.Places,
            Agents = Agents.Count > 0 ? Agents : defaults.Agents,
            Elsewhere = Elsewhere.Count > 0 ? Elsewhere : defaults.Elsewhere,
            Exclusions = Exclusions.Count > 0 ? Exclusions : defaults.Exclusions,
        };
    }
}
