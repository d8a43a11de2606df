using Outcomes.Scoring.Spc;

namespace Outcomes.Reporting.Charts;

/// <summary>
/// The SPC (XmR) layer of a trend chart: centre line, process limits and optionally the near-limit band, one value
/// per period (so limits recalculated after a change step), and each point's special-cause type.
/// </summary>
public sealed record SpcOverlay
{
    /// <summary>Centre line per period (null: not drawn there).</summary>
    public required IReadOnlyList<double?> Mean { get; init; }

    /// <summary>Lower process limit per period.</summary>
    public required IReadOnlyList<double?> Lower { get; init; }

    /// <summary>Upper process limit per period.</summary>
    public required IReadOnlyList<double?> Upper { get; init; }

    /// <summary>Lower edge of the near-limit band (2σ) per period; with <see cref="NearUpper"/>, shades the zones near the limits.</summary>
    public IReadOnlyList<double?>? NearLower { get; init; }

    /// <summary>Upper edge of the near-limit band (2σ) per period.</summary>
    public IReadOnlyList<double?>? NearUpper { get; init; }

    /// <summary>Each point's type: common cause, or special cause of improvement, concern or neutral.</summary>
    public required IReadOnlyList<SpcPointType> PointTypes { get; init; }

    /// <summary>One set of limits for every period.</summary>
    public static SpcOverlay Constant(
        double mean,
        double lower,
        double upper,
        IReadOnlyList<SpcPointType> pointTypes,
        double? nearLower = null,
        double? nearUpper = null)
    {
        ArgumentNullException.ThrowIfNull(pointTypes);
        var n = pointTypes.Count;
        return new SpcOverlay
        {
            Mean = Repeat(mean, n),
            Lower = Repeat(lower, n),
            Upper = Repeat(upper, n),
            NearLower = nearLower is null ? null : Repeat(nearLower.Value, n),
            NearUpper = nearUpper is null ? null : Repeat(nearUpper.Value, n),
            PointTypes = pointTypes,
        };
    }

    /// <summary>The overlay for an XmR result from the scoring engine: each segment's limits over its periods.</summary>
    public static SpcOverlay FromResult(SpcResult result, bool nearLimitBand = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var n = result.Values.Length;
        var mean = new double?[n];
        var lower = new double?[n];
        var upper = new double?[n];
        var nearLower = new double?[n];
        var nearUpper = new double?[n];
        foreach (var segment in result.Segments)
        {
            if (!segment.HasLimits)
            {
                continue;
            }

            for (var i = segment.Start; i < Math.Min(n, segment.Start + segment.Length); i++)
            {
                mean[i] = segment.Mean;
                lower[i] = segment.Lower;
                upper[i] = segment.Upper;
                nearLower[i] = segment.LowerNear;
                nearUpper[i] = segment.UpperNear;
            }
        }

        var types = new SpcPointType[n];
        for (var i = 0; i < n; i++)
        {
            types[i] = result.Points[i].Type;
        }

        return new SpcOverlay
        {
            Mean = mean,
            Lower = lower,
            Upper = upper,
            NearLower = nearLimitBand ? nearLower : null,
            NearUpper = nearLimitBand ? nearUpper : null,
            PointTypes = types,
        };
    }

    private static double?[] Repeat(double value, int n) => Enumerable.Repeat<double?>(value, n).ToArray();
}
