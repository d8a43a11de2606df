using System.Xml.Linq;
using Outcomes.Domain.Scores;
using Outcomes.Reporting.Charts;
using Outcomes.Scoring.Spc;

namespace Outcomes.Reporting.Tests.Charts;

/// <summary>Charts whose figures the tests know, and helpers to read the SVG back.</summary>
internal static class ChartSamples
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static readonly string[] Years = ["2013/14", "2014/15", "2015/16", "2016/17", "2017/18", "2018/19"];

    /// <summary>Bradford's good level of development against England, the latest point a special cause of improvement.</summary>
    public static TrendChartSpec Gld() => new()
    {
        Title = "Good level of development",
        SeriesName = "Bradford",
        Format = ValueFormat.Percent(1),
        Points =
        [
            new(Years[0], 58.1, 56.9, 59.3),
            new(Years[1], 60.4, 59.2, 61.6),
            new(Years[2], 62.0, 60.8, 63.2),
            new(Years[3], 63.1, 61.9, 64.3),
            new(Years[4], 64.5, 63.3, 65.7),
            new(Years[5], 66.3, 65.1, 67.5),
        ],
        Comparator = new ComparatorSeries("England", [60.4, 66.3, 69.3, 70.7, 71.5, 71.8]),
        Spc = SpcOverlay.Constant(
            62.4,
            55.0,
            69.8,
            [SpcPointType.CommonCause, SpcPointType.CommonCause, SpcPointType.CommonCause, SpcPointType.CommonCause, SpcPointType.CommonCause, SpcPointType.Improvement],
            nearLower: 57.5,
            nearUpper: 67.3),
    };

    /// <summary>24 quarters of a net change that goes negative, with two missing quarters and a fixed target.</summary>
    public static TrendChartSpec Quarterly()
    {
        double?[] values = [4, 6, 3, -2, -5, -8, null, -6, -3, 1, 2, 5, 7, 6, null, null, 3, 0, -4, -7, -11, -6, -2, 2];
        var labels = Enumerable.Range(0, 24).Select(i => $"Q{(i % 4) + 1} {2019 + (i / 4)}/{(20 + (i / 4)) % 100:00}").ToList();
        return new TrendChartSpec
        {
            Title = "Net change in open early-help cases",
            SeriesName = "Bradford",
            Format = ValueFormat.Number(0),
            Points = values.Select((v, i) => new TrendPoint(labels[i], v)).ToList(),
            Target = TargetLine.Fixed(0, "No growth"),
        };
    }

    /// <summary>Twelve Yorkshire authorities around England's 65%; Bradford (highlighted) below the 99.8% limit.</summary>
    public static FunnelPlotSpec Funnel() => new()
    {
        Title = "Good level of development by local authority",
        Benchmark = 65.0,
        Limits = n => Scoring.Benchmarking.Funnel.Limits(0.65, n).Scale(100),
        HigherIsBetter = true,
        DenominatorName = "Children at the end of reception",
        UnitName = "authorities",
        Points =
        [
            new("Bradford", 6800, 61.0, Highlight: true),
            new("Leeds", 9000, 67.5),
            new("Kirklees", 5200, 66.6),
            new("Calderdale", 2300, 64.0),
            new("Wakefield", 3900, 63.4),
            new("Barnsley", 2600, 66.0),
            new("Rotherham", 3100, 64.2),
            new("Doncaster", 3600, 65.8),
            new("Sheffield", 6400, 64.6),
            new("York", 1900, 67.9),
            new("North Yorkshire", 5700, 65.9),
            new("Hull", 3000, 60.2),
        ],
    };

    /// <summary>Bradford and six statistical neighbours against England's 71.8%, each with its 95% interval.</summary>
    public static DotPlotSpec Neighbours() => new()
    {
        Title = "Good level of development: Bradford and its statistical neighbours, 2018/19",
        Benchmark = 71.8,
        Rows =
        [
            new("Bradford", 66.3, 65.1, 67.5, BenchmarkComparison.Worse, IsAreaOfInterest: true),
            new("Kirklees", 69.0, 67.7, 70.3, BenchmarkComparison.Worse),
            new("Bolton", 70.9, 69.5, 72.3, BenchmarkComparison.Similar),
            new("Oldham", 68.2, 66.7, 69.7, BenchmarkComparison.Worse),
            new("Derby", 71.2, 69.6, 72.8, BenchmarkComparison.Similar),
            new("Calderdale", 73.6, 71.8, 75.4, BenchmarkComparison.Similar),
            new("Bury", 74.4, 72.6, 76.2, BenchmarkComparison.Better),
        ],
    };

    /// <summary>Three measures across four clusters, with every status present and two reds.</summary>
    public static TartanRugSpec Rug() => new()
    {
        Title = "Scorecard by cluster, Q1 2025/26",
        Columns = ["North", "South", "East", "West"],
        Rows =
        [
            new("Children under 5 registered", [new(RagStatus.Green, "91%"), new(RagStatus.Green, "88%"), new(RagStatus.Amber, "79%"), new(RagStatus.Blue, "97%")]),
            new("Re-referrals", [new(RagStatus.Red, "24%"), new(RagStatus.Amber, "19%"), new(RagStatus.Green, "14%"), new(RagStatus.Grey)]),
            new("Good level of development", [new(RagStatus.Amber, "64%"), new(RagStatus.Red, "58%"), new(RagStatus.Green, "71%"), new(RagStatus.Green, "72%")]),
        ],
    };

    public static XElement Parse(ChartSvg chart) => XElement.Parse(chart.Svg);

    /// <summary>Elements whose class attribute holds every one of the given class names.</summary>
    public static List<XElement> WithClass(XElement root, params string[] classes) =>
        root.Descendants()
            .Where(e => e.Attribute("class")?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { } have && classes.All(have.Contains))
            .ToList();

    public static double Attr(XElement e, string name) =>
        double.Parse(e.Attribute(name)!.Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The centre of a marker: a circle's (cx, cy), or a path's bounding-box centre.</summary>
    public static (double X, double Y) Centre(XElement marker)
    {
        if (marker.Name.LocalName == "circle")
        {
            return (Attr(marker, "cx"), Attr(marker, "cy"));
        }

        var numbers = System.Text.RegularExpressions.Regex.Matches(marker.Attribute("d")!.Value, @"-?\d+(\.\d+)?")
            .Select(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        var xs = numbers.Where((_, i) => i % 2 == 0).ToList();
        var ys = numbers.Where((_, i) => i % 2 == 1).ToList();
        return ((xs.Min() + xs.Max()) / 2, (ys.Min() + ys.Max()) / 2);
    }

    public static IEnumerable<string> Texts(XElement root, string cssClass) => WithClass(root, cssClass).Select(e => e.Value);
}
