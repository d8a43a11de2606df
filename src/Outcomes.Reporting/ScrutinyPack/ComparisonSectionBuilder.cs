using Outcomes.Domain.Comparators;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.Charts;
using Outcomes.Scoring.Benchmarking;

namespace Outcomes.Reporting.ScrutinyPack;

/// <summary>
/// The authority against England and its statistical neighbours for each measure linked to a published indicator:
/// a dot plot with 95% intervals (worked out from the published numerator and denominator by the measure's own method)
/// for the latest published period ending by the pack's quarter, the same rule scoring uses to pick England's figure.
/// Neighbours are the local authorities named in the pack settings; their figures come from the same DfE release.
/// </summary>
internal static class ComparisonSectionBuilder
{
    private const double WidthMm = 172;

    public static ComparisonSection Build(ScrutinyPackInput input)
    {
        var neighbours = input.Scrutiny.StatisticalNeighbours;
        var items = new List<ComparisonItem>();
        var notCompared = new List<string>();
        foreach (var m in input.Version.Measures)
        {
            if (m.Comparators.Count == 0)
            {
                notCompared.Add(m.Title);
                continue;
            }

            items.Add(Item(m, input.Authority, neighbours, input.Scrutiny.Region, input.Comparators, input.Period));
        }

        var known = input.Comparators.Where(c => c.Level == GeographicLevel.LocalAuthority)
            .Select(c => c.AreaCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = neighbours.Where(n => !known.Contains(n)).ToList();
        var neighboursText = neighbours.Count == 0
            ? "No statistical neighbours are named in the pack settings (scrutiny: statisticalNeighbours), so the authority is compared with England only."
            : $"Statistical neighbours: the {ChartText.Count(neighbours.Count, "local authority", "local authorities")} named in the pack settings"
              + (string.IsNullOrWhiteSpace(input.Scrutiny.NeighboursSource) ? "" : $" ({input.Scrutiny.NeighboursSource.Trim().TrimEnd('.')})")
              + "; their figures are from the same published release as the authority's."
              + (missing.Count == 0 ? string.Empty : $" Not in the published data, so not shown: {string.Join(", ", missing)}.");
        return new ComparisonSection
        {
            NeighboursText = neighboursText,
            Items = items,
            NotComparedText = notCompared.Count == 0
                ? string.Empty
                : $"No published comparator is linked to {ChartText.List(notCompared, 12)} in the framework, so {(notCompared.Count == 1 ? "it is" : "they are")} not compared here.",
        };
    }

    private static ComparisonItem Item(
        Measure m, OrgUnit authority, IReadOnlyList<string> neighbours, string? regionCode, IReadOnlyList<ComparatorValue> all, Period period)
    {
        var values = all.Where(c => m.Comparators.Contains(c.IndicatorCode, StringComparer.OrdinalIgnoreCase)
            && string.Equals(c.Breakdown, "Total", StringComparison.OrdinalIgnoreCase)).ToList();
        var england = values
            .Where(c => c.Level == GeographicLevel.National && c.Value is not null && c.Period.End <= period.End)
            .OrderByDescending(c => c.Period.End)
            .FirstOrDefault();
        var indicator = string.Join(", ", m.Comparators);
        if (england is null)
        {
            var held = values.Where(c => c.Level == GeographicLevel.National).Select(c => c.Period).Distinct().Order().ToList();
            return NoData(m, held.Count == 0
                ? $"No published figures are held for {indicator}, so {m.Title} cannot be compared with England or neighbours."
                : $"No published figures for {indicator} cover a period ending by {period.Key}: the release held runs from {held[0].Key} to {held[^1].Key}, so {m.Title} is not compared for this period.");
        }

        var at = values.Where(c => c.IndicatorCode == england.IndicatorCode && c.Period == england.Period && c.Level == GeographicLevel.LocalAuthority)
            .ToDictionary(c => c.AreaCode, StringComparer.OrdinalIgnoreCase);
        var englandValue = (double)england.Value!.Value;
        var own = authority.GssCode is { } gss ? at.GetValueOrDefault(gss) : null;
        var region = regionCode is null ? null : values.FirstOrDefault(c => c.IndicatorCode == england.IndicatorCode && c.Period == england.Period
            && c.Level == GeographicLevel.Regional && c.Value is not null && string.Equals(c.AreaCode, regionCode, StringComparison.OrdinalIgnoreCase));
        var areas = new List<(ComparatorValue Value, bool IsAuthority)>();
        if (own is not null)
        {
            areas.Add((own, true));
        }

        areas.AddRange(neighbours.Select(n => at.GetValueOrDefault(n)).OfType<ComparatorValue>()
            .Where(c => !string.Equals(c.AreaCode, authority.GssCode, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(c => c.Value ?? decimal.MinValue)
            .Select(c => (c, false)));

        var rows = new List<DotPlotRow>();
        var table = new List<ComparisonRow>();
        foreach (var (c, isAuthority) in areas)
        {
            var interval = BenchmarkComparer.IntervalFor(m, c.Numerator, c.Denominator);
            var status = c.Value is not null && interval is { } ci ? BenchmarkComparer.Compare(ci, englandValue, m.Polarity) : BenchmarkComparison.NotCompared;
            var name = isAuthority ? authority.Name : c.AreaName;
            rows.Add(new DotPlotRow(isAuthority ? ShortName(c.AreaName, authority.Name) : c.AreaName, (double?)c.Value, interval?.Lower, interval?.Upper, status, isAuthority));
            table.Add(new ComparisonRow(
                name,
                c.Value is { } v ? MeasureFormat.Value(m, v) : c.SuppressionReason ?? "No value",
                interval is { } i ? $"{MeasureFormat.Value(m, (decimal)i.Lower)} to {MeasureFormat.Value(m, (decimal)i.Upper)}" : "–",
                status == BenchmarkComparison.NotCompared ? "Not compared" : Capitalise(BenchmarkComparer.Describe(status)) + " England",
                isAuthority,
                false)
            {
                Value = c.Value is { } n ? MeasureFormat.Rounded(m, n) : null,
                Lower = interval is { } lo ? MeasureFormat.Rounded(m, (decimal)lo.Lower) : null,
                Upper = interval is { } up ? MeasureFormat.Rounded(m, (decimal)up.Upper) : null,
            });
        }

        if (region is not null)
        {
            // The region is a second benchmark: its own row (with its interval, compared with England), and the
            // authority's comparison with it beside the England one.
            var interval = BenchmarkComparer.IntervalFor(m, region.Numerator, region.Denominator);
            var status = interval is { } ci ? BenchmarkComparer.Compare(ci, englandValue, m.Polarity) : BenchmarkComparison.NotCompared;
            rows.Add(new DotPlotRow($"{region.AreaName} (region)", (double)region.Value!.Value, interval?.Lower, interval?.Upper, status, false));
            table.Add(new ComparisonRow(
                $"{region.AreaName} (region)",
                MeasureFormat.Value(m, region.Value.Value),
                interval is { } i ? $"{MeasureFormat.Value(m, (decimal)i.Lower)} to {MeasureFormat.Value(m, (decimal)i.Upper)}" : "–",
                status == BenchmarkComparison.NotCompared ? "Not compared" : Capitalise(BenchmarkComparer.Describe(status)) + " England",
                false,
                false)
            {
                IsRegion = true,
                Value = MeasureFormat.Rounded(m, region.Value.Value),
                Lower = interval is { } lo ? MeasureFormat.Rounded(m, (decimal)lo.Lower) : null,
                Upper = interval is { } up ? MeasureFormat.Rounded(m, (decimal)up.Upper) : null,
            });
        }

        table.Add(new ComparisonRow("England", MeasureFormat.Value(m, england.Value.Value), "–", "Benchmark", false, true)
        {
            Value = MeasureFormat.Rounded(m, england.Value.Value),
        });
        var source = $"Source: published {indicator}, {england.Period.Key}, total for all children; 95% confidence intervals by the {m.CiMethod} method.";
        if (rows.Count == 0)
        {
            return NoData(m, $"England's figure for {england.Period.Key} is {MeasureFormat.Value(m, england.Value.Value)}, but the release has no figure for {authority.Name} or its neighbours.") with
            {
                PeriodKey = england.Period.Key,
                SourceText = source,
                Rows = table,
            };
        }

        var style = new ChartStyle { Id = "cmp-" + m.Code.ToLowerInvariant() };
        var chart = DotPlot.Render(
            new DotPlotSpec
            {
                Title = $"{m.Title}: {authority.Name} and statistical neighbours, {england.Period.Key}",
                Rows = rows,
                Benchmark = englandValue,
                BenchmarkName = "England",
                StatusHeading = "Compared with England",
                Format = MeasureFigures.Format(m),
                XAxis = m.Unit == MeasureUnit.Percentage ? AxisOptions.Default with { ClampPercent = true } : AxisOptions.Default,
                OthersName = "Statistical neighbours",
            },
            ChartSize.Mm(WidthMm, DotPlot.SuggestedHeightPx(rows.Count, style) / ChartSize.PxPerMm),
            style);

        return new ComparisonItem
        {
            Code = m.Code,
            Title = m.Title,
            ExcelNumberFormat = MeasureFormat.ExcelFormat(m),
            PeriodKey = england.Period.Key,
            HasChart = true,
            ChartSvg = chart.Svg,
            ChartAlt = chart.AltText,
            Sentence = Sentence(m, authority, england, own, region, areas.Where(a => !a.IsAuthority).Select(a => a.Value).ToList(), table),
            SourceText = source,
            Rows = table,
        };
    }

    private static string Sentence(
        Measure m, OrgUnit authority, ComparatorValue england, ComparatorValue? own, ComparatorValue? region, List<ComparatorValue> neighbours, List<ComparisonRow> table)
    {
        var parts = new List<string>();
        if (own?.Value is { } v)
        {
            var word = table[0].ComparisonText == "Not compared" ? "was not compared with England" : "was " + Lower(table[0].ComparisonText);
            parts.Add($"In {england.Period.Key} {authority.Name}'s figure of {MeasureFormat.Value(m, v)} {word} ({MeasureFormat.Value(m, england.Value!.Value)}).");
            if (region?.Value is { } r && BenchmarkComparer.IntervalFor(m, own.Numerator, own.Denominator) is { } ownInterval)
            {
                var against = BenchmarkComparer.Compare(ownInterval, (double)r, m.Polarity);
                parts.Add($"Against {region.AreaName} ({MeasureFormat.Value(m, r)}) it was {BenchmarkComparer.Describe(against)} the region.");
            }

            var withValues = neighbours.Where(n => n.Value is not null).ToList();
            if (withValues.Count > 0)
            {
                var higher = withValues.Count(n => n.Value > v);
                var rank = higher + 1;
                parts.Add($"Among {ChartText.Count(withValues.Count, "statistical neighbour")} it ranked {Ordinal(rank)} of {withValues.Count + 1} from the highest.");

                // The quintile within the peer group (PERCENTILE.INC boundaries), once there are enough areas to have one.
                var group = withValues.Select(n => (double)n.Value!.Value).Append((double)v).Order().ToArray();
                var band = PeerBands.BandOfSorted(group, (double)v, 5);
                if (band.IsCalculable)
                {
                    parts.Add($"Within the group that is {band.Describe(m.Polarity)}.");
                }
            }
        }
        else
        {
            parts.Add($"The release has no {england.Period.Key} figure for {authority.Name}; England's was {MeasureFormat.Value(m, england.Value!.Value)}.");
        }

        return string.Join(" ", parts);
    }

    private static ComparisonItem NoData(Measure m, string sentence) => new()
    {
        Code = m.Code,
        Title = m.Title,
        ExcelNumberFormat = MeasureFormat.ExcelFormat(m),
        PeriodKey = string.Empty,
        HasChart = false,
        ChartSvg = string.Empty,
        ChartAlt = string.Empty,
        Sentence = sentence,
        SourceText = string.Empty,
        Rows = [],
    };

    /// <summary>The published area name ("Bradford") reads better in a chart than the council's full name.</summary>
    private static string ShortName(string published, string full) => string.IsNullOrWhiteSpace(published) ? full : published;

    /// <summary>"Worse than England" → "worse than England": only the first letter.</summary>
    internal static string Lower(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };
}
