namespace Alerts.Analysis;

/// <summary>What the profile's lists find in one piece of text (a statement, a paragraph, an article's subject).</summary>
/// <param name="Action">Sum of the matched action weights; <paramref name="StrongestAction"/> the largest one.</param>
/// <param name="Place">A watched place is named (Mexico); <paramref name="Actor"/> a watched adversary (cartels);
/// <paramref name="Agent"/> someone acting from outside (the United States, "foreign", "intervention").</param>
/// <param name="Here">Mentions of watched places; <paramref name="Away"/> of places elsewhere (Venezuela, Chicago).</param>
/// <param name="Exclusion">The first excluded subject found (tariffs, extradition), or null.</param>
internal sealed record TopicEvidence(
    double Action,
    double StrongestAction,
    bool Place,
    bool Actor,
    bool Agent,
    int Here,
    int Away,
    string? Exclusion)
{
    public static TopicEvidence None { get; } = new(0, 0, false, false, false, 0, 0, null);

    public bool HasAction => Action > 0;

    public bool Tie => Place || Actor;

    /// <summary>Places elsewhere are named, and the watched place less often or not at all.</summary>
    public bool IsElsewhere => Away > Here;

    /// <summary>Places elsewhere are named at least as often as the watched one.</summary>
    public bool LeansElsewhere => Away > 0 && Away >= Here;
}
