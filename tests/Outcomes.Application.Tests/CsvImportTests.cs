using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Outcomes.Application.Frameworks;
using Outcomes.Application.Imports;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Ingestion.Wide;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Tests;

/// <summary>Long CSV and wide-sheet imports into a real SQLite store with the Bradford framework loaded.</summary>
public sealed class CsvImportTests
{
    private static readonly DateTimeOffset At = new(2019, 4, 20, 9, 0, 0, TimeSpan.Zero);

    private string _dir = string.Empty;
    private OutcomesStore _store = null!;

    private static string Csv(string name) => Path.Combine(RepositoryPaths.Samples, "csv", name);

    [SetUp]
    public async Task SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("outcomes-csv-import-").FullName;
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

    private CsvImportService Csvs() => new(_store, NullLogger<CsvImportService>.Instance);

    private async Task<int> StoredObservations(string unit, string period)
    {
        var repository = new ReturnRepository(_store);
        return await repository.FindAsync("BRD-CC", unit, PeriodParser.Parse(period)) is null ? 0 : (await repository.GetVersionsAsync("BRD-CC", unit, PeriodParser.Parse(period))).Count;
    }

    [Test]
    public async Task The_sample_csv_imports_both_quarters_and_the_same_file_twice_changes_nothing()
    {
        var bytes = await File.ReadAllBytesAsync(Csv("bradford_BRD-CL1_2018-19_Q1-Q2.csv"));

        var first = await Csvs().ImportAsync("q1-q2.csv", bytes, "BRD-CC", "officer", At);
        var again = await Csvs().ImportAsync("q1-q2.csv", bytes, "BRD-CC", "officer", At);

        Assert.That(first.Issues, Is.Empty, () => string.Join(Environment.NewLine, first.Issues));
        Assert.That((first.Stored, first.RowsRead, first.Returns.Count, first.Inserted, first.Updated), Is.EqualTo((true, 10, 2, 10, 0)));
        Assert.That(again.Returns.Select(r => r.Outcome!.Kind), Is.All.EqualTo(ImportOutcomeKind.Duplicate));
        Assert.That((again.Inserted, again.Unchanged), Is.EqualTo((0, 10)));
        Assert.That(await StoredObservations("BRD-CL1", "2018-19 Q2"), Is.EqualTo(1));
    }

    [Test]
    public async Task The_windows_1252_sample_imports_with_its_pound_sign_intact()
    {
        var result = await Csvs().ImportAsync("q3.csv", await File.ReadAllBytesAsync(Csv("bradford_BRD-CL2_2018-19_Q3_windows-1252.csv")), "BRD-CC", "officer", At);

        Assert.That(result.Issues, Is.Empty, () => string.Join(Environment.NewLine, result.Issues));
        Assert.That(result.Stored, Is.True);
        var stored = await new ObservationRepository(_store).ListCurrentAsync("BRD-CC", ["BRD-CL2"]);
        Assert.That(stored.Single(o => o.MeasureCode == "BR1").Commentary, Does.Contain("£1,234"));
    }

