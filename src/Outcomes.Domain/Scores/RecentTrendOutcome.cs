namespace Outcomes.Domain.Scores;

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
