using System.Text.Json;
using Alerts.Analysis;
using Alerts.Articles;
using Alerts.Delivery;
using Alerts.Novelty;
using Alerts.Storage;

namespace Alerts.Replay;

/// <summary>One line of replay output: an alert the pipeline would send.</summary>
public sealed record ReplayAlert(
    string Key,
    string Speaker,
    string? Role,
    SpeakerKind SpeakerKind,
    string Text,
    StatementKind Kind,
    IReadOnlyList<string> Articles,
    double Relevance,
    double Sentiment,
    DateTimeOffset FirstSeen,
    IReadOnlyList<string> Cues,
    IReadOnlyList<string>? ComparedWith)
{
    /// <summary>With --explain: the known statements it was compared with, best first, and their scores.</summary>
    public IReadOnlyList<StatementComparison>? Compared { get; init; }
}

/// <summary>With --explain: a statement judged a repeat, and the known statement it repeats.</summary>
public sealed record ReplayRepeat(
    string Speaker, string Text, string Article, string RepeatsKey, string RepeatsText, IReadOnlyList<StatementComparison> Compared);

/// <param name="Rejected">Files that could not be read as articles, each with the reason.</param>
public sealed record ReplayResult(int Articles, int Statements, int Alerts, IReadOnlyList<string> Rejected);

/// <summary>Runs analysis, novelty and alert composition over a folder of article files, in file-name order, with
/// in-memory stores: the same code the functions run, without storage or network.</summary>
public sealed class ReplayRunner(ArticleFileReader reader, ArticleAnalyzer analyzer, NoveltyCheck novelty, TimeProvider time)
{
    /// <param name="repeats">With <paramref name="explain"/>: where each statement judged a repeat is written, with what it matched.</param>
    public async Task<ReplayResult> RunAsync(
        string directory, TextWriter output, bool explain, CancellationToken cancellationToken, TextWriter? repeats = null)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Replay folder '{directory}' does not exist.");
        }

        var files = Directory.EnumerateFiles(directory)
            .Where(f => ArticleFileReader.Extensions.Contains(Path.GetExtension(f)))
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        var start = time.GetUtcNow();
        int statements = 0, alerts = 0;
        var rejected = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            // File-name order is publication order: one minute apart.
            Article article;
            try
            {
                article = await reader.ReadAsync(files[i], start.AddMinutes(i), cancellationToken);
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException)
            {
                rejected.Add($"{Path.GetFileName(files[i])}: {e.Message}");
                continue;
            }

            var analysis = await analyzer.AnalyzeAsync(article, cancellationToken);
            statements += analysis.Statements.Count;
            var decided = explain
                ? await novelty.DecideAsync(analysis, Path.GetFileName(files[i]), cancellationToken)
                : await novelty.FindNewAsync(analysis, Path.GetFileName(files[i]), cancellationToken);
            foreach (var repeat in decided.Where(d => !d.Decision.IsNew))
            {
                if (repeats is not null)
                {
                    var line = new ReplayRepeat(
                        repeat.Statement.Speaker.Name, repeat.Statement.Text, Path.GetFileName(files[i]),
                        repeat.Decision.Statement.Key, repeat.Decision.Statement.Text, repeat.Decision.Comparisons);
                    await repeats.WriteLineAsync(JsonSerializer.Serialize(line, AlertsJson.Options).AsMemory(), cancellationToken);
                }
            }

            foreach (var found in decided.Where(d => d.Decision.IsNew))
            {
                var alert = Alert.From(found);
                var line = new ReplayAlert(
                    alert.Key,
                    alert.Speaker.Name,
                    alert.Speaker.Role,
                    alert.Speaker.Kind,
                    alert.Text,
                    alert.Kind,
                    [Path.GetFileName(files[i])],
                    alert.Relevance,
                    alert.Sentiment,
                    alert.FirstSeen,
                    alert.Cues,
                    explain ? found.Decision.ComparedWith : null)
                {
                    Compared = explain ? found.Decision.Comparisons : null,
                };
                await output.WriteLineAsync(JsonSerializer.Serialize(line, AlertsJson.Options).AsMemory(), cancellationToken);
                alerts++;
            }
        }

        return new ReplayResult(files.Count - rejected.Count, statements, alerts, rejected);
    }
}
