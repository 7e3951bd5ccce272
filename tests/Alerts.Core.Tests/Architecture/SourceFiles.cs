using System.Text.RegularExpressions;

namespace Alerts.Tests.Architecture;

/// <summary>The C# files of a project under <c>src/</c>, read with comments and string contents blanked, so a scan sees
/// only code.</summary>
internal sealed partial record SourceFile(string RelativePath, string Folder, string Namespace, string Code)
{
    public static IReadOnlyList<SourceFile> Of(string project)
    {
        var root = Path.Combine(RepoPaths.Root, "src", project);
        return
        [
            .. Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
                .Where(path => !path.StartsWith("obj/", StringComparison.Ordinal) && !path.StartsWith("bin/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(path => Read(root, path)),
        ];
    }

    /// <summary>Names of the types this file declares.</summary>
    public IEnumerable<string> DeclaredTypes => Declaration().Matches(Code).Select(m => m.Groups[1].Value);

    /// <summary>Every capitalised identifier the code mentions.</summary>
    public IReadOnlySet<string> Identifiers => Identifier().Matches(Code).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The <c>Alerts.X</c> namespaces this file imports with <c>using</c>.</summary>
    public IReadOnlySet<string> Usings => UsingDirective().Matches(Code).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static SourceFile Read(string root, string relativePath)
    {
        var code = Blank(File.ReadAllText(Path.Combine(root, relativePath)));
        var folder = relativePath.Contains('/', StringComparison.Ordinal) ? relativePath[..relativePath.IndexOf('/', StringComparison.Ordinal)] : "";
        var ns = NamespaceDeclaration().Match(code) is { Success: true } m ? m.Groups[1].Value : "";
        return new SourceFile(relativePath, folder, ns, code);
    }

    /// <summary>Comments and the contents of string literals become blanks; line breaks stay, so line counts hold.</summary>
    private static string Blank(string source)
        => CommentOrString().Replace(source, m => Regex.Replace(m.Value, "[^\n]", " "));

    [GeneratedRegex("""//[^\n]*|/\*.*?\*/|@"(?:""|[^"])*"|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])'""", RegexOptions.Singleline)]
    private static partial Regex CommentOrString();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(?!struct\b|class\b)([A-Z]\w*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^\s*using\s+(Alerts(?:\.\w+)*)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();
}
