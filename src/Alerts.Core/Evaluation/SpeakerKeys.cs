namespace Alerts.Evaluation;

/// <summary>Which gold speakers an alert's speaker names: a key names its gold speaker when the alert's speaker has it
/// at the start of a word, accents and case folded. The generic keys come first; the gold file's keys replace or add.</summary>
internal sealed class SpeakerKeys
{
    private const int MaxSpeakerWords = 8; // one speaker, not a list of names

    private static readonly KeyValuePair<string, IReadOnlyList<string>>[] Generic =
    [
        new("u.s. official", ["official"]),
        new("new york times", ["times"]),
        new("wall street journal", ["journal", "wsj"]),
        new("white house", ["white house"]),
        new("abc news", ["abc"]),
        new("foreign ministry", ["foreign", "sre", "exteriores", "cancill"]),
        new("embassy", ["embassy", "embajada"]),
        new("justice department", ["justice", "doj"]),
    ];

    private readonly List<(string Speaker, IReadOnlyList<string> Keys)> table;
    private readonly Dictionary<string, (IReadOnlyList<string> Raw, List<string> Joined)> cache = new(StringComparer.Ordinal);

    public SpeakerKeys(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> goldKeys)
    {
        var merged = Generic.ToList();
        foreach (var entry in goldKeys)
        {
            var at = merged.FindIndex(e => e.Key == entry.Key);
            if (at >= 0)
            {
                merged[at] = entry;
            }
            else
            {
                merged.Add(entry);
            }
        }

        table = [.. merged.Select(e => (ScoreText.Joined(e.Key), e.Value))];
    }

    /// <summary>The alert names the gold speaker, and no other gold speaker whose keys share none with it.</summary>
    public bool Accepts(string goldSpeaker, string alertSpeaker, IEnumerable<string> allGoldSpeakers)
    {
        if (alertSpeaker.Length == 0 || ScoreText.Words(alertSpeaker).Count > MaxSpeakerWords)
        {
            return false;
        }

        var alert = ScoreText.Joined(alertSpeaker);
        if (!Names(goldSpeaker, alert))
        {
            return false;
        }

        var mine = KeysOf(goldSpeaker).Raw;
        // The gold file's key strings are compared as written, as score.py's set intersection does.
        return allGoldSpeakers.All(other => !Names(other, alert) || KeysOf(other).Raw.Any(k => mine.Contains(k, StringComparer.Ordinal)));
    }

    private bool Names(string goldSpeaker, string joinedAlertSpeaker)
        => KeysOf(goldSpeaker).Joined.Any(key => key.Length == 0
            ? joinedAlertSpeaker.Length > 0
            : joinedAlertSpeaker.StartsWith(key, StringComparison.Ordinal) || joinedAlertSpeaker.Contains(" " + key, StringComparison.Ordinal));

    private (IReadOnlyList<string> Raw, List<string> Joined) KeysOf(string goldSpeaker)
    {
        if (!cache.TryGetValue(goldSpeaker, out var keys))
        {
            var speaker = ScoreText.Joined(goldSpeaker);
            var raw = table.FirstOrDefault(e => e.Speaker == speaker).Keys ?? [goldSpeaker];
            keys = (raw, [.. raw.Select(ScoreText.Joined)]);
            cache[goldSpeaker] = keys;
        }

        return keys;
    }
}
