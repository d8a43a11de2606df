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
    private DeferredText? _explanation;
    private DeferredText? _recentTrendExplanation;

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

    /// <summary>The return's data-quality flag, or a roll-up's ("incomplete: 5 of 7 units reported a usable value"); null when none.</summary>
    public string? DataQualityFlag { get; init; }

    /// <summary>"Red: 64.0% is 6.0 points below the 70.0% target (amber within 2.0)." and the travel and England sentences.</summary>
    public string Explanation
    {
        get => _explanation?.Text ?? string.Empty;
        init => _explanation = DeferredText.Of(value);
    }

    /// <summary>The same sentences, worded only when first read (how the scoring engine sets them).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DeferredText? DeferredExplanation
    {
        get => _explanation;
        init => _explanation = value;
    }

    /// <summary>Under a five-level scheme, the band's letters ("AG" amber-green, "AR" amber-red); null otherwise.</summary>
    public string? Band { get; init; }

    /// <summary>England comparison by the two-level method: whether England lies beyond the 95% or the 99.8% interval.</summary>
    public BenchmarkSignificance EnglandSignificance { get; init; }

    /// <summary>SPC over the unit's series for this measure up to this period; null when there are fewer than two points.</summary>
    public SpcAtPoint? Spc { get; init; }

    /// <summary>The recent trend over the last five periods (METHODS §4), for proportions.</summary>
    public RecentTrendOutcome RecentTrend { get; init; }

    /// <summary>The recent trend in a sentence, or why it cannot be calculated.</summary>
    public string? RecentTrendExplanation
    {
        get => _recentTrendExplanation?.Text;
        init => _recentTrendExplanation = value is null ? null : DeferredText.Of(value);
    }

    /// <summary>The same sentence, worded only when first read (how scoring sets it).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DeferredText? DeferredRecentTrendExplanation
    {
        get => _recentTrendExplanation;
        init => _recentTrendExplanation = value;
    }

    /// <summary>Quintile (1 lowest values … 5 highest) among the units at the same level under the same parent; null below 5 peers.</summary>
    public int? PeerQuintile { get; init; }

    /// <summary>Position on a funnel plot around the parent unit's proportion (e.g. a cluster against its authority).</summary>
    public FunnelPosition FunnelPosition { get; init; }

    /// <summary>
    /// True when the other score holds the same figures (value, numerator, denominator, suppression): how an annual
    /// figure carried into the quarters after it is recognised as one point of its series, not four.
    /// </summary>
    public bool HasSameFiguresAs(Score other) =>
        other is not null && Actual == other.Actual && Numerator == other.Numerator && Denominator == other.Denominator
        && string.Equals(SuppressionReason, other.SuppressionReason, StringComparison.Ordinal);

    /// <summary>The status letter printed beside the colour (R, A, G, B, AG/AR under five levels, or "–" for grey), so colour is never the only signal.</summary>
    public string StatusLetter => Band ?? Status switch
    {
        RagStatus.Red => "R",
        RagStatus.Amber => "A",
        RagStatus.Green => "G",
        RagStatus.Blue => "B",
        _ => "–",
    };
}
