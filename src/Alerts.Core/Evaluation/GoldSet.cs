using System.Text.Json;

namespace Alerts.Evaluation;

public enum GoldKind { Required, Optional, Offtopic }

/// <summary>One statement by one speaker on one occasion; its members are the ways articles word it.</summary>
public sealed record GoldGroup(string Id, GoldKind Kind, string Speaker, IReadOnlyList<string> Members);

/// <summary>Gold labels in the format of shared/devset/gold.json: <c>groups</c>, and speaker <c>keys</c> that add to
/// the scorer's generic ones (<c>{"gold speaker": ["key", …]}</c>).</summary>
public sealed record GoldSet(IReadOnlyList<GoldGroup> Groups, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Keys)
{
    public static GoldSet Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Gold file '{path}' does not exist.", path);
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScoringInputException($"Gold file '{path}' cannot be read: {e.Message}", e);
        }

        return Parse(json, path);
    }

    /// <param name="source">Names the input in error messages.</param>
    public static GoldSet Parse(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            Expect(root, JsonValueKind.Object, "the file");
            var keys = root.TryGetProperty("keys", out var k) ? ReadKeys(k) : [];
            if (!root.TryGetProperty("groups", out var groups))
            {
                throw new FormatException("it has no \"groups\".");
            }

            Expect(groups, JsonValueKind.Array, "\"groups\"");
            var read = groups.EnumerateArray().Select(ReadGroup).ToList();
            // score.py divides by the number of required groups.
            return read.Any(g => g.Kind == GoldKind.Required)
                ? new GoldSet(read, keys)
                : throw new FormatException("it has no required groups, so recall is undefined.");
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new ScoringInputException($"Gold file '{source}' is malformed: {e.Message}", e);
        }
    }

    private static GoldGroup ReadGroup(JsonElement group, int index)
    {
        Expect(group, JsonValueKind.Object, $"group {index}");
        var id = Text(group, "id", $"group {index}");
        var where = $"group '{id}'";
        var kind = Text(group, "kind", where) switch
        {
            "required" => GoldKind.Required,
            "optional" => GoldKind.Optional,
            "offtopic" => GoldKind.Offtopic,
            var other => throw new FormatException($"{where} has kind '{other}', not required, optional or offtopic."),
        };
        var speaker = Text(group, "speaker", where);
        if (!group.TryGetProperty("members", out var members) || members.ValueKind != JsonValueKind.Array || members.GetArrayLength() == 0)
        {
            throw new FormatException($"{where} needs \"members\": a non-empty array.");
        }

        return new GoldGroup(id, kind, speaker, [.. members.EnumerateArray().Select((m, i) => Text(m, "text", $"{where} member {i}"))]);
    }

    // A later duplicate key replaces an earlier one in place, as Python's dict does.
    private static List<KeyValuePair<string, IReadOnlyList<string>>> ReadKeys(JsonElement keys)
    {
        Expect(keys, JsonValueKind.Object, "\"keys\"");
        var read = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (var property in keys.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Array || property.Value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
            {
                throw new FormatException($"the keys of '{property.Name}' must be an array of strings.");
            }

            var entry = KeyValuePair.Create(property.Name, (IReadOnlyList<string>)[.. property.Value.EnumerateArray().Select(v => v.GetString()!)]);
            var at = read.FindIndex(e => e.Key == property.Name);
            if (at >= 0)
            {
                read[at] = entry;
            }
            else
            {
                read.Add(entry);
            }
        }

        return read;
    }

    private static string Text(JsonElement element, string name, string where)
    {
        Expect(element, JsonValueKind.Object, where);
        return element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"{where} needs \"{name}\" as a string.");
    }

    private static void Expect(JsonElement element, JsonValueKind kind, string what)
    {
        if (element.ValueKind != kind)
        {
            throw new FormatException($"{what} is {element.ValueKind}, expected {kind}.");
        }
    }
}
