using Outcomes.Domain.Comparators;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Numbers;
using Outcomes.Domain.Periods;
using Outcomes.Reporting.Charts;
using Outcomes.Scoring.Gaps;
using Outcomes.Scoring.Rag;

namespace Outcomes.Reporting.ScrutinyPack;

/// <summary>
/// Gaps between two groups over time, from published breakdowns of a measure's comparator indicator for the authority
/// (for GLD: boys and girls in the DfE release), with England's gap beside it. The sentence is the scoring module's
/// <see cref="GapAnalyser"/>'s, from the first year both groups have a figure to the latest ending by the pack's
/// quarter. The group ahead in the latest year is named first, so the charted gap is positive unless it has reversed.
/// </summary>
internal static class GapSectionBuilder
{
    public static readonly ChartSize Size = ChartSize.Mm(172, 62);

    public static GapSection Build(ScrutinyPackInput input)
    {
        var items = new List<GapItem>();
        var without = new List<string>();
        foreach (var m in input.Version.Measures)
        {
            var item = input.Authority.GssCode is { } gss ? Item(m, gss, input) : null;
            if (item is null)
            {
                without.Add(m.Title);
            }
            else
            {
                items.Add(item);
            }
        }

        var coverage = items.Count == 0
            ? $"No gap between groups can be shown: none of the framework's measures has published figures for {input.Authority.Name} broken down by group "
              + "(such as boys and girls), and the framework's returns collect no such split. This section will fill when such data is loaded."
            : $"Gaps are shown where published figures are broken down by group: {ChartText.List(items.Select(i => i.Title).ToList(), 12)}."
              + (without.Count == 0 ? string.Empty : $" No breakdown by group is held for {ChartText.List(without, 12)}, so no gap is reported for {(without.Count == 1 ? "it" : "them")}.");
        return new GapSection { Items = items, CoverageText = coverage };
    }

