using Dapper;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Storage.Repositories;
using Outcomes.Storage.Returns;

namespace Outcomes.Storage.Tests;

/// <summary>
/// Closing a version moves the quarters after its closing date to the next version: every return there that is not
/// locked is recorded against the next version, in the same transaction as the load, audited, and checked against the
/// next version's measures (a return lacking one it requires, or carrying one it dropped, needs resubmitting).
/// </summary>
public abstract partial class StoreContractTests
{
    private static readonly Period Q2018 = Period.FinancialQuarter(2018, 1);

    /// <summary>Version 2 asks for a new required measure (VIS) and drops ENG.</summary>
    private static FrameworkVersion Version2WithVisits => Samples.Version2 with
    {
        Notes = "Adds home visits; drops engagement.",
        Measures = [.. Samples.Version1.Measures.Where(m => m.Code != "ENG"), new Measure { Code = "VIS", Title = "Home visits", Unit = MeasureUnit.Count, Group = "How much" }],
        Rules = [],
    };

    private static QuarterlyReturn ReturnIn(Period period) => Samples.Return() with
    {
        Period = period,
        Observations = Samples.Return().Observations.Select(o => o with { Period = period }).ToList(),
    };

    [Test]
    public async Task Migration_0016_records_each_stored_return_against_the_version_of_its_latest_file()
    {
        await SeedAsync();
        var returns = new ReturnRepository(Store);
        Assert.That((await new FrameworkRepository(Store).SaveAsync(Samples.Framework(ClosedV1, Samples.Version2))).Saved, Is.True);
        Assert.That((await returns.ImportAsync(Samples.Return(), "q1.xlsx", Samples.File("q1"), "alice", At)).Stored, Is.True);
        Assert.That((await returns.ImportAsync(ReturnIn(Q2018), "q5.xlsx", Samples.File("q5"), "alice", At)).Stored, Is.True);
        Assert.That((await returns.ImportAsync(ReturnIn(Q2018) with { FrameworkVersion = 2 }, "q5-v2.xlsx", Samples.File("q5 v2"), "alice", At)).Stored, Is.True);
        await using (var connection = await Store.OpenAsync())
        {
            // The store as it was before 0016: no column, and 0016 not journaled.
            await connection.ExecuteAsync(Store.Provider == StoreProvider.Sqlite ? "ALTER TABLE returns DROP COLUMN framework_version" : "ALTER TABLE dbo.returns DROP COLUMN framework_version");
            Assert.That(await connection.ExecuteAsync("DELETE FROM schema_versions WHERE script_name LIKE '0016%'"), Is.EqualTo(1));
        }

        var migrated = await Store.MigrateAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(migrated.Applied, Has.Count.EqualTo(1).And.All.StartWith("0016"));
            Assert.That((await returns.FindAsync(Samples.FrameworkCode, Samples.Centre, Samples.Q1))!.FrameworkVersion, Is.EqualTo(1));
            Assert.That((await returns.FindAsync(Samples.FrameworkCode, Samples.Centre, Q2018))!.FrameworkVersion, Is.EqualTo(2), "its latest file's version, not its first's");
        });
    }

    [Test]
    public async Task A_submitted_return_in_a_moved_quarter_is_recorded_against_the_next_version_and_audited()
    {
        await SeedAsync();
        var returns = new ReturnRepository(Store);
        Assert.That((await returns.ImportAsync(Samples.Return(), "q1.xlsx", Samples.File("q1"), "alice", At)).Stored, Is.True);
        Assert.That((await returns.ImportAsync(ReturnIn(Q2018), "q5.xlsx", Samples.File("q5"), "alice", At)).Stored, Is.True);

        var result = await new FrameworkRepository(Store).SaveAsync(Samples.Framework(ClosedV1, Samples.Version2), "dana");

        var moved = (await returns.FindAsync(Samples.FrameworkCode, Samples.Centre, Q2018))!;
        var kept = (await returns.FindAsync(Samples.FrameworkCode, Samples.Centre, Samples.Q1))!;
        var audit = await new AuditRepository(Store).ListAsync(ReturnRepository.StatusAuditTable, ReturnRepository.ReturnKey(Samples.FrameworkCode, Samples.Centre, Q2018));
        Assert.Multiple(() =>
        {
            Assert.That(result.Saved, Is.True, string.Join(" ", result.Conflicts.Select(c => c.Message)));
            Assert.That(moved.FrameworkVersion, Is.EqualTo(2), "2018-19 Q1 starts after version 1 closes: it is under version 2 now");
            Assert.That(moved.Status, Is.EqualTo(ReturnStatus.Submitted), "it has every measure version 2 asks for");
            Assert.That(kept.FrameworkVersion, Is.EqualTo(1), "2017-18 Q1 stays under version 1");
            var row = audit.Single();
            Assert.That(row.ChangedBy, Is.EqualTo("dana"));
            Assert.That(row.OldValue, Does.Contain("\"frameworkVersion\":1"));
            Assert.That(row.NewValue, Does.Contain("\"frameworkVersion\":2"));
            Assert.That(row.Reason, Does.Contain("version 1 closed on 2018-03-31").And.Contain("recorded against version 2"));
        });
    }

    [Test]
    public async Task A_return_lacking_a_measure_the_next_version_requires_needs_resubmitting_naming_it()
    {
        await SeedAsync();
        var returns = new ReturnRepository(Store);
        var q5 = await returns.ImportAsync(ReturnIn(Q2018), "q5.xlsx", Samples.File("q5"), "alice", At);
        Assert.That(await returns.SetStatusAsync(q5.ReturnId, ReturnStatus.Approved, "carol", At, "Checked"), Is.True);

        var result = await new FrameworkRepository(Store).SaveAsync(Samples.Framework(ClosedV1, Version2WithVisits), "dana");

        var moved = (await returns.FindAsync(Samples.FrameworkCode, Samples.Centre, Q2018))!;
        var audit = await new AuditRepository(Store).ListAsync(ReturnRepository.StatusAuditTable, ReturnRepository.ReturnKey(Samples.FrameworkCode, Samples.Centre, Q2018));
        Assert.Multiple(() =>
        {
            Assert.That(result.Saved, Is.True, string.Join(" ", result.Conflicts.Select(c => c.Message)));
            Assert.That(moved.FrameworkVersion, Is.EqualTo(2));
            Assert.That(moved.Status, Is.EqualTo(ReturnStatus.NeedsResubmission), "an approval of figures that lack a required measure does not stand");
            var move = result.Moved.Single();
            Assert.That((move.OrgUnitCode, move.Period, move.FromVersion, move.ToVersion), Is.EqualTo((Samples.Centre, Q2018, 1, 2)));
            Assert.That((move.From, move.To), Is.EqualTo((ReturnStatus.Approved, ReturnStatus.NeedsResubmission)));
            Assert.That(move.Missing, Is.EqualTo(new[] { "VIS" }));
            Assert.That(move.NotAsked, Is.EqualTo(new[] { "ENG" }));
            var row = audit[^1];
            Assert.That(row.ChangedBy, Is.EqualTo("dana"));
            Assert.That(row.OldValue, Does.Contain("\"status\":\"Approved\"").And.Contain("\"frameworkVersion\":1"));
            Assert.That(row.NewValue, Does.Contain("\"status\":\"NeedsResubmission\"").And.Contain("\"missing\":[\"VIS\"]").And.Contain("\"notAsked\":[\"ENG\"]"));
            Assert.That(row.Reason, Does.Contain("needs resubmitting on the version 2 template")
                .And.Contain("lacks VIS (required by version 2)").And.Contain("carries ENG (not asked for by version 2)"));
        });

        var approve = ReturnWorkflow.Decide(moved.Status, ReturnAction.Approve, WorkflowRole.Approver, null, "2018-19 Q1 for BRD-C1-01");
        Assert.That(approve.RuleCode, Is.EqualTo(ReturnWorkflow.Rules.NeedsResubmission), "it cannot be approved until it is uploaded again");

        // Uploaded again on the version 2 template, it is submitted, recorded against version 2.
        var again = ReturnIn(Q2018) with
        {
            FrameworkVersion = 2,
            Observations = [Samples.Obs("GLD", 51.05m, 1021, 2000) with { Period = Q2018 }, Samples.Obs("REG", 120) with { Period = Q2018 }, Samples.Obs("VIS", 40) with { Period = Q2018 }],
        };
        var resubmitted = await returns.ImportAsync(again, "q5-v2.xlsx", Samples.File("q5 v2"), "alice", At.AddDays(1));
        var after = (await returns.FindAsync(Samples.FrameworkCode, Samples.Centre, Q2018))!;
        Assert.That(resubmitted.Stored, Is.True, resubmitted.Message);
        Assert.That((after.Status, after.FrameworkVersion, after.LatestVersion), Is.EqualTo((ReturnStatus.Submitted, 2, 2)));
    }

    [Test]
    public async Task Draft_and_fitting_approved_returns_keep_their_status_and_locked_ones_before_the_closing_stay_put()
    {
        await SeedAsync();
        var returns = new ReturnRepository(Store);
        var early = await returns.ImportAsync(Samples.Return(), "q1.xlsx", Samples.File("q1"), "alice", At);
        Assert.That(await returns.SetStatusAsync(early.ReturnId, ReturnStatus.Locked, "carol", At, "Quarter closed"), Is.True);
        var q5 = await returns.ImportAsync(ReturnIn(Q2018), "q5.xlsx", Samples.File("q5"), "alice", At);
        Assert.That(await returns.SetStatusAsync(q5.ReturnId, ReturnStatus.Approved, "carol", At, "Checked"), Is.True);
        var q6Period = Period.FinancialQuarter(2018, 2);
        var q6 = await returns.ImportAsync(ReturnIn(q6Period), "q6.xlsx", Samples.File("q6"), "alice", At);
        Assert.That(await returns.SetStatusAsync(q6.ReturnId, ReturnStatus.Draft, "alice", At, "Saved as draft"), Is.True);

        var result = await new FrameworkRepository(Store).SaveAsync(Samples.Framework(ClosedV1, Samples.Version2), "dana");

        Assert.Multiple(async () =>
        {
            Assert.That(result.Saved, Is.True, string.Join(" ", result.Conflicts.Select(c => c.Message)));
            Assert.That(result.Moved.Select(m => (m.Period, m.From, m.To, m.NeedsResubmission)), Is.EqualTo(new[]
            {
                (Q2018, ReturnStatus.Approved, ReturnStatus.Approved, false),
                (q6Period, ReturnStatus.Draft, ReturnStatus.Draft, false),
            }));
            var locked = (await returns.FindAsync(Samples.FrameworkCode, Samples.Centre, Samples.Q1))!;
            Assert.That((locked.Status, locked.FrameworkVersion), Is.EqualTo((ReturnStatus.Locked, 1)), "a locked quarter before the closing date is not touched");
            Assert.That((await returns.FindAsync(Samples.FrameworkCode, Samples.Centre, q6Period))!.FrameworkVersion, Is.EqualTo(2));
        });

        var again = await new FrameworkRepository(Store).SaveAsync(Samples.Framework(ClosedV1, Samples.Version2), "dana");
        Assert.That(again.Moved, Is.Empty, "loading the same folder again moves nothing");
    }

    [Test]
    public async Task A_locked_return_in_a_moved_quarter_still_refuses_the_load_and_nothing_moves()
    {
        await SeedAsync();
        var returns = new ReturnRepository(Store);
        var q5 = await returns.ImportAsync(ReturnIn(Q2018), "q5.xlsx", Samples.File("q5"), "alice", At);
        var q6Period = Period.FinancialQuarter(2018, 2);
        Assert.That((await returns.ImportAsync(ReturnIn(q6Period), "q6.xlsx", Samples.File("q6"), "alice", At)).Stored, Is.True);
        Assert.That(await returns.SetStatusAsync(q5.ReturnId, ReturnStatus.Locked, "carol", At, "Quarter closed"), Is.True);
        var auditBefore = await CountAsync("audit_log");

        var result = await new FrameworkRepository(Store).SaveAsync(Samples.Framework(ClosedV1, Version2WithVisits), "dana");

        Assert.Multiple(async () =>
        {
            Assert.That(result.Saved, Is.False);
            Assert.That(result.Conflicts.Single().Rule, Is.EqualTo(FrameworkRepository.Rules.CloseLockedReturns));
            Assert.That(result.Moved, Is.Empty);
            var open = (await returns.FindAsync(Samples.FrameworkCode, Samples.Centre, q6Period))!;
            Assert.That((open.Status, open.FrameworkVersion), Is.EqualTo((ReturnStatus.Submitted, 1)), "the unlocked return did not move either");
            Assert.That(await CountAsync("audit_log"), Is.EqualTo(auditBefore));
        });
    }

    [Test]
    public async Task A_load_stores_its_units_versions_moves_and_targets_together_or_not_at_all()
    {
        await SeedAsync();
        var returns = new ReturnRepository(Store);
        Assert.That((await returns.ImportAsync(ReturnIn(Q2018), "q5.xlsx", Samples.File("q5"), "alice", At)).Stored, Is.True);
        var auditBefore = await CountAsync("audit_log");
        var renamed = Samples.Units.Select(u => u.Code == Samples.Centre ? u with { Name = "Canterbury Family Hub" } : u).ToList();
        var repo = new FrameworkRepository(Store);

        // A target for a unit that is stored nowhere breaks the targets' foreign key, the load's last step.
        var stray = Samples.Targets[0] with { OrgUnitCode = "NO-SUCH-UNIT" };
        Assert.That(
            async () => await repo.SaveAsync(Samples.Framework(ClosedV1, Version2WithVisits), "dana", new FrameworkLoadParts(renamed, Samples.Links, [stray]) { SourceName = "bradford.zip" }),
            Throws.InstanceOf<System.Data.Common.DbException>());

        var unchanged = (await repo.GetAsync(Samples.FrameworkCode))!;
        var ret = (await returns.FindAsync(Samples.FrameworkCode, Samples.Centre, Q2018))!;
        var hierarchy = await new OrgUnitRepository(Store).LoadHierarchyAsync(Samples.Authority);
        Assert.Multiple(async () =>
        {
            Assert.That(unchanged.Versions.Select(v => (v.Version, v.EffectiveTo)), Is.EqualTo(new[] { (1, (DateOnly?)null) }));
            Assert.That((ret.Status, ret.FrameworkVersion), Is.EqualTo((ReturnStatus.Submitted, 1)), "the move rolled back");
            Assert.That(hierarchy.Units.Single(u => u.Code == Samples.Centre).Name, Is.EqualTo("Canterbury Children's Centre"), "the unit's new name rolled back");
            Assert.That(await CountAsync("audit_log"), Is.EqualTo(auditBefore));
        });

        var saved = await repo.SaveAsync(Samples.Framework(ClosedV1, Version2WithVisits), "dana", new FrameworkLoadParts(renamed, Samples.Links, Samples.Targets) { SourceName = "bradford.zip" });
        var loadedAudit = await new AuditRepository(Store).ListAsync(FrameworkRepository.AuditTable, $"{Samples.FrameworkCode} v2");
        Assert.Multiple(async () =>
        {
            Assert.That(saved.Saved, Is.True);
            Assert.That((saved.OrgUnits, saved.Targets, saved.Moved.Count), Is.EqualTo((renamed.Count, Samples.Targets.Count, 1)));
            Assert.That(saved.Moved.Single().NeedsResubmission, Is.True);
            Assert.That((await new OrgUnitRepository(Store).LoadHierarchyAsync(Samples.Authority)).Units.Single(u => u.Code == Samples.Centre).Name, Is.EqualTo("Canterbury Family Hub"));
            Assert.That(await new TargetRepository(Store).ListAsync(Samples.FrameworkCode), Has.Count.EqualTo(Samples.Targets.Count));
            Assert.That(loadedAudit.Single().Reason, Is.EqualTo("Version 2 loaded from bradford.zip"));
            Assert.That(loadedAudit.Single().ChangedBy, Is.EqualTo("dana"));
        });

        // The same folder again, asked to store only with a new version, writes nothing at all.
        var auditAfter = await CountAsync("audit_log");
        var again = await repo.SaveAsync(
            Samples.Framework(ClosedV1, Version2WithVisits), "dana", new FrameworkLoadParts(Samples.Units, Samples.Links, []) { OnlyWithNewVersions = true, SourceName = "bradford.zip" });
        Assert.Multiple(async () =>
        {
            Assert.That((again.Saved, again.AddedVersions.Count, again.Targets), Is.EqualTo((true, 0, (int?)null)));
            Assert.That(await new TargetRepository(Store).ListAsync(Samples.FrameworkCode), Has.Count.EqualTo(Samples.Targets.Count), "targets not replaced by the empty list");
            Assert.That((await new OrgUnitRepository(Store).LoadHierarchyAsync(Samples.Authority)).Units.Single(u => u.Code == Samples.Centre).Name, Is.EqualTo("Canterbury Family Hub"));
            Assert.That(await CountAsync("audit_log"), Is.EqualTo(auditAfter));
        });
    }

    [Test]
    public async Task A_failure_while_moving_returns_rolls_back_the_whole_load()
    {
        await SeedAsync();
        var returns = new ReturnRepository(Store);
        Assert.That((await returns.ImportAsync(ReturnIn(Q2018), "q5.xlsx", Samples.File("q5"), "alice", At)).Stored, Is.True);
        var auditBefore = await CountAsync("audit_log");
        await using (var connection = await Store.OpenAsync())
        {
            // A real failure from the database, part-way through the load: after the version is closed and the next added.
            await connection.ExecuteAsync(Store.Provider == StoreProvider.Sqlite
                ? "CREATE TRIGGER refuse_return_moves BEFORE UPDATE OF framework_version ON returns BEGIN SELECT RAISE(ABORT, 'returns are read-only in this test'); END;"
                : "CREATE TRIGGER dbo.refuse_return_moves ON dbo.returns AFTER UPDATE AS IF UPDATE(framework_version) THROW 50000, 'returns are read-only in this test', 1;");
        }

        var repo = new FrameworkRepository(Store);
        Assert.That(async () => await repo.SaveAsync(Samples.Framework(ClosedV1, Version2WithVisits), "dana"), Throws.InstanceOf<System.Data.Common.DbException>());

        var stored = (await repo.GetAsync(Samples.FrameworkCode))!;
        var ret = (await returns.FindAsync(Samples.FrameworkCode, Samples.Centre, Q2018))!;
        Assert.Multiple(async () =>
        {
            Assert.That(stored.Versions.Select(v => (v.Version, v.EffectiveTo)), Is.EqualTo(new[] { (1, (DateOnly?)null) }), "version 1 still open, version 2 not added");
            Assert.That((ret.Status, ret.FrameworkVersion), Is.EqualTo((ReturnStatus.Submitted, 1)));
            Assert.That(await CountAsync("audit_log"), Is.EqualTo(auditBefore), "no closing or move audited");
            Assert.That(await CountAsync("measures"), Is.EqualTo(3), "version 2's measures not stored");
        });
    }
}
