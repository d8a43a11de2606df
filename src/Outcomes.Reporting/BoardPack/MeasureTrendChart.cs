using Outcomes.Domain.Frameworks;
using Outcomes.Reporting.Charts;
using Outcomes.Scoring.Spc;

namespace Outcomes.Reporting.BoardPack;

/// <summary>
/// A measure's trend chart from its scored series, as the board pack's measure pages and the web's measure page draw
/// it: target line (phased where targets change), England comparator, confidence-interval whiskers and the SPC
/// overlay (limits only where the series is long enough to have them). Figures hidden by disclosure control or
/// suppression are gaps in the line, never zeros, and are left out of the SPC limits.
/// </summary>
public static class MeasureTrendChart
{
    /// <summary>True when a score's figure must not be shown or plotted: suppressed, missing or disclosive.</summary>
    public static bool IsHidden(Measure measure, Score score)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(score);
        return score.SuppressionReason is not null || score.Actual is null || BoardPackModelBuilder.IsDisclosive(measure, score.Actual, score.Numerator, score.Denominator);
    }

    /// <summary>
    /// The points the chart draws: an annual figure carried through the quarters after it is one point (as in scoring), not four.
    /// </summary>
    public static IReadOnlyList<Score> Points(Measure measure, IReadOnlyList<Score> series)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(series);
        return measure.Frequency == Frequency.Annual
            ? series.Where((s, i) => i == 0 || !series[i - 1].HasSameFiguresAs(s)).ToList()
            : series;
    }

    /// <summary>The chart, or null when fewer than two figures can be shown.</summary>
    /// <param name="measure">The measure (title, unit, polarity, disclosure threshold).</param>
    /// <param name="series">The unit's scores for the measure, oldest first.</param>
    /// <param name="size">The chart's size.</param>
    /// <param name="id">The id its title and description are named by (unique on the page).</param>
    public static ChartSvg? Render(Measure measure, IReadOnlyList<Score> series, ChartSize size, string id)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(series);
        var drawn = Points(measure, series);
        var points = drawn.Select(s => IsHidden(measure, s)
                ? new TrendPoint(s.Period.Key, null)
                : new TrendPoint(s.Period.Key, (double)s.Actual!.Value, (double?)s.LowerCi, (double?)s.UpperCi))
            .ToList();
        if (points.Count(p => p.Value is not null) < 2)
        {
            return null;
        }

        return TrendChart.Render(
            new TrendChartSpec
            {
                Title = $"{measure.Title} ({measure.Code})",
                Points = points,
                SeriesName = measure.Title,
                Format = Format(measure),
                Target = drawn.Any(s => s.Target is not null) ? TargetLine.Phased(drawn.Select(s => (double?)s.Target).ToList()) : null,
                Comparator = drawn.Any(s => s.Comparator is not null) ? new ComparatorSeries("England", drawn.Select(s => (double?)s.Comparator).ToList()) : null,
                Spc = Spc(measure, points, drawn),
                YAxis = measure.Unit == MeasureUnit.Percentage ? AxisOptions.Default with { ClampPercent = true } : AxisOptions.Default,
            },
            size,
            new ChartStyle { Id = id });
    }

    private static SpcOverlay Spc(Measure m, List<TrendPoint> points, IReadOnlyList<Score> series)
    {
        var values = points.Select(p => p.Value ?? double.NaN).ToArray();
        var target = series.LastOrDefault(s => s.Target is not null)?.Target;
        var options = SpcOptions.Default with { ImprovementDirection = m.Polarity, Target = target is { } t ? (double)t : null };
        return SpcOverlay.FromResult(XmrChart.Analyse(values, options));
    }

    private static ValueFormat Format(Measure m) => m.Unit switch
    {
        MeasureUnit.Percentage => ValueFormat.Percent(m.Decimals),
        MeasureUnit.Currency => new ValueFormat(m.Decimals, Prefix: "£"),
        _ => ValueFormat.Number(m.Decimals),
    };
}
