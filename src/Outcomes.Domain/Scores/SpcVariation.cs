namespace Outcomes.Domain.Scores;

/// <summary>The variation icon (METHODS §3), taken from the last non-missing point.</summary>
public enum SpcVariation : byte
{
    /// <summary>No limits: no points, or a single point in the latest segment.</summary>
    NotCalculable,

    /// <summary>The last point shows only common-cause variation.</summary>
    CommonCause,

    /// <summary>The last point is a special cause of improvement.</summary>
    SpecialCauseImprovement,

    /// <summary>The last point is a special cause of concern.</summary>
    SpecialCauseConcern,

    /// <summary>The last point is a high special cause, with no improvement direction.</summary>
    SpecialCauseNeutralHigh,

    /// <summary>The last point is a low special cause, with no improvement direction.</summary>
    SpecialCauseNeutralLow,
}

/// <summary>Assurance against a target from the latest segment's process limits (METHODS §3).</summary>
public enum SpcAssurance : byte
{
    /// <summary>No target, no improvement direction, or no limits.</summary>
    None,

    /// <summary>The target lies outside the limits on the side the process will always meet.</summary>
    ConsistentlyPass,

    /// <summary>The target lies inside the process limits: sometimes met, sometimes not ("inconsistent").</summary>
    HitAndMiss,

    /// <summary>The target lies outside the limits on the side the process will never reach without change.</summary>
    ConsistentlyFail,
}
