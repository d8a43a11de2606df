using Outcomes.Domain.Frameworks;
using Outcomes.Reporting.Charts;
using Outcomes.Scoring.Baselines;
using Outcomes.Scoring.Spc;

namespace Outcomes.Reporting.ScrutinyPack;

/// <summary>
/// One SPC (XmR) chart per measure over all the authority's quarters: the values with their 95% intervals, the SPC
/// mean, process limits and special-cause points from the chart module, the target and England; the variation and
/// assurance icons in words and the SPC sentence come from the stored score for the pack's quarter, so the pack says
/// what scoring said. Figures hidden by disclosure control or suppression are gaps, never zeros.
/// </summary>
internal static class SpcSectionBuilder
{
    public static readonly ChartSize Size = ChartSize.Mm(172, 70);

    public static SpcItem Build(Measure m, IReadOnlyList<Score> authoritySeries, Score? latest)
    {
        var series = MeasureFigures.DistinctPoints(m, authoritySeries);
        var hidden = series.Select(s => MeasureFigures.Hidden(m, s)).ToArray();
        var points = series.Select((s, i) => hidden[i]
                ? new TrendPoint(s.Period.Key, null)
                : new TrendPoint(s.Period.Key, (double)s.Actual!.Value, (double?)s.LowerCi, (double?)s.UpperCi))
            .ToList();
        var plotted = points.Count(p => p.Value is not null);
        var chart = plotted < 2
            ? null
            : TrendChart.Render(
                new TrendChartSpec
                {
                    Title = $"{m.Title} ({m.Code}): SPC chart",
                    Points = points,
                    SeriesName = m.Title,
                    Format = MeasureFigures.Format(m),
                    Target = series.Any(s => s.Target is not null) ? TargetLine.Phased(series.Select(s => (double?)s.Target).ToList()) : null,
                    Comparator = series.Any(s => s.Comparator is not null) ? new ComparatorSeries("England", series.Select(s => (double?)s.Comparator).ToList()) : null,
                    Spc = Overlay(m, points, series),
                    YAxis = m.Unit == MeasureUnit.Percentage ? AxisOptions.Default with { ClampPercent = true } : AxisOptions.Default,
                },
                Size,
                new ChartStyle { Id = "spc-" + m.Code.ToLowerInvariant() });

        var spc = latest is not null && !MeasureFigures.Hidden(m, latest) ? latest.Spc : null;
        var status = latest?.Status ?? RagStatus.Grey;
        return new SpcItem
        {
            Code = m.Code,
            Title = m.Title,
            LatestText = MeasureFigures.Text(m, latest),
            StatusLetter = latest?.StatusLetter ?? "–",
            StatusClass = MeasureFigures.StatusClass(status),
            VariationLabel = spc?.VariationLabel ?? "Not calculable",
            VariationClass = "spc-" + MeasureFigures.Kebab((spc?.Variation ?? SpcVariation.NotCalculable).ToString()),
            AssuranceLabel = spc?.AssuranceLabel ?? "No target",
            AssuranceClass = "assurance-" + MeasureFigures.Kebab((spc?.Assurance ?? SpcAssurance.None).ToString()),
            LimitsNote = spc is { IsTrial: true } ? $"Trial limits ({ChartText.Count(spc.Points, "point")})" : string.Empty,
            Explanation = spc is { Explanation.Length: > 0 } ? spc.Explanation
                : plotted < 2 ? $"Fewer than two figures can be shown for {m.Title}, so there is no SPC chart."
                : "Statistical process control could not be calculated for the latest quarter.",
            ChartSvg = chart?.Svg ?? string.Empty,
            ChartAlt = chart?.AltText ?? $"{m.Title}: fewer than two figures to chart.",
            Points = plotted,
            ChangeSinceStart = ChangeSinceStart(m, series, latest),
        };
    }

    /// <summary>Change since the first figure shown (the baseline), as councils report it; hidden figures are never used.</summary>
    private static string ChangeSinceStart(Measure m, IReadOnlyList<Score> series, Score? latest)
    {
        var first = series.FirstOrDefault(s => s.Actual is not null && !MeasureFigures.Hidden(m, s));
        if (first is null || latest?.Actual is null || MeasureFigures.Hidden(m, latest) || first.Period >= latest.Period)
        {
            return string.Empty;
        }

        return BaselineComparer.Compare(m, Baseline.At(first.Period, first.Actual!.Value), latest.Actual, latest.Period).Explanation;
    }

    private static SpcOverlay Overlay(Measure m, List<TrendPoint> points, IReadOnlyList<Score> series)
    {
        var values = points.Select(p => p.Value ?? double.NaN).ToArray();
        var target = series.LastOrDefault(s => s.Target is not null)?.Target;
        var options = SpcOptions.Default with { ImprovementDirection = m.Polarity, Target = target is { } t ? (double)t : null };
        return SpcOverlay.FromResult(XmrChart.Analyse(values, options));
    }
}
