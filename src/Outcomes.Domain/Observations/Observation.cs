using Outcomes.Domain.Periods;

namespace Outcomes.Domain.Observations;

/// <summary>
/// One value for measure × org unit × period, or a suppression with its reason (never a zero).
/// Numerator and denominator are kept when the measure is a ratio so roll-ups can recompute it.
/// </summary>
public sealed record Observation
{
    public required string OrgUnitCode { get; init; }

    public required Period Period { get; init; }

    public required string MeasureCode { get; init; }

    public decimal? Value { get; init; }

    public decimal? Numerator { get; init; }

    public decimal? Denominator { get; init; }

    /// <summary>"c", "x", "z", "u", "low", ":", "..": no value, with this reason.</summary>
    public string? SuppressionReason { get; init; }

    public string? Commentary { get; init; }

    /// <summary>Free-text data-quality flag from the return ("estimate", "provisional", "incomplete").</summary>
    public string? DataQualityFlag { get; init; }

    /// <summary>The stored return version this came from; null until stored.</summary>
    public long? ReturnVersionId { get; init; }

    public bool HasValue => Value is not null && SuppressionReason is null;
}