    private static GapItem? Item(Measure m, string gss, ScrutinyPackInput input)
    {
        var rows = input.Comparators
            .Where(c => m.Comparators.Contains(c.IndicatorCode, StringComparer.OrdinalIgnoreCase)
                && !string.Equals(c.Breakdown, "Total", StringComparison.OrdinalIgnoreCase)
                && c.Period.End <= input.Period.End)
            .ToList();
        var own = rows.Where(c => string.Equals(c.AreaCode, gss, StringComparison.OrdinalIgnoreCase)).ToList();
        var groups = own.Select(c => c.Breakdown).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        if (groups.Count != 2)
        {
            return null;
        }

        var indicator = own[0].IndicatorCode;
        own = own.Where(c => c.IndicatorCode == indicator).ToList();
        var both = own.Where(c => c.Value is not null).GroupBy(c => c.Period).Where(g => g.Count() == 2).Select(g => g.Key).Order().ToList();
        if (both.Count == 0)
        {
            return null;
        }

        var (first, last) = (both[0], both[^1]);
        decimal? At(IEnumerable<ComparatorValue> values, string group, Period p) =>
            values.FirstOrDefault(c => string.Equals(c.Breakdown, group, StringComparison.OrdinalIgnoreCase) && c.Period == p)?.Value;

        // The group ahead in the latest year goes first.
        var lastA = At(own, groups[0], last)!.Value;
        var lastB = At(own, groups[1], last)!.Value;
        var firstAhead = m.Polarity == Polarity.LowerIsBetter ? lastA <= lastB : lastA >= lastB;
        var (a, b) = firstAhead ? (groups[0], groups[1]) : (groups[1], groups[0]);
        var labelA = a.ToLowerInvariant();
        var labelB = b.ToLowerInvariant();
        var sign = m.Polarity == Polarity.LowerIsBetter ? -1m : 1m;

        var periods = own.Select(c => c.Period).Distinct().Order().ToList();
        var england = rows.Where(c => c.Level == GeographicLevel.National && c.IndicatorCode == indicator).ToList();
        GroupSeries Series(IEnumerable<ComparatorValue> values, string group, string label) =>
            new(label, periods.Select(p => new PeriodValue(p, At(values, group, p))).ToList());

        var analysis = GapAnalyser.Analyse(m, Series(own, a, labelA), Series(own, b, labelB), first, last);
        var englandBoth = periods.Where(p => At(england, a, p) is not null && At(england, b, p) is not null).ToList();
        var englandAnalysis = englandBoth.Count == 0
            ? null
            : GapAnalyser.Analyse(m, Series(england, a, labelA), Series(england, b, labelB), englandBoth[0], englandBoth[^1]);

        decimal? Lead(decimal? x, decimal? y) =>
            x is { } p && y is { } q ? sign * (OfficialRounding.Round(p, m.Decimals) - OfficialRounding.Round(q, m.Decimals)) : null;
        decimal? Rounded(decimal? v) => v is { } x ? OfficialRounding.Round(x, m.Decimals) : null;
        string Text(decimal? v) => v is { } x ? MeasureValueFormatter.Value(m, x) : "–";
        string GapText(decimal? v) => v is { } x ? (x < 0 ? "−" : string.Empty) + MeasureValueFormatter.Difference(m, x) : "–";

        var table = periods.Select(p =>
        {
            var av = At(own, a, p);
            var bv = At(own, b, p);
            var englandLeadAt = Lead(At(england, a, p), At(england, b, p));
            return new GapRow(p.Key, Text(av), Text(bv), GapText(Lead(av, bv)), GapText(englandLeadAt))
            {
                A = Rounded(av),
                B = Rounded(bv),
                Gap = Lead(av, bv),
                EnglandGap = englandLeadAt,
            };
        }).ToList();

        var points = periods.Select(p => new TrendPoint(p.Key, Lead(At(own, a, p), At(own, b, p)) is { } g ? (double)g : null)).ToList();
        var englandLead = periods.Select(p => Lead(At(england, a, p), At(england, b, p)) is { } g ? (double?)g : null).ToList();
        var chart = points.Count(p => p.Value is not null) < 2
            ? null
            : TrendChart.Render(
                new TrendChartSpec
                {
                    Title = $"{m.Title}: gap between {labelA} and {labelB}",
                    Points = points,
                    SeriesName = $"{input.Authority.Name}: {labelA} ahead by",
                    Format = ValueFormat.Number(m.Decimals),
                    Comparator = englandLead.Any(v => v is not null) ? new ComparatorSeries($"England: {labelA} ahead by", englandLead) : null,
                    YAxis = AxisOptions.Default with { IncludeZero = true, Title = m.Unit == MeasureUnit.Percentage ? "Gap (percentage points)" : "Gap" },
                },
                Size,
                new ChartStyle { Id = "gap-" + m.Code.ToLowerInvariant() });

        return new GapItem
        {
            Code = m.Code,
            Title = m.Title,
            GroupA = labelA,
            GroupB = labelB,
            Sentence = Prefixed(input.Authority.Name, analysis.Explanation),
            EnglandSentence = englandAnalysis is null ? string.Empty : Prefixed("England", englandAnalysis.Explanation),
            ChartSvg = chart?.Svg ?? string.Empty,
            ChartAlt = chart?.AltText ?? $"{m.Title}: fewer than two years with figures for both groups to chart.",
            ExcelNumberFormat = Reporting.BoardPack.MeasureFormat.ExcelFormat(m),
            GapNumberFormat = m.Decimals > 0 ? "0." + new string('0', m.Decimals) : "0",
            SourceText = $"Source: published {indicator} by {a.ToLowerInvariant()} and {b.ToLowerInvariant()}, {first.Key} to {last.Key} (the latest year ending by {input.Period.Key}).",
            Rows = table,
        };
    }

    /// <summary>"In England, the gap between …": the analyser's sentence with the area in front.</summary>
    private static string Prefixed(string area, string sentence) =>
        sentence.StartsWith("The ", StringComparison.Ordinal) ? $"In {area}, t{sentence[1..]}" : $"{area}: {sentence}";
}
