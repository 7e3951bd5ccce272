using System.Collections.Frozen;
using System.Globalization;

namespace Alerts.Analysis;

/// <summary>VADER (Hutto &amp; Gilbert, 2014) over its own lexicon (see Vader/NOTICE.md): lexicon valences with
/// booster and dampener words, negation within three words, "but" shifting weight to what follows, ALL-CAPS emphasis
/// amid lower-case words, "!" and "?" emphasis, and the normalisation of the sum to a compound score in -1..1.</summary>
/// <remarks>VADER is English. A small Spanish supplement (valences on VADER's scale, negations, boosters, "pero") lets
/// Spanish quotations score too; it never overrides an English entry.</remarks>
internal sealed class VaderSentiment
{
    private const double BoosterIncrement = 0.293;
    private const double BoosterDecrement = -0.293;
    private const double CapsIncrement = 0.733;
    private const double NegationScalar = -0.74;
    private const double Alpha = 15;

    private static readonly Lazy<VaderSentiment> Shared = new(() => new VaderSentiment(LoadEmbeddedLexicon()));

    private static readonly FrozenSet<string> Negations = new[]
    {
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't", "couldn't",
        "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither", "don't",
        "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor",
        "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't",
        "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom",
        "despite", "no",
        // Spanish supplement.
        "nunca", "jamás", "sin", "ni", "tampoco", "nadie", "nada", "ningún", "ninguna", "ninguno",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, double> Boosters = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["absolutely"] = BoosterIncrement,
        ["amazingly"] = BoosterIncrement,
        ["awfully"] = BoosterIncrement,
        ["completely"] = BoosterIncrement,
        ["considerably"] = BoosterIncrement,
        ["decidedly"] = BoosterIncrement,
        ["deeply"] = BoosterIncrement,
        ["effing"] = BoosterIncrement,
        ["enormously"] = BoosterIncrement,
        ["entirely"] = BoosterIncrement,
        ["especially"] = BoosterIncrement,
        ["exceptionally"] = BoosterIncrement,
        ["extremely"] = BoosterIncrement,
        ["fabulously"] = BoosterIncrement,
        ["flipping"] = BoosterIncrement,
        ["flippin"] = BoosterIncrement,
        ["fricking"] = BoosterIncrement,
        ["frickin"] = BoosterIncrement,
        ["frigging"] = BoosterIncrement,
        ["friggin"] = BoosterIncrement,
        ["fully"] = BoosterIncrement,
        ["fucking"] = BoosterIncrement,
        ["greatly"] = BoosterIncrement,
        ["hella"] = BoosterIncrement,
        ["highly"] = BoosterIncrement,
        ["hugely"] = BoosterIncrement,
        ["incredibly"] = BoosterIncrement,
        ["intensely"] = BoosterIncrement,
        ["majorly"] = BoosterIncrement,
        ["more"] = BoosterIncrement,
        ["most"] = BoosterIncrement,
        ["particularly"] = BoosterIncrement,
        ["purely"] = BoosterIncrement,
        ["quite"] = BoosterIncrement,
        ["really"] = BoosterIncrement,
        ["remarkably"] = BoosterIncrement,
        ["so"] = BoosterIncrement,
        ["substantially"] = BoosterIncrement,
        ["thoroughly"] = BoosterIncrement,
        ["totally"] = BoosterIncrement,
        ["tremendously"] = BoosterIncrement,
        ["uber"] = BoosterIncrement,
        ["unbelievably"] = BoosterIncrement,
        ["unusually"] = BoosterIncrement,
        ["utterly"] = BoosterIncrement,
        ["very"] = BoosterIncrement,
        ["almost"] = BoosterDecrement,
        ["barely"] = BoosterDecrement,
        ["hardly"] = BoosterDecrement,
        ["kinda"] = BoosterDecrement,
        ["kindof"] = BoosterDecrement,
        ["kind-of"] = BoosterDecrement,
        ["less"] = BoosterDecrement,
        ["little"] = BoosterDecrement,
        ["marginally"] = BoosterDecrement,
        ["occasionally"] = BoosterDecrement,
        ["partly"] = BoosterDecrement,
        ["scarcely"] = BoosterDecrement,
        ["slightly"] = BoosterDecrement,
        ["somewhat"] = BoosterDecrement,
        ["sorta"] = BoosterDecrement,
        ["sortof"] = BoosterDecrement,
        ["sort-of"] = BoosterDecrement,
        // Spanish supplement.
        ["muy"] = BoosterIncrement,
        ["totalmente"] = BoosterIncrement,
        ["absolutamente"] = BoosterIncrement,
        ["sumamente"] = BoosterIncrement,
        ["extremadamente"] = BoosterIncrement,
        ["completamente"] = BoosterIncrement,
        ["realmente"] = BoosterIncrement,
        ["tan"] = BoosterIncrement,
        ["apenas"] = BoosterDecrement,
        ["algo"] = BoosterDecrement,
        ["poco"] = BoosterDecrement,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Words of the idioms and booster bigrams: a sentence without any skips the idiom checks.
    private static readonly FrozenSet<string> IdiomWords = new[]
    {
        "shit", "bomb", "bad", "ass", "yeah", "right", "cut", "mustard", "kiss", "death", "hand", "mouth", "kind", "sort", "just", "enough",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> BoosterBigrams = new[] { "kind of", "sort of", "just enough" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, double> Idioms = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["the shit"] = 3,
        ["the bomb"] = 3,
        ["bad ass"] = 1.5,
        ["yeah right"] = -2,
        ["cut the mustard"] = 2,
        ["kiss of death"] = -1.5,
        ["hand to mouth"] = -2,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Valences on VADER's -4..4 scale for common Spanish words of political news; ours, not VADER's.
    private const string SpanishSupplement = """
        bueno 1.9 buena 1.9 bien 1.5 excelente 2.7 éxito 2.7 apoyo 1.7 apoya 1.5 cooperación 1.6 cooperamos 1.5
        colaboramos 1.3 colaboración 1.4 acuerdo 1.4 paz 2.5 pacífico 2.2 seguridad 1.4 seguro 1.9 respeto 2.1
        confianza 2.3 bienvenido 2.0 proteger 1.6 ayuda 1.7 ayudar 1.7 progreso 1.8 positivo 2.3 fuerte 2.3 mejor 1.9
        guerra -2.9 amenaza -2.4 amenazas -2.4 ataque -2.1 ataques -2.1 violencia -3.1 violento -2.9 ilegal -2.6
        invasión -2.0 terror -3.0 terrorista -3.0 terroristas -2.8 criminal -2.4 criminales -2.8 crimen -2.5
        corrupción -2.9 corrupto -3.0 peligro -2.4 peligroso -2.1 crisis -3.1 conflicto -1.3 rechazo -1.7 rechaza -1.7
        rechazamos -1.7 violación -2.2 muerte -2.9 muertes -2.9 malo -2.5 mala -2.5 peor -2.1 miedo -2.2
        injerencia -1.8 inaceptable -2.4 grave -2.0 preocupación -1.2 preocupa -1.2 error -1.5 fracaso -2.5
        """;

    private readonly FrozenDictionary<string, double> lexicon;

    internal VaderSentiment(FrozenDictionary<string, double> lexicon) => this.lexicon = lexicon;

    public static VaderSentiment Default => Shared.Value;

    public int LexiconSize => lexicon.Count;

    /// <summary>The compound score of a sentence or short text: -1 (most negative) to 1 (most positive).</summary>
    public double Compound(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        if (words.Count == 0)
        {
            return 0;
        }

        var capsDifferential = CapsDifferential(words);
        var idioms = words.Any(IdiomWords.Contains);
        var sentiments = new double[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var kindOf = word.Equals("kind", StringComparison.OrdinalIgnoreCase) && i + 1 < words.Count
                && words[i + 1].Equals("of", StringComparison.OrdinalIgnoreCase);
            sentiments[i] = kindOf || Boosters.ContainsKey(word) ? 0 : Valence(words, i, word, capsDifferential, idioms);
        }

        ButCheck(words, sentiments);
        var sum = sentiments.Sum();
        var emphasis = PunctuationEmphasis(text);
        sum += sum > 0 ? emphasis : sum < 0 ? -emphasis : 0;
        return Normalise(sum);
    }

    public static double Normalise(double sum) => Math.Clamp(sum / Math.Sqrt((sum * sum) + Alpha), -1, 1);

    private double Valence(List<string> words, int i, string word, bool capsDifferential, bool idioms)
    {
        if (!lexicon.TryGetValue(word, out var valence))
        {
            return 0;
        }

        // "no" before another lexicon word negates it rather than counting on its own.
        if (word.Equals("no", StringComparison.OrdinalIgnoreCase) && i + 1 < words.Count && lexicon.ContainsKey(words[i + 1]))
        {
            return 0;
        }

        if (capsDifferential && IsUpper(words[i]))
        {
            valence += valence > 0 ? CapsIncrement : -CapsIncrement;
        }

        for (var back = 0; back < 3; back++)
        {
            var at = i - (back + 1);
            if (at < 0 || (lexicon.ContainsKey(words[at]) && !words[at].Equals("no", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var scalar = ScalarIncDec(words[at], valence, capsDifferential);
            scalar *= back == 1 ? 0.95 : back == 2 ? 0.9 : 1;
            valence += scalar;
            valence = NeverCheck(valence, words, back, i);
            if (back == 2 && idioms)
            {
                valence = IdiomsCheck(valence, words, i);
            }
        }

        return LeastCheck(valence, words, i);
    }

    private static double ScalarIncDec(string word, double valence, bool capsDifferential)
    {
        if (!Boosters.TryGetValue(word, out var scalar))
        {
            return 0;
        }

        if (valence < 0)
        {
            scalar = -scalar;
        }

        if (capsDifferential && IsUpper(word))
        {
            scalar += valence > 0 ? CapsIncrement : -CapsIncrement;
        }

        return scalar;
    }

    private static double NeverCheck(double valence, List<string> words, int back, int i)
    {
        static bool IsSoOrThis(string w) => w is "so" or "this";
        var before = words[i - (back + 1)];
        return back switch
        {
            0 => IsNegated(before) ? valence * NegationScalar : valence,
            1 when words[i - 2] == "never" && IsSoOrThis(words[i - 1]) => valence * 1.5,
            1 => IsNegated(before) ? valence * NegationScalar : valence,
            2 when (words[i - 3] == "never" && IsSoOrThis(words[i - 2])) || IsSoOrThis(words[i - 1]) => valence * 1.25,
            2 => IsNegated(before) ? valence * NegationScalar : valence,
            _ => valence,
        };
    }

    private static double IdiomsCheck(double valence, List<string> words, int i)
    {
        string Join(int from, int to) => string.Join(' ', words.Skip(from).Take(to - from + 1));
        foreach (var sequence in new[] { Join(i - 1, i), Join(i - 2, i), Join(i - 2, i - 1), Join(i - 3, i - 1), Join(i - 3, i - 2) })
        {
            if (Idioms.TryGetValue(sequence, out var idiom))
            {
                valence = idiom;
                break;
            }
        }

        if (i + 1 < words.Count && Idioms.TryGetValue(Join(i, i + 1), out var next))
        {
            valence = next;
        }

        if (i + 2 < words.Count && Idioms.TryGetValue(Join(i, i + 2), out var nextTwo))
        {
            valence = nextTwo;
        }

        if (BoosterBigrams.Contains(Join(i - 3, i - 2)) || BoosterBigrams.Contains(Join(i - 2, i - 1)))
        {
            valence += BoosterDecrement;
        }

        return valence;
    }

    private double LeastCheck(double valence, List<string> words, int i)
    {
        if (i == 0 || !words[i - 1].Equals("least", StringComparison.OrdinalIgnoreCase) || lexicon.ContainsKey("least"))
        {
            return valence;
        }

        var twoBack = i > 1 ? words[i - 2].ToLowerInvariant() : "";
        return twoBack is "at" or "very" ? valence : valence * NegationScalar;
    }

    /// <summary>"but" (or "pero"): what comes before counts half, what comes after one and a half times.</summary>
    private static void ButCheck(List<string> words, double[] sentiments)
    {
        var but = words.FindIndex(w => w is "but" or "BUT" or "But" or "pero" or "Pero");
        if (but < 0)
        {
            return;
        }

        for (var i = 0; i < sentiments.Length; i++)
        {
            sentiments[i] *= i < but ? 0.5 : i > but ? 1.5 : 1;
        }
    }

    private static double PunctuationEmphasis(string text)
    {
        var exclamations = Math.Min(4, text.Count(c => c is '!' or '¡'));
        var questions = text.Count(c => c is '?');
        var questionAmplifier = questions <= 1 ? 0 : questions <= 3 ? questions * 0.18 : 0.96;
        return (exclamations * 0.292) + questionAmplifier;
    }

    private static bool IsNegated(string word)
    {
        return Negations.Contains(word) || word.Contains("n't", StringComparison.OrdinalIgnoreCase) || word.Contains("n’t", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Python's str.isupper: at least one cased letter and no lower-case one.</summary>
    private static bool IsUpper(string word) => word.Any(char.IsUpper) && !word.Any(char.IsLower);

    /// <summary>Some words, not all, are in capitals: only then is a word in capitals emphasis.</summary>
    private static bool CapsDifferential(List<string> words)
    {
        var caps = words.Count(IsUpper);
        return caps > 0 && caps < words.Count;
    }

    /// <summary>Whitespace tokens with leading and trailing punctuation stripped, unless stripping leaves two characters
    /// or fewer (emoticons such as ":)" stay whole); one-character tokens are dropped, as in VADER.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var stripped = token.Trim(Punctuation);
            var word = stripped.Length <= 2 ? token : stripped;
            if (word.Length > 1)
            {
                words.Add(word);
            }
        }

        return words;
    }

    private static readonly char[] Punctuation =
        "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u201C\u201D\u2018\u2019\u00AB\u00BB\u00BF\u00A1\u2014\u2013\u2026".ToCharArray();

    private static FrozenDictionary<string, double> LoadEmbeddedLexicon()
    {
        using var stream = typeof(VaderSentiment).Assembly.GetManifestResourceStream("Alerts.Analysis.Vader.vader_lexicon.txt")
            ?? throw new InvalidOperationException("The VADER lexicon is not embedded in Alerts.Core.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    internal static FrozenDictionary<string, double> Parse(string lexiconText)
    {
        // Case-insensitive lookups stand for VADER's lower-casing.
        var map = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lexiconText.Split('\n'))
        {
            var fields = line.Split('\t');
            // VADER looks up the lower-cased word, so entries with capitals (a few emoticons) are never reached.
            if (fields.Length >= 2 && !fields[0].Any(char.IsUpper)
                && double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var valence))
            {
                map[fields[0]] = valence;
            }
        }

        var supplement = SpanishSupplement.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < supplement.Length; i += 2)
        {
            map.TryAdd(supplement[i], double.Parse(supplement[i + 1], CultureInfo.InvariantCulture));
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
