using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alerts.Analysis;
using Xunit.Abstractions;

namespace Alerts.Tests.Analysis;

/// <summary>Topic relevance alone, measured on the devset's gold members (../shared/devset beside the repository):
/// each member is scored as if extraction had found it exactly, with its paragraph, the paragraph before and the
/// article's subject. Extraction errors therefore do not blur the figures. The ratchets are what the scorer reaches
/// today: a drop is a regression.</summary>
public sealed partial class TopicDevsetTests(ITestOutputHelper output)
{
    private const int RequiredOnTopicAtLeast = 135;
    private const int OffTopicOnTopicAtMost = 3;
    private const double Threshold = 0.5;

    [DevsetFact]
    public void Score_GoldMembers_RequiredOnTopicAndOffTopicOff()
    {
        var scorer = new TopicScorer(TopicProfile.UsMexicoMilitaryAction);
        var articles = new Dictionary<string, DevsetArticle>();
        var counts = new Dictionary<string, (int OnTopic, int All)>();
        foreach (var (kind, article, text) in Devset.Members())
        {
            if (!articles.TryGetValue(article, out var parsed))
            {
                parsed = articles[article] = DevsetArticle.Read(Devset.ArticlePath(article));
                var subject = scorer.Subject(parsed.Title, parsed.Body);
                Report($"subject {article}: {(subject.OnTopic ? "on-topic" : "off")}{(subject.Excluded ? ", excluded" : "")}{(subject.Elsewhere ? ", elsewhere" : "")}");
            }

            var (paragraph, previous) = parsed.Locate(text);
            var relevance = scorer.Score(scorer.Subject(parsed.Title, parsed.Body), text, paragraph, previous);
            var onTopic = relevance.Relevance >= Threshold;
            var (hits, all) = counts.GetValueOrDefault(kind);
            counts[kind] = (hits + (onTopic ? 1 : 0), all + 1);
            if (onTopic != (kind == "required") && kind != "optional")
            {
                Report($"{(onTopic ? "FALSE-ON " : "MISSED   ")} {article} r={relevance.Relevance} [{string.Join(",", relevance.Cues)}] {Short(text)}");
            }
        }

        var required = counts.GetValueOrDefault("required");
        var offTopic = counts.GetValueOrDefault("offtopic");
        var optional = counts.GetValueOrDefault("optional");
        Report(string.Create(CultureInfo.InvariantCulture,
            $"topic devset: required on-topic {required.OnTopic}/{required.All}  offtopic on-topic {offTopic.OnTopic}/{offTopic.All}  optional on-topic {optional.OnTopic}/{optional.All}"));
        Assert.True(required.OnTopic >= RequiredOnTopicAtLeast, $"required on-topic {required.OnTopic} < {RequiredOnTopicAtLeast}");
        Assert.True(offTopic.OnTopic <= OffTopicOnTopicAtMost, $"off-topic on-topic {offTopic.OnTopic} > {OffTopicOnTopicAtMost}");
    }

    // Console too: ./test.sh shows a test's standard output, so the figures are seen on every run.
    private void Report(string line)
    {
        output.WriteLine(line);
        Console.WriteLine(line);
    }

    private static string Short(string text) => text.Length <= 110 ? text : text[..110] + "…";

    /// <summary>An article as the devset stores it: line 1 the title, then the body, one paragraph a line.</summary>
    private sealed partial record DevsetArticle(string Title, IReadOnlyList<string> Paragraphs)
    {
        public string Body => string.Join("\n\n", Paragraphs);

        public static DevsetArticle Read(string path)
        {
            var lines = File.ReadAllLines(path).Select(Collapse).ToList();
            return new DevsetArticle(lines[0], lines.Skip(1).Where(l => l.Length > 0).ToList());
        }

        /// <summary>The member's paragraph and the one before; a member in the title stands alone there.</summary>
        public (string Paragraph, string? Previous) Locate(string member)
        {
            var wanted = Collapse(member);
            if (Title.Contains(wanted, StringComparison.Ordinal))
            {
                return (Title, null);
            }

            // Where a member runs over a paragraph break, it belongs to the paragraph it starts in.
            var joined = string.Join(" ", Paragraphs);
            var at = joined.IndexOf(wanted, StringComparison.Ordinal);
            Assert.True(at >= 0, $"member not in its article: {wanted}");
            for (int p = 0, start = 0; p < Paragraphs.Count; start += Paragraphs[p].Length + 1, p++)
            {
                if (at < start + Paragraphs[p].Length)
                {
                    return (Paragraphs[p], p > 0 ? Paragraphs[p - 1] : null);
                }
            }

            return (Paragraphs[^1], Paragraphs.Count > 1 ? Paragraphs[^2] : null);
        }

        private static string Collapse(string text) => Spaces().Replace(text, " ").Trim();

        [GeneratedRegex(@"\s+")]
        private static partial Regex Spaces();
    }
}

/// <summary>The devset folder ../shared/devset beside the repository root, when present.</summary>
internal static class Devset
{
    public static string? Folder { get; } = Find();

    public static string ArticlePath(string number)
        => Directory.GetFiles(Path.Combine(Folder!, "articles"), number + "_*.txt").Single();

    /// <summary>Every gold member: its group's kind (required, optional, offtopic), article number and text.</summary>
    public static IEnumerable<(string Kind, string Article, string Text)> Members()
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder!, "gold.json")));
        var members = new List<(string, string, string)>();
        foreach (var group in gold.RootElement.GetProperty("groups").EnumerateArray())
        {
            var kind = group.GetProperty("kind").GetString()!;
            members.AddRange(group.GetProperty("members").EnumerateArray()
                .Select(m => (kind, m.GetProperty("a").GetString()!, m.GetProperty("text").GetString()!)));
        }

        return members;
    }

    private static string? Find()
    {
        string root;
        try
        {
            root = RepoPaths.Root;
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        var folder = Path.GetFullPath(Path.Combine(root, "..", "shared", "devset"));
        return File.Exists(Path.Combine(folder, "gold.json")) ? folder : null;
    }
}

/// <summary>A fact over the devset; skipped, saying why, when ../shared/devset is not beside the repository.</summary>
public sealed class DevsetFactAttribute : FactAttribute
{
    public DevsetFactAttribute()
    {
        if (Devset.Folder is null)
        {
            Skip = "Devset folder ../shared/devset (beside the folder holding Alerts.sln, with gold.json) is absent.";
        }
    }
}
