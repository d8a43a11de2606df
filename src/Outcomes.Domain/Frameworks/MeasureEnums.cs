namespace Outcomes.Domain.Frameworks;

public enum MeasureUnit
{
    Percentage,
    Count,
    Rate,
    Currency,
    Score,
}

public enum Polarity
{
    HigherIsBetter,
    LowerIsBetter,
    NoJudgement,
}

/// <summary>How a measure rolls up from centre to cluster to authority.</summary>
public enum Aggregation
{
    /// <summary>Counts add up.</summary>
    Sum,

    /// <summary>Σnumerator / Σdenominator × multiplier at every level; never an average of percentages.</summary>
    Ratio,

    /// <summary>Snapshots (e.g. looked after at 31 March): the latest value in the period, summed across units.</summary>
    LatestSnapshot,

    /// <summary>Does not roll up (e.g. a satisfaction score reported only at authority level).</summary>
    None,
}

public enum Frequency
{
    Monthly,
    Quarterly,
    Annual,
}

public enum ConfidenceIntervalMethod
{
    None,
    Wilson,
    Byar,
}

public enum RagScheme
{
    Rag,
    Brag,
    FiveLevel,
}
