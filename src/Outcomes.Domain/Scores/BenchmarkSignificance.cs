namespace Outcomes.Domain.Scores;

/// <summary>How far outside an area's intervals a benchmark lies (METHODS §2, two-level variant).</summary>
public enum BenchmarkSignificance : byte
{
    /// <summary>Not compared (no interval or no benchmark).</summary>
    NotCompared,

    /// <summary>The benchmark lies inside the 95% interval (endpoints inclusive).</summary>
    Similar,

    /// <summary>Outside the 95% interval but inside the 99.8% one.</summary>
    Beyond95,

    /// <summary>Outside the 99.8% interval: significantly different.</summary>
    Beyond998,
}
