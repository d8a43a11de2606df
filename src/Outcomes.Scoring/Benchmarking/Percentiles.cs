namespace Outcomes.Scoring.Benchmarking;

/// <summary>
/// Percentiles by linear interpolation at position (N − 1)p + 1 of the sorted values, as Excel's PERCENTILE.INC
/// (METHODS §2). Oracle: 1…100 gives P25 = 25.75, median 50.5, P75 = 75.25.
/// </summary>
public static class Percentiles
{
    /// <summary>The p-th percentile (0 ≤ p ≤ 1) of values already sorted ascending, with no NaN; NaN when empty.</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile lies between 0 and 1.");
        }

        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var position = (sorted.Length - 1) * p;
        var below = (int)Math.Floor(position);
        var fraction = position - below;
        return below + 1 < sorted.Length
            ? sorted[below] + (fraction * (sorted[below + 1] - sorted[below]))
            : sorted[below];
    }

    /// <summary>The p-th percentile of values in any order; NaN values are ignored; NaN when none remain.</summary>
    public static double Of(ReadOnlySpan<double> values, double p)
    {
        var sorted = SortedCopy(values);
        return OfSorted(sorted, p);
    }

    /// <summary>The non-NaN values, sorted ascending, in a new array.</summary>
    public static double[] SortedCopy(ReadOnlySpan<double> values)
    {
        var count = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                count++;
            }
        }

        var sorted = new double[count];
        var k = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                sorted[k++] = v;
            }
        }

        Array.Sort(sorted);
        return sorted;
    }
}
