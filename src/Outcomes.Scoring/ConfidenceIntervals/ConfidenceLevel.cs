namespace Outcomes.Scoring.ConfidenceIntervals;

/// <summary>The two confidence levels English public-health reporting uses, with their z values (METHODS §1).</summary>
public enum ConfidenceLevel
{
    Ninety5,
    Ninety9Point8,
}

public static class ConfidenceLevelExtensions
{
    // Full-precision normal quantiles (qnorm(0.975), qnorm(0.999)); METHODS §1 prints them to 6 dp, but the
    // PHE oracles were computed unrounded and differ in the 8th decimal with the rounded 99.8% value.
    public static double Z(this ConfidenceLevel level) => level == ConfidenceLevel.Ninety5 ? 1.959963984540054 : 3.090232306167813;

    /// <summary>Two-sided α: 0.05 or 0.002.</summary>
    public static double Alpha(this ConfidenceLevel level) => level == ConfidenceLevel.Ninety5 ? 0.05 : 0.002;
}

/// <summary>A confidence interval on the scale of its inputs.</summary>
public readonly record struct Interval(double Lower, double Upper)
{
    public bool Contains(double value) => value >= Lower && value <= Upper;

    public Interval Scale(double factor) => new(Lower * factor, Upper * factor);
}
