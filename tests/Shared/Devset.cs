namespace Alerts.Tests.Corpus;

/// <summary>The shared development set in ../shared/devset beside the repository root (articles, gold labels and the
/// reference alert files), and the Python scorer in ../shared/eval, when they exist.</summary>
internal static class Devset
{
    public static string? Folder { get; } = Find(Path.Combine("shared", "devset"));

    public static string? ScorePy { get; } = Find(Path.Combine("shared", "eval")) is { } eval && File.Exists(Path.Combine(eval, "score.py"))
        ? Path.Combine(eval, "score.py")
        : null;

    public static string? Python { get; } = OnPath("python3");

    public static string PathOf(string name)
        => Path.Combine(Folder ?? throw new InvalidOperationException("The devset folder is absent."), name);

    private static string? Find(string relative)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Alerts.sln")))
        {
            directory = directory.Parent;
        }

        var folder = directory is null ? null : Path.GetFullPath(Path.Combine(directory.FullName, "..", relative));
        return folder is not null && Directory.Exists(folder) ? folder : null;
    }

    private static string? OnPath(string tool)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, tool))
            .FirstOrDefault(File.Exists);
}

/// <summary>A fact over the shared devset; skipped, saying why, when ../shared/devset is not beside the repository, or
/// (with <see cref="NeedsPython"/>) when python3 or ../shared/eval/score.py is not there to compare with.</summary>
public sealed class DevsetFactAttribute : FactAttribute
{
    public DevsetFactAttribute()
    {
        if (Devset.Folder is null)
        {
            Skip = "Devset folder ../shared/devset (beside the folder holding Alerts.sln) is absent.";
        }
    }

    public bool NeedsPython
    {
        get => field;
        set
        {
            field = value;
            if (value && Skip is null && Devset.Python is null)
            {
                Skip = "python3 is not on PATH, so the C# scorer cannot be compared with ../shared/eval/score.py.";
            }
            else if (value && Skip is null && Devset.ScorePy is null)
            {
                Skip = "The Python scorer ../shared/eval/score.py (beside the folder holding Alerts.sln) is absent.";
            }
        }
    }
}
