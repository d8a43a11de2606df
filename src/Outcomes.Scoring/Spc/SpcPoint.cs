namespace Outcomes.Scoring.Spc;

/// <summary>The special-cause rules of METHODS §3 that flagged a point (a point can break several).</summary>
[Flags]
public enum SpcRules : byte
{
    /// <summary>No rule.</summary>
    None = 0,

    /// <summary>Rule 1: above the upper or below the lower process limit.</summary>
    OutsideLimits = 1,

    /// <summary>Rule 2: part of a run of N or more on one side of the mean.</summary>
    Shift = 2,

    /// <summary>Rule 3: part of a run of N or more, each strictly higher (or lower) than the one before.</summary>
    Trend = 4,

    /// <summary>Rule 4: one of two (of three consecutive) points between the 2σ band and the process limit on one side.</summary>
    TwoOfThree = 8,
}

/// <summary>What a point shows (METHODS §3), with the improvement direction applied.</summary>
public enum SpcPointType : byte
{
    /// <summary>No value (NaN in the series).</summary>
    Missing,

    /// <summary>No special-cause rule applies.</summary>
    CommonCause,

    /// <summary>Special cause on the side the improvement direction calls better.</summary>
    Improvement,

    /// <summary>Special cause on the side the improvement direction calls worse.</summary>
    Concern,

    /// <summary>Special cause on the high side, with no improvement direction.</summary>
    NeutralHigh,

    /// <summary>Special cause on the low side, with no improvement direction.</summary>
    NeutralLow,
}

/// <summary>One point's result: the rules that flagged it and what it shows. Two bytes, for compact arrays.</summary>
public readonly record struct SpcPoint(SpcRules Rules, SpcPointType Type)
{
    /// <summary>True when any special-cause rule flagged the point.</summary>
    public bool IsSpecialCause => Rules != SpcRules.None;
}
