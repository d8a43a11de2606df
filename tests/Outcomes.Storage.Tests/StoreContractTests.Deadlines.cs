using Outcomes.Domain.Frameworks;
using Outcomes.Storage.Repositories;

namespace Outcomes.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Test]
    public async Task A_frameworks_return_deadline_round_trips_and_defaults_to_20_days()
    {
        await Store.MigrateAsync();
        var repo = new FrameworkRepository(Store);
        await repo.SaveAsync(Samples.Framework() with { ReturnDeadlineDays = 35 });
        var stored = await repo.GetAsync(Samples.FrameworkCode);
        await repo.SaveAsync(Samples.Framework());
        var resaved = await repo.GetAsync(Samples.FrameworkCode);

        Assert.Multiple(() =>
        {
            Assert.That(stored!.ReturnDeadlineDays, Is.EqualTo(35));
            Assert.That(stored.ReturnDeadline(Samples.Q1), Is.EqualTo(new DateOnly(2017, 8, 4)), "30 June + 35 days");
            Assert.That(resaved!.ReturnDeadlineDays, Is.EqualTo(Framework.DefaultReturnDeadlineDays));
        });
    }

    [Test]
    public async Task First_submissions_give_each_units_first_version_time_for_the_period_only()
    {
        await SeedAsync();
        var repo = new ReturnRepository(Store);
        await repo.ImportAsync(Samples.Return(), "q1.xlsx", Samples.File("v1"), "alice", At);
        await repo.ImportAsync(Samples.Return(Samples.Obs("REG", 121)), "q1-fixed.xlsx", Samples.File("v2"), "bob", At.AddDays(9));
        await repo.ImportAsync(
            Samples.Return() with { Period = Samples.Q1.Next(), Observations = [Samples.Obs("REG", 5) with { Period = Samples.Q1.Next() }] },
            "q2.xlsx", Samples.File("q2"), "alice", At.AddDays(90));

        var q1 = await repo.FirstSubmissionsAsync(Samples.FrameworkCode, Samples.Q1);
        var q3 = await repo.FirstSubmissionsAsync(Samples.FrameworkCode, Samples.Q1.Next().Next());

        Assert.Multiple(() =>
        {
            Assert.That(q1.Keys, Is.EqualTo(new[] { Samples.Centre }));
            Assert.That(q1[Samples.Centre], Is.EqualTo(At), "version 1's time, not the fix nine days later");
            Assert.That(q1.ContainsKey(Samples.Centre.ToLowerInvariant()), Is.True, "codes compare without case");
            Assert.That(q3, Is.Empty);
        });
    }
}
