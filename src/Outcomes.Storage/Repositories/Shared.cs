using System.Text.Json;
using System.Text.Json.Serialization;
using Outcomes.Domain.Periods;

namespace Outcomes.Storage.Repositories;

/// <summary>A row that carries a period as period_type + period_start + period_end (period_key is for people reading the table).</summary>
internal abstract class PeriodRow
{
    public string PeriodType { get; set; } = string.Empty;

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public Period ToPeriod() => new(Enum.Parse<PeriodType>(PeriodType), PeriodStart, PeriodEnd);
}

internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException($"Stored JSON did not hold a {typeof(T).Name}.");
}
