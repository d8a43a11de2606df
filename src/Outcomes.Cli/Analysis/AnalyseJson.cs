using System.Text.Json;
using System.Text.Json.Serialization;
using Outcomes.Domain.Frameworks;
using Outcomes.Scoring.ConfidenceIntervals;
using Outcomes.Scoring.Spc;

namespace Outcomes.Cli.Analysis;

/// <summary>
/// The <c>--json</c> output of <c>outcomes analyse</c>. Property names are camelCase and stable (documented in the
/// README); enumerations are camelCase strings; a value that does not exist is null, never NaN.
/// </summary>
public static class AnalyseJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The report as indented JSON.</summary>
    public static string Write(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Settings;
        var document = new ReportDto(
            report.File,
            report.Kind,
            new OptionsDto(s.Multiplier, s.Confidence == ConfidenceLevel.Ninety5 ? "95" : "99.8", Polarity(s.Polarity), s.Screening, s.RunLength, s.Baseline, s.Rate),
            report.Series.Select(Series).ToList());
        return JsonSerializer.Serialize(document, Options);
    }

    private static SeriesDto Series(SeriesReport series)
    {
        var latest = series.Chart.Latest;
        var spc = new SpcDto(
            N(latest.Mean), N(latest.MovingRangeMean), N(latest.Lower), N(latest.Upper), N(latest.LowerNear), N(latest.UpperNear),
            latest.Points, latest.MovingRanges, latest.ScreenedOut, series.Chart.IsTrial, series.Chart.Variation, series.Chart.Assurance,
            series.Target, series.SpcDescription);
        var trend = series.RecentTrend is { } t ? new TrendDto(t.Outcome, t.Label, N(t.ChiSquared), t.Description) : null;
        return new SeriesDto(series.Area, series.OrderedByPeriod ? "period" : "file", series.Points.Select(Point).ToList(), spc, trend);
    }

    private static PointDto Point(PointReport p)
    {
        var i = p.Input;
        return new PointDto(
            i.Line == 0 ? null : i.Line,
            i.PeriodText,
            N(i.Count),
            N(i.Denominator),
            N(i.Value),
            N(p.Lower),
            N(p.Upper),
            N(i.Benchmark),
            N(i.Target),
            i.Missing,
            p.Comparison,
            new TwoLevelDto(p.TwoLevel.Comparison, p.TwoLevel.Significance),
            p.Funnel,
            p.Spc.Type,
            Rules(p.Spc.Rules));
    }

    private static List<string> Rules(SpcRules rules)
    {
        var names = new List<string>(4);
        foreach (var rule in (ReadOnlySpan<SpcRules>)[SpcRules.OutsideLimits, SpcRules.Shift, SpcRules.Trend, SpcRules.TwoOfThree])
        {
            if ((rules & rule) != 0)
            {
                names.Add(JsonNamingPolicy.CamelCase.ConvertName(rule.ToString()));
            }
        }

        return names;
    }

    private static string Polarity(Polarity polarity) => polarity switch
    {
        Domain.Frameworks.Polarity.HigherIsBetter => "higher",
        Domain.Frameworks.Polarity.LowerIsBetter => "lower",
        _ => "none",
    };

    private static double? N(double value) => double.IsFinite(value) ? value : null;

    private sealed record ReportDto(string File, SeriesKind Kind, OptionsDto Options, IReadOnlyList<SeriesDto> Series);

    private sealed record OptionsDto(double Multiplier, string Confidence, string Polarity, bool Screening, int RunLength, int? Baseline, bool Rate);

    private sealed record SeriesDto(string Area, string OrderedBy, IReadOnlyList<PointDto> Points, SpcDto Spc, TrendDto? RecentTrend);

    private sealed record PointDto(
        int? Row,
        string Period,
        double? Count,
        double? Denominator,
        double? Value,
        double? LowerCi,
        double? UpperCi,
        double? Benchmark,
        double? Target,
        string? Missing,
        Domain.Scores.BenchmarkComparison Comparison,
        TwoLevelDto TwoLevel,
        Domain.Scores.FunnelPosition Funnel,
        SpcPointType SpcType,
        IReadOnlyList<string> SpcRules);

    private sealed record TwoLevelDto(Domain.Scores.BenchmarkComparison Comparison, Domain.Scores.BenchmarkSignificance Significance);

    private sealed record SpcDto(
        double? Mean,
        double? MovingRangeMean,
        double? LowerLimit,
        double? UpperLimit,
        double? LowerNear,
        double? UpperNear,
        int Points,
        int MovingRanges,
        int ScreenedOut,
        bool TrialLimits,
        SpcVariation Variation,
        SpcAssurance Assurance,
        double? Target,
        string Description);

    private sealed record TrendDto(Domain.Scores.RecentTrendOutcome Outcome, string Label, double? ChiSquared, string Description);
}
