using System.Globalization;
using System.Text.Json;

namespace Alerts.Evaluation;

/// <summary>Reads alerts as score.py does: JSON Lines with <c>speaker</c> (a string, or an object whose values are
/// joined) and <c>text</c>, else <c>statement</c>, else <c>quote</c>.</summary>
public static class AlertLines
{
    public static IReadOnlyList<ScoredAlert> Load(string path)
        => File.Exists(path) ? Parse(File.ReadAllText(path), path) : throw new FileNotFoundException($"Alerts file '{path}' does not exist.", path);

    /// <param name="source">Names the input in error messages.</param>
    public static IReadOnlyList<ScoredAlert> Parse(string jsonLines, string source)
    {
        var alerts = new List<ScoredAlert>();
        // Python's text files end lines at \n, \r\n and \r; its strip() also drops \x1c-\x1f.
        var lines = jsonLines.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = PyStrip(lines[i]);
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                alerts.Add(Read(document.RootElement));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                throw new ScoringInputException($"Alerts file '{source}' line {i + 1} is malformed: {e.Message}", e);
            }
        }

        return alerts;
    }

    private static ScoredAlert Read(JsonElement alert)
    {
        if (alert.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"it is {alert.ValueKind}, not an object.");
        }

        var text = "";
        foreach (var name in (string[])["text", "statement", "quote"])
        {
            if (alert.TryGetProperty(name, out var value) && Truthy(value))
            {
                text = value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new FormatException($"\"{name}\" is not a string.");
                break;
            }
        }

        var speaker = !alert.TryGetProperty("speaker", out var s) || !Truthy(s) ? ""
            : s.ValueKind == JsonValueKind.String ? s.GetString()!
            : s.ValueKind == JsonValueKind.Object ? string.Join(' ', LastWins(s).Where(Truthy).Select(Str))
            : throw new FormatException("\"speaker\" is neither a string nor an object.");
        return new ScoredAlert(speaker, text);
    }

    private static string PyStrip(string line)
    {
        static bool Space(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';
        int start = 0, end = line.Length;
        while (start < end && Space(line[start]))
        {
            start++;
        }

        while (end > start && Space(line[end - 1]))
        {
            end--;
        }

        return line[start..end];
    }

    // Python's truth: null, false, 0, "", [] and {} are false.
    private static bool Truthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.False or JsonValueKind.Undefined => false,
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Number => value.GetDouble() != 0,
        JsonValueKind.Array => value.GetArrayLength() > 0,
        JsonValueKind.Object => value.EnumerateObject().Any(),
        _ => true,
    };

    // Python's str() of the values a speaker object may sensibly hold.
    private static string Str(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "True",
        JsonValueKind.Number when value.TryGetInt64(out var n) && !value.GetRawText().Contains('.', StringComparison.Ordinal)
            && !value.GetRawText().Contains('e', StringComparison.OrdinalIgnoreCase) => n.ToString(CultureInfo.InvariantCulture),
        _ => throw new FormatException($"a speaker part is {value.ValueKind} {value.GetRawText()}, not a string."),
    };

    // Python's dict keeps a repeated key at its first place with its last value.
    private static IEnumerable<JsonElement> LastWins(JsonElement obj)
    {
        var order = new List<string>();
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            if (!values.ContainsKey(property.Name))
            {
                order.Add(property.Name);
            }

            values[property.Name] = property.Value;
        }

        return order.Select(n => values[n]);
    }
}
