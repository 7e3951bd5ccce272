using System.Globalization;
using Alerts.Analysis;
using Alerts.Text;
using Xunit.Abstractions;

namespace Alerts.Tests.Corpus;

/// <summary>Statement extraction, speaker resolution and topic scoring measured against the hand-labelled corpus.
/// The thresholds are what the offline analysis reaches today: a drop is a regression.</summary>
public sealed class CorpusLabelledSetTests(ITestOutputHelper output)
{
    private const double Threshold = 0.5;
    private static readonly string[] MustFind = ["Claudia Sheinbaum", "Marco Rubio", "Anna Kelly", "Brian Finucane", "Cecilia Farfán-Méndez"];

    [CorpusFact]
    public void Extract_LabelledCorpus_ReachesPrecisionRecallAndAccuracy()
    {
        var results = LabelledStatements.Files.SelectMany(Evaluate).ToList();
        var found = results.OfType<Found>().ToList();
        var labels = results.OfType<Labelled>().ToList();

        var precision = Ratio(found.Count(f => f.Matched), found.Count);
        var required = labels.Where(l => !l.Label.Optional).ToList();
        var recall = Ratio(required.Count(l => l.Match is not null), required.Count);
        var matched = labels.Where(l => l.Match is not null).ToList();
        var speakerAccuracy = Ratio(matched.Count(l => SameSpeaker(l)), matched.Count);
        var topicAccuracy = Ratio(matched.Count(l => l.Relevance >= Threshold == l.Label.OnTopic), matched.Count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"precision {precision:F3}  recall {recall:F3}  speaker {speakerAccuracy:F3}  topic {topicAccuracy:F3}"));

        Assert.All(required.Where(l => MustFind.Contains(l.Label.Speaker)), l =>
        {
            Assert.True(l.Match is not null, $"not found: {l.Label.File} {l.Label.Fragment}");
            Assert.True(SameSpeaker(l), $"{l.Label.Fragment}: {l.Match!.Speaker.Name} instead of {l.Label.Speaker}");
        });
        Assert.True(precision >= 0.97, $"precision {precision}");
        Assert.True(recall >= 0.97, $"recall {recall}");
        Assert.True(speakerAccuracy >= 0.97, $"speaker accuracy {speakerAccuracy}");
        Assert.True(topicAccuracy >= 0.95, $"topic accuracy {topicAccuracy}");
    }

    private IEnumerable<object> Evaluate(string file)
    {
        var raw = Corpus.Read(file);
        var title = raw.Split('\n')[0];
        var statements = new StatementExtractor().Extract(TextCleaner.Clean(raw));
        var scorer = new TopicScorer(TopicProfile.UsMexicoMilitaryAction);
        var labels = LabelledStatements.All.Where(l => l.File == file).ToList();
        foreach (var statement in statements)
        {
            var matched = labels.Any(l => Loose(statement.Text).Contains(Loose(l.Fragment), StringComparison.OrdinalIgnoreCase));
            output.WriteLine($"{(matched ? "  " : "??")} {file[..3]} [{statement.Kind}] {statement.Speaker.Name}: {statement.Text}");
            yield return new Found(matched);
        }

        foreach (var label in labels)
        {
            var match = statements.FirstOrDefault(s => Loose(s.Text).Contains(Loose(label.Fragment), StringComparison.OrdinalIgnoreCase));
            var relevance = match is null ? 0 : scorer.Score(match, title).Relevance;
            if (match is null || !label.Speaker.Equals(match.Speaker.Name, StringComparison.OrdinalIgnoreCase) || relevance >= Threshold != label.OnTopic)
            {
                output.WriteLine($"!! {file[..3]} {label.Speaker} / {label.Fragment}: {match?.Speaker.Name ?? "missing"} r={relevance}");
            }

            yield return new Labelled(label, match, relevance);
        }
    }

    private static bool SameSpeaker(Labelled l) => l.Match is not null && l.Label.Speaker.Equals(l.Match.Speaker.Name, StringComparison.OrdinalIgnoreCase);

    private static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;

    private static string Loose(string s) => s.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"');

    private sealed record Found(bool Matched);

    private sealed record Labelled(LabelledStatement Label, ExtractedStatement? Match, double Relevance);
}
