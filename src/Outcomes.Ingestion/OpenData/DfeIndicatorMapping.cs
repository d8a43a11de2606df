using System.Text.Json;
using System.Text.Json.Serialization;
using Outcomes.Domain.Frameworks;

namespace Outcomes.Ingestion.OpenData;

/// <summary>
/// How one indicator is taken from a DfE tidy CSV: which column holds the value (and numerator/denominator when the
/// value is a ratio), which rows count (<see cref="Filters"/>: column = value, case-insensitive), and which column
/// names the breakdown ("gender" → Total/Boys/Girls). <see cref="Multiplier"/> and <see cref="Decimals"/> let the
/// reader check a published value against its numerator and denominator.
/// </summary>
public sealed record DfeIndicator
{
    public required string Code { get; init; }

    public required string ValueColumn { get; init; }

    public string? NumeratorColumn { get; init; }

    public string? DenominatorColumn { get; init; }

    public IReadOnlyDictionary<string, string> Filters { get; init; } = new Dictionary<string, string>();

    /// <summary>Column naming the breakdown; null gives "Total" for every row.</summary>
    public string? BreakdownColumn { get; init; }

    public MeasureUnit Unit { get; init; } = MeasureUnit.Count;

    public decimal Multiplier { get; init; } = 1m;

    public int Decimals { get; init; }
}

/// <summary>A named set of indicators read from one DfE file layout.</summary>
public sealed record DfeIndicatorMapping
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public required string Name { get; init; }

    public required IReadOnlyList<DfeIndicator> Indicators { get; init; }

    /// <summary>
    /// Reads a mapping from JSON (a file shipped beside a framework, say):
    /// <c>{"name": "...", "indicators": [{"code": "...", "valueColumn": "...", "filters": {"population_type": "..."}}]}</c>.
    /// Gives null and a message when the JSON is unusable.
    /// </summary>
    public static DfeIndicatorMapping? FromJson(Stream json, out string error)
    {
        error = string.Empty;
        try
        {
            var mapping = JsonSerializer.Deserialize<DfeIndicatorMapping>(json, JsonOptions);
            if (mapping is null || mapping.Indicators is null || mapping.Indicators.Count == 0)
            {
                error = "the mapping names no indicators";
                return null;
            }

            var bad = mapping.Indicators.FirstOrDefault(i => string.IsNullOrWhiteSpace(i.Code) || string.IsNullOrWhiteSpace(i.ValueColumn));
            if (bad is not null)
            {
                error = "every indicator needs a code and a valueColumn";
                return null;
            }

            return mapping;
        }
        catch (JsonException ex)
        {
            error = $"the mapping is not valid JSON: {ex.Message}";
            return null;
        }
    }
}

/// <summary>Mappings for the DfE files the product ships with (see /shared/data).</summary>
public static class DfeIndicatorMappings
{
    /// <summary>EYFS profile by LA: % of children reaching a good level of development, by gender.</summary>
    public static DfeIndicatorMapping Gld { get; } = new()
    {
        Name = "dfe-eyfsp-gld",
        Indicators =
        [
            new DfeIndicator
            {
                Code = "dfe-eyfsp-gld-percent",
                ValueColumn = "gld_percent",
                NumeratorColumn = "gld_number",
                DenominatorColumn = "number_of_children",
                BreakdownColumn = "gender",
                Unit = MeasureUnit.Percentage,
                Multiplier = 100m,
                Decimals = 1,
            },
        ],
    };

    /// <summary>Children looked after on 31 March: rate per 10,000 children, and the count.</summary>
    public static DfeIndicatorMapping ChildrenLookedAfter { get; } = new()
    {
        Name = "dfe-cla",
        Indicators =
        [
            new DfeIndicator
            {
                Code = "dfe-cla-rate-per-10000",
                ValueColumn = "rate_per_10000",
                NumeratorColumn = "children_count",
                DenominatorColumn = "population_estimate",
                Filters = new Dictionary<string, string> { ["population_type"] = "Children looked after on 31 March each year" },
                Unit = MeasureUnit.Rate,
                Multiplier = 10000m,
                Decimals = 0,
            },
            new DfeIndicator
            {
                Code = "dfe-cla-count",
                ValueColumn = "children_count",
                Filters = new Dictionary<string, string> { ["population_type"] = "Children looked after on 31 March each year" },
                Unit = MeasureUnit.Count,
            },
        ],
    };
}
