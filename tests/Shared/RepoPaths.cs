namespace Alerts.Tests;

internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string Corpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));

    public static string NodeTool(string name)
    {
        var path = Path.Combine(Root, "node_modules", ".bin", name);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{name} is not installed: run ./test.sh (or npm ci) in {Root} first.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alerts.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (the folder holding Alerts.sln).");
    }
}
