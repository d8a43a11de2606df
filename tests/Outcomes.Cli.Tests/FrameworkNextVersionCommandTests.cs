using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Domain.Scores;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Cli.Tests;

/// <summary>
/// `outcomes frameworks load` with Bradford's v1 (stored open-ended, with returns) and a new v2: v1 is closed, v2 stored,
/// the closing audited and the framework scored again so quarters from v2's start follow v2. A locked return after the
/// closing date refuses the load, naming the file, field, rule and return, and stores nothing.
/// </summary>
public class FrameworkNextVersionCommandTests
{
    private static readonly Period Before = Period.FinancialQuarter(2017, 1);
    private static readonly Period After = Period.FinancialQuarter(2018, 1);

    private string _dir = string.Empty;

    private string Store => Path.Combine(_dir, "o.db");

    private static string Samples => Path.Combine(CliProcess.RepositoryRoot, "samples");

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("outcomes-cli-next-version-").FullName;

    [TearDown]
    public void TearDown()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public async Task Loading_v2_closes_v1_audits_it_and_scores_v2_quarters_under_v2()
    {
        await LoadBradfordWithReturnsAsync();
        var store = OutcomesStore.Sqlite(Store);
        Assert.That((await new ScoreRepository(store).ListAsync("BRD-CC", After)).Select(s => s.MeasureCode), Has.Member("CLA"), "v1 scores CLA before v2");

        var load = await Run("frameworks", "load", NextVersionFolder(), "--as", "dana");

        var framework = (await new FrameworkRepository(store).GetAsync("BRD-CC"))!;
        var audit = await new AuditRepository(store).ListAsync(FrameworkRepository.AuditTable, "BRD-CC v1");
        var before = await new ScoreRepository(store).ListAsync("BRD-CC", Before);
        var after = await new ScoreRepository(store).ListAsync("BRD-CC", After);
        var returns = new ReturnRepository(store);
        var movedReturn = (await returns.FindAsync("BRD-CC", "BRD-CL1", After))!;
        var keptReturn = (await returns.FindAsync("BRD-CC", "BRD-CL1", Before))!;
        var moveAudit = await new AuditRepository(store).ListAsync(ReturnRepository.StatusAuditTable, ReturnRepository.ReturnKey("BRD-CC", "BRD-CL1", After));
        Assert.Multiple(() =>
        {
            Assert.That(load.ExitCode, Is.Zero, load.Output);
            Assert.That((movedReturn.FrameworkVersion, movedReturn.Status), Is.EqualTo((2, ReturnStatus.Submitted)), "recorded against v2; a cluster return never carried CLA, so it fits");
            Assert.That((keptReturn.FrameworkVersion, keptReturn.Status), Is.EqualTo((1, ReturnStatus.Submitted)), "2017-18 Q1 stays under v1");
            Assert.That(moveAudit.Single().ChangedBy, Is.EqualTo("dana"));
            Assert.That(moveAudit.Single().Reason, Does.Contain("now recorded against version 2 and has every measure version 2 asks for"));
            Assert.That(load.Output, Does.Contain("BRD-CC: 1 return not locked moved to version 2, each with every measure it asks for"));
            Assert.That(load.Output, Does.Contain("2018-19 Q1 for BRD-CL1 is now recorded against version 2"));
            Assert.That(load.Output, Does.Contain("BRD-CC: version 1 now ends on 2018-03-31; version 2 applies from 2018-04-01"));
            Assert.That(load.Output, Does.Match(@"BRD-CC: scored again — [1-9][0-9]* scores over 2 quarters"));
            Assert.That(framework.Versions.Select(v => (v.Version, v.EffectiveTo)), Is.EqualTo(new[] { (1, (DateOnly?)new DateOnly(2018, 3, 31)), (2, null) }));
            Assert.That(audit.Single().ChangedBy, Is.EqualTo("dana"));
            Assert.That(audit.Single().Reason, Does.Contain("closed on 2018-03-31"));
            Assert.That(before.Select(s => s.MeasureCode), Has.Member("CLA"), "a quarter under v1 keeps v1's measures");
            Assert.That(after, Is.Not.Empty);
            Assert.That(after.Select(s => s.MeasureCode), Has.No.Member("CLA"), "a quarter from v2's start is scored under v2, which dropped CLA");
        });
    }

