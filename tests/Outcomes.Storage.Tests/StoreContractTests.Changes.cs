using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Returns;
using Outcomes.Domain.Scores;
using Outcomes.Storage.Changes;
using Outcomes.Storage.Repositories;

namespace Outcomes.Storage.Tests;

/// <summary>
/// The data generation (migration 0013) that the web service's caches check: every write to the tables behind the
/// org-unit tree, frameworks, targets, returns and scores moves it on, and writes elsewhere (audit, users) do not.
/// </summary>
public abstract partial class StoreContractTests
{
    [Test]
    public async Task Every_write_to_the_cached_tables_moves_the_data_generation_on_and_other_writes_do_not()
    {
        await SeedAsync();
        var changes = new StoreChanges(Store);
        var steps = new List<(string Write, long Before, long After)>();

        async Task Step(string write, Func<Task> act)
        {
            var before = await changes.DataGenerationAsync();
            await act();
            steps.Add((write, before, await changes.DataGenerationAsync()));
        }

        var returns = new ReturnRepository(Store);
        ImportOutcome? imported = null;
        await Step("org unit renamed", () => new OrgUnitRepository(Store).UpsertAsync([Samples.Units[0] with { Name = "Renamed authority" }], []));
        await Step("targets replaced", () => new TargetRepository(Store).ReplaceForFrameworkAsync(Samples.FrameworkCode, Samples.Targets));
        await Step("return imported", async () => imported = await returns.ImportAsync(Samples.Return(), "centre-q1.xlsx", Samples.File("v1"), "alice", At));
        await Step("return approved", () => returns.SetStatusAsync(imported!.ReturnId, ReturnStatus.Approved, "bob", At.AddDays(1), "checked"));
        await Step("scores replaced", () => new ScoreRepository(Store).ReplaceAsync(Samples.FrameworkCode, [Samples.Score("GLD", Samples.Q1, 51m, RagStatus.Amber)]));
        await Step("scores re-scored", () => new ScoreRepository(Store).ReplaceAsync(Samples.FrameworkCode, [Samples.Score("GLD", Samples.Q1, 52m, RagStatus.Green)]));
        var moving = steps.ToList();

        steps.Clear();
        await Step("audit row", () => new AuditRepository(Store).AppendAsync(new AuditEntry(0, "carol", At, "returns", "x", null, "note", "not data")));

        Assert.Multiple(() =>
        {
            foreach (var (write, before, after) in moving)
            {
                Assert.That(after, Is.GreaterThan(before), $"{write} moves the generation on");
            }

            var (_, quietBefore, quietAfter) = steps.Single();
            Assert.That(quietAfter, Is.EqualTo(quietBefore), "an audit row is not data any cached view is built from");
        });
    }

    [Test]
    public async Task A_write_that_rolls_back_leaves_the_data_generation_where_it_was()
    {
        await SeedAsync();
        var changes = new StoreChanges(Store);
        var before = await changes.DataGenerationAsync();

        Assert.That(
            async () => await new OrgUnitRepository(Store).UpsertAsync([new OrgUnit("X1", "Orphan", OrgUnitType.Centre, "X")], [new OrgUnitLink("X1", "NO-SUCH-PARENT")]),
            Throws.InstanceOf<System.Data.Common.DbException>());

        Assert.That(await changes.DataGenerationAsync(), Is.EqualTo(before));
    }
}
