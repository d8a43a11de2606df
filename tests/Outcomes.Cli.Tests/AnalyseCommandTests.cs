using System.Text.Json;
using Outcomes.Scoring.Benchmarking;
using Outcomes.Scoring.ConfidenceIntervals;

namespace Outcomes.Cli.Tests;

/// <summary>`outcomes analyse` run as a process on the samples in samples/analyse and on broken files.</summary>
public class AnalyseCommandTests
{
    private string _dir = string.Empty;

    private static string Deviations => Path.Combine(CliProcess.RepositoryRoot, "samples", "analyse", "deviations.csv");

    private static string Gld => Path.Combine(CliProcess.RepositoryRoot, "samples", "analyse", "gld-authorities.csv");

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("outcomes-analyse-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task The_table_shows_the_deviations_limits_and_flags_only_point_5()
    {
        var run = await CliProcess.RunAsync(_dir, "analyse", Deviations, "--decimals", "6");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Output);
            Assert.That(run.Output, Does.Contain("SPC: mean 1.944444, process limits -0.715556 to 4.604444"));
            Assert.That(run.Output, Does.Contain("2 moving range(s) screened out"));
            Assert.That(run.Output.Split('\n').Count(l => l.Contains("outside limits", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(run.Output.Split('\n').Single(l => l.Contains("outside limits", StringComparison.Ordinal)), Does.Contain("10.000000"));
            Assert.That(run.Output, Does.Contain("Common cause variation"));
        });
    }

    [TestCase(false, -0.715556, 4.604444)]
    [TestCase(true, -3.062614, 6.951503)]
    public async Task Json_gives_the_METHODS_limits_with_and_without_screening(bool noScreening, double lower, double upper)
    {
        string[] args = noScreening ? ["analyse", Deviations, "--json", "--no-screening"] : ["analyse", Deviations, "--json"];
        var run = await CliProcess.RunAsync(_dir, args);
        Assert.That(run.ExitCode, Is.Zero, run.Output);
        using var json = JsonDocument.Parse(run.Output);
        var series = json.RootElement.GetProperty("series")[0];
        var spc = series.GetProperty("spc");
        var flagged = series.GetProperty("points").EnumerateArray()
            .Where(p => p.GetProperty("spcRules").GetArrayLength() > 0)
            .Select(p => p.GetProperty("period").GetString())
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("kind").GetString(), Is.EqualTo("value"));
            Assert.That(json.RootElement.GetProperty("options").GetProperty("screening").GetBoolean(), Is.EqualTo(!noScreening));
            Assert.That(series.GetProperty("orderedBy").GetString(), Is.EqualTo("file"));
            Assert.That(spc.GetProperty("mean").GetDouble(), Is.EqualTo(1.944444).Within(1e-6));
            Assert.That(spc.GetProperty("lowerLimit").GetDouble(), Is.EqualTo(lower).Within(1e-6));
            Assert.That(spc.GetProperty("upperLimit").GetDouble(), Is.EqualTo(upper).Within(1e-6));
            Assert.That(spc.GetProperty("trialLimits").GetBoolean(), Is.False);
            Assert.That(flagged, Is.EqualTo(new[] { "5" }));
            Assert.That(series.GetProperty("points")[4].GetProperty("spcRules")[0].GetString(), Is.EqualTo("outsideLimits"));
            Assert.That(series.GetProperty("recentTrend").ValueKind, Is.EqualTo(JsonValueKind.Null), "plain values have no recent trend");
        });
    }

    [Test]
    public async Task Json_for_real_GLD_proportions_has_wilson_intervals_funnel_positions_and_a_recent_trend()
    {
        var run = await CliProcess.RunAsync(_dir, "analyse", Gld, "--json", "--polarity", "higher");
        Assert.That(run.ExitCode, Is.Zero, run.Output);
        using var json = JsonDocument.Parse(run.Output);
        var bradford = json.RootElement.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("area").GetString() == "Bradford");
        var points = bradford.GetProperty("points").EnumerateArray().ToList();
        var latest = points[^1];
        var (x, n, benchmark) = (latest.GetProperty("count").GetDouble(), latest.GetProperty("denominator").GetDouble(), latest.GetProperty("benchmark").GetDouble());
        var wilson = WilsonInterval.Of(x, n).Scale(100);
        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("kind").GetString(), Is.EqualTo("proportion"));
            Assert.That(bradford.GetProperty("orderedBy").GetString(), Is.EqualTo("period"));
            Assert.That(points.Select(p => p.GetProperty("period").GetString()), Is.Ordered, "the file lists the newest year first");
            Assert.That(latest.GetProperty("period").GetString(), Is.EqualTo("2018/19"));
            Assert.That(latest.GetProperty("value").GetDouble(), Is.EqualTo(x / n * 100).Within(1e-9));
            Assert.That(latest.GetProperty("lowerCi").GetDouble(), Is.EqualTo(wilson.Lower).Within(1e-9));
            Assert.That(latest.GetProperty("upperCi").GetDouble(), Is.EqualTo(wilson.Upper).Within(1e-9));
            Assert.That(latest.GetProperty("funnel").GetString(), Is.EqualTo(Camel(Funnel.Classify(x, n, benchmark / 100).ToString())));
            Assert.That(latest.GetProperty("comparison").GetString(), Is.EqualTo(wilson.Contains(benchmark) ? "similar" : wilson.Upper < benchmark ? "worse" : "better"));
            Assert.That(bradford.GetProperty("spc").GetProperty("trialLimits").GetBoolean(), Is.True, "seven years");
            Assert.That(bradford.GetProperty("spc").GetProperty("target").GetDouble(), Is.EqualTo(70));
            Assert.That(bradford.GetProperty("spc").GetProperty("description").GetString(), Does.EndWith("Trial limits: only 7 periods."));
            Assert.That(bradford.GetProperty("recentTrend").GetProperty("chiSquared").GetDouble(), Is.GreaterThan(9.5495));
            Assert.That(bradford.GetProperty("recentTrend").GetProperty("outcome").GetString(), Is.EqualTo("increasingAndGettingBetter"));
        });
    }

    [Test]
    public async Task A_missing_period_becomes_a_gap_and_suppressed_cells_are_no_value()
    {
        var file = Write("gap.csv", "AREA,Period,COUNT,Denominator\nA,2017-18 Q1,5,10\nA,2017-18 Q3,c,10\nA,2017-18 Q4,6,10\nA,2018-19 Q1,7,10\n");
        var run = await CliProcess.RunAsync(_dir, "analyse", file, "--json");
        Assert.That(run.ExitCode, Is.Zero, run.Output);
        using var json = JsonDocument.Parse(run.Output);
        var points = json.RootElement.GetProperty("series")[0].GetProperty("points");
        Assert.Multiple(() =>
        {
            Assert.That(points.GetArrayLength(), Is.EqualTo(5));
            Assert.That(points[1].GetProperty("row").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(points[1].GetProperty("period").GetString(), Is.EqualTo("2017-18 Q2"));
            Assert.That(points[1].GetProperty("missing").GetString(), Is.EqualTo("no row for this period"));
            Assert.That(points[2].GetProperty("missing").GetString(), Is.EqualTo("no value ('c')"));
            Assert.That(points[2].GetProperty("spcType").GetString(), Is.EqualTo("missing"));
            Assert.That(points[3].GetProperty("value").GetDouble(), Is.EqualTo(60));
        });
    }

    [Test]
    public async Task A_cell_that_is_not_a_number_is_named_by_file_row_and_column()
    {
        var file = Write("bad.csv", "area,period,count,denominator\nA,2017-18 Q1,5,10\nA,2017-18 Q2,five,10\n");
        var run = await CliProcess.RunAsync(_dir, "analyse", file);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Output, Does.Contain("bad.csv row 3, column 'count' (C): 'five' is not a number"));
            Assert.That(run.Output, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public async Task A_missing_column_a_repeated_period_and_a_missing_file_are_refused()
    {
        var noPeriod = await CliProcess.RunAsync(_dir, "analyse", Write("np.csv", "area,when,value\nA,1,2\n"));
        var twice = await CliProcess.RunAsync(_dir, "analyse", Write("dup.csv", "area,period,value\nA,2017-18 Q1,2\nA,Q1 2017/18,3\n"));
        var absent = await CliProcess.RunAsync(_dir, "analyse", Path.Combine(_dir, "absent.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(noPeriod.ExitCode, Is.EqualTo(1));
            Assert.That(noPeriod.Output, Does.Contain("np.csv row 1: no 'period' column"));
            Assert.That(twice.ExitCode, Is.EqualTo(1));
            Assert.That(twice.Output, Does.Contain("dup.csv row 3, column 'period': A already has period 'Q1 2017/18' (row 2)"));
            Assert.That(absent.ExitCode, Is.EqualTo(1));
            Assert.That(absent.Output, Does.Contain("absent.csv: no such file"));
        });
    }

    [TestCase("--confidence", "90", "--confidence: '90' is not 95 or 99.8")]
    [TestCase("--polarity", "up", "--polarity: 'up' is not higher, lower or none")]
    [TestCase("--baseline", "6", "--baseline: '6' is not a whole number of at least 12")]
    [TestCase("--multiplier", "per cent", "--multiplier: 'per cent' is not a number above 0")]
    public async Task An_unknown_option_value_is_named_and_exits_2(string option, string value, string message)
    {
        var run = await CliProcess.RunAsync(_dir, "analyse", Deviations, option, value);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Output, Does.Contain(message));
        });
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