    [Test]
    public async Task A_locked_return_after_the_closing_date_refuses_the_load_naming_it_and_stores_nothing()
    {
        await LoadBradfordWithReturnsAsync();
        string[] target = ["-f", "BRD-CC", "-o", "BRD-CL1", "-p", After.Key];
        Assert.That((await Run(["returns", "approve", .. target, "--as", "carol", "--role", "Approver"])).ExitCode, Is.Zero);
        var locked = await Run(["returns", "lock", .. target, "--as", "carol", "--role", "Approver"]);
        Assert.That(locked.ExitCode, Is.Zero, locked.Output);
        var store = OutcomesStore.Sqlite(Store);
        var auditBefore = (await new AuditRepository(store).ListAsync()).Count;

        var load = await Run("frameworks", "load", NextVersionFolder(), "--as", "dana");

        var framework = (await new FrameworkRepository(store).GetAsync("BRD-CC"))!;
        Assert.Multiple(async () =>
        {
            Assert.That(load.ExitCode, Is.EqualTo(1), load.Output);
            Assert.That(load.Output, Does.Contain("bradford/framework.v1.yaml (effective_to, rule version.close.locked-returns)"));
            Assert.That(load.Output, Does.Contain($"{After.Key} for BRD-CL1"));
            Assert.That(load.Output, Does.Not.Contain("scored again"));
            Assert.That(framework.Versions.Select(v => (v.Version, v.EffectiveTo)), Is.EqualTo(new[] { (1, (DateOnly?)null) }), "nothing stored");
            Assert.That((await new AuditRepository(store).ListAsync()).Count, Is.EqualTo(auditBefore), "nothing audited");
        });
    }

    [Test]
    public async Task A_return_lacking_a_measure_v2_requires_needs_resubmitting_naming_it_and_cannot_be_approved_until_then()
    {
        await LoadBradfordWithReturnsAsync();
        var store = OutcomesStore.Sqlite(Store);

        var load = await Run("frameworks", "load", NextVersionFolder(addRequired: "BR6"), "--as", "dana");

        var returns = new ReturnRepository(store);
        var moved = (await returns.FindAsync("BRD-CC", "BRD-CL1", After))!;
        var moveAudit = await new AuditRepository(store).ListAsync(ReturnRepository.StatusAuditTable, ReturnRepository.ReturnKey("BRD-CC", "BRD-CL1", After));
        var approve = await Run("returns", "approve", "-f", "BRD-CC", "-o", "BRD-CL1", "-p", After.Key, "--as", "carol", "--role", "Approver");
        var after = await new ScoreRepository(store).ListAsync("BRD-CC", After);
        Assert.Multiple(async () =>
        {
            Assert.That(load.ExitCode, Is.Zero, load.Output);
            Assert.That(load.Output, Does.Contain("BRD-CC: 1 return not locked moved to version 2; 1 needs resubmitting"));
            Assert.That(load.Output, Does.Contain("2018-19 Q1 for BRD-CL1 needs resubmitting on the version 2 template: it lacks BR6 (required by version 2)"));
            Assert.That((moved.FrameworkVersion, moved.Status), Is.EqualTo((2, ReturnStatus.NeedsResubmission)));
            Assert.That(moveAudit.Single().ChangedBy, Is.EqualTo("dana"));
            Assert.That(moveAudit.Single().Reason, Does.Contain("lacks BR6 (required by version 2)"));
            Assert.That(approve.ExitCode, Is.Not.Zero, approve.Output);
            Assert.That(approve.Output, Does.Contain("needs resubmitting"));
            Assert.That(((await returns.FindAsync("BRD-CC", "BRD-CL1", After))!).Status, Is.EqualTo(ReturnStatus.NeedsResubmission), "the refused approval changed nothing");
            Assert.That(after.Select(s => s.MeasureCode), Has.Member("BR1").And.Member("BR6").And.No.Member("CLA"), "scored again under v2's measures");
            var br6 = after.Single(s => s.MeasureCode == "BR6" && s.OrgUnitCode == "BRD-CL1");
            Assert.That((br6.Actual, br6.Status), Is.EqualTo(((decimal?)null, RagStatus.Grey)), "the measure it lacks shows as no data, not as a figure");
            Assert.That(after.Single(s => s.MeasureCode == "BR1" && s.OrgUnitCode == "BRD-CL1").Actual, Is.Not.Null, "the figures it has are still scored");
        });
    }

