using System.Globalization;
using ClosedXML.Excel;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Outcomes.Application.Demo;
using Outcomes.Application.Imports;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Scores;
using Outcomes.Ingestion.OpenData;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;
using UglyToad.PdfPig;

namespace Outcomes.Application.Tests;

/// <summary>
/// The whole path, once, for real: a fresh SQLite file, every sample framework and the 600 sample .xlsx returns,
/// the DfE comparators, scoring, and a board pack per authority printed by the system Chromium. The outputs are
/// read back (PdfPig, ClosedXML) and checked against figures computed here from the DfE release itself.
/// </summary>
[NonParallelizable]
public class DemoEndToEndTests
{
    private string _out = string.Empty;
    private DemoResult _result = null!;
    private OutcomesStore _store = null!;

    private string StorePath => Path.Combine(_out, "outcomes.db");

    [OneTimeSetUp]
    public async Task RunTheDemo()
    {
        _out = Directory.CreateTempSubdirectory("outcomes-demo-").FullName;
        _result = await new DemoRunner(NullLoggerFactory.Instance).RunAsync(new DemoOptions(RepositoryPaths.Samples, _out, StorePath));
        _store = OutcomesStore.Sqlite(StorePath);
    }

    [OneTimeTearDown]
    public void CleanUp() => Directory.Delete(_out, recursive: true);

    [Test]
    public void Every_sample_return_is_imported_and_none_refused()
    {
        var expected = Directory.GetFiles(Path.Combine(RepositoryPaths.Samples, "returns"), "*.xlsx", SearchOption.AllDirectories).Length;
        Assert.Multiple(() =>
        {
            Assert.That(_result.Councils, Has.Count.EqualTo(9));
            Assert.That(_result.Councils.Sum(c => c.ReturnsImported), Is.EqualTo(expected));
            Assert.That(_result.Councils.Sum(c => c.ReturnsRefused), Is.Zero);
            Assert.That(_result.Councils.Select(c => c.LatestPeriod?.Key), Is.All.EqualTo("2018-19 Q4"));
        });
    }

    [Test]
    public async Task Files_with_problems_are_explained_by_cell_and_store_nothing()
    {
        await using var connection = await _store.OpenAsync();
        var storedFiles = (await connection.QueryAsync<string>("SELECT source_file_name FROM return_versions")).ToHashSet();
        Assert.That(_result.ProblemFiles, Has.Count.EqualTo(7));
        foreach (var file in _result.ProblemFiles)
        {
            Assert.Multiple(() =>
            {
                Assert.That(file.HasErrors, Is.True, file.File);
                Assert.That(file.Outcome, Is.Null, file.File);
                Assert.That(storedFiles, Does.Not.Contain(file.File));
            });
        }

        var bradford = _result.ProblemFiles.Single(f => f.File.StartsWith("bradford", StringComparison.Ordinal));
        Assert.That(bradford.Issues.Single().Message, Does.Match(@"^Data![A-Z]+[0-9]+: .*'1\.2k' is not a number"));
    }

    [Test]
    public async Task The_authority_GLD_score_reproduces_the_published_DfE_figure_through_the_cluster_roll_up()
    {
        var published = DfeOpenDataReader.Read(Path.Combine(RepositoryPaths.Samples, "open-data", "dfe-eyfsp-gld-by-la-2013-2019.csv"), DfeIndicatorMappings.Gld)
            .Values.Single(v => v.AreaCode == "E08000032" && v.Period == Period.AcademicYear(2017) && v.Breakdown == "Total");
        var scores = await new ScoreRepository(_store).ListAsync("BRD-CC", Period.FinancialQuarter(2018, 4), "BRD");
        var gld = scores.Single(s => s.MeasureCode == "GLD");
        Assert.Multiple(() =>
        {
            Assert.That(gld.Numerator, Is.EqualTo(published.Numerator));
            Assert.That(gld.Denominator, Is.EqualTo(published.Denominator));
            Assert.That(Math.Round(gld.Actual!.Value, 1, MidpointRounding.AwayFromZero), Is.EqualTo(published.Value));
            Assert.That(gld.Comparator, Is.Not.Null, "England comparator attached");
        });
    }

