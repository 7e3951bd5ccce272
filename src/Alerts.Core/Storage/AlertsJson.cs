using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alerts.Storage;

/// <summary>The one JSON shape of every document the pipeline stores or prints.</summary>
public static class AlertsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
