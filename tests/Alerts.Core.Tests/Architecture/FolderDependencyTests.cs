using System.Text.RegularExpressions;

namespace Alerts.Tests.Architecture;

/// <summary>The folders of Alerts.Core depend one way: a folder may use only folders on a lower layer. The stages
/// are layered in the order data flows through them, over the shared rooms below them; Recovery, Replay and
/// Evaluation run the stages; Pipeline composes everything. A scan of the source, so a new reference shows up here
/// the moment it is written.</summary>
public sealed class FolderDependencyTests
{
    /// <summary>Each folder's layer. A folder may depend on folders of a lower number only.</summary>
    private static readonly Dictionary<string, int> Layers = new(StringComparer.Ordinal)
    {
        ["Text"] = 0,
        ["Articles"] = 1,
        ["Storage"] = 1,
        ["Fetching"] = 2,
        ["Analysis"] = 3,
        ["Novelty"] = 4,
        ["Delivery"] = 5,
        ["Recovery"] = 6,
        ["Replay"] = 6,
        ["Evaluation"] = 6,
        ["Pipeline"] = 7,
    };

    private static readonly IReadOnlyList<SourceFile> Core = SourceFile.Of("Alerts.Core");

    [Fact]
    public void Folders_EveryFolderOfCore_HasALayer()
    {
        var unplaced = Core.Select(f => f.Folder).Distinct().Where(folder => !Layers.ContainsKey(folder)).ToList();

        Assert.True(unplaced.Count == 0, $"Give these folders a layer in {nameof(FolderDependencyTests)}: {string.Join(", ", unplaced.Select(f => f.Length == 0 ? "(root)" : f))}");
    }

    [Fact]
    public void Namespaces_EveryFileOfCore_IsInItsFoldersNamespace()
    {
        var misplaced = Core.Where(f => f.Namespace != "Alerts." + f.Folder && !f.Namespace.StartsWith("Alerts." + f.Folder + ".", StringComparison.Ordinal))
            .Select(f => $"{f.RelativePath} ({f.Namespace})")
            .ToList();

        Assert.True(misplaced.Count == 0, "Files outside their folder's namespace:\n" + string.Join("\n", misplaced));
    }

    [Fact]
    public void Dependencies_BetweenFoldersOfCore_PointOnlyToLowerLayers()
    {
        var upward = References()
            .Where(r => Layers.GetValueOrDefault(r.To, int.MaxValue) >= Layers.GetValueOrDefault(r.From, -1))
            .Select(r => $"{r.From} -> {r.To}: {r.File} uses {r.Type}")
            .ToList();

        Assert.True(upward.Count == 0, "References to a folder on the same or a higher layer (a cycle or a backwards flow):\n" + string.Join("\n", upward));
    }

    [Fact]
    public void Options_OfAStage_AreReadOnlyByThatStageAndThePipeline()
    {
        var foreign = References()
            .Where(r => r.Type.EndsWith("Options", StringComparison.Ordinal) && r.From != "Pipeline")
            .Select(r => $"{r.File} reads {r.Type} of {r.To}")
            .ToList();

        Assert.True(foreign.Count == 0, "A stage reading another stage's options (ask the other stage for what it decided):\n" + string.Join("\n", foreign));
    }

    [Fact]
    public void Core_KnowsNothingOfTheHosts()
    {
        var hostTypes = SourceFile.Of("Alerts.Host").Concat(SourceFile.Of("Alerts.Functions"))
            .SelectMany(f => f.DeclaredTypes)
            .Except(Core.SelectMany(f => f.DeclaredTypes))
            .Except(["Program"])
            // A host type may share its name with a constant of Core (StorageConnection, the setting's name).
            .Except(Core.SelectMany(f => Regex.Matches(f.Code, @"\bconst\s+\w+\s+(\w+)").Select(m => m.Groups[1].Value)))
            .ToHashSet(StringComparer.Ordinal);
        var mentions = Core.SelectMany(f => f.Identifiers.Where(hostTypes.Contains).Select(t => $"{f.RelativePath} uses {t}")).ToList();
        var triggerAssemblies = typeof(Alerts.Articles.Article).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("Microsoft.Azure.WebJobs", StringComparison.Ordinal) || a.Name.StartsWith("Microsoft.Azure.Functions", StringComparison.Ordinal))
            .Select(a => $"references {a.Name}");

        var found = mentions.Concat(triggerAssemblies).ToList();
        Assert.True(found.Count == 0, "Alerts.Core must not know a host:\n" + string.Join("\n", found));
    }

    /// <summary>Each use of a type declared in another folder, where the file can see that type: it imports the
    /// type's namespace, qualifies the name with it, or the type sits in the root namespace.</summary>
    private static IEnumerable<(string From, string To, string File, string Type)> References()
    {
        var declared = Core.SelectMany(f => f.DeclaredTypes.Select(t => (Type: t, f.Folder, f.Namespace)))
            .GroupBy(d => d.Type, StringComparer.Ordinal)
            // A name declared in two folders (each stage's Log) cannot be told apart by a scan; each is local anyway.
            .Where(g => g.Select(d => d.Folder).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var file in Core)
        {
            foreach (var name in file.Identifiers)
            {
                if (!declared.TryGetValue(name, out var type) || type.Folder == file.Folder)
                {
                    continue;
                }

                var lastPart = type.Namespace[(type.Namespace.LastIndexOf('.') + 1)..];
                var visible = type.Namespace == "Alerts"
                    || file.Usings.Contains(type.Namespace)
                    || Regex.IsMatch(file.Code, $@"(?<![\w.])(?:Alerts\.)?{Regex.Escape(lastPart)}\.{Regex.Escape(name)}\b");
                if (visible)
                {
                    yield return (file.Folder, type.Folder, file.RelativePath, name);
                }
            }
        }
    }
}
