using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Alerts.Host;

/// <summary>Reads the <c>Values</c> of a Functions-style <c>local.settings.json</c>; <c>A__B</c> names become <c>A:B</c>
/// as the Functions host maps them.</summary>
public static class LocalSettings
{
    public const string FileName = "local.settings.json";

    public static IConfigurationBuilder AddLocalSettings(this IConfigurationBuilder builder, string path)
    {
        if (!File.Exists(path))
        {
            return builder;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{path} is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidOperationException($"{path} has no \"Values\" object.");
            }

            var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in values.EnumerateObject())
            {
                settings[property.Name.Replace("__", ":", StringComparison.Ordinal)] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => property.Value.GetRawText(),
                };
            }

            return builder.AddInMemoryCollection(settings);
        }
    }
}
