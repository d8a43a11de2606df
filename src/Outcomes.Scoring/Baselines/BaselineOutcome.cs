namespace Outcomes.Scoring.Baselines;

/// <summary>The change from a baseline, judged by the measure's polarity.</summary>
public enum BaselineOutcome
{
    /// <summary>No current value.</summary>
    NotComparable,
    Improved,
    Worsened,

    /// <summary>No change, or a change smaller than the materiality threshold.</summary>
    NoChange,

    /// <summary>Up, for a measure with no judgement of better or worse.</summary>
    Increased,

    /// <summary>Down, for a measure with no judgement of better or worse.</summary>
    Decreased,
}