    [Test]
    public async Task A_failure_part_way_through_the_load_stores_nothing_not_the_org_units_the_closing_or_the_moves()
    {
        await LoadBradfordWithReturnsAsync();
        var store = OutcomesStore.Sqlite(Store);
        var folder = NextVersionFolder(addRequired: "BR6");
        var organisation = Path.Combine(folder, "organisation.yaml");
        var yaml = File.ReadAllText(organisation);
        var renamed = yaml.Replace("name: Keighley cluster", "name: Keighley and Craven cluster", StringComparison.Ordinal);
        Assert.That(renamed, Is.Not.EqualTo(yaml), "the folder renames a unit, written before the returns move");
        File.WriteAllText(organisation, renamed);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Store}"))
        {
            await connection.OpenAsync();
            await using var trigger = connection.CreateCommand();
            trigger.CommandText = "CREATE TRIGGER refuse_return_moves BEFORE UPDATE OF framework_version ON returns BEGIN SELECT RAISE(ABORT, 'returns are read-only in this test'); END;";
            await trigger.ExecuteNonQueryAsync();
        }

        var auditBefore = (await new AuditRepository(store).ListAsync()).Count;

        var load = await Run("frameworks", "load", folder, "--as", "dana");

        var framework = (await new FrameworkRepository(store).GetAsync("BRD-CC"))!;
        var units = await new OrgUnitRepository(store).LoadHierarchyAsync("BRD");
        var ret = (await new ReturnRepository(store).FindAsync("BRD-CC", "BRD-CL1", After))!;
        Assert.Multiple(async () =>
        {
            Assert.That(load.ExitCode, Is.Not.Zero, load.Output);
            Assert.That(load.Output, Does.Contain("returns are read-only in this test"));
            Assert.That(framework.Versions.Select(v => (v.Version, v.EffectiveTo)), Is.EqualTo(new[] { (1, (DateOnly?)null) }), "v1 open, v2 not stored");
            Assert.That(units.Units.Single(u => u.Code == "BRD-CL1").Name, Is.EqualTo("Keighley cluster"), "the unit's new name rolled back too");
            Assert.That((ret.FrameworkVersion, ret.Status), Is.EqualTo((1, ReturnStatus.Submitted)));
            Assert.That((await new AuditRepository(store).ListAsync()).Count, Is.EqualTo(auditBefore), "nothing audited");
        });
    }

    /// <summary>The Bradford sample loaded (v1 open-ended) with BRD-CL1's returns for 2017-18 Q1 and 2018-19 Q1, scored.</summary>
    private async Task LoadBradfordWithReturnsAsync()
    {
        var load = await Run("frameworks", "load", Path.Combine(Samples, "frameworks", "bradford"));
        Assert.That(load.ExitCode, Is.Zero, load.Output);
        var returns = Path.Combine(Samples, "returns", "bradford");
        var import = await Run("import", Path.Combine(returns, "BRD-CL1_2017-18_Q1.xlsx"), Path.Combine(returns, "BRD-CL1_2018-19_Q1.xlsx"), "--as", "alice");
        Assert.That(import.ExitCode, Is.Zero, import.Output);
        var score = await Run("score", "--framework", "BRD-CC");
        Assert.That(score.ExitCode, Is.Zero, score.Output);
    }

    /// <summary>
    /// A copy of the Bradford folder with v1 closed on 31 March 2018 and a v2 from 1 April 2018 without CLA (and, when
    /// <paramref name="addRequired"/> is given, with a new required quarterly measure of that code, a copy of BR1).
    /// </summary>
    private string NextVersionFolder(string? addRequired = null)
    {
        var folder = Path.Combine(_dir, "bradford");
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in Web.Tests.BradfordNextVersion.Files(CliProcess.RepositoryRoot, "2018-03-31", addRequired))
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }

        return folder;
    }

    private Task<CliProcess.Run> Run(params string[] args) => CliProcess.RunAsync(_dir, [.. args, "--store", Store]);
}
