namespace Outcomes.Scoring.Spc;

/// <summary>
/// The limits of one segment of an XmR chart (METHODS §3): from <see cref="Start"/> for <see cref="Length"/> indexes
/// (missing points included). Values are NaN where they cannot be computed (no points; MR̄ needs two adjacent points).
/// </summary>
public readonly record struct SpcSegment
{
    /// <summary>First index of the segment in the series.</summary>
    public int Start { get; init; }

    /// <summary>Indexes in the segment, missing points included.</summary>
    public int Length { get; init; }

    /// <summary>Non-missing points in the segment.</summary>
    public int Points { get; init; }

    /// <summary>Non-missing points the mean and MR̄ were computed from (all, or the fixed baseline).</summary>
    public int BaselinePoints { get; init; }

    /// <summary>Moving ranges used for MR̄ (after screening).</summary>
    public int MovingRanges { get; init; }

    /// <summary>Moving ranges dropped by screening (≥ 3.267·MR̄).</summary>
    public int ScreenedOut { get; init; }

    /// <summary>The centre line.</summary>
    public double Mean { get; init; }

    /// <summary>MR̄, the mean moving range (after screening).</summary>
    public double MovingRangeMean { get; init; }

    /// <summary>Lower process limit: mean − 2.66·MR̄.</summary>
    public double Lower { get; init; }

    /// <summary>Upper process limit: mean + 2.66·MR̄.</summary>
    public double Upper { get; init; }

    /// <summary>Lower edge of the near-limit band: mean − (2/3)·2.66·MR̄ (2σ).</summary>
    public double LowerNear { get; init; }

    /// <summary>Upper edge of the near-limit band: mean + (2/3)·2.66·MR̄ (2σ).</summary>
    public double UpperNear { get; init; }

    /// <summary>Fewer than 13 points in the segment: the limits are trial limits.</summary>
    public bool IsTrial => Points < SpcOptions.TrialBelow;

    /// <summary>True when the limits could be computed (at least two adjacent points).</summary>
    public bool HasLimits => !double.IsNaN(MovingRangeMean);
}
