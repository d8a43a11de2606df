namespace Outcomes.Scoring.Exceptions;

/// <summary>Why something is brought to a board's attention, most serious first (the order a pack lists them in).</summary>
public enum ExceptionKind
{
    /// <summary>Red against target and worse than the previous period ("red-red").</summary>
    RedAndWorsening,

    /// <summary>A return that was due has not arrived.</summary>
    MissingReturn,

    /// <summary>Red against target.</summary>
    Red,

    /// <summary>SPC special cause of concern at the latest point.</summary>
    SpecialCauseConcern,

    /// <summary>A return that arrived after its deadline.</summary>
    LateReturn,

    /// <summary>A value flagged as an outlier against its own history (data quality).</summary>
    Outlier,

    /// <summary>SPC limits drawn from fewer than 13 points: read them as provisional.</summary>
    TrialLimits,
}
