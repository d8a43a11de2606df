namespace Outcomes.Scoring.ConfidenceIntervals;

/// <summary>
/// Confidence limits for a count (METHODS §1): Byar's approximation, or exact Poisson limits from the
/// chi-squared distribution when the count is below 10. Divide by the denominator and multiply for a rate.
/// </summary>
public static class ByarInterval
{
    public static Interval Of(double count, ConfidenceLevel level = ConfidenceLevel.Ninety5)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A count cannot be negative.");
        }

        return count < 10 ? ExactPoisson(count, level) : Byar(count, level.Z());
    }

    public static Interval Byar(double x, double z)
    {
        var lower = x * Math.Pow(1 - (1 / (9 * x)) - (z / (3 * Math.Sqrt(x))), 3);
        var x1 = x + 1;
        var upper = x1 * Math.Pow(1 - (1 / (9 * x1)) + (z / (3 * Math.Sqrt(x1))), 3);
        return new Interval(lower, upper);
    }

    public static Interval ExactPoisson(double x, ConfidenceLevel level)
    {
        var alpha = level.Alpha();
        var lower = x == 0 ? 0 : ChiSquared.Quantile(alpha / 2, 2 * x) / 2;
        var upper = ChiSquared.Quantile(1 - (alpha / 2), (2 * x) + 2) / 2;
        return new Interval(lower, upper);
    }
}