    [Test]
    public async Task The_board_pack_pdf_holds_the_scored_figures_status_letters_and_page_numbers()
    {
        var pack = _result.Councils.Single(c => c.FrameworkCode == "BRD-CC").Pack!;
        var scores = await new ScoreRepository(_store).ListAsync("BRD-CC", Period.FinancialQuarter(2018, 4), "BRD");
        using var pdf = PdfDocument.Open(pack.PdfPath);
        var pages = pdf.GetPages().Select(p => p.Text).ToList();
        var text = string.Join("\n", pages);
        var gld = scores.Single(s => s.MeasureCode == "GLD");
        Assert.Multiple(() =>
        {
            Assert.That(pdf.NumberOfPages, Is.GreaterThanOrEqualTo(3));
            Assert.That(pdf.Information.Title, Does.Contain("2018-19 Q4"));
            Assert.That(pages[0], Does.Contain("Page 1 of " + pdf.NumberOfPages));
            Assert.That(text, Does.Contain(gld.Actual!.Value.ToString("0.0", CultureInfo.InvariantCulture) + "%"));
            Assert.That(text, Does.Contain("Good level of development"));
            Assert.That(text, Does.Contain("City of Bradford Metropolitan District Council"));
            Assert.That(text, Does.Contain("Data as at 20 April 2019"), "generated-on comes from the latest submission, not the clock");
        });
        foreach (var score in scores.Where(s => s.Status != RagStatus.Grey))
        {
            Assert.That(text, Does.Contain(score.StatusLetter), score.MeasureCode);
        }
    }

