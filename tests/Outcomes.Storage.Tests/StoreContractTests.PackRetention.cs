using Outcomes.Storage.Repositories;

namespace Outcomes.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Test]
    public async Task Only_a_done_pack_job_can_be_expired_once_and_then_it_is_no_longer_among_the_kept()
    {
        await SeedAsync();
        var jobs = new PackJobRepository(Store);
        var none = await jobs.NewestIdAsync();
        var done = await jobs.CreateAsync(new PackJobRequest(PackKind.Board, Samples.FrameworkCode, Samples.Cluster, Samples.Authority, "2017-18 Q1", "a", Asked));
        var failed = await jobs.CreateAsync(new PackJobRequest(PackKind.Board, Samples.FrameworkCode, Samples.Cluster, Samples.Authority, "2017-18 Q1", "b", Asked));
        var queued = await jobs.CreateAsync(new PackJobRequest(PackKind.Board, Samples.FrameworkCode, Samples.Cluster, Samples.Authority, "2017-18 Q1", "c", Asked));
        await jobs.StartAsync(done, Asked);
        await jobs.FinishAsync(done, Asked.AddSeconds(5), new PackJobFiles("1/a.pdf", 10, "1/a.xlsx", 20, 2));
        await jobs.FailAsync(failed, Asked.AddSeconds(1), "no");
        var keptBefore = await jobs.ListKeptAsync();

        var expired = await jobs.ExpireAsync(done, Asked.AddDays(91));
        var again = await jobs.ExpireAsync(done, Asked.AddDays(92));
        var notDone = await jobs.ExpireAsync(queued, Asked.AddDays(91));
        var notDoneFailed = await jobs.ExpireAsync(failed, Asked.AddDays(91));
        var after = await jobs.GetAsync(done);

        Assert.Multiple(async () =>
        {
            Assert.That(none, Is.Zero);
            Assert.That(await jobs.NewestIdAsync(), Is.EqualTo(queued));
            Assert.That(keptBefore.Select(j => j.Id), Is.EqualTo(new[] { done, queued }), "failed jobs have no files to keep");
            Assert.That((expired, again, notDone, notDoneFailed), Is.EqualTo((true, false, false, false)));
            Assert.That((after!.Status, after.ExpiredAt, after.PdfPath), Is.EqualTo((PackJobStatus.Done, (DateTimeOffset?)Asked.AddDays(91), "1/a.pdf")), "the row and its paths stay");
            Assert.That((await jobs.ListKeptAsync()).Select(j => j.Id), Is.EqualTo(new[] { queued }));
            Assert.That((await jobs.GetAsync(queued))!.ExpiredAt, Is.Null);
        });
    }
}
