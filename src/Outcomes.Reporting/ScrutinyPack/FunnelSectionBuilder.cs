using Outcomes.Domain.Frameworks;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.Charts;
using Outcomes.Scoring.Benchmarking;

namespace Outcomes.Reporting.ScrutinyPack;

/// <summary>
/// The units compared on a funnel plot for each proportion measure: each unit's numerator out of its denominator
/// against the authority's own proportion, with the 95% and 99.8% limits scoring uses (so a unit outside the funnel is
/// the same unit scoring flagged). Counts, rates and scores have no funnel; figures hidden by disclosure control or
/// suppression are left off and the pack says how many.
/// </summary>
internal static class FunnelSectionBuilder
{
    public static readonly ChartSize Size = ChartSize.Mm(172, 82);

    public static FunnelSection Build(ScrutinyPackInput input, IReadOnlyDictionary<(string Unit, string Measure), Score> current, string noun)
    {
        var items = new List<FunnelItem>();
        var notProportions = new List<string>();
        var noBenchmark = new List<string>();
        foreach (var m in input.Version.Measures)
        {
            if (!MeasureFigures.IsProportion(m))
            {
                notProportions.Add(m.Title);
                continue;
            }

            var own = current.GetValueOrDefault((input.Authority.Code, m.Code));
            if (own is not { Numerator: { } x, Denominator: { } n } || n <= 0 || own.SuppressionReason is not null || MeasureFigures.Hidden(m, own))
            {
                noBenchmark.Add(m.Title);
                continue;
            }

            var item = Item(m, input, current, (double)(x / n), noun);
            if (item is null)
            {
                noBenchmark.Add(m.Title);
            }
            else
            {
                items.Add(item);
            }
        }

        var notes = new List<string>();
        if (notProportions.Count > 0)
        {
            notes.Add($"A funnel plot compares proportions (a number out of a total), so {ChartText.List(notProportions, 12)} {(notProportions.Count == 1 ? "has" : "have")} none.");
        }

        if (noBenchmark.Count > 0)
        {
            notes.Add($"{ChartText.List(noBenchmark, 12)} {(noBenchmark.Count == 1 ? "has" : "have")} no funnel for {input.Period.Key}: the authority's figure, or every {OverviewBuilder.Singular(noun)}'s, is missing or not shown.");
        }

        return new FunnelSection { Items = items, NotDrawnText = string.Join(" ", notes) };
    }

    private static FunnelItem? Item(
        Measure m, ScrutinyPackInput input, IReadOnlyDictionary<(string Unit, string Measure), Score> current, double p0, string noun)
    {
        var labels = OverviewBuilder.ShortNames(input.Units.Select(u => u.Name).ToList());
        var units = new List<FunnelUnit>();
        var shortNames = new List<string>();
        var hidden = new List<string>();
        for (var i = 0; i < input.Units.Count; i++)
        {
            var unit = input.Units[i];
            var s = current.GetValueOrDefault((unit.Code, m.Code));
            if (s is null)
            {
                continue;
            }

            if (s is not { Numerator: { } x, Denominator: { } n } || n <= 0 || MeasureFigures.Hidden(m, s))
            {
                hidden.Add(unit.Name);
                continue;
            }

            var value = (double)(x / n) * (double)m.Multiplier;
            var position = Funnel.Classify((double)x, (double)n, p0);
            shortNames.Add(labels[i]);
            units.Add(new FunnelUnit(unit.Name, x, n, value, MeasureFormat.Value(m, x / n * m.Multiplier), Position(position, m.Polarity)));
        }

        if (units.Count == 0)
        {
            return null;
        }

        var multiplier = (double)m.Multiplier;
        var benchmark = p0 * multiplier;
        var benchmarkText = MeasureFormat.Value(m, (decimal)benchmark);
        var chart = FunnelPlot.Render(
            new FunnelPlotSpec
            {
                Title = $"{m.Title} by {OverviewBuilder.Singular(noun)}, {input.Period.Key}",
                Points = units.Select((u, i) => new FunnelPoint(shortNames[i], (double)u.Denominator, u.Value)).ToList(),
                Benchmark = benchmark,
                BenchmarkName = "Authority",
                Limits = n => Funnel.Limits(p0, n).Scale(multiplier),
                Format = MeasureFigures.Format(m),
                HigherIsBetter = m.Polarity switch { Polarity.HigherIsBetter => true, Polarity.LowerIsBetter => false, _ => null },
                DenominatorName = Capitalise(m.DenominatorLabel ?? "Denominator"),
                UnitName = noun,
                YAxis = AxisOptions.Default with { ClampPercent = m.Unit == MeasureUnit.Percentage },
            },
            Size,
            new ChartStyle { Id = "funnel-" + m.Code.ToLowerInvariant() });

        return new FunnelItem
        {
            Code = m.Code,
            Title = m.Title,
            Benchmark = benchmark,
            BenchmarkText = benchmarkText,
            Units = units,
            ChartSvg = chart.Svg,
            ChartAlt = chart.AltText,
            NotPlottedText = hidden.Count == 0
                ? string.Empty
                : $"Not plotted, because the figure is suppressed or too small to publish: {ChartText.List(hidden, 12)}.",
        };
    }

    private static string Position(FunnelPosition position, Polarity polarity)
    {
        var (above, below) = polarity switch
        {
            Polarity.HigherIsBetter => (" (better)", " (worse)"),
            Polarity.LowerIsBetter => (" (worse)", " (better)"),
            _ => (string.Empty, string.Empty),
        };
        return position switch
        {
            FunnelPosition.Above998 => "Above the 99.8% limit" + above,
            FunnelPosition.Above95 => "Above the 95% limit" + above,
            FunnelPosition.Below95 => "Below the 95% limit" + below,
            FunnelPosition.Below998 => "Below the 99.8% limit" + below,
            FunnelPosition.Inside => "Within the 95% limits",
            _ => "Not placed",
        };
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