    [Test]
    public async Task The_scrutiny_pack_pdf_holds_the_authority_figures_cluster_letters_gap_and_outline()
    {
        var pack = _result.Councils.Single(c => c.FrameworkCode == "BRD-CC").ScrutinyPack!;
        var latest = await new ScoreRepository(_store).ListAsync("BRD-CC", Period.FinancialQuarter(2018, 4));
        using var pdf = PdfDocument.Open(pack.PdfPath);
        var pages = pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        var text = string.Join("\n", pages);
        var overview = pages.Single(p => p.Contains("3.0 Overview", StringComparison.Ordinal) && !p.Contains("Contents Section Page", StringComparison.Ordinal)).Split(' ');
        var gld = latest.Single(s => s.MeasureCode == "GLD" && s.OrgUnitCode == "BRD");
        Assert.That(pdf.TryGetBookmarks(out var bookmarks), Is.True);
        var outline = bookmarks!.GetNodes().Select(n => n.Title).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(_result.Councils.Select(c => c.ScrutinyPack), Is.All.Not.Null, "one scrutiny pack per authority");
            Assert.That(pdf.Information.Title, Does.Contain("2018-19 Q4"));
            Assert.That(pages[0], Does.Contain("Page 1 of " + pdf.NumberOfPages).And.Contain("Data as at 20 April 2019"));
            Assert.That(text, Does.Contain(gld.Actual!.Value.ToString("0.0", CultureInfo.InvariantCulture) + "%"));
            Assert.That(text, Does.Contain("the gap between girls and boys narrowed by 1.5 points to 13.5 points over five years"), "Bradford's DfE GLD by gender, 2012/13 to 2017/18");
            Assert.That(outline, Has.Some.StartsWith("3.0").And.Some.StartsWith("4.0").And.Some.StartsWith("7.0").And.Some.StartsWith("Appendix A"));
        });
        foreach (var score in latest.Where(s => s.OrgUnitCode.StartsWith("BRD-CL", StringComparison.Ordinal) || s.OrgUnitCode == "BRD"))
        {
            Assert.That(overview, Does.Contain(score.StatusLetter), $"{score.OrgUnitCode} {score.MeasureCode}");
        }
    }

    [Test]
    public async Task The_excel_pack_holds_the_same_figures_and_letters()
    {
        var pack = _result.Councils.Single(c => c.Folder == "blackpool").Pack!;
        var scores = (await new ScoreRepository(_store).ListAsync("BPL-CCO", Period.FinancialQuarter(2018, 4), "BPL")).ToDictionary(s => s.MeasureCode);
        using var workbook = new XLWorkbook(pack.ExcelPath);
        var sheet = workbook.Worksheet("Scorecard");
        var rows = sheet.RowsUsed().Where(r => r.RowNumber() > 4 && scores.ContainsKey(r.Cell(2).GetString())).ToList();
        Assert.That(rows, Has.Count.EqualTo(21), "Blackpool's 21 outcomes");
        foreach (var row in rows)
        {
            var score = scores[row.Cell(2).GetString()];
            Assert.That(row.Cell(7).GetString(), Is.EqualTo(score.StatusLetter), score.MeasureCode);
            if (score.Actual is { } actual && score.SuppressionReason is null && row.Cell(5).DataType == XLDataType.Number)
            {
                Assert.That(row.Cell(5).GetDouble(), Is.EqualTo((double)actual).Within(0.051), score.MeasureCode);
            }
        }
    }

    [Test]
    public async Task The_scrutiny_workbook_holds_the_stored_figures_and_letters_for_the_authority_and_its_clusters()
    {
        var pack = _result.Councils.Single(c => c.FrameworkCode == "BRD-CC").ScrutinyPack!;
        var latest = (await new ScoreRepository(_store).ListAsync("BRD-CC", Period.FinancialQuarter(2018, 4)))
            .Where(s => s.OrgUnitCode == "BRD" || s.OrgUnitCode.StartsWith("BRD-CL", StringComparison.Ordinal))
            .ToList();
        using var workbook = new XLWorkbook(pack.ExcelPath);
        var data = workbook.Worksheet("Data").Tables.Single().DataRange.Rows()
            .Where(r => r.Cell(2).GetString() == "2018-19 Q4")
            .ToDictionary(r => (Unit: r.Cell(1).GetString(), Measure: r.Cell(3).GetString()));
        var overview = workbook.Worksheet("Overview");
        var authorityColumn = overview.Row(4).CellsUsed().Single(c => c.GetString() == "Authority").Address.ColumnNumber;
        var gld = latest.Single(s => s.MeasureCode == "GLD" && s.OrgUnitCode == "BRD");
        var gldRow = data[("BRD", "GLD")];

        Assert.Multiple(() =>
        {
            Assert.That(_result.Councils.Select(c => c.ScrutinyPack?.ExcelPath), Has.All.Matches<string?>(p => p is not null && p.EndsWith(".xlsx", StringComparison.Ordinal) && File.Exists(p)),
                "a scrutiny workbook per authority, beside its PDF");
            Assert.That(Path.ChangeExtension(pack.ExcelPath, ".pdf"), Is.EqualTo(pack.PdfPath));
            Assert.That(workbook.Worksheets.Select(w => w.Name), Is.EqualTo(new[] { "Cover", "Overview", "Trends", "Data", "SPC", "Comparison", "Gaps", "Definitions" }));
            Assert.That(gldRow.Cell(7).GetDouble(), Is.EqualTo((double)gld.Actual!.Value).Within(0.051), "GLD for the authority, as scored");
            Assert.That((gldRow.Cell(9).GetDouble(), gldRow.Cell(10).GetDouble()), Is.EqualTo(((double)gld.Numerator!.Value, (double)gld.Denominator!.Value)));
            Assert.That(latest.Select(s => s.OrgUnitCode).Distinct().Count(), Is.GreaterThan(1), "clusters as well as the authority");
            foreach (var score in latest.Where(s => data.ContainsKey((s.OrgUnitCode, s.MeasureCode))))
            {
                Assert.That(data[(score.OrgUnitCode, score.MeasureCode)].Cell(12).GetString(), Is.EqualTo(score.StatusLetter), $"{score.OrgUnitCode} {score.MeasureCode}");
            }

            foreach (var score in latest.Where(s => s.OrgUnitCode == "BRD"))
            {
                Assert.That(SheetRow(overview, score.MeasureCode).Cell(authorityColumn).GetString(), Is.EqualTo(score.StatusLetter), $"overview {score.MeasureCode}");
            }
        });
    }

    private static IXLRow SheetRow(IXLWorksheet sheet, string code) => sheet.RowsUsed().Single(r => r.RowNumber() > 4 && r.Cell(1).GetString() == code);

    [Test]
    public async Task Migrations_apply_twice_without_error_and_the_second_time_apply_nothing()
    {
        var again = await _store.MigrateAsync();
        Assert.That(again.Applied, Is.Empty);
        Assert.That(again.AlreadyApplied, Is.Not.Empty);
    }

    [Test]
    public async Task Importing_a_sample_return_again_is_recognised_and_changes_nothing()
    {
        var file = Directory.GetFiles(Path.Combine(RepositoryPaths.Samples, "returns", "bradford")).Order(StringComparer.Ordinal).First();
        await using var connection = await _store.OpenAsync();
        var before = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM observations");
        var result = await new ReturnImportService(_store, NullLogger<ReturnImportService>.Instance)
            .ImportAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file), "test", DateTimeOffset.UnixEpoch);
        var after = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM observations");
        Assert.That(result.Outcome!.Kind, Is.EqualTo(ImportOutcomeKind.Duplicate));
        Assert.That(after, Is.EqualTo(before));
    }
}
