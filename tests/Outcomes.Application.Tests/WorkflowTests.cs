using ClosedXML.Excel;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Outcomes.Application.Frameworks;
using Outcomes.Application.Imports;
using Outcomes.Application.Returns;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Ingestion.History;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;
using Outcomes.Storage.Returns;

namespace Outcomes.Application.Tests;

/// <summary>The outcome of an upload, end to end on a real SQLite store and the Bradford sample returns.</summary>
public sealed class WorkflowTests
{
    private const string Framework = "BRD-CC";
    private const string Unit = "BRD-CL1";

    private static readonly Period Q4 = PeriodParser.Parse("2018-19 Q4");

    private string _dir = string.Empty;
    private OutcomesStore _store = null!;
    private SteppingClock _clock = null!;

    [SetUp]
    public async Task SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("outcomes-workflow-").FullName;
        _store = OutcomesStore.Sqlite(Path.Combine(_dir, "o.db"));
        _clock = new SteppingClock(new DateTimeOffset(2019, 4, 20, 9, 0, 0, TimeSpan.Zero));
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
    public async Task Import_compare_approve_lock_and_reopen_with_an_audit_trail_of_every_step()
    {
        var importer = new ReturnImportService(_store, NullLogger<ReturnImportService>.Instance);
        var samples = Path.Combine(RepositoryPaths.Samples, "returns", "bradford");
        foreach (var file in Directory.GetFiles(samples, $"{Unit}_*.xlsx").Order(StringComparer.Ordinal).Where(f => !f.Contains("2018-19_Q4", StringComparison.Ordinal)))
        {
            var history = await importer.ImportAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file), "officer@bradford", _clock.GetUtcNow());
            Assert.That(history.Stored, Is.True, string.Join("; ", history.Issues));
        }

        var v1Bytes = await File.ReadAllBytesAsync(Path.Combine(samples, $"{Unit}_2018-19_Q4.xlsx"));
        var (measure, row, value) = FirstCount(v1Bytes);
        var v2Bytes = Edit(v1Bytes, ws => ws.Cell(row, 4).SetValue(value * 10 + 1000));

        var v1 = await importer.ImportAsync("q4.xlsx", v1Bytes, "alice", _clock.GetUtcNow());
        var v2 = await importer.ImportAsync("q4-revised.xlsx", v2Bytes, "bob", _clock.GetUtcNow());
        var workflow = new ReturnWorkflowService(_store, _clock);
        var diff = await workflow.CompareAsync(Framework, Unit, Q4);
        var officerApproval = await workflow.ApproveAsync(Framework, Unit, Q4, "bob", WorkflowRole.PerformanceOfficer);
        var refused = await workflow.ApproveAsync(Framework, Unit, Q4, "carol", WorkflowRole.Approver);

        var warned = v2.Issues.Where(i => i.RuleCode.StartsWith("history.", StringComparison.Ordinal) && i.Message.EndsWith("needs commentary", StringComparison.Ordinal))
            .Select(i => i.MeasureCode!).Distinct().ToList();
        var v3Bytes = Edit(v2Bytes, ws =>
        {
            foreach (var code in warned)
            {
                ws.Cell(RowOf(ws, code), 7).SetValue($"{code}: new outreach worker from January");
            }
        });
        var v3 = await importer.ImportAsync("q4-explained.xlsx", v3Bytes, "bob", _clock.GetUtcNow());
        var approved = await workflow.ApproveAsync(Framework, Unit, Q4, "carol", WorkflowRole.Approver);
        var locked = await workflow.LockAsync(Framework, Unit, Q4, "carol", WorkflowRole.Approver, "Quarter closed");
        var v4 = await importer.ImportAsync("q4-late.xlsx", Edit(v3Bytes, ws => ws.Cell(row, 4).SetValue(value + 1)), "bob", _clock.GetUtcNow());
        var reopenByApprover = await workflow.ReopenAsync(Framework, Unit, Q4, "carol", WorkflowRole.Approver, "Late data");
        var reopenWithoutReason = await workflow.ReopenAsync(Framework, Unit, Q4, "dave", WorkflowRole.Administrator, "");
        var reopened = await workflow.ReopenAsync(Framework, Unit, Q4, "dave", WorkflowRole.Administrator, "Centre sent corrected figures");
        var audit = (await workflow.AuditAsync(Framework, Unit)).Where(a => a.RowKey == $"{Framework}|{Unit}|{Q4.Key}").ToList();
        var list = await workflow.ListAsync(Framework, Q4, Unit);

        Assert.Multiple(() =>
        {
            Assert.That(v1.Stored, Is.True, string.Join("; ", v1.Issues));
            Assert.That(v1.RowsRead, Is.GreaterThan(0));
            Assert.That((v1.Inserted, v1.Errors), Is.EqualTo((v1.Outcome!.Inserted, 0)));

            Assert.That(v2.Stored, Is.True, string.Join("; ", v2.Issues));
            Assert.That((v2.Updated, v2.Inserted, v2.Unchanged), Is.EqualTo((1, 0, v1.Inserted - 1)));
            var outlier = v2.Issues.Single(i => i.RuleCode == HistoryChecks.OutlierRule && i.MeasureCode == measure);
            Assert.That(outlier.Place, Is.EqualTo($"Data!D{row}"));
            Assert.That(outlier.Message, Does.StartWith($"Data!D{row}: {measure} = ").And.EndWith("needs commentary"));
            Assert.That(v2.Warnings, Is.EqualTo(v2.Issues.Count(i => !i.IsError)).And.GreaterThanOrEqualTo(1));

            var change = diff.Comparison!.Differences.Single();
            Assert.That((change.MeasureCode, change.Old!.Value, change.New!.Value), Is.EqualTo((measure, (decimal?)value, (decimal?)(value * 10 + 1000))));
            Assert.That((diff.Comparison.From!.SubmittedBy, diff.Comparison.To.SubmittedBy), Is.EqualTo(("alice", "bob")));

            Assert.That((officerApproval.Done, officerApproval.RuleCode), Is.EqualTo((false, ReturnWorkflow.Rules.Role)));
            Assert.That((refused.Done, refused.RuleCode), Is.EqualTo((false, ReturnWorkflow.Rules.NeedsCommentary)));
            Assert.That(refused.MeasuresNeedingCommentary, Does.Contain(measure));
            Assert.That(refused.Message, Does.StartWith($"2018-19 Q4 for {Unit} cannot be approved: ").And.Contain($"{measure} (outlier"));

            Assert.That(v3.Stored, Is.True);
            Assert.That(v3.Issues.Where(i => i.RuleCode.StartsWith("history.", StringComparison.Ordinal)).Select(i => i.Message), Is.All.EndWith("commentary given"));
            Assert.That(approved.Done, Is.True, approved.Message);
            Assert.That(locked.Done, Is.True, locked.Message);
            Assert.That(v4.Outcome!.Kind, Is.EqualTo(ImportOutcomeKind.RefusedLocked));
            Assert.That(v4.Outcome.Message, Does.StartWith($"2018-19 Q4 for {Unit} is locked; an administrator must reopen it with a reason"));
            Assert.That((reopenByApprover.Done, reopenByApprover.RuleCode), Is.EqualTo((false, ReturnWorkflow.Rules.Role)));
            Assert.That((reopenWithoutReason.Done, reopenWithoutReason.RuleCode), Is.EqualTo((false, ReturnWorkflow.Rules.ReasonRequired)));
            Assert.That(reopened.Done, Is.True, reopened.Message);
            Assert.That(list.Single().Status, Is.EqualTo(ReturnStatus.Submitted));
            Assert.That(list.Single().Versions, Is.EqualTo(3));

            // Every step, in order, with who, when, old, new and why.
            Assert.That(audit.Select(a => (a.TableName, a.ChangedBy)), Is.EqualTo(new[]
            {
                (ReturnRepository.VersionAuditTable, "alice"),
                (ReturnRepository.VersionAuditTable, "bob"),
                (ReturnRepository.VersionAuditTable, "bob"),
                (ReturnRepository.StatusAuditTable, "carol"),
                (ReturnRepository.StatusAuditTable, "carol"),
                (ReturnRepository.StatusAuditTable, "dave"),
            }));
            Assert.That(audit.Select(a => a.ChangedAt), Is.Ordered);
            var statuses = audit.Where(a => a.TableName == ReturnRepository.StatusAuditTable).ToList();
            Assert.That(statuses.Select(a => (a.OldValue, a.NewValue!.Split(',')[0] + "}")), Is.EqualTo(new[]
            {
                ("{\"status\":\"Submitted\"}", "{\"status\":\"Approved\"}"),
                ("{\"status\":\"Approved\"}", "{\"status\":\"Locked\"}"),
                ("{\"status\":\"Locked\"}", "{\"status\":\"Submitted\"}"),
            }));
            Assert.That(statuses.Select(a => a.Reason), Is.EqualTo(new[] { "Approve (submitted → approved)", "Quarter closed", "Centre sent corrected figures" }));
            Assert.That(audit.Where(a => a.TableName == ReturnRepository.VersionAuditTable).Select(a => a.Reason), Is.EqualTo(new[]
            {
                "Return version 1 from q4.xlsx", "Return version 2 from q4-revised.xlsx", "Return version 3 from q4-explained.xlsx",
            }));
        });
    }

    /// <summary>The first Data row holding a plain number with no numerator: a count measure (code, row, value).</summary>
    private static (string Code, int Row, decimal Value) FirstCount(byte[] xlsx)
    {
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        var ws = workbook.Worksheet("Data");
        foreach (var r in ws.RowsUsed().Skip(1))
        {
            if (r.Cell(4).DataType == XLDataType.Number && r.Cell(5).IsEmpty() && r.Cell(3).GetString().Contains("count", StringComparison.OrdinalIgnoreCase))
            {
                return (r.Cell(1).GetString(), r.RowNumber(), (decimal)r.Cell(4).GetDouble());
            }
        }

        throw new InvalidOperationException("No count measure in the sample return.");
    }

    private static int RowOf(IXLWorksheet ws, string code) =>
        ws.Column(1).CellsUsed().First(c => c.GetString() == code).Address.RowNumber;

    private static byte[] Edit(byte[] xlsx, Action<IXLWorksheet> edit)
    {
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        edit(workbook.Worksheet("Data"));
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    /// <summary>A clock that moves on a minute each time it is read, so every step has its own time.</summary>
    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now = _now.AddMinutes(1);
    }
}
