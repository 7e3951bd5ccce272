using System.Globalization;
using Alerts.Analysis;
using Alerts.Replay;
using Alerts.Text;
using Xunit.Abstractions;

namespace Alerts.Tests.Corpus;

/// <summary>Statement extraction, speaker resolution and topic scoring measured against hand-labelled articles: the
/// shared corpus and our own samples (other outlets and events, English and Spanish, unusual quote forms). The
/// thresholds are what the offline analysis reaches today: a drop is a regression.</summary>
public sealed class CorpusLabelledSetTests(ITestOutputHelper output)
{
    private const double Threshold = 0.5;
    private static readonly string[] MustFind = ["Claudia Sheinbaum", "Marco Rubio", "Anna Kelly", "Brian Finucane", "Cecilia Farfán-Méndez"];

    [CorpusFact]
    public void Extract_LabelledCorpus_ReachesPrecisionRecallAndAccuracy()
    {
        var metrics = Measure(LabelledStatements.CorpusFiles);

        Assert.All(metrics.Required.Where(l => MustFind.Contains(l.Label.Speaker)), l =>
        {
            Assert.True(l.Match is not null, $"not found: {l.Label.File} {l.Label.Fragment}");
            Assert.True(SameSpeaker(l), $"{l.Label.Fragment}: {l.Match!.Speaker.Name} instead of {l.Label.Speaker}");
        });
        metrics.AssertAtLeast(precision: 1.0, recall: 1.0, speaker: 1.0, topic: 1.0);
    }

    [Fact]
    public void Extract_LabelledSamples_ReachesPrecisionRecallAndAccuracy()
    {
        var metrics = Measure(LabelledStatements.SampleFiles);

        metrics.AssertAtLeast(precision: 1.0, recall: 1.0, speaker: 1.0, topic: 1.0);
    }

    private Metrics Measure(IEnumerable<string> files)
    {
        var results = files.SelectMany(Evaluate).ToList();
        var found = results.OfType<Found>().ToList();
        var labels = results.OfType<Labelled>().ToList();
        var required = labels.Where(l => !l.Label.Optional).ToList();
        var matched = labels.Where(l => l.Match is not null).ToList();
        var metrics = new Metrics(
            Ratio(found.Count(f => f.Matched), found.Count),
            Ratio(required.Count(l => l.Match is not null), required.Count),
            Ratio(matched.Count(SameSpeaker), matched.Count),
            Ratio(matched.Count(l => !l.Label.TopicUnsure && l.Relevance >= Threshold == l.Label.OnTopic), matched.Count(l => !l.Label.TopicUnsure)),
            required);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{labels.Count} labels: precision {metrics.Precision:F3}  recall {metrics.Recall:F3}  speaker {metrics.Speaker:F3}  topic {metrics.Topic:F3}"));
        return metrics;
    }

    private IEnumerable<object> Evaluate(string file)
    {
        var (title, text) = Read(file);
        var statements = new StatementExtractor().Extract(text, title);
        var scorer = new TopicScorer(TopicProfile.UsMexicoMilitaryAction);
        // As ArticleAnalyzer does: the article's subject from its title and lead.
        var subject = scorer.Subject(title, text);
        var labels = LabelledStatements.All.Where(l => l.File == file).ToList();
        var name = Path.GetFileName(file);
        foreach (var statement in statements)
        {
            var matched = labels.Any(l => Loose(statement.Text).Contains(Loose(l.Fragment), StringComparison.OrdinalIgnoreCase));
            var relevance = scorer.Score(statement, subject).Relevance;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(matched ? "  " : "??")} {name[..Math.Min(12, name.Length)]} [{statement.Kind}] {statement.Speaker.Name} ({statement.Speaker.Role}, {statement.Speaker.Kind}) r={relevance} [{string.Join(",", scorer.Score(statement, subject).Cues)}]: {statement.Text}"));
            yield return new Found(matched);
        }

        foreach (var label in labels)
        {
            var match = statements.FirstOrDefault(s => Loose(s.Text).Contains(Loose(label.Fragment), StringComparison.OrdinalIgnoreCase));
            var relevance = match is null ? 0 : scorer.Score(match, subject).Relevance;
            if (match is null || !label.Speaker.Equals(match.Speaker.Name, StringComparison.OrdinalIgnoreCase)
                || (!label.TopicUnsure && relevance >= Threshold != label.OnTopic))
            {
                output.WriteLine($"!! {name} {label.Speaker} / {label.Fragment}: {match?.Speaker.Name ?? "missing"} r={relevance}");
            }

            yield return new Labelled(label, match, relevance);
        }
    }

    /// <summary>As replay reads a .txt: the first line is the title when it reads as a headline.</summary>
    private static (string Title, string Text) Read(string file)
    {
        var raw = file.StartsWith(LabelledStatements.SamplePrefix, StringComparison.Ordinal)
            ? File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", "Samples", file[LabelledStatements.SamplePrefix.Length..]))
            : Corpus.Read(file);
        var text = TextCleaner.Clean(raw);
        var split = text.IndexOf('\n', StringComparison.Ordinal);
        var first = split < 0 ? text : text[..split].Trim();
        return split >= 0 && ArticleFileReader.LooksLikeHeadline(first) ? (first, text[(split + 1)..].Trim()) : ("", text.Trim());
    }

    private static bool SameSpeaker(Labelled l) => l.Match is not null && l.Label.Speaker.Equals(l.Match.Speaker.Name, StringComparison.OrdinalIgnoreCase);

    private static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;

    private static string Loose(string s) => s.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"')
        .Replace('\u00AB', '"').Replace('\u00BB', '"');

    private sealed record Found(bool Matched);

    private sealed record Labelled(LabelledStatement Label, ExtractedStatement? Match, double Relevance);

    private sealed record Metrics(double Precision, double Recall, double Speaker, double Topic, IReadOnlyList<Labelled> Required)
    {
        public void AssertAtLeast(double precision, double recall, double speaker, double topic)
        {
            Assert.True(Precision >= precision, $"precision {Precision}");
            Assert.True(Recall >= recall, $"recall {Recall}");
            Assert.True(Speaker >= speaker, $"speaker accuracy {Speaker}");
            Assert.True(Topic >= topic, $"topic accuracy {Topic}");
        }
    }
}
