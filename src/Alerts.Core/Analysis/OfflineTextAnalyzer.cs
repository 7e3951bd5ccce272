using System.Text.RegularExpressions;

namespace Alerts.Analysis;

/// <summary>Entities and sentiment without any cloud account: VADER per sentence, and entities
/// from titles, honorifics and a gazetteer.</summary>
public sealed partial class OfflineTextAnalyzer : ITextAnalyzer
{
    private readonly double personConfidence = 0.8;

    public string Name => "offline";

    public Task<TextAnalysis> AnalyzeAsync(string text, string? language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = TextLayout.Paragraphs(text);
        var quotes = TextLayout.Quotes(text, paragraphs);
        var sentences = new List<SentenceSentiment>();
        foreach (var sentence in paragraphs.SelectMany(p => TextLayout.Sentences(text, p, quotes)))
        {
            var compound = VaderSentiment.Default.Compound(text[sentence.Start..sentence.End]);
            sentences.Add(new SentenceSentiment(sentence.Start, sentence.Length, Score(compound)));
        }

        // The document's sentiment is the mean of its sentences' compounds, so a long article is not pushed to ±1.
        var document = sentences.Count == 0 ? SentimentScore.Neutral : Score(sentences.Average(s => s.Sentiment.Score));
        return Task.FromResult(new TextAnalysis(FindEntities(text), document, sentences, 0));
    }

    /// <summary>VADER's usual cut-offs: compound ≥ 0.05 positive, ≤ -0.05 negative.</summary>
    internal static SentimentScore Score(double compound)
    {
        var rounded = Math.Round(compound, 3);
        var label = rounded >= 0.05 ? "positive" : rounded <= -0.05 ? "negative" : "neutral";
        return new SentimentScore(label, rounded);
    }

    private List<Entity> FindEntities(string text)
    {
        var entities = new List<Entity>();
        foreach (Match match in CapitalisedRun().Matches(text))
        {
            var value = match.Value.TrimEnd('.');
            var words = value.Split(' ');
            if (Lexicon.KnownMedia.Contains(value) || Lexicon.KnownOrganizations.Contains(value)
                || (words.Length > 1 && Lexicon.OrganizationHeads.Contains(words[^1])))
            {
                entities.Add(new Entity(value, EntityCategory.Organization, match.Index, value.Length, 0.7));
                continue;
            }

            if (Lexicon.Places.Contains(value))
            {
                entities.Add(new Entity(value, EntityCategory.Location, match.Index, value.Length, 0.8));
                continue;
            }

            var lead = words.TakeWhile(w => !SpeakerPhrase.IsPersonalNameWord(w)).Count();
            var name = words.Skip(lead).TakeWhile(w => SpeakerPhrase.IsPersonalNameWord(w) || Lexicon.Particles.Contains(w)).ToList();
            var titled = lead > 0 && (Lexicon.IsRoleWord(words[lead - 1]) || Lexicon.Honorifics.Contains(words[lead - 1]));
            if (name.Count >= 1 && (titled || (name.Count >= 2 && Lexicon.GenderOfFirstName(name[0]) != Gender.Unknown)))
            {
                var offset = match.Index + words.Take(lead).Sum(w => w.Length + 1);
                var person = string.Join(' ', name);
                entities.Add(new Entity(person, EntityCategory.Person, offset, person.Length, personConfidence));
            }
        }

        foreach (Match match in OrganizationPhrase().Matches(text))
        {
            if (!entities.Any(e => e.Offset <= match.Index && match.Index < e.Offset + e.Length))
            {
                entities.Add(new Entity(match.Value, EntityCategory.Organization, match.Index, match.Length, 0.9));
            }
        }

        return entities.OrderBy(e => e.Offset).ToList();
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])\p{Lu}[\p{L}’'.\-]*(?: (?:(?:de|del|la|los|of)\s)?\p{Lu}[\p{L}’'\-]*\.?){0,5}")]
    private static partial Regex CapitalisedRun();

    [GeneratedRegex(@"\b(?:White House|Pentagon|State Department|Department of (?:Defense|State|Justice|Homeland Security)|Casa Blanca|Pentágono)\b")]
    private static partial Regex OrganizationPhrase();
}
