using System.Globalization;
using Outcomes.Domain.Scores;
using Outcomes.Scoring.Benchmarking;
using Outcomes.Scoring.ConfidenceIntervals;
using Outcomes.Scoring.Spc;
using Outcomes.Scoring.Trend;

namespace Outcomes.Cli.Analysis;

/// <summary>
/// Applies the Scoring primitives to each series of a file: intervals (Wilson for proportions, Byar for counts and
/// rates, the file's own for values), the single-CI and two-level benchmark comparisons, the funnel position, an XmR
/// chart with the latest target, and the PHE recent trend for proportions.
/// </summary>
public static class SeriesAnalyser
{
    /// <summary>Analyses every series of the file with the given settings.</summary>
    public static AnalysisReport Analyse(InputFile file, AnalyseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(settings);
        return new AnalysisReport(file.Path, file.Kind, settings, file.Series.Select(s => Series(s, file.Kind, settings)).ToList());
    }

    private static SeriesReport Series(InputSeries series, SeriesKind kind, AnalyseSettings settings)
    {
        var n = series.Points.Count;
        var values = new double[n];
        double? target = null;
        for (var i = 0; i < n; i++)
        {
            values[i] = series.Points[i].Value;
            if (!double.IsNaN(series.Points[i].Target))
            {
                target = series.Points[i].Target;
            }
        }

        var chart = XmrChart.Analyse(values, settings.Spc(target));
        var points = new List<PointReport>(n);
        for (var i = 0; i < n; i++)
        {
            points.Add(Point(series.Points[i], chart.Points[i], kind, settings));
        }

        RecentTrendResult? trend = null;
        if (kind == SeriesKind.Proportion)
        {
            var counts = series.Points.Select(p => p.Missing is null ? p.Count : double.NaN).ToArray();
            var denominators = series.Points.Select(p => p.Missing is null ? p.Denominator : double.NaN).ToArray();
            trend = RecentTrend.Assess(counts, denominators, settings.Polarity);
        }

        return new SeriesReport(series.Area, series.OrderedByPeriod, points, chart, target, chart.Describe(Style(kind, settings)), trend);
    }

    private static PointReport Point(InputPoint p, SpcPoint spc, SeriesKind kind, AnalyseSettings settings)
    {
        var none = new Interval(double.NaN, double.NaN);
        var (chosen, at95, at998) = p.Missing is not null ? (none, none, none) : kind switch
        {
            SeriesKind.Proportion => (Wilson(p, settings.Confidence, settings), Wilson(p, ConfidenceLevel.Ninety5, settings), Wilson(p, ConfidenceLevel.Ninety9Point8, settings)),
            SeriesKind.Rate => (Byar(p, settings.Confidence, settings), Byar(p, ConfidenceLevel.Ninety5, settings), Byar(p, ConfidenceLevel.Ninety9Point8, settings)),
            SeriesKind.Count => (ByarInterval.Of(p.Count, settings.Confidence), ByarInterval.Of(p.Count, ConfidenceLevel.Ninety5), ByarInterval.Of(p.Count, ConfidenceLevel.Ninety9Point8)),
            _ => (new Interval(p.LowerCi, p.UpperCi), none, none),
        };
        var compared = double.IsNaN(p.Benchmark) || double.IsNaN(chosen.Lower)
            ? BenchmarkComparison.NotCompared
            : BenchmarkComparer.Compare(chosen, p.Benchmark, settings.Polarity);
        var twoLevel = BenchmarkComparer.CompareTwoLevel(at95, at998, p.Benchmark, settings.Polarity);
        var funnel = kind == SeriesKind.Proportion && p.Missing is null && !double.IsNaN(p.Benchmark)
            ? Funnel.Classify(p.Count, p.Denominator, p.Benchmark / settings.Multiplier)
            : FunnelPosition.NotCalculable;
        return new PointReport(p, chosen.Lower, chosen.Upper, compared, twoLevel, funnel, spc);
    }

    private static Interval Wilson(InputPoint p, ConfidenceLevel level, AnalyseSettings settings) =>
        WilsonInterval.Of(p.Count, p.Denominator, level).Scale(settings.Multiplier);

    private static Interval Byar(InputPoint p, ConfidenceLevel level, AnalyseSettings settings) =>
        ByarInterval.Of(p.Count, level).Scale(settings.Multiplier / p.Denominator);

    /// <summary>"period"/"periods" and values as the table prints them: "64.2%", "31.5 per 10,000", "12".</summary>
    public static SpcTextStyle Style(SeriesKind kind, AnalyseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var unit = kind switch
        {
            SeriesKind.Proportion or SeriesKind.Rate when settings.Multiplier == 100 => "%",
            SeriesKind.Proportion or SeriesKind.Rate => " per " + settings.Multiplier.ToString("#,0.###", CultureInfo.InvariantCulture),
            _ => string.Empty,
        };
        return new SpcTextStyle
        {
            Singular = "period",
            Plural = "periods",
            Format = v => AnalyseFormat.Number(v, settings.Decimals) + unit,
        };
    }
}
