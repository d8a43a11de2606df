using Outcomes.Domain.Frameworks;
using Outcomes.Reporting.Charts;

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
        var chart = MeasureTrendChart.Render(m, all, Size, "chart-" + m.Code.ToLowerInvariant());

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

    private static bool Hidden(Measure m, Score s) => MeasureTrendChart.IsHidden(m, s);

    private static string ActualText(Measure m, Score s) =>
        s.SuppressionReason ?? (s.Actual is not { } a ? "–" : Hidden(m, s) ? "c" : MeasureFormat.Value(m, a));
}
