using System.Data.Common;
using Dapper;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Returns;
using Outcomes.Domain.Scores;
using Outcomes.Storage.Repositories;
using Outcomes.Storage.Returns;

namespace Outcomes.Storage.Tests;

/// <summary>
/// The store's behaviour, written once and run against each provider (as Dapper's own tests do).
/// Each test gets an empty database of its own.
/// </summary>
public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset At = new(2017, 7, 20, 9, 30, 0, TimeSpan.FromHours(1));

    protected OutcomesStore Store { get; private set; } = null!;

    /// <summary>A store over a new, empty database.</summary>
    protected abstract Task<OutcomesStore> CreateEmptyStoreAsync();

    /// <summary>Removes the database made by <see cref="CreateEmptyStoreAsync"/>.</summary>
    protected abstract Task DropStoreAsync(OutcomesStore store);

    [SetUp]
    public async Task CreateStore() => Store = await CreateEmptyStoreAsync();

    [TearDown]
    public async Task DropStore()
    {
        if (Store is not null)
        {
            await DropStoreAsync(Store);
        }
    }

    [Test]
    public async Task Migrations_apply_on_an_empty_database_and_a_second_run_applies_nothing()
    {
        var first = await Store.MigrateAsync();
        var second = await Store.MigrateAsync();

        var scripts = Migrations.MigrationScripts.For(Store.Provider).Select(s => s.Name).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(scripts, Has.Count.GreaterThanOrEqualTo(3));
            Assert.That(first.Applied, Is.EqualTo(scripts));
            Assert.That(first.AlreadyApplied, Is.Empty);
            Assert.That(second.Applied, Is.Empty);
            Assert.That(second.AlreadyApplied, Is.EqualTo(scripts));
        });

        await using var connection = await Store.OpenAsync();
        var journaled = (await connection.QueryAsync<string>("SELECT script_name FROM schema_versions ORDER BY script_name")).ToList();
        Assert.That(journaled, Is.EqualTo(scripts));
    }

    [Test]
    public async Task Foreign_keys_are_enforced()
    {
        await Store.MigrateAsync();
        var repo = new OrgUnitRepository(Store);

        Assert.That(
            async () => await repo.UpsertAsync([new OrgUnit("X1", "Orphan", OrgUnitType.Centre, "X")], [new OrgUnitLink("X1", "NO-SUCH-PARENT")]),
            Throws.InstanceOf<DbException>());
        var hierarchy = await repo.LoadHierarchyAsync();
        Assert.That(hierarchy.Units, Is.Empty, "the failed upsert rolled back as a whole");
    }

    [Test]
    public async Task Org_units_round_trip_with_their_hierarchy_through_time()
    {
        await Store.MigrateAsync();
        var repo = new OrgUnitRepository(Store);

        var written = await repo.UpsertAsync(Samples.Units, Samples.Links);
        var hierarchy = await repo.LoadHierarchyAsync(Samples.Authority);

        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EqualTo(4));
            Assert.That(hierarchy.Units.OrderBy(u => u.Code), Is.EqualTo(Samples.Units.OrderBy(u => u.Code)));
            Assert.That(hierarchy.ParentOn(Samples.Centre, new DateOnly(2017, 6, 1)), Is.EqualTo(Samples.Cluster));
            Assert.That(hierarchy.ParentOn(Samples.ClosedCentre, new DateOnly(2017, 6, 1)), Is.Null);
            Assert.That(hierarchy.RollUpParent(Samples.ClosedCentre, new DateOnly(2017, 6, 1)), Is.EqualTo(Samples.Cluster));
            Assert.That(hierarchy.Get(Samples.ClosedCentre).ClosedOn, Is.EqualTo(new DateOnly(2016, 3, 31)));
        });
    }

    [Test]
    public async Task Upserting_again_updates_units_and_replaces_a_childs_links()
    {
        await Store.MigrateAsync();
        var repo = new OrgUnitRepository(Store);
        await repo.UpsertAsync(Samples.Units, Samples.Links);

        var renamed = Samples.Units[2] with { Name = "Canterbury Family Hub", Type = OrgUnitType.FamilyHub };
        await repo.UpsertAsync(
            [renamed, new OrgUnit("BRD-C2", "Cluster 2", OrgUnitType.Cluster, Samples.Authority)],
            [new OrgUnitLink(Samples.Centre, Samples.Cluster, new DateOnly(2015, 4, 1), new DateOnly(2019, 3, 31)), new OrgUnitLink(Samples.Centre, "BRD-C2", new DateOnly(2019, 4, 1))]);
        var hierarchy = await repo.LoadHierarchyAsync();

        Assert.Multiple(() =>
        {
            Assert.That(hierarchy.Units, Has.Count.EqualTo(5));
            Assert.That(hierarchy.Get(Samples.Centre), Is.EqualTo(renamed));
            Assert.That(hierarchy.ParentOn(Samples.Centre, new DateOnly(2018, 1, 1)), Is.EqualTo(Samples.Cluster));
            Assert.That(hierarchy.ParentOn(Samples.Centre, new DateOnly(2020, 1, 1)), Is.EqualTo("BRD-C2"));
            Assert.That(hierarchy.ParentOn(Samples.Cluster, new DateOnly(2020, 1, 1)), Is.EqualTo(Samples.Authority), "links of children not named are kept");
        });
    }

    [Test]
    public async Task A_framework_round_trips_with_its_measures_and_rules()
    {
        await Store.MigrateAsync();
        var repo = new FrameworkRepository(Store);

        var result = await repo.SaveAsync(Samples.Framework(Samples.Version1, Samples.Version2));
        var stored = await repo.GetAsync(Samples.FrameworkCode);
        var all = await repo.ListAsync();

        Assert.That(result.Saved, Is.True);
        Assert.That(stored, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(result.AddedVersions, Is.EqualTo(new[] { 1, 2 }));
            Assert.That(stored!.Name, Is.EqualTo("Bradford children's centres"));
            Assert.That(stored.Versions.Select(v => v.Version), Is.EqualTo(new[] { 1, 2 }));
            var v1 = stored.Versions[0];
            Assert.That(v1.Measures.Select(m => m.Code), Is.EqualTo(new[] { "GLD", "REG", "ENG" }));
            Assert.That(v1.Measures[0].Comparators, Is.EqualTo(new[] { "dfe-eyfsp-gld-percent" }));
            Assert.That(v1.Measures[0].CiMethod, Is.EqualTo(ConfidenceIntervalMethod.Wilson));
            Assert.That(v1.Measures[2].Required, Is.False);
            Assert.That(v1.Rules.Single(), Is.EqualTo(Samples.Version1.Rules.Single()));
            Assert.That(v1.Scheme, Is.EqualTo(RagScheme.Brag));
            Assert.That(FrameworkRepository.ContentSha256(v1), Is.EqualTo(FrameworkRepository.ContentSha256(Samples.Version1)));
            Assert.That(stored.VersionOn(new DateOnly(2018, 6, 1))!.Version, Is.EqualTo(2));
            Assert.That(all.Select(f => f.Code), Is.EqualTo(new[] { Samples.FrameworkCode }));
        });
    }

    [Test]
    public async Task Saving_a_stored_version_with_the_same_content_changes_nothing()
    {
        await Store.MigrateAsync();
        var repo = new FrameworkRepository(Store);
        await repo.SaveAsync(Samples.Framework());

        var again = await repo.SaveAsync(Samples.Framework(Samples.Version1, Samples.Version2));

        Assert.Multiple(() =>
        {
            Assert.That(again.Saved, Is.True);
            Assert.That(again.UnchangedVersions, Is.EqualTo(new[] { 1 }));
            Assert.That(again.AddedVersions, Is.EqualTo(new[] { 2 }));
        });
    }

    [Test]
    public async Task A_stored_version_is_never_rewritten_and_the_refusal_is_a_result()
    {
        await Store.MigrateAsync();
        var repo = new FrameworkRepository(Store);
        await repo.SaveAsync(Samples.Framework());
        var edited = Samples.Version1 with { Measures = [.. Samples.Version1.Measures.Take(2)] };

        var result = await repo.SaveAsync(Samples.Framework(edited, Samples.Version2) with { Name = "Renamed" });
        var stored = await repo.GetAsync(Samples.FrameworkCode);

        Assert.Multiple(() =>
        {
            Assert.That(result.Saved, Is.False);
            Assert.That(result.Conflicts.Single().Version, Is.EqualTo(1));
            Assert.That(result.Conflicts.Single().Message, Does.Contain("never rewritten").And.Contain("version 3"));
            Assert.That(result.AddedVersions, Is.Empty);
            Assert.That(stored!.Versions.Single().Measures, Has.Count.EqualTo(3), "history kept");
            Assert.That(stored.Name, Is.EqualTo("Bradford children's centres"), "nothing at all was written");
        });
    }

    [Test]
    public async Task Targets_are_replaced_as_a_set_and_round_trip()
    {
        await SeedAsync();
        var repo = new TargetRepository(Store);
        await repo.ReplaceForFrameworkAsync(Samples.FrameworkCode, [Samples.Targets[0] with { Value = 1 }]);

        var count = await repo.ReplaceForFrameworkAsync(Samples.FrameworkCode, Samples.Targets);
        var stored = await repo.ListAsync(Samples.FrameworkCode);

        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(2));
            Assert.That(stored, Is.EquivalentTo(Samples.Targets));
        });
    }

    [Test]
    public async Task Importing_a_new_return_creates_version_1()
    {
        await SeedAsync();
        var repo = new ReturnRepository(Store);
        var bytes = Samples.File("v1");

        var outcome = await repo.ImportAsync(Samples.Return(), "centre-q1.xlsx", bytes, "alice", At);
        var versions = await repo.GetVersionsAsync(Samples.FrameworkCode, Samples.Centre, Samples.Q1);
        var stored = await repo.FindAsync(Samples.FrameworkCode, Samples.Centre, Samples.Q1);

        Assert.That(outcome.Kind, Is.EqualTo(ImportOutcomeKind.Imported), outcome.Message);
        Assert.Multiple(async () =>
        {
            Assert.That(outcome.VersionNumber, Is.EqualTo(1));
            Assert.That((outcome.Inserted, outcome.Updated, outcome.Unchanged, outcome.Removed), Is.EqualTo((3, 0, 0, 0)));
            Assert.That(outcome.Sha256, Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))));
            var v = versions.Single();
            Assert.That((v.Id, v.ReturnId, v.VersionNumber), Is.EqualTo((outcome.ReturnVersionId!.Value, outcome.ReturnId, 1)));
            Assert.That((v.SourceFileName, v.SubmittedBy, v.Sha256, v.Status), Is.EqualTo(("centre-q1.xlsx", "alice", outcome.Sha256, ReturnStatus.Submitted)));
            Assert.That(v.SubmittedAt, Is.EqualTo(At));
            Assert.That(await repo.GetFileAsync(v.Id), Is.EqualTo(bytes));
            Assert.That(stored, Is.EqualTo(new StoredReturn(outcome.ReturnId, Samples.FrameworkCode, Samples.Centre, Samples.Q1, ReturnStatus.Submitted, 1) { FrameworkVersion = 1 }));
        });
    }

    [Test]
    public async Task The_same_bytes_twice_is_a_duplicate_and_changes_nothing()
    {
        await SeedAsync();
        var repo = new ReturnRepository(Store);
        var first = await repo.ImportAsync(Samples.Return(), "centre-q1.xlsx", Samples.File("v1"), "alice", At);

        var second = await repo.ImportAsync(Samples.Return(), "renamed.xlsx", Samples.File("v1"), "bob", At.AddDays(1));

        Assert.Multiple(async () =>
        {
            Assert.That(second.Kind, Is.EqualTo(ImportOutcomeKind.Duplicate));
            Assert.That(second.Message, Does.Contain("already version 1"));
            Assert.That((second.ReturnId, second.ReturnVersionId, second.VersionNumber), Is.EqualTo((first.ReturnId, first.ReturnVersionId, 1)));
            Assert.That((second.Inserted, second.Updated, second.Unchanged), Is.EqualTo((0, 0, 3)));
            Assert.That(await repo.GetVersionsAsync(Samples.FrameworkCode, Samples.Centre, Samples.Q1), Has.Count.EqualTo(1));
            Assert.That(await CountAsync("observations"), Is.EqualTo(3));
            Assert.That(await CountAsync("audit_log"), Is.EqualTo(1), "only version 1's submission row; the duplicate wrote none");
        });
    }

    [Test]
    public async Task A_changed_file_becomes_version_2_with_counts_and_audit_rows()
    {
        await SeedAsync();
        var repo = new ReturnRepository(Store);
        await repo.ImportAsync(Samples.Return(), "centre-q1.xlsx", Samples.File("v1"), "alice", At);
        var revised = Samples.Return(
            Samples.Obs("GLD", 52.5m, 1050, 2000),
            Samples.Obs("REG", 120),
            Samples.Obs("ENG", 40));

        var outcome = await repo.ImportAsync(revised, "centre-q1-revised.xlsx", Samples.File("v2"), "bob", At.AddDays(2));
        var audit = await new AuditRepository(Store).ListAsync(ReturnRepository.AuditTable);

        Assert.That(outcome.Kind, Is.EqualTo(ImportOutcomeKind.Imported), outcome.Message);
        Assert.Multiple(async () =>
        {
            Assert.That(outcome.VersionNumber, Is.EqualTo(2));
            Assert.That((outcome.Inserted, outcome.Updated, outcome.Unchanged, outcome.Removed), Is.EqualTo((0, 2, 1, 0)));
            Assert.That(outcome.Message, Does.Contain("2 changed"));
            Assert.That(audit.Select(a => a.RowKey), Is.EquivalentTo(new[] { "BRD-CC|BRD-C1-01|2017-18 Q1|GLD", "BRD-CC|BRD-C1-01|2017-18 Q1|ENG" }));
            var gld = audit.Single(a => a.RowKey.EndsWith("|GLD", StringComparison.Ordinal));
            Assert.That(gld.OldValue, Does.Contain("51.05"));
            Assert.That(gld.NewValue, Does.Contain("52.5"));
            Assert.That((gld.ChangedBy, gld.ChangedAt), Is.EqualTo(("bob", At.AddDays(2))));
            Assert.That(gld.Reason, Does.Contain("version 2").And.Contain("centre-q1-revised.xlsx"));
            Assert.That((await repo.GetVersionsAsync(Samples.FrameworkCode, Samples.Centre, Samples.Q1)).Select(v => v.VersionNumber), Is.EqualTo(new[] { 1, 2 }));
        });
    }

    [Test]
    public async Task A_locked_return_refuses_a_new_version()
    {
        await SeedAsync();
        var repo = new ReturnRepository(Store);
        var first = await repo.ImportAsync(Samples.Return(), "centre-q1.xlsx", Samples.File("v1"), "alice", At);
        Assert.That(await repo.SetStatusAsync(first.ReturnId, ReturnStatus.Locked, "carol", At.AddDays(1), "Quarter closed"), Is.True);

        var outcome = await repo.ImportAsync(Samples.Return(Samples.Obs("GLD", 60m)), "late.xlsx", Samples.File("v2"), "bob", At.AddDays(2));

        Assert.Multiple(async () =>
        {
            Assert.That(outcome.Kind, Is.EqualTo(ImportOutcomeKind.RefusedLocked));
            Assert.That(outcome.Stored, Is.False);
            Assert.That(outcome.Message, Does.Contain("locked"));
            Assert.That(await repo.GetVersionsAsync(Samples.FrameworkCode, Samples.Centre, Samples.Q1), Has.Count.EqualTo(1));
            Assert.That((await repo.FindAsync(Samples.FrameworkCode, Samples.Centre, Samples.Q1))!.Status, Is.EqualTo(ReturnStatus.Locked));
            Assert.That((await new AuditRepository(Store).ListAsync("returns")).Single().Reason, Is.EqualTo("Quarter closed"));
        });
    }

    [Test]
    public async Task An_import_naming_an_unstored_framework_version_or_org_unit_is_refused()
    {
        await SeedAsync();
        var repo = new ReturnRepository(Store);

        var wrongVersion = await repo.ImportAsync(Samples.Return() with { FrameworkVersion = 9 }, "a.xlsx", Samples.File("a"), "alice", At);
        var unknownUnit = await repo.ImportAsync(Samples.Return(Samples.Obs("GLD", 1m, unit: "NOPE")), "b.xlsx", Samples.File("b"), "alice", At);
        var repeated = await repo.ImportAsync(Samples.Return(Samples.Obs("GLD", 1m), Samples.Obs("gld", 2m)), "c.xlsx", Samples.File("c"), "alice", At);

        Assert.Multiple(async () =>
        {
            Assert.That(wrongVersion.Kind, Is.EqualTo(ImportOutcomeKind.RefusedInvalid));
            Assert.That(wrongVersion.Message, Does.Contain("version 9"));
            Assert.That(unknownUnit.Kind, Is.EqualTo(ImportOutcomeKind.RefusedInvalid));
            Assert.That(repeated.Kind, Is.EqualTo(ImportOutcomeKind.RefusedInvalid));
            Assert.That(await CountAsync("returns"), Is.Zero);
        });
    }

    [Test]
    public async Task Current_observations_come_from_the_latest_version_of_each_return()
    {
        await SeedAsync();
        var repo = new ReturnRepository(Store);
        await repo.ImportAsync(Samples.Return(), "v1.xlsx", Samples.File("v1"), "alice", At);
        var v2 = await repo.ImportAsync(Samples.Return(Samples.Obs("GLD", 52.5m, 1050, 2000), Samples.Obs("REG", 121)), "v2.xlsx", Samples.File("v2"), "alice", At);
        var other = Samples.Return(Samples.Obs("REG", 7, unit: Samples.Cluster)) with { OrgUnitCode = Samples.Cluster };
        await repo.ImportAsync(other, "cluster.xlsx", Samples.File("cluster"), "alice", At);
        var observations = new ObservationRepository(Store);

        var current = await observations.ListCurrentAsync(Samples.FrameworkCode);
        var centreOnly = await observations.ListCurrentAsync(Samples.FrameworkCode, [Samples.Centre]);
        var none = await observations.ListCurrentAsync(Samples.FrameworkCode, []);

        Assert.Multiple(() =>
        {
            Assert.That(v2.Removed, Is.EqualTo(1));
            Assert.That(current, Has.Count.EqualTo(3));
            Assert.That(centreOnly.Select(o => (o.MeasureCode, o.Value)), Is.EquivalentTo(new[] { ("GLD", (decimal?)52.5m), ("REG", 121m) }));
            Assert.That(centreOnly.Select(o => o.ReturnVersionId), Is.All.EqualTo(v2.ReturnVersionId));
            Assert.That(centreOnly.Select(o => o.Period), Is.All.EqualTo(Samples.Q1));
            Assert.That(none, Is.Empty);
        });
    }

    [Test]
    public async Task Decimals_round_trip_exactly()
    {
        await SeedAsync();
        var values = new[] { 51.05m, 0.1m, 123456789.123456m, -2.5m, 0m, 100m };
        var observations = values.Select((v, i) => Samples.Obs($"M{i}", v, v * 2, 3.3m)).ToArray();

        await new ReturnRepository(Store).ImportAsync(Samples.Return(observations), "d.xlsx", Samples.File("d"), "alice", At);
        var stored = await new ObservationRepository(Store).ListCurrentAsync(Samples.FrameworkCode);

        Assert.That(stored.OrderBy(o => o.MeasureCode, StringComparer.Ordinal).Select(o => o.Value), Is.EqualTo(values));
        var gld = stored.Single(o => o.MeasureCode == "M0");
        Assert.Multiple(() =>
        {
            Assert.That(gld.Value.ToString(), Is.EqualTo("51.05"), "no binary floating point on the way");
            Assert.That(gld.Numerator, Is.EqualTo(102.10m));
            Assert.That(gld.Denominator, Is.EqualTo(3.3m));
        });
    }

    [Test]
    public async Task A_suppression_reason_is_kept_with_a_null_value()
    {
        await SeedAsync();
        await new ReturnRepository(Store).ImportAsync(Samples.Return(), "s.xlsx", Samples.File("s"), "alice", At);

        var eng = (await new ObservationRepository(Store).ListCurrentAsync(Samples.FrameworkCode)).Single(o => o.MeasureCode == "ENG");

        Assert.Multiple(() =>
        {
            Assert.That(eng.Value, Is.Null);
            Assert.That(eng.SuppressionReason, Is.EqualTo("c"));
            Assert.That(eng.HasValue, Is.False);
        });
    }

    [Test]
    public async Task Comparators_upsert_and_round_trip()
    {
        await Store.MigrateAsync();
        var repo = new ComparatorRepository(Store);
        await repo.UpsertAsync(Samples.Comparators(68.0m));

        var written = await repo.UpsertAsync(Samples.Comparators(69.05m));
        var all = await repo.ListAsync("dfe-eyfsp-gld-percent");
        var england = await repo.ListAsync("dfe-eyfsp-gld-percent", "E92000001");

        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EqualTo(2));
            Assert.That(all, Is.EquivalentTo(Samples.Comparators(69.05m)));
            Assert.That(england.Single().Value, Is.EqualTo(69.05m));
            Assert.That(all.Single(c => c.Breakdown == "Boys").SuppressionReason, Is.EqualTo("c"));
        });
    }

    [Test]
    public async Task Scores_replace_per_period_and_round_trip()
    {
        await SeedAsync();
        var repo = new ScoreRepository(Store);
        var q2 = Samples.Q1.Next();
        await repo.ReplaceAsync(Samples.FrameworkCode, [Samples.Score("GLD", Samples.Q1, 10m, RagStatus.Red), Samples.Score("GLD", q2, 50m, RagStatus.Red)]);

        var replacement = Samples.Score("GLD", Samples.Q1, 51.05m, RagStatus.Amber) with { Actual = 51.05m, LowerCi = null, SuppressionReason = null };
        await repo.ReplaceAsync(Samples.FrameworkCode, [replacement]);
        var all = await repo.ListAsync(Samples.FrameworkCode);
        var q1 = await repo.ListAsync(Samples.FrameworkCode, Samples.Q1, Samples.Centre);
        var elsewhere = await repo.ListAsync(Samples.FrameworkCode, orgUnitCode: Samples.Cluster);

        Assert.Multiple(() =>
        {
            Assert.That(all.Select(s => s.Period), Is.EqualTo(new[] { Samples.Q1, q2 }), "the other period is kept");
            Assert.That(q1.Single(), Is.EqualTo(replacement));
            Assert.That(elsewhere, Is.Empty);
        });
    }

    [Test]
    public async Task Workflow_transitions_change_the_status_with_an_audit_row_each_and_refusals_change_nothing()
    {
        await SeedAsync();
        var repo = new ReturnRepository(Store);
        await repo.ImportAsync(Samples.Return(), "v1.xlsx", Samples.File("v1"), "alice", At);
        var q1 = Samples.Q1;

        var byOfficer = await repo.TransitionAsync(Samples.FrameworkCode, Samples.Centre, q1, ReturnAction.Approve, WorkflowRole.PerformanceOfficer, "alice", At.AddDays(1), null);
        var lockEarly = await repo.TransitionAsync(Samples.FrameworkCode, Samples.Centre, q1, ReturnAction.Lock, WorkflowRole.Approver, "carol", At.AddDays(1), null);
        var approved = await repo.TransitionAsync(Samples.FrameworkCode, Samples.Centre, q1, ReturnAction.Approve, WorkflowRole.Approver, "carol", At.AddDays(2), null);
        var locked = await repo.TransitionAsync(Samples.FrameworkCode, Samples.Centre, q1, ReturnAction.Lock, WorkflowRole.Approver, "carol", At.AddDays(3), "Quarter closed");
        var late = await repo.ImportAsync(Samples.Return(Samples.Obs("GLD", 60m)), "late.xlsx", Samples.File("late"), "alice", At.AddDays(4));
        var approveLocked = await repo.TransitionAsync(Samples.FrameworkCode, Samples.Centre, q1, ReturnAction.Approve, WorkflowRole.Administrator, "dave", At.AddDays(4), null);
        var noReason = await repo.TransitionAsync(Samples.FrameworkCode, Samples.Centre, q1, ReturnAction.Reopen, WorkflowRole.Administrator, "dave", At.AddDays(5), " ");
        var notAdmin = await repo.TransitionAsync(Samples.FrameworkCode, Samples.Centre, q1, ReturnAction.Reopen, WorkflowRole.Approver, "carol", At.AddDays(5), "Late data");
        var reopened = await repo.TransitionAsync(Samples.FrameworkCode, Samples.Centre, q1, ReturnAction.Reopen, WorkflowRole.Administrator, "dave", At.AddDays(6), "Late data from the centre");
        var unknown = await repo.TransitionAsync(Samples.FrameworkCode, Samples.Cluster, q1, ReturnAction.Approve, WorkflowRole.Approver, "carol", At, null);
        var audit = await new AuditRepository(Store).ListAsync(ReturnRepository.StatusAuditTable);

        Assert.Multiple(async () =>
        {
            Assert.That((byOfficer.Done, byOfficer.RuleCode), Is.EqualTo((false, ReturnWorkflow.Rules.Role)));
            Assert.That((lockEarly.Done, lockEarly.RuleCode), Is.EqualTo((false, ReturnWorkflow.Rules.NotApproved)));
            Assert.That((approved.Done, approved.From, approved.To), Is.EqualTo((true, (ReturnStatus?)ReturnStatus.Submitted, (ReturnStatus?)ReturnStatus.Approved)), approved.Message);
            Assert.That((locked.Done, locked.To), Is.EqualTo((true, (ReturnStatus?)ReturnStatus.Locked)), locked.Message);
            Assert.That(late.Kind, Is.EqualTo(ImportOutcomeKind.RefusedLocked));
            Assert.That(late.Message, Does.StartWith("2017-18 Q1 for BRD-C1-01 is locked; an administrator must reopen it with a reason"));
            Assert.That((approveLocked.Done, approveLocked.RuleCode), Is.EqualTo((false, ReturnWorkflow.Rules.Locked)));
            Assert.That((noReason.Done, noReason.RuleCode), Is.EqualTo((false, ReturnWorkflow.Rules.ReasonRequired)));
            Assert.That((notAdmin.Done, notAdmin.RuleCode), Is.EqualTo((false, ReturnWorkflow.Rules.Role)));
            Assert.That((reopened.Done, reopened.To), Is.EqualTo((true, (ReturnStatus?)ReturnStatus.Submitted)), reopened.Message);
            Assert.That((unknown.Done, unknown.RuleCode), Is.EqualTo((false, ReturnWorkflow.Rules.NoReturn)));
            Assert.That((await repo.FindAsync(Samples.FrameworkCode, Samples.Centre, q1))!.Status, Is.EqualTo(ReturnStatus.Submitted));
            Assert.That(audit.Select(a => (a.ChangedBy, a.ChangedAt, a.RowKey)), Is.EqualTo(new[]
            {
                ("carol", At.AddDays(2), "BRD-CC|BRD-C1-01|2017-18 Q1"),
                ("carol", At.AddDays(3), "BRD-CC|BRD-C1-01|2017-18 Q1"),
                ("dave", At.AddDays(6), "BRD-CC|BRD-C1-01|2017-18 Q1"),
            }));
            Assert.That(audit.Select(a => (a.OldValue, a.NewValue!.Split(',')[0] + "}")), Is.EqualTo(new[]
            {
                ("{\"status\":\"Submitted\"}", "{\"status\":\"Approved\"}"),
                ("{\"status\":\"Approved\"}", "{\"status\":\"Locked\"}"),
                ("{\"status\":\"Locked\"}", "{\"status\":\"Submitted\"}"),
            }));
            Assert.That(audit.Select(a => a.Reason), Is.EqualTo(new[] { "Approve (submitted → approved)", "Quarter closed", "Late data from the centre" }));
            Assert.That(audit[2].NewValue, Does.Contain("\"role\":\"Administrator\""));
        });
    }

    [Test]
    public async Task A_new_version_of_an_approved_return_is_submitted_again_and_an_approval_of_a_superseded_version_is_refused()
    {
        await SeedAsync();
        var repo = new ReturnRepository(Store);
        await repo.ImportAsync(Samples.Return(), "v1.xlsx", Samples.File("v1"), "alice", At);
        await repo.TransitionAsync(Samples.FrameworkCode, Samples.Centre, Samples.Q1, ReturnAction.Approve, WorkflowRole.Approver, "carol", At.AddDays(1), null);

        var v2 = await repo.ImportAsync(Samples.Return(Samples.Obs("GLD", 60m), Samples.Obs("REG", 120)), "v2.xlsx", Samples.File("v2"), "bob", At.AddDays(2));
        var stale = await repo.TransitionAsync(Samples.FrameworkCode, Samples.Centre, Samples.Q1, ReturnAction.Approve, WorkflowRole.Approver, "carol", At.AddDays(3), null, expectedLatestVersion: 1);
        var statusRows = await new AuditRepository(Store).ListAsync(ReturnRepository.StatusAuditTable);
        var submissions = await new AuditRepository(Store).ListAsync(ReturnRepository.VersionAuditTable);

        Assert.Multiple(async () =>
        {
            Assert.That(v2.Kind, Is.EqualTo(ImportOutcomeKind.Imported), v2.Message);
            Assert.That((await repo.FindAsync(Samples.FrameworkCode, Samples.Centre, Samples.Q1))!.Status, Is.EqualTo(ReturnStatus.Submitted));
            Assert.That((stale.Done, stale.RuleCode), Is.EqualTo((false, ReturnWorkflow.Rules.Changed)));
            Assert.That(stale.Message, Does.Contain("new version 2"));
            var back = statusRows[^1];
            Assert.That((back.ChangedBy, back.ChangedAt, back.OldValue), Is.EqualTo(("bob", At.AddDays(2), "{\"status\":\"Approved\"}")));
            Assert.That(back.NewValue, Does.Contain("\"status\":\"Submitted\""));
            Assert.That(back.Reason, Does.Contain("v2.xlsx").And.Contain("approved"));
            Assert.That(submissions.Select(a => (a.ChangedBy, a.Reason)), Is.EqualTo(new[] { ("alice", "Return version 1 from v1.xlsx"), ("bob", "Return version 2 from v2.xlsx") }));
        });
    }

    [Test]
    public async Task A_period_is_locked_all_or_nothing_and_reopened_by_an_administrator_with_a_reason()
    {
        await SeedAsync();
        var repo = new ReturnRepository(Store);
        await repo.ImportAsync(Samples.Return(), "centre.xlsx", Samples.File("centre"), "alice", At);
        await repo.ImportAsync(Samples.Return(Samples.Obs("REG", 7, unit: Samples.Cluster)) with { OrgUnitCode = Samples.Cluster }, "cluster.xlsx", Samples.File("cluster"), "alice", At);
        await repo.TransitionAsync(Samples.FrameworkCode, Samples.Centre, Samples.Q1, ReturnAction.Approve, WorkflowRole.Approver, "carol", At, null);

        var early = await repo.TransitionPeriodAsync(Samples.FrameworkCode, Samples.Q1, ReturnAction.Lock, WorkflowRole.Approver, "carol", At.AddDays(1), null);
        var statusesAfterRefusal = (await repo.ListAsync(Samples.FrameworkCode, Samples.Q1)).Select(r => r.Status).ToList();
        await repo.TransitionAsync(Samples.FrameworkCode, Samples.Cluster, Samples.Q1, ReturnAction.Approve, WorkflowRole.Approver, "carol", At.AddDays(1), null);
        var locked = await repo.TransitionPeriodAsync(Samples.FrameworkCode, Samples.Q1, ReturnAction.Lock, WorkflowRole.Approver, "carol", At.AddDays(2), "Quarter closed");
        var again = await repo.TransitionPeriodAsync(Samples.FrameworkCode, Samples.Q1, ReturnAction.Lock, WorkflowRole.Approver, "carol", At.AddDays(2), null);
        var byApprover = await repo.TransitionPeriodAsync(Samples.FrameworkCode, Samples.Q1, ReturnAction.Reopen, WorkflowRole.Approver, "carol", At.AddDays(3), "Late data");
        var noReason = await repo.TransitionPeriodAsync(Samples.FrameworkCode, Samples.Q1, ReturnAction.Reopen, WorkflowRole.Administrator, "dave", At.AddDays(3), null);
        var reopened = await repo.TransitionPeriodAsync(Samples.FrameworkCode, Samples.Q1, ReturnAction.Reopen, WorkflowRole.Administrator, "dave", At.AddDays(3), "Late data");
        var empty = await repo.TransitionPeriodAsync(Samples.FrameworkCode, Samples.Q1.Next(), ReturnAction.Lock, WorkflowRole.Approver, "carol", At, null);
        var list = await repo.ListAsync(Samples.FrameworkCode);

        Assert.Multiple(async () =>
        {
            Assert.That((early.Done, early.RuleCode), Is.EqualTo((false, ReturnWorkflow.Rules.NotApproved)));
            Assert.That(early.Message, Does.Contain("2017-18 Q1 for BRD-C1 is submitted"));
            Assert.That(statusesAfterRefusal, Is.EqualTo(new[] { ReturnStatus.Submitted, ReturnStatus.Approved }), "list is ordered by org unit; nothing was locked");
            Assert.That((locked.Done, locked.Changed.Count), Is.EqualTo((true, 2)), locked.Message);
            Assert.That((again.Done, again.Changed.Count, again.Skipped.Count), Is.EqualTo((true, 0, 2)), again.Message);
            Assert.That((byApprover.Done, byApprover.RuleCode), Is.EqualTo((false, ReturnWorkflow.Rules.Role)));
            Assert.That((noReason.Done, noReason.RuleCode), Is.EqualTo((false, ReturnWorkflow.Rules.ReasonRequired)));
            Assert.That((reopened.Done, reopened.Changed), Is.EqualTo((true, new[] { Samples.Cluster, Samples.Centre })), reopened.Message);
            Assert.That((empty.Done, empty.RuleCode), Is.EqualTo((false, ReturnWorkflow.Rules.NoReturn)));
            Assert.That(list.Select(r => (r.OrgUnitCode, r.Status, r.Versions, r.SubmittedBy)), Is.EqualTo(new[]
            {
                (Samples.Cluster, ReturnStatus.Submitted, 1, "alice"),
                (Samples.Centre, ReturnStatus.Submitted, 1, "alice"),
            }));
            Assert.That(list.Select(r => r.SubmittedAt), Is.All.EqualTo(At));
            var rows = await new AuditRepository(Store).ListAsync(ReturnRepository.StatusAuditTable);
            Assert.That(rows.Count(r => r.Reason == "Quarter closed"), Is.EqualTo(2));
            Assert.That(rows.Count(r => r.Reason == "Late data" && r.ChangedBy == "dave"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Two_versions_compare_measure_by_measure_with_who_submitted_each()
    {
        await SeedAsync();
        var repo = new ReturnRepository(Store);
        await repo.ImportAsync(Samples.Return(), "v1.xlsx", Samples.File("v1"), "alice", At);
        var revised = Samples.Return(
            Samples.Obs("GLD", 52.5m, 1050, 2000),
            Samples.Obs("REG", 120),
            Samples.Obs("ENG", 40) with { Commentary = "Now published" });
        await repo.ImportAsync(revised, "v2.xlsx", Samples.File("v2"), "bob", At.AddDays(2));

        var latest = await repo.CompareVersionsAsync(Samples.FrameworkCode, Samples.Centre, Samples.Q1);
        var first = await repo.CompareVersionsAsync(Samples.FrameworkCode, Samples.Centre, Samples.Q1, toVersion: 1);
        var missing = await repo.CompareVersionsAsync(Samples.FrameworkCode, Samples.Centre, Samples.Q1, fromVersion: 7);

        Assert.That(latest.Comparison, Is.Not.Null, latest.Refusal);
        var c = latest.Comparison!;
        Assert.Multiple(() =>
        {
            Assert.That((c.From!.VersionNumber, c.From.SubmittedBy, c.From.SubmittedAt), Is.EqualTo((1, "alice", At)));
            Assert.That((c.To.VersionNumber, c.To.SubmittedBy, c.To.SubmittedAt), Is.EqualTo((2, "bob", At.AddDays(2))));
            Assert.That(c.Measures.Select(m => (m.MeasureCode, m.Kind)), Is.EqualTo(new[]
            {
                ("ENG", MeasureChangeKind.Changed), ("GLD", MeasureChangeKind.Changed), ("REG", MeasureChangeKind.Unchanged),
            }));
            var gld = c.Measures.Single(m => m.MeasureCode == "GLD");
            Assert.That((gld.Old!.Value, gld.New!.Value, gld.Old.Numerator, gld.New.Numerator), Is.EqualTo(((decimal?)51.05m, (decimal?)52.5m, (decimal?)1021m, (decimal?)1050m)));
            Assert.That(gld.ChangedFields, Is.EqualTo(new[] { ReturnVersionComparer.Value, ReturnVersionComparer.Numerator }));
            var eng = c.Measures.Single(m => m.MeasureCode == "ENG");
            Assert.That(eng.ChangedFields, Is.EqualTo(new[] { ReturnVersionComparer.Value, ReturnVersionComparer.Suppression, ReturnVersionComparer.Commentary }));
            Assert.That((eng.Old!.SuppressionReason, eng.New!.Commentary), Is.EqualTo(("c", "Now published")));
            Assert.That(c.Differences.Count(), Is.EqualTo(2));
            Assert.That(first.Comparison!.From, Is.Null);
            Assert.That(first.Comparison.Measures.Select(m => m.Kind), Is.All.EqualTo(MeasureChangeKind.Added));
            Assert.That((missing.Comparison, missing.Refusal), Is.EqualTo(((VersionComparison?)null, "2017-18 Q1 for BRD-C1-01 has no version 7 (versions 1 to 2)")));
        });
    }

    /// <summary>Migrates and stores the sample org units and framework (version 1).</summary>
    protected async Task SeedAsync()
    {
        await Store.MigrateAsync();
        await new OrgUnitRepository(Store).UpsertAsync(Samples.Units, Samples.Links);
        var saved = await new FrameworkRepository(Store).SaveAsync(Samples.Framework());
        Assert.That(saved.Saved, Is.True);
    }

    protected async Task<long> CountAsync(string table)
    {
        await using var connection = await Store.OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }
}
