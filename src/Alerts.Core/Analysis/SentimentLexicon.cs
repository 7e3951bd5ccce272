using System.Collections.Frozen;
using System.Globalization;

namespace Alerts.Analysis;

/// <summary>A deliberately small valence lexicon (VADER's -4..4 scale) with negation and intensifiers, in English
/// and Spanish. A later task replaces it with the full VADER lexicon.</summary>
internal static class SentimentLexicon
{
    private const double NegationFactor = -0.74;
    private const double Booster = 0.293;
    private const double Alpha = 15;

    private static readonly FrozenDictionary<string, double> Valence = Parse("""
        good 1.9 great 3.1 welcome 2.0 welcomed 1.8 success 2.7 successful 2.8 support 1.7 supports 1.5 cooperate 1.5
        cooperation 1.6 collaborate 1.3 agree 1.5 agreement 1.4 peace 2.5 peaceful 2.2 safe 1.9 safety 1.8 protect 1.6
        protecting 1.4 protection 1.4 secure 1.4 help 1.7 helped 1.6 benefit 2.0 progress 1.8 positive 2.3 strong 2.3
        effective 2.1 effectively 2.0 hope 1.9 praise 2.6 praised 2.4 win 2.8 best 3.2 better 1.9 bold 1.1 respect 2.1
        confident 2.2 trust 2.3 stable 1.2 friendly 2.2 thank 1.5 thanks 1.9 ally 1.5 allies 1.3 commitment 1.3
        war -2.9 threat -2.4 threats -2.4 threaten -2.0 threatened -2.0 attack -2.1 attacks -2.1 kill -3.5 killed -3.5
        killing -3.4 death -2.9 deaths -2.9 violence -3.1 violent -2.9 illegal -2.6 unlawful -2.5 illegality -2.4
        invasion -2.0 terror -3.0 terrorist -3.0 terrorists -2.8 criminal -2.4 criminals -2.8 crime -2.5 corrupt -3.0
        corruption -2.9 danger -2.4 dangerous -2.1 crisis -3.1 tension -1.3 tensions -1.3 conflict -1.3 problem -1.7
        fail -2.5 failed -2.3 refuse -1.2 refused -1.2 reject -1.7 rejected -1.7 deny -1.4 denied -1.3 accused -1.2
        accusation -1.0 violation -2.2 devastate -3.1 devastating -3.2 bad -2.5 worse -2.1 worst -3.1 fear -2.2
        angry -2.3 concern -1.1 concerned -1.2 misdiagnosis -1.5 weaken -1.5 destroy -2.7 unclear -1.0 impediment -1.2
        abuse -3.2 hostile -2.3 condemn -2.2 condemned -2.2 warning -1.4 risk -1.1 chaos -2.6 disaster -3.1
        bueno 1.9 buena 1.9 bien 1.5 éxito 2.7 apoyo 1.7 cooperación 1.6 cooperamos 1.5 colaboramos 1.3 acuerdo 1.4
        paz 2.5 seguridad 1.4 respeto 2.1 confianza 2.3 guerra -2.9 amenaza -2.4 ataque -2.1 violencia -3.1
        ilegal -2.6 invasión -2.0 terrorista -3.0 terroristas -2.8 criminal -2.4 crimen -2.5 corrupción -2.9
        peligro -2.4 crisis -3.1 conflicto -1.3 rechazo -1.7 rechaza -1.7 violación -2.2 muerte -2.9 muertes -2.9
        malo -2.5 mala -2.5 miedo -2.2 injerencia -1.8
        """);

    private static readonly FrozenSet<string> Negations = new[]
    {
        "not", "no", "never", "without", "nor", "none", "nobody", "nothing", "cannot", "neither", "nunca", "jamás", "sin",
        "ni", "tampoco", "nadie", "nada",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Intensifiers = new[]
    {
        "very", "extremely", "absolutely", "totally", "highly", "really", "so", "completely", "deeply", "incredibly",
        "most", "muy", "totalmente", "absolutamente", "sumamente", "extremadamente",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Dampeners = new[]
    {
        "slightly", "somewhat", "barely", "hardly", "little", "partly", "marginally", "algo", "poco",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The summed valence of a sentence, before normalisation.</summary>
    public static double Sum(string sentence)
    {
        var words = sentence.Split([' ', ',', '.', ';', ':', '!', '?', '\u201C', '\u201D', '"', '\u00AB', '\u00BB', '(', ')'],
            StringSplitOptions.RemoveEmptyEntries);
        double sum = 0;
        for (var i = 0; i < words.Length; i++)
        {
            if (!Valence.TryGetValue(words[i], out var valence))
            {
                continue;
            }

            if (i > 0 && Intensifiers.Contains(words[i - 1]))
            {
                valence += Math.Sign(valence) * Booster;
            }
            else if (i > 0 && Dampeners.Contains(words[i - 1]))
            {
                valence -= Math.Sign(valence) * Booster;
            }

            for (var back = 1; back <= 3 && i - back >= 0; back++)
            {
                if (IsNegation(words[i - back]))
                {
                    valence *= NegationFactor;
                    break;
                }
            }

            sum += valence;
        }

        return sum;
    }

    /// <summary>VADER's normalisation of a valence sum into -1..1.</summary>
    public static double Normalise(double sum) => sum == 0 ? 0 : sum / Math.Sqrt((sum * sum) + Alpha);

    public static SentimentScore Score(double normalised)
    {
        var rounded = Math.Round(normalised, 3);
        var label = rounded >= 0.05 ? "positive" : rounded <= -0.05 ? "negative" : "neutral";
        return new SentimentScore(label, rounded);
    }

    private static bool IsNegation(string word)
        => Negations.Contains(word) || word.EndsWith("n't", StringComparison.OrdinalIgnoreCase)
            || word.EndsWith("n’t", StringComparison.OrdinalIgnoreCase);

    private static FrozenDictionary<string, double> Parse(string pairs)
    {
        var parts = pairs.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        var map = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            map[parts[i]] = double.Parse(parts[i + 1], CultureInfo.InvariantCulture);
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
