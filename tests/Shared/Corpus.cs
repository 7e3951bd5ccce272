namespace Alerts.Tests.Corpus;

/// <summary>The shared real-world articles in ../shared/corpus beside the repository root, when that folder exists.</summary>
internal static class Corpus
{
    public static string? Folder { get; } = Find();

    public static string Read(string fileName)
        => File.ReadAllText(Path.Combine(Folder ?? throw new InvalidOperationException("The corpus folder is absent."), fileName));

    private static string? Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Alerts.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            return null;
        }

        var corpus = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "corpus"));
        return Directory.Exists(corpus) ? corpus : null;
    }
}

/// <summary>A fact over the shared corpus; skipped, saying why, when the corpus folder is not beside the repository.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (Corpus.Folder is null)
        {
            Skip = "Corpus folder ../shared/corpus (beside the folder holding Alerts.sln) is absent.";
        }
    }
}
