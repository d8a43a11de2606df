using System.Text.Json;
using YamlDotNet.Serialization;

namespace Outcomes.Reporting;

/// <summary>
/// Reads YAML by way of JSON, so settings and definitions bind with System.Text.Json (read-only lists,
/// DateOnly, case-insensitive names) whichever form a council writes them in.
/// </summary>
internal static class YamlAsJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static T? Deserialize<T>(string text, bool isYaml)
    {
        if (isYaml)
        {
            var graph = new DeserializerBuilder().Build().Deserialize<object?>(text);
            if (graph is null)
            {
                return default;
            }

            text = new SerializerBuilder().JsonCompatible().Build().Serialize(graph);
        }

        return JsonSerializer.Deserialize<T>(text, Options);
    }
}
