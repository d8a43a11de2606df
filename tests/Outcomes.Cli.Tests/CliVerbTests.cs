using ClosedXML.Excel;

namespace Outcomes.Cli.Tests;

public class CliVerbTests
{
    private string _dir = string.Empty;

    private string Store => Path.Combine(_dir, "o.db");

    private static string Samples => Path.Combine(CliProcess.RepositoryRoot, "samples");

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("outcomes-cli-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task Db_migrate_twice_applies_the_scripts_once()
    {
        var first = await CliProcess.RunAsync(_dir, "db", "migrate", "--store", Store);
        var second = await CliProcess.RunAsync(_dir, "db", "migrate", "--store", Store);
        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.Zero, first.Output);
            Assert.That(first.Output, Does.Match("Sqlite: [1-9][0-9]* applied, 0 already applied"));
            Assert.That(second.ExitCode, Is.Zero, second.Output);
            Assert.That(second.Output, Does.Match("Sqlite: 0 applied, [1-9][0-9]* already applied"));
        });
    }

    [Test]
    public async Task Demo_makes_the_default_store_folder_when_it_is_missing()
    {
        // No --store: the default out/outcomes.db, in a working folder that has no out/ yet; the packs go elsewhere.
        var run = await CliProcess.RunAsync(_dir, "demo", "--no-packs", "--samples", Samples, "--out", Path.Combine(_dir, "packs"));
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Output);
            Assert.That(File.Exists(Path.Combine(_dir, "out", "outcomes.db")), Is.True, run.Output);
        });
    }

    [Test]
    public async Task A_pack_for_an_unknown_framework_is_a_one_line_message_not_a_stack_trace()
    {
        await CliProcess.RunAsync(_dir, "db", "migrate", "--store", Store);

        var run = await CliProcess.RunAsync(_dir, "pack", "-f", "NOPE", "-o", "X", "-p", "2018-19 Q4", "--store", Store, "--out", _dir);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
            Assert.That(run.Output, Does.Contain("Framework 'NOPE' is not in the store."));
            Assert.That(run.Output, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(run.Output, Does.Contain("--verbose"));
        });
    }

    [Test]
    public async Task A_bad_return_is_refused_with_the_cell_and_rule_and_stores_nothing()
    {
        var load = await CliProcess.RunAsync(_dir, "frameworks", "load", Path.Combine(Samples, "frameworks", "bradford"), "--store", Store);
        Assert.That(load.ExitCode, Is.Zero, load.Output);

        var bad = await CliProcess.RunAsync(_dir, "import", Path.Combine(Samples, "returns-with-problems", "bradford-value-written-as-1.2k.xlsx"), "--store", Store);
        var good = await CliProcess.RunAsync(_dir, "import", "--dry-run", Directory.GetFiles(Path.Combine(Samples, "returns", "bradford"))[0], "--store", Store);
        Assert.Multiple(() =>
        {
            Assert.That(bad.ExitCode, Is.EqualTo(1));
            Assert.That(bad.Output, Does.Contain("not imported").And.Match(@"Data![A-Z]+[0-9]+: .*'1\.2k' is not a number").And.Contain("(value.not-a-number)"));
            Assert.That(good.ExitCode, Is.Zero, good.Output);
            Assert.That(good.Output, Does.Contain("valid").And.Contain("dry run: nothing stored"));
        });
    }

    [Test]
    public async Task Template_writes_a_return_for_the_unit_and_quarter_that_imports_back()
    {
        await CliProcess.RunAsync(_dir, "frameworks", "load", Path.Combine(Samples, "frameworks", "bradford"), "--store", Store);
        var file = Path.Combine(_dir, "t.xlsx");
        var run = await CliProcess.RunAsync(_dir, "template", "--framework", "BRD-CC", "--org", "BRD-CL1", "--period", "2017-18 Q3", "--out", file, "--store", Store);
        Assert.That(run.ExitCode, Is.Zero, run.Output);
        using (var workbook = new XLWorkbook(file))
        {
            Assert.That(workbook.Worksheet("_template").Visibility, Is.Not.EqualTo(XLWorksheetVisibility.Visible));
            Assert.That(workbook.Worksheet("Data").Cell(2, 1).GetString(), Is.Not.Empty);
        }

        var blank = await CliProcess.RunAsync(_dir, "import", file, "--store", Store);
        Assert.That(blank.ExitCode, Is.EqualTo(1), "a blank template has required measures missing");
        Assert.That(blank.Output, Does.Contain("is required"));
    }

    [Test]
    public async Task Bad_options_are_named_with_the_rule()
    {
        var period = await CliProcess.RunAsync(_dir, "score", "--framework", "BRD-CC", "--period", "next week", "--store", Store);
        var mapping = await CliProcess.RunAsync(_dir, "comparators", "load", "x.csv", "--mapping", "nope", "--store", Store);
        var framework = await CliProcess.RunAsync(_dir, "frameworks", "load", Path.Combine(_dir, "missing"), "--store", Store);
        Assert.Multiple(() =>
        {
            Assert.That(period.ExitCode, Is.EqualTo(2));
            Assert.That(period.Output, Does.Contain("--period:").And.Contain("not a period"));
            Assert.That(mapping.ExitCode, Is.EqualTo(2));
            Assert.That(mapping.Output, Does.Contain("--mapping:"));
            Assert.That(framework.ExitCode, Is.EqualTo(1));
            Assert.That(framework.Output, Does.Contain("problems"));
        });
    }

    [Test]
    public async Task Bench_reports_throughput_and_memory_for_a_small_synthetic_store()
    {
        var run = await CliProcess.RunAsync(_dir, "bench", "--authorities", "2", "--centres", "10", "--measures", "4", "--quarters", "8");
        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Assert.That(run.Output, Does.Contain("2 authorities × 10 centres × 4 measures × 8 quarters = 640 observations").And.Match("[0-9,]+ observations/s"));
    }
}

public class ErrorReportCliTests
{
    [Test]
    public async Task Import_writes_the_annotated_error_workbook_when_asked()
    {
        var dir = Directory.CreateTempSubdirectory("outcomes-cli-report-").FullName;
        try
        {
            var store = Path.Combine(dir, "o.db");
            var samples = Path.Combine(CliProcess.RepositoryRoot, "samples");
            await CliProcess.RunAsync(dir, "frameworks", "load", Path.Combine(samples, "frameworks", "blackpool"), "--store", store);
            var run = await CliProcess.RunAsync(dir, "import", Path.Combine(samples, "returns-with-problems", "blackpool-percentage-over-100.xlsx"),
                "--error-report", Path.Combine(dir, "reports"), "--store", store);
            var report = Path.Combine(dir, "reports", "blackpool-percentage-over-100.errors.xlsx");
            Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
            Assert.That(run.Output, Does.Contain("error report: "));
            using var workbook = new XLWorkbook(report);
            var errors = workbook.Worksheet("Errors");
            Assert.That(errors.RowsUsed().Skip(1).Select(r => string.Join(" ", r.Cells().Select(c => c.GetString()))),
                Has.Some.Contain("value.percentage-range"));
            var data = workbook.Worksheet("Data");
            var commented = data.CellsUsed().Where(c => c.HasComment).ToList();
            Assert.That(commented, Has.Count.EqualTo(1));
            Assert.That(commented[0].Comment.Text, Does.Contain("between 0 and 100"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
