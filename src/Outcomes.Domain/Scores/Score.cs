using Outcomes.Domain.Periods;

namespace Outcomes.Domain.Scores;

public enum RagStatus
{
    /// <summary>No data, not due, suppressed or no target.</summary>
    Grey,
    Red,
    Amber,
    Green,
    Blue,
}

public enum Direction
{
    NotComparable,
    Improving,
    NoChange,
    Worsening,

    /// <summary>Changed, for a measure with no judgement of better or worse.</summary>
    Increased,
    Decreased,
}

public enum BenchmarkComparison
{
    NotCompared,
    Better,
    Similar,
    Worse,
    Higher,
    Lower,
}

/// <summary>The judgements for measure × org unit × period, each explained in a sentence a councillor can read.</summary>
public sealed record Score
{
    public required string FrameworkCode { get; init; }

    public required string MeasureCode { get; init; }

    public required string OrgUnitCode { get; init; }

    public required Period Period { get; init; }

    public decimal? Actual { get; init; }

    public decimal? Numerator { get; init; }

    public decimal? Denominator { get; init; }

    public string? SuppressionReason { get; init; }

    public decimal? Target { get; init; }

    public RagStatus Status { get; init; }

    public Direction DirectionFromPrevious { get; init; }

    public Direction DirectionFromLastYear { get; init; }

    public decimal? PreviousValue { get; init; }

    public decimal? LowerCi { get; init; }

    public decimal? UpperCi { get; init; }

    public decimal? Comparator { get; init; }

    public BenchmarkComparison ComparedWithEngland { get; init; }

    public string? Commentary { get; init; }

    public required string Explanation { get; init; }

    /// <summary>The status letter printed beside the colour (R, A, G, B, or "–" for grey), so colour is never the only signal.</summary>
    public string StatusLetter => Status switch
    {
        RagStatus.Red => "R",
        RagStatus.Amber => "A",
        RagStatus.Green => "G",
        RagStatus.Blue => "B",
        _ => "–",
    };
}
