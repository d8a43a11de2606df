using ClosedXML.Excel;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Outcomes.Application.Frameworks;
using Outcomes.Application.Imports;
using Outcomes.Application.Packs;
using Outcomes.Application.Scoring;
using Outcomes.Domain.Periods;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.Pdf;
using Outcomes.Reporting.Templates;
using Outcomes.Storage;
using UglyToad.PdfPig;

namespace Outcomes.Application.Tests;

/// <summary>
/// A board pack tells the board which returns were missing or late, from the returns register in a real SQLite store:
/// Bradford's seven clusters owe a return 20 days after the quarter; here one is late and one never arrived.
/// </summary>
public sealed class BoardPackReturnsTests
{
    private static readonly Period Q4 = PeriodParser.Parse("2018-19 Q4");

    private string _dir = string.Empty;
    private OutcomesStore _store = null!;

    [SetUp]
    public async Task SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("outcomes-returns-").FullName;
        _store = OutcomesStore.Sqlite(Path.Combine(_dir, "o.db"));
        await _store.MigrateAsync();
        var load = await new FrameworkLoadingService(_store, NullLogger<FrameworkLoadingService>.Instance).LoadAsync(Path.Combine(RepositoryPaths.Samples, "frameworks", "bradford"));
        Assert.That(load.Succeeded, Is.True, string.Join("; ", load.Problems));
    }

    [TearDown]
    public void TearDown()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public async Task The_authority_pack_lists_the_late_and_the_missing_cluster_returns()
    {
        var importer = new ReturnImportService(_store, NullLogger<ReturnImportService>.Instance);
        var samples = Path.Combine(RepositoryPaths.Samples, "returns", "bradford");
        var onTime = new DateTimeOffset(2019, 4, 15, 9, 0, 0, TimeSpan.Zero);
        for (var cluster = 1; cluster <= 6; cluster++)
        {
            var file = Path.Combine(samples, $"BRD-CL{cluster}_2018-19_Q4.xlsx");
            var at = cluster == 6 ? onTime.AddDays(10) : onTime; // CL6 on 25 April, after the 20 April deadline; CL7 never
            var result = await importer.ImportAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file), "officer@bradford", at);
            Assert.That(result.Stored, Is.True, string.Join("; ", result.Issues));
        }

        await new ScoringService(_store, NullLogger<ScoringService>.Instance).ScoreAsync("BRD-CC");
        await using var printer = new PdfPrinter(new PdfPrinterOptions());
        var pack = await new BoardPackService(_store, new TemplateRenderer(), printer, NullLogger<BoardPackService>.Instance)
            .RenderAsync("BRD-CC", "BRD", Q4, PackSettings.Default, Path.Combine(_dir, "packs"));

        using var pdf = PdfDocument.Open(pack.PdfPath);
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Multiple(() =>
        {
            Assert.That(pack.ExecutiveSummary, Does.EndWith($"5 of the 7 returns due for {Q4.Label} arrived by the deadline of 20 April 2019; 1 missing, 1 late."));
            Assert.That(text, Does.Contain("Returns for the quarter"));
            Assert.That(text, Does.Contain("Bradford Central cluster Missing"), "the missing return's row: its name, then what happened");
            Assert.That(text, Does.Contain("was due by 20 April 2019 and has not been received"));
            Assert.That(text, Does.Contain("arrived 5 days after its deadline of 20 April 2019"));
        });
    }

    [Test]
    public async Task A_figure_far_from_the_clusters_history_is_a_data_quality_note_saying_whether_the_return_explains_it()
    {
        var importer = new ReturnImportService(_store, NullLogger<ReturnImportService>.Instance);
        var samples = Path.Combine(RepositoryPaths.Samples, "returns", "bradford");
        var at = new DateTimeOffset(2019, 4, 15, 9, 0, 0, TimeSpan.Zero);
        foreach (var file in Directory.GetFiles(samples, "BRD-CL1_*.xlsx").Order(StringComparer.Ordinal).Where(f => !f.Contains("2018-19_Q4", StringComparison.Ordinal)))
        {
            var earlier = await importer.ImportAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file), "officer@bradford", at.AddYears(-1));
            Assert.That(earlier.Stored, Is.True, string.Join("; ", earlier.Issues));
        }

        // Q4's parenting-programme count ten times over, with no commentary: the upload warns, and the pack says so.
        var q4 = await File.ReadAllBytesAsync(Path.Combine(samples, "BRD-CL1_2018-19_Q4.xlsx"));
        using (var workbook = new XLWorkbook(new MemoryStream(q4)))
        {
            var ws = workbook.Worksheet("Data");
            var row = ws.Column(1).CellsUsed().First(c => c.GetString() == "BR5").Address.RowNumber;
            ws.Cell(row, 4).SetValue((ws.Cell(row, 4).GetDouble() * 10) + 1000);
            using var edited = new MemoryStream();
            workbook.SaveAs(edited);
            q4 = edited.ToArray();
        }

        var imported = await importer.ImportAsync("q4.xlsx", q4, "officer@bradford", at);
        Assert.That(imported.Stored, Is.True, string.Join("; ", imported.Issues));
        Assert.That(imported.Issues.Select(i => i.Message), Has.Some.Contain("BR5 = ").And.Some.Contain("is an outlier"), "the officer was warned at upload");

        await new ScoringService(_store, NullLogger<ScoringService>.Instance).ScoreAsync("BRD-CC");
        await using var printer = new PdfPrinter(new PdfPrinterOptions());
        var pack = await new BoardPackService(_store, new TemplateRenderer(), printer, NullLogger<BoardPackService>.Instance)
            .RenderAsync("BRD-CC", "BRD-CL1", Q4, PackSettings.Default, Path.Combine(_dir, "packs"));

        using var pdf = PdfDocument.Open(pack.PdfPath);
        var quality = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        quality = quality[quality.LastIndexOf("Data quality", StringComparison.Ordinal)..];
        Assert.Multiple(() =>
        {
            Assert.That(quality, Does.Contain("(BRD-CL1): BR5 = "));
            Assert.That(quality, Does.Contain("is an outlier against its 7 earlier values"));
            Assert.That(quality, Does.Contain("the return gives no explanation."));
        });
    }
}
