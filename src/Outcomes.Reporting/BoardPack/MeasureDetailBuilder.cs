using Outcomes.Domain.Frameworks;
using Outcomes.Reporting.Charts;
using Outcomes.Scoring.Spc;

namespace Outcomes.Reporting.BoardPack;

/// <summary>
/// Builds a measure's detail page from its scored series: figures hidden by disclosure control or suppression are gaps
/// in the chart, never zeros; the SPC overlay is charted over the same quarters the page shows, with the measure's
/// polarity and latest target.
/// </summary>
internal static class MeasureDetailBuilder
{
    private static readonly ChartSize Size = ChartSize.Mm(170, 80);

    public static MeasureDetail Build(Measure m, IReadOnlyList<Score> all, ScorecardRow row)
    {
        // An annual figure carried through the quarters after it is one point on the chart (and in SPC), not four.
        var series = m.Frequency == Frequency.Annual
            ? all.Where((s, i) => i == 0 || !all[i - 1].HasSameFiguresAs(s)).ToList()
            : all;
        var hidden = series.Select(s => Hidden(m, s)).ToArray();
        var points = series.Select((s, i) => hidden[i]
                ? new TrendPoint(s.Period.Key, null)
                : new TrendPoint(s.Period.Key, (double)s.Actual!.Value, (double?)s.LowerCi, (double?)s.UpperCi))
            .ToList();
        var chart = points.Count(p => p.Value is not null) < 2
            ? null
            : TrendChart.Render(
                new TrendChartSpec
                {
                    Title = $"{m.Title} ({m.Code})",
                    Points = points,
                    SeriesName = m.Title,
                    Format = Format(m),
                    Target = series.Any(s => s.Target is not null) ? TargetLine.Phased(series.Select(s => (double?)s.Target).ToList()) : null,
                    Comparator = series.Any(s => s.Comparator is not null) ? new ComparatorSeries("England", series.Select(s => (double?)s.Comparator).ToList()) : null,
                    Spc = Spc(m, points, series),
                    YAxis = m.Unit == MeasureUnit.Percentage ? AxisOptions.Default with { ClampPercent = true } : AxisOptions.Default,
                },
                Size,
                new ChartStyle { Id = "chart-" + m.Code.ToLowerInvariant() });

        return new MeasureDetail
        {
            Code = m.Code,
            Title = m.Title,
            ChartSvg = chart?.Svg ?? string.Empty,
            ChartAlt = chart?.AltText ?? $"{m.Title}: fewer than two figures to chart.",
            Explanation = row.Explanation,
            SpcExplanation = row.SpcExplanation,
            RecentTrendText = row.RecentTrendText,
            Rows = all.Select(s => new MeasureDetailRow(
                    s.Period.Key,
                    ActualText(m, s),
                    s.Target is { } t ? MeasureFormat.Value(m, t) : "–",
                    s.StatusLetter,
                    "rag-" + s.Status.ToString().ToLowerInvariant(),
                    s.Comparator is { } e ? MeasureFormat.Value(m, e) : "–"))
                .ToList(),
        };
    }

    private static bool Hidden(Measure m, Score s) =>
        s.SuppressionReason is not null || s.Actual is null || BoardPackModelBuilder.IsDisclosive(m, s.Actual, s.Numerator, s.Denominator);

    private static string ActualText(Measure m, Score s) =>
        s.SuppressionReason ?? (s.Actual is not { } a ? "–" : Hidden(m, s) ? "c" : MeasureFormat.Value(m, a));

    private static SpcOverlay? Spc(Measure m, List<TrendPoint> points, IReadOnlyList<Score> series)
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
