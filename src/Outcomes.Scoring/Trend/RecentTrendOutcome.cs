namespace Outcomes.Scoring.Trend;

/// <summary>The PHE "recent trend" outcomes (METHODS §4), worded as Fingertips shows them.</summary>
public enum RecentTrendOutcome : byte
{
    /// <summary>Could not be calculated (see <see cref="RecentTrendProblem"/>).</summary>
    NotCalculable,

    /// <summary>χ² ≤ 9.5495 over the last five periods.</summary>
    NoSignificantChange,

    /// <summary>A significant rise, for a measure with no better or worse direction.</summary>
    Increasing,

    /// <summary>A significant fall, for a measure with no better or worse direction.</summary>
    Decreasing,

    /// <summary>A significant rise where higher is better.</summary>
    IncreasingAndGettingBetter,

    /// <summary>A significant rise where lower is better.</summary>
    IncreasingAndGettingWorse,

    /// <summary>A significant fall where lower is better.</summary>
    DecreasingAndGettingBetter,

    /// <summary>A significant fall where higher is better.</summary>
    DecreasingAndGettingWorse,
}

/// <summary>Why a recent trend could not be calculated.</summary>
public enum RecentTrendProblem : byte
{
    /// <summary>It was calculated.</summary>
    None,

    /// <summary>Fewer than five periods.</summary>
    TooFewPoints,

    /// <summary>One of the last five counts or denominators is missing (NaN).</summary>
    MissingValue,

    /// <summary>A denominator of zero or less.</summary>
    ZeroDenominator,

    /// <summary>A negative count, or a count above its denominator.</summary>
    InvalidCount,

    /// <summary>A count equal to its denominator (100%), which METHODS §4 excludes.</summary>
    CountEqualsDenominator,

    /// <summary>No events in any of the five periods, so there is no variance to test.</summary>
    NoEvents,
}
