using Outcomes.Domain.Periods;

namespace Outcomes.Domain.Comparators;

public enum GeographicLevel
{
    National,
    Regional,
    LocalAuthority,
}

/// <summary>
/// A published value for an indicator (e.g. "dfe-eyfsp-gld-percent") in an area (England E92000001, a region,
/// or an authority by GSS code) and period. Used as the England/region/neighbour benchmark, and as the
/// authority-level value where the framework takes it from open data.
/// </summary>
public sealed record ComparatorValue
{
    public required string IndicatorCode { get; init; }

    public required string AreaCode { get; init; }

    public required string AreaName { get; init; }

    public required GeographicLevel Level { get; init; }

    public required Period Period { get; init; }

    /// <summary>Breakdown such as "Total", "Boys", "Girls".</summary>
    public string Breakdown { get; init; } = "Total";

    public decimal? Value { get; init; }

    public decimal? Numerator { get; init; }

    public decimal? Denominator { get; init; }

    public string? SuppressionReason { get; init; }
}
