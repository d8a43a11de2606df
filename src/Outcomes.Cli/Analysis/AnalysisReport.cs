using Outcomes.Domain.Scores;
using Outcomes.Scoring.Benchmarking;
using Outcomes.Scoring.Spc;
using Outcomes.Scoring.Trend;

namespace Outcomes.Cli.Analysis;

/// <summary>One analysed point: the input plus its interval, comparisons and SPC result.</summary>
/// <param name="Input">The row (or inserted gap).</param>
/// <param name="Lower">Lower limit of the interval at the chosen confidence (NaN when none).</param>
/// <param name="Upper">Upper limit (NaN when none).</param>
/// <param name="Comparison">Single overlapping CI against the benchmark (METHODS §2).</param>
/// <param name="TwoLevel">The 95%/99.8% comparison, where the file gives what it needs.</param>
/// <param name="Funnel">Funnel position, for proportions with a benchmark.</param>
/// <param name="Spc">Rules and point type from the series' XmR chart.</param>
public sealed record PointReport(InputPoint Input, double Lower, double Upper, BenchmarkComparison Comparison, TwoLevelComparison TwoLevel, FunnelPosition Funnel, SpcPoint Spc);

/// <summary>One analysed series.</summary>
/// <param name="Area">The area.</param>
/// <param name="OrderedByPeriod">Sorted by parsed period (true) or kept in file order.</param>
/// <param name="Points">Each point.</param>
/// <param name="Chart">The XmR chart of the values.</param>
/// <param name="Target">The latest target in the series, used for assurance.</param>
/// <param name="SpcDescription">The chart's sentence, worded with periods and the value's unit.</param>
/// <param name="RecentTrend">The recent trend, for proportions only.</param>
public sealed record SeriesReport(string Area, bool OrderedByPeriod, IReadOnlyList<PointReport> Points, SpcResult Chart, double? Target, string SpcDescription, RecentTrendResult? RecentTrend);

/// <summary>The analysis of a whole file.</summary>
/// <param name="File">The file as named.</param>
/// <param name="Kind">What its rows hold.</param>
/// <param name="Settings">The options used.</param>
/// <param name="Series">One report per area.</param>
public sealed record AnalysisReport(string File, SeriesKind Kind, AnalyseSettings Settings, IReadOnlyList<SeriesReport> Series);
