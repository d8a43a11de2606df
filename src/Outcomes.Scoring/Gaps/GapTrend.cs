namespace Outcomes.Scoring.Gaps;

/// <summary>What happened to the size of a gap between two periods.</summary>
public enum GapTrend
{
    /// <summary>A value of either group is missing in either period.</summary>
    NotComparable,

    /// <summary>The gap got smaller (by at least the materiality threshold); closing to nothing is narrowing too.</summary>
    Narrowed,

    /// <summary>The gap got bigger (by at least the materiality threshold).</summary>
    Widened,

    /// <summary>The gap's size moved by less than the materiality threshold.</summary>
    NoChange,

    /// <summary>The group that was behind is now ahead (the gap changed sign, by at least the materiality threshold).</summary>
    Reversed,
}
