namespace Outcomes.Reporting.Charts;

/// <summary>An axis range with its tick values.</summary>
/// <param name="Min">Lower end of the axis.</param>
/// <param name="Max">Upper end of the axis.</param>
/// <param name="Step">Distance between ticks.</param>
/// <param name="Values">Tick values from low to high, rounded to <paramref name="Decimals"/> places.</param>
/// <param name="Decimals">Decimal places that show every tick exactly.</param>
public sealed record AxisTicks(double Min, double Max, double Step, IReadOnlyList<double> Values, int Decimals);

/// <summary>
/// "Nice numbers" axis ticks (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990): steps of 1, 2 or 5
/// times a power of ten, with the range widened outwards to whole steps ("loose" labelling).
/// </summary>
public static class NiceScale
{
    private const double Epsilon = 1e-9;

    /// <summary>
    /// A nice number near <paramref name="x"/> (&gt; 0): rounded to the nearest of 1, 2, 5, 10 × 10^k when
    /// <paramref name="round"/>, otherwise the smallest of them not below x.
    /// </summary>
    public static double NiceNumber(double x, bool round)
    {
        if (!(double.IsFinite(x) && x > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "A nice number is found for a positive, finite value.");
        }

        var exponent = Math.Floor(Math.Log10(x));
        var power = Math.Pow(10, exponent);
        var fraction = x / power;
        double nice;
        if (round)
        {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        }
        else
        {
            nice = fraction <= 1 + Epsilon ? 1 : fraction <= 2 + Epsilon ? 2 : fraction <= 5 + Epsilon ? 5 : 10;
        }

        return nice * power;
    }

    /// <summary>
    /// Ticks covering [min, max] with about <paramref name="targetTicks"/> ticks. Equal ends get a range around them
    /// (±10%, or 0 to 1 at zero), so a flat series still has an axis; ends given the wrong way round are swapped.
    /// </summary>
    public static AxisTicks Ticks(double min, double max, int targetTicks = 5)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentException($"An axis needs finite ends (got {min} and {max}).", nameof(min));
        }

        if (min > max)
        {
            (min, max) = (max, min);
        }

        if (max - min <= Math.Abs(max) * Epsilon || max == min)
        {
            var pad = max == 0 ? 1 : Math.Abs(max) * 0.1;
            (min, max) = max == 0 ? (0, 1) : (min - pad, max + pad);
        }

        targetTicks = Math.Max(2, targetTicks);
        var range = NiceNumber(max - min, round: false);
        var step = NiceNumber(range / (targetTicks - 1), round: true);
        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + Epsilon));
        var first = Math.Floor((min / step) + Epsilon);
        var last = Math.Ceiling((max / step) - Epsilon);
        var values = new List<double>();
        for (var k = first; k <= last + Epsilon; k++)
        {
            values.Add(Clean(k * step, decimals));
        }

        return new AxisTicks(values[0], values[^1], step, values, decimals);
    }

    /// <summary>Ticks for data spanning [dataMin, dataMax] under the axis options (fixed ends, zero, 0–100 clamp).</summary>
    public static AxisTicks ForAxis(AxisOptions options, double dataMin, double dataMax, int targetTicks)
    {
        ArgumentNullException.ThrowIfNull(options);
        targetTicks = Math.Clamp(targetTicks, 2, Math.Max(2, options.MaxTicks));
        if (options.IncludeZero)
        {
            dataMin = Math.Min(dataMin, 0);
            dataMax = Math.Max(dataMax, 0);
        }

        if (options.ClampPercent)
        {
            dataMin = Math.Clamp(dataMin, 0, 100);
            dataMax = Math.Clamp(dataMax, 0, 100);
        }

        var lo = options.Min ?? dataMin;
        var hi = options.Max ?? dataMax;
        var ticks = Ticks(lo, hi, targetTicks);
        var axisMin = options.Min ?? ticks.Min;
        var axisMax = options.Max ?? ticks.Max;
        if (options.ClampPercent)
        {
            axisMin = Math.Max(0, axisMin);
            axisMax = Math.Min(100, axisMax);
        }

        if (axisMin >= axisMax)
        {
            return ticks;
        }

        var kept = ticks.Values.Where(v => v >= axisMin - (ticks.Step * Epsilon) && v <= axisMax + (ticks.Step * Epsilon)).ToList();
        return kept.Count == ticks.Values.Count && axisMin == ticks.Min && axisMax == ticks.Max
            ? ticks
            : new AxisTicks(axisMin, axisMax, ticks.Step, kept, ticks.Decimals);
    }

    /// <summary>
    /// Widens a data range by a small fraction at each non-zero end, so a value (or a process limit) lying exactly on
    /// a nice number does not sit on the axis line; a zero end stays at zero, so counts never get a negative axis.
    /// </summary>
    internal static (double Lo, double Hi) Headroom(double lo, double hi, double fraction = 0.04)
    {
        var pad = (hi - lo) * fraction;
        return (lo == 0 ? lo : lo - pad, hi == 0 ? hi : hi + pad);
    }

    private static double Clean(double value, int decimals)
    {
        var rounded = Math.Round(value, Math.Min(decimals, 15), MidpointRounding.AwayFromZero);
        return rounded == 0 ? 0 : rounded;
    }
}
