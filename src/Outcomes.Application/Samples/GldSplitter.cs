namespace Outcomes.Application.Samples;

/// <summary>
/// Splits an authority's published GLD count (children reaching GLD of children assessed) across its returning
/// units so that the parts sum exactly to the published totals: the roll-up then reproduces the DfE figure.
/// </summary>
public static class GldSplitter
{
    public static IReadOnlyList<(int Numerator, int Denominator)> Split(int numerator, int denominator, int parts, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (parts <= 0 || denominator < parts || numerator > denominator || numerator < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(parts), $"Cannot split {numerator}/{denominator} into {parts} parts.");
        }

        var weights = Enumerable.Range(0, parts).Select(_ => 0.6 + random.NextDouble()).ToArray();
        var denominators = Allocate(denominator, weights);
        var rate = (double)numerator / denominator;
        var rates = denominators.Select(_ => Math.Clamp(rate * (0.88 + (random.NextDouble() * 0.24)), 0, 1)).ToArray();
        var numerators = denominators.Select((d, i) => (int)Math.Round(d * rates[i])).ToArray();

        // Nudge one child at a time until the parts add up to the published count, keeping 0 ≤ x ≤ n.
        var gap = numerator - numerators.Sum();
        for (var i = 0; gap != 0; i = (i + 1) % parts)
        {
            var step = Math.Sign(gap);
            if (numerators[i] + step >= 0 && numerators[i] + step <= denominators[i])
            {
                numerators[i] += step;
                gap -= step;
            }
        }

        return numerators.Zip(denominators).ToList();
    }

    /// <summary>Largest-remainder allocation of a whole total in proportion to weights.</summary>
    public static int[] Allocate(int total, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var whole = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var i in exact.Select((e, i) => (Rem: e - Math.Floor(e), i)).OrderByDescending(x => x.Rem).Take(total - whole.Sum()).Select(x => x.i))
        {
            whole[i]++;
        }

        return whole;
    }
}
