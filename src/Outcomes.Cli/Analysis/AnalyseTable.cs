using Outcomes.Domain.Scores;
using Outcomes.Scoring.Benchmarking;
using Outcomes.Scoring.ConfidenceIntervals;
using Outcomes.Scoring.Spc;
using Spectre.Console;

namespace Outcomes.Cli.Analysis;

/// <summary>
/// The table output of <c>outcomes analyse</c>: per series a heading, a row per period (value, interval, benchmark
/// comparison, funnel position, target, SPC flags) and the series' SPC limits, variation, assurance and recent trend.
/// Columns the file has no data for are left out.
/// </summary>
public static class AnalyseTable
{
    /// <summary>Writes the report to the console.</summary>
    public static void Write(IAnsiConsole console, AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Settings;
        var d = s.Decimals;
        var level = s.Confidence == ConfidenceLevel.Ninety5 ? "95%" : "99.8%";
        var counts = report.Kind != SeriesKind.Value;
        var denominators = report.Kind is SeriesKind.Proportion or SeriesKind.Rate;
        foreach (var series in report.Series)
        {
            var benchmarks = series.Points.Any(p => !double.IsNaN(p.Input.Benchmark));
            var funnel = benchmarks && report.Kind == SeriesKind.Proportion;
            var targets = series.Points.Any(p => !double.IsNaN(p.Input.Target));
            var intervals = series.Points.Any(p => !double.IsNaN(p.Lower));
            console.Write(new Rule($"[bold]{Markup.Escape(series.Area)}[/] ({series.Points.Count} periods, {(series.OrderedByPeriod ? "in period order" : "in file order")})").LeftJustified());
            var table = new Table().AddColumn("Row").AddColumn("Period");
            AddIf(table, counts, "Count");
            AddIf(table, denominators, "Denominator");
            table.AddColumn(new TableColumn("Value").RightAligned());
            AddIf(table, intervals, $"{level} CI");
            AddIf(table, benchmarks, "Benchmark");
            AddIf(table, benchmarks, "Compared");
            AddIf(table, funnel, "Funnel");
            AddIf(table, targets, "Target");
            table.AddColumn("SPC");
            foreach (var p in series.Points)
            {
                var i = p.Input;
                var cells = new List<string> { i.Line == 0 ? "–" : i.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(i.PeriodText) };
                if (counts)
                {
                    cells.Add(AnalyseFormat.Count(i.Count, d));
                }

                if (denominators)
                {
                    cells.Add(AnalyseFormat.Count(i.Denominator, d));
                }

                cells.Add(i.Missing is null ? AnalyseFormat.Number(i.Value, d) : $"[grey]{Markup.Escape(i.Missing)}[/]");
                if (intervals)
                {
                    cells.Add(double.IsNaN(p.Lower) ? "–" : $"{AnalyseFormat.Number(p.Lower, d)} – {AnalyseFormat.Number(p.Upper, d)}");
                }

                if (benchmarks)
                {
                    cells.Add(AnalyseFormat.Number(i.Benchmark, d));
                    cells.Add(Compared(p, s.Confidence));
                }

                if (funnel)
                {
                    cells.Add(Funnel(p.Funnel));
                }

                if (targets)
                {
                    cells.Add(AnalyseFormat.Number(i.Target, d));
                }

                cells.Add(Spc(p.Spc));
                table.AddRow(cells.ToArray());
            }

            console.Write(table);
            var latest = series.Chart.Latest;
            if (latest.HasLimits)
            {
                var screened = latest.ScreenedOut > 0 ? $"; {latest.ScreenedOut} moving range(s) screened out" : string.Empty;
                console.MarkupLine($"SPC: mean {AnalyseFormat.Number(latest.Mean, d)}, process limits {AnalyseFormat.Number(latest.Lower, d)} to {AnalyseFormat.Number(latest.Upper, d)} (average moving range {AnalyseFormat.Number(latest.MovingRangeMean, d)}{screened}){(series.Chart.IsTrial ? " [yellow]trial limits[/]" : string.Empty)}");
            }

            console.MarkupLine($"Variation: [bold]{Variation(series.Chart.Variation)}[/]; assurance: [bold]{Assurance(series.Chart.Assurance)}[/]");
            console.MarkupLine(Markup.Escape(series.SpcDescription));
            if (series.RecentTrend is { } trend)
            {
                console.MarkupLine($"Recent trend: {Markup.Escape(trend.Description)}");
            }

            console.WriteLine();
        }
    }

    private static void AddIf(Table table, bool present, string header)
    {
        if (present)
        {
            table.AddColumn(header);
        }
    }

    private static string Compared(PointReport p, ConfidenceLevel level)
    {
        if (p.Comparison == BenchmarkComparison.NotCompared)
        {
            return "–";
        }

        // At 95% the two-level wording says whether the difference also holds at 99.8%.
        var text = Markup.Escape(level == ConfidenceLevel.Ninety5 && p.TwoLevel.Significance != BenchmarkSignificance.NotCompared
            ? p.TwoLevel.Describe()
            : BenchmarkComparer.Describe(p.Comparison));
        var colour = p.Comparison switch
        {
            BenchmarkComparison.Better => "green",
            BenchmarkComparison.Worse => "red",
            _ => "default",
        };
        return $"[{colour}]{text}[/]";
    }

    private static string Funnel(FunnelPosition position) => position switch
    {
        FunnelPosition.Inside => "inside",
        FunnelPosition.Above95 => "above 95%",
        FunnelPosition.Above998 => "above 99.8%",
        FunnelPosition.Below95 => "below 95%",
        FunnelPosition.Below998 => "below 99.8%",
        _ => "–",
    };

    private static string Spc(SpcPoint point)
    {
        if (point.Type == SpcPointType.Missing)
        {
            return "[grey]missing[/]";
        }

        if (!point.IsSpecialCause)
        {
            return string.Empty;
        }

        var rules = new List<string>(4);
        if ((point.Rules & SpcRules.OutsideLimits) != 0)
        {
            rules.Add("outside limits");
        }

        if ((point.Rules & SpcRules.Shift) != 0)
        {
            rules.Add("shift");
        }

        if ((point.Rules & SpcRules.Trend) != 0)
        {
            rules.Add("trend");
        }

        if ((point.Rules & SpcRules.TwoOfThree) != 0)
        {
            rules.Add("2 of 3 near limit");
        }

        var (colour, name) = point.Type switch
        {
            SpcPointType.Improvement => ("blue", "improvement"),
            SpcPointType.Concern => ("darkorange", "concern"),
            SpcPointType.NeutralHigh => ("purple", "high"),
            _ => ("purple", "low"),
        };
        return $"[{colour}]{name}[/]: {string.Join(", ", rules)}";
    }

    private static string Variation(SpcVariation variation) => variation switch
    {
        SpcVariation.CommonCause => "common cause",
        SpcVariation.SpecialCauseImprovement => "special cause improvement",
        SpcVariation.SpecialCauseConcern => "special cause concern",
        SpcVariation.SpecialCauseNeutralHigh => "special cause (high)",
        SpcVariation.SpecialCauseNeutralLow => "special cause (low)",
        _ => "not calculable",
    };

    private static string Assurance(SpcAssurance assurance) => assurance switch
    {
        SpcAssurance.ConsistentlyPass => "consistently passes",
        SpcAssurance.ConsistentlyFail => "consistently fails",
        SpcAssurance.HitAndMiss => "hit and miss",
        _ => "none (needs a target and --polarity higher or lower)",
    };
}
