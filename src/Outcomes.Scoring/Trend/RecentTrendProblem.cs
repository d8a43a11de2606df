namespace Outcomes.Scoring.Trend;

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