    [Test]
    public async Task One_bad_row_stores_nothing_from_the_file()
    {
        var lines = (await File.ReadAllLinesAsync(Csv("bradford_BRD-CL1_2018-19_Q1-Q2.csv"))).ToList();
        var fields = lines[8].Split(',');
        fields[3] = "1.2k";
        lines[8] = string.Join(',', fields);

        var result = await Csvs().ImportAsync("bad.csv", System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", lines)), "BRD-CC", "officer", At);

        Assert.That(result.HasErrors, Is.True);
        Assert.That(result.Issues.Where(i => i.IsError).Select(i => (i.RuleCode, i.Row, i.Cell)), Is.EqualTo(new[] { ("value.not-a-number", (int?)9, "D9") }));
        Assert.That(await StoredObservations("BRD-CL1", "2018-19 Q1"), Is.Zero);
        Assert.That(await StoredObservations("BRD-CL1", "2018-19 Q2"), Is.Zero);
    }

    [Test]
    public async Task A_dry_run_reads_everything_and_stores_nothing()
    {
        var result = await Csvs().ImportAsync("q1-q2.csv", await File.ReadAllBytesAsync(Csv("bradford_BRD-CL1_2018-19_Q1-Q2.csv")), "BRD-CC", "officer", At, dryRun: true);

        Assert.That((result.HasErrors, result.Returns.Count, result.RowsRead), Is.EqualTo((false, 2, 10)));
        Assert.That(await StoredObservations("BRD-CL1", "2018-19 Q1"), Is.Zero);
    }

    [Test]
    public async Task A_locked_quarter_with_different_figures_refuses_the_whole_file_but_unchanged_it_is_no_refusal()
    {
        var bytes = await File.ReadAllBytesAsync(Csv("bradford_BRD-CL1_2018-19_Q1-Q2.csv"));
        await Csvs().ImportAsync("q1-q2.csv", bytes, "BRD-CC", "officer", At);
        var q1 = await new ReturnRepository(_store).FindAsync("BRD-CC", "BRD-CL1", PeriodParser.Parse("2018-19 Q1"));
        await new ReturnRepository(_store).SetStatusAsync(q1!.Id, ReturnStatus.Locked, "approver", At, "closed");
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var changed = System.Text.Encoding.UTF8.GetBytes(text.Replace("Q1,BR5,", "Q1,BR5,1", StringComparison.Ordinal));
        var resent = System.Text.Encoding.UTF8.GetBytes(text + "\r\n");

        var refused = await Csvs().ImportAsync("changed.csv", changed, "BRD-CC", "officer", At);
        var unchanged = await Csvs().ImportAsync("resent.csv", resent, "BRD-CC", "officer", At);

        Assert.That(refused.Issues.Where(i => i.IsError).Select(i => i.RuleCode), Is.EqualTo(new[] { "return.locked" }), () => string.Join(Environment.NewLine, refused.Issues));
        Assert.That(refused.Issues.Single(i => i.IsError).Message, Does.Contain("BRD-CL1").And.Contain("2018-19 Q1").And.Contain("Nothing from this file was stored"));
        Assert.That(refused.Returns.Select(r => r.Outcome), Is.All.Null, "no return of the refused file reports as stored");
        Assert.That(await StoredObservations("BRD-CL1", "2018-19 Q1"), Is.EqualTo(1));
        Assert.That(await StoredObservations("BRD-CL1", "2018-19 Q2"), Is.EqualTo(1), "Q2 of the refused file was rolled back with it");
        Assert.That(unchanged.HasErrors, Is.False, () => string.Join(Environment.NewLine, unchanged.Issues));
    }

    [Test]
    public async Task The_uploaded_file_is_kept_as_sent_once_and_every_return_of_it_points_there()
    {
        var bytes = await File.ReadAllBytesAsync(Csv("bradford_BRD-CL1_2018-19_Q1-Q2.csv"));

        var result = await Csvs().ImportAsync("q1-q2.csv", bytes, "BRD-CC", "officer", At);

        var repository = new ReturnRepository(_store);
        var uploads = new List<StoredUpload>();
        foreach (var period in new[] { "2018-19 Q1", "2018-19 Q2" })
        {
            var version = (await repository.GetVersionsAsync("BRD-CC", "BRD-CL1", PeriodParser.Parse(period))).Single();
            uploads.Add((await repository.GetUploadAsync(version.Id))!);
        }

        Assert.That(result.Stored, Is.True);
        Assert.That(uploads.Select(u => u.Id).Distinct().Count(), Is.EqualTo(1));
        Assert.That(uploads[0].Bytes, Is.EqualTo(bytes), "byte for byte, BOM included");
        Assert.That((uploads[0].FileName, uploads[0].Format, uploads[0].Sha256), Is.EqualTo(("q1-q2.csv", "csv", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)))));
    }

    [Test]
    public async Task An_outlier_against_the_files_own_earlier_quarters_is_a_warning_naming_its_row()
    {
        var csv = Series(("2017-18 Q1", 140), ("2017-18 Q2", 145), ("2017-18 Q3", 150), ("2017-18 Q4", 142), ("2018-19 Q1", 148), ("2018-19 Q2", 400));

        var result = await Csvs().ImportAsync("series.csv", csv, "BRD-CC", "officer", At, dryRun: true);

        Assert.That(result.HasErrors, Is.False, () => string.Join(Environment.NewLine, result.Issues));
        var warnings = result.Issues.Where(i => !i.IsError).ToList();
        Assert.That(warnings.Select(w => (w.RuleCode, w.MeasureCode, w.Row, w.Cell)), Is.EquivalentTo(new[]
        {
            ("history.outlier", (string?)"BR5", (int?)32, (string?)"D32"),
            ("history.jump", "BR5", 32, "D32"),
        }));
        Assert.That(warnings[0].Message, Does.StartWith("row 32, Value (D32): BR5 = 400").And.EndWith("needs commentary"));
    }

    [Test]
    public async Task A_jump_from_the_stored_last_quarter_is_a_warning_and_the_file_is_still_stored()
    {
        var history = Series(("2017-18 Q1", 140), ("2017-18 Q2", 145), ("2017-18 Q3", 150), ("2017-18 Q4", 142), ("2018-19 Q1", 148));
        var first = await Csvs().ImportAsync("history.csv", history, "BRD-CC", "officer", At);
        Assert.That((first.Stored, first.Warnings), Is.EqualTo((true, 0)), () => string.Join(Environment.NewLine, first.Issues));

        var next = await Csvs().ImportAsync("q2.csv", Series(("2018-19 Q2", 400)), "BRD-CC", "officer", At);

        Assert.That(next.Stored, Is.True);
        Assert.That(next.Issues.Select(i => (i.RuleCode, i.Row)), Is.EquivalentTo(new[] { ("history.outlier", (int?)6), ("history.jump", 6) }));
        Assert.That(next.Issues.Single(i => i.RuleCode == "history.jump").Message, Does.Contain("jumped from 148 in 2018-19 Q1"));
    }

    /// <summary>A long CSV for BRD-CL1 with steady BR1–BR4 and the given BR5 counts, five rows a quarter (six in Q3, when GLD is due).</summary>
    private static byte[] Series(params (string Period, int Br5)[] quarters)
    {
        var text = new System.Text.StringBuilder("Org Unit Code,Period,Measure Code,Value,Numerator,Denominator,Commentary\r\n");
        foreach (var (period, br5) in quarters)
        {
            text.Append($"BRD-CL1,{period},BR1,90,450,500,\r\nBRD-CL1,{period},BR2,60,300,500,\r\nBRD-CL1,{period},BR3,70,350,500,\r\n");
            text.Append($"BRD-CL1,{period},BR4,45,225,500,\r\nBRD-CL1,{period},BR5,{br5},,,\r\n");
            if (period.EndsWith("Q3", StringComparison.Ordinal))
            {
                text.Append($"BRD-CL1,{period},GLD,70,350,500,\r\n");
            }
        }

        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    [Test]
    public async Task The_sample_wide_tracker_imports_clean()
    {
        var samples = Path.Combine(RepositoryPaths.Samples, "wide");
        var mapping = WideImportService.LoadMapping(Path.Combine(samples, "bradford_BRD-CL1_kpi-tracker.mapping.yaml"), out var problems);
        var service = new WideImportService(_store, NullLogger<WideImportService>.Instance);

        var result = await service.ImportAsync("tracker.xlsx", await File.ReadAllBytesAsync(Path.Combine(samples, "bradford_BRD-CL1_kpi-tracker_2018-19.xlsx")), mapping!, "BRD-CC", "officer", At);

        Assert.That(problems, Is.Empty);
        Assert.That(result.Issues, Is.Empty, () => string.Join(Environment.NewLine, result.Issues));
        Assert.That((result.Stored, result.Returns.Count, result.Inserted), Is.EqualTo((true, 4, 21)));
    }
}
