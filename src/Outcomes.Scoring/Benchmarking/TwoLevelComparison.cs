using Outcomes.Domain.Scores;

namespace Outcomes.Scoring.Benchmarking;

/// <summary>
/// The two-level comparison (METHODS §2): Similar inside the 95% CI, Better/Worse (or Higher/Lower without polarity)
/// between the 95% and 99.8% limits, significantly so beyond 99.8%.
/// </summary>
/// <param name="Comparison">Similar, Better/Worse or Higher/Lower (from the 95% interval).</param>
/// <param name="Significance">Which band the benchmark falls in.</param>
public readonly record struct TwoLevelComparison(BenchmarkComparison Comparison, BenchmarkSignificance Significance)
{
    /// <summary>Not compared.</summary>
    public static TwoLevelComparison NotCompared { get; } = new(BenchmarkComparison.NotCompared, BenchmarkSignificance.NotCompared);

    /// <summary>Beyond the 99.8% interval.</summary>
    public bool IsSignificant => Significance == BenchmarkSignificance.Beyond998;

    /// <summary>"similar to", "better than (95%)", "significantly worse than (99.8%)", "not compared with".</summary>
    public string Describe() => Significance switch
    {
        BenchmarkSignificance.Beyond998 => "significantly " + BenchmarkComparer.Describe(Comparison) + " (99.8%)",
        BenchmarkSignificance.Beyond95 => BenchmarkComparer.Describe(Comparison) + " (95%)",
        _ => BenchmarkComparer.Describe(Comparison),
    };
}
