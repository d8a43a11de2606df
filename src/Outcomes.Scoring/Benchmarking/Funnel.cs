using Outcomes.Domain.Frameworks;
using Outcomes.Scoring.ConfidenceIntervals;

namespace Outcomes.Scoring.Benchmarking;

/// <summary>Funnel limits at one denominator, on the proportion scale (0–1) unless <see cref="Scale"/>d.</summary>
/// <param name="Denominator">n.</param>
/// <param name="Lower95">Lower 95% limit.</param>
/// <param name="Upper95">Upper 95% limit.</param>
/// <param name="Lower998">Lower 99.8% limit.</param>
/// <param name="Upper998">Upper 99.8% limit.</param>
public readonly record struct FunnelLimits(double Denominator, double Lower95, double Upper95, double Lower998, double Upper998)
{
    /// <summary>The limits multiplied (e.g. by 100 for percentages); the denominator is unchanged.</summary>
    public FunnelLimits Scale(double factor) => new(Denominator, Lower95 * factor, Upper95 * factor, Lower998 * factor, Upper998 * factor);

    /// <summary>Classifies a value on the same scale as the limits (strict comparisons: on a limit is inside).</summary>
    public FunnelPosition Classify(double value) =>
        double.IsNaN(value) || double.IsNaN(Lower95) ? FunnelPosition.NotCalculable
        : value < Lower998 ? FunnelPosition.Below998
        : value < Lower95 ? FunnelPosition.Below95
        : value > Upper998 ? FunnelPosition.Above998
        : value > Upper95 ? FunnelPosition.Above95
        : FunnelPosition.Inside;
}

/// <summary>
/// Funnel-plot control limits for a proportion around a benchmark p₀ (METHODS §2), as PHE Fingertips draws them
/// (PHEindicatormethods <c>phe_funnels</c>/<c>phe_funnel_significance</c>): p₀ ± z·√(p₀(1 − p₀)/n) with z for 95%
/// (1.959964) and 99.8% (3.090232), clipped to [0, 1], and a value on a limit counted as inside.
/// </summary>
/// <remarks>
/// PHE writes the limit as the root of a quadratic (its "sigma adjustment"); that root simplifies exactly to the
/// expression above, which is the score test with the benchmark's variance. The score test is what the Wilson interval
/// inverts, so a unit is inside the 95% funnel exactly when its Wilson 95% interval contains p₀: the funnel and the
/// "single overlapping CI" comparison of <see cref="BenchmarkComparer"/> never disagree. Exact binomial (Spiegelhalter)
/// limits would disagree with the Wilson comparison for small n, so they are not used.
/// </remarks>
public static class Funnel
{
    /// <summary>The 95% and 99.8% limits around benchmark proportion p₀ (0–1) at denominator n (&gt; 0).</summary>
    public static FunnelLimits Limits(double benchmark, double denominator)
    {
        if (!(benchmark >= 0 && benchmark <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(benchmark), benchmark, "A benchmark proportion lies between 0 and 1.");
        }

        if (!(denominator > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "A funnel needs a denominator above 0.");
        }

        var sd = Math.Sqrt(benchmark * (1 - benchmark) / denominator);
        var z95 = ConfidenceLevel.Ninety5.Z() * sd;
        var z998 = ConfidenceLevel.Ninety9Point8.Z() * sd;
        return new FunnelLimits(
            denominator,
            Math.Max(0, benchmark - z95),
            Math.Min(1, benchmark + z95),
            Math.Max(0, benchmark - z998),
            Math.Min(1, benchmark + z998));
    }

    /// <summary>Where x/n sits against the funnel around p₀; not calculable without a positive n or with NaN inputs.</summary>
    public static FunnelPosition Classify(double events, double denominator, double benchmark)
    {
        if (!(denominator > 0) || double.IsNaN(events) || !(benchmark >= 0 && benchmark <= 1))
        {
            return FunnelPosition.NotCalculable;
        }

        return Limits(benchmark, denominator).Classify(events / denominator);
    }

    /// <summary>The limits at each denominator, for drawing the funnel.</summary>
    public static FunnelLimits[] Curve(double benchmark, ReadOnlySpan<double> denominators)
    {
        var curve = new FunnelLimits[denominators.Length];
        Curve(benchmark, denominators, curve);
        return curve;
    }

    /// <summary>The limits at each denominator, written into <paramref name="into"/> (allocation-free).</summary>
    public static void Curve(double benchmark, ReadOnlySpan<double> denominators, Span<FunnelLimits> into)
    {
        if (into.Length < denominators.Length)
        {
            throw new ArgumentException($"Need room for {denominators.Length} points (got {into.Length}).", nameof(into));
        }

        for (var i = 0; i < denominators.Length; i++)
        {
            into[i] = Limits(benchmark, denominators[i]);
        }
    }

    /// <summary>
    /// <paramref name="count"/> denominators spaced evenly on a log scale from <paramref name="smallest"/> to
    /// <paramref name="largest"/> (both included), so the curved part of the funnel gets as many points as the flat.
    /// </summary>
    public static double[] Denominators(double smallest, double largest, int count)
    {
        if (!(smallest > 0) || !(largest >= smallest) || count < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"Need 0 < smallest ≤ largest and count ≥ 2 (got {smallest}, {largest}, {count}).");
        }

        var values = new double[count];
        var ratio = Math.Log(largest / smallest) / (count - 1);
        for (var i = 0; i < count; i++)
        {
            values[i] = smallest * Math.Exp(ratio * i);
        }

        values[^1] = largest;
        return values;
    }

    /// <summary>"above the 99.8% funnel limit (better than the benchmark)" and the like.</summary>
    public static string Describe(FunnelPosition position, Polarity polarity)
    {
        var high = position is FunnelPosition.Above95 or FunnelPosition.Above998;
        var judgement = polarity switch
        {
            Polarity.HigherIsBetter => high ? " (better than the benchmark)" : " (worse than the benchmark)",
            Polarity.LowerIsBetter => high ? " (worse than the benchmark)" : " (better than the benchmark)",
            _ => string.Empty,
        };
        return position switch
        {
            FunnelPosition.Inside => "inside the funnel (not significantly different from the benchmark)",
            FunnelPosition.Above95 => "above the 95% funnel limit" + judgement,
            FunnelPosition.Above998 => "above the 99.8% funnel limit" + judgement,
            FunnelPosition.Below95 => "below the 95% funnel limit" + judgement,
            FunnelPosition.Below998 => "below the 99.8% funnel limit" + judgement,
            _ => "not placed on the funnel",
        };
    }
}
