using Outcomes.Domain.Periods;

namespace Outcomes.Cli.Analysis;

/// <summary>What the rows of a file hold, decided by its columns.</summary>
public enum SeriesKind
{
    /// <summary>count and denominator: count/denominator × multiplier with a Wilson interval.</summary>
    Proportion,

    /// <summary>count and denominator with <c>--rate</c>: the same value with a Byar interval on the count.</summary>
    Rate,

    /// <summary>count alone: the count itself with a Byar (exact Poisson below 10) interval.</summary>
    Count,

    /// <summary>value (optionally lower_ci/upper_ci): a plain series.</summary>
    Value,
}

/// <summary>
/// One point of a series: a row of the file, or (<see cref="Line"/> 0) a period with no row, inserted so that runs
/// and the recent trend do not treat the periods either side of it as consecutive. NaN means no value.
/// </summary>
/// <param name="Line">The row's line in the file (the header is line 1), or 0 for an inserted gap.</param>
/// <param name="PeriodText">The period as written, or the period's key for a gap.</param>
/// <param name="Period">The parsed period, when every period of the series parsed.</param>
/// <param name="Count">count (NaN when absent or missing).</param>
/// <param name="Denominator">denominator (NaN when absent or missing).</param>
/// <param name="Value">The value on the series' scale (NaN when missing).</param>
/// <param name="LowerCi">Given or computed lower limit (NaN when none).</param>
/// <param name="UpperCi">Given or computed upper limit (NaN when none).</param>
/// <param name="Benchmark">benchmark on the value's scale (NaN when none).</param>
/// <param name="Target">target on the value's scale (NaN when none).</param>
/// <param name="Missing">Why there is no value ("suppressed (c)", "no row for this period"), or null.</param>
public sealed record InputPoint(
    int Line,
    string PeriodText,
    Period? Period,
    double Count,
    double Denominator,
    double Value,
    double LowerCi,
    double UpperCi,
    double Benchmark,
    double Target,
    string? Missing);

/// <summary>The points of one area, in period order (or file order when a period did not parse).</summary>
/// <param name="Area">The area as first written.</param>
/// <param name="Points">The points, with inserted gaps.</param>
/// <param name="OrderedByPeriod">True when every period parsed and the rows were sorted by period.</param>
public sealed record InputSeries(string Area, IReadOnlyList<InputPoint> Points, bool OrderedByPeriod);

/// <summary>A whole file read for analysis.</summary>
/// <param name="Path">The file as named on the command line.</param>
/// <param name="Kind">What its rows hold.</param>
/// <param name="Series">One series per area, in order of first appearance.</param>
public sealed record InputFile(string Path, SeriesKind Kind, IReadOnlyList<InputSeries> Series);
