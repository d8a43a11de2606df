using Outcomes.Storage.Repositories;

namespace Outcomes.Storage.Tests;

public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset Asked = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_pack_job_moves_from_queued_to_running_to_done_and_only_along_that_path()
    {
        await SeedAsync();
        var jobs = new PackJobRepository(Store);
        var id = await jobs.CreateAsync(new PackJobRequest(PackKind.Board, Samples.FrameworkCode, Samples.Cluster, Samples.Authority, "2017-18 Q1", "alice@example", Asked));
        var queued = await jobs.GetAsync(id);
        var started = await jobs.StartAsync(id, Asked.AddSeconds(1));
        var startedTwice = await jobs.StartAsync(id, Asked.AddSeconds(2));
        await jobs.ReportAsync(id, "printing PDF", 150);
        var running = await jobs.GetAsync(id);
        var finished = await jobs.FinishAsync(id, Asked.AddSeconds(9), new PackJobFiles("1/a.pdf", 1234, "1/a.xlsx", 567, 12));
        var failedAfterDone = await jobs.FailAsync(id, Asked.AddSeconds(10), "too late");
        var done = await jobs.GetAsync(id);

        Assert.Multiple(() =>
        {
            Assert.That(queued!.Status, Is.EqualTo(PackJobStatus.Queued));
            Assert.That(queued.Kind, Is.EqualTo(PackKind.Board));
            Assert.That(queued.RequestedAt, Is.EqualTo(Asked));
            Assert.That(queued.StartedAt, Is.Null);
            Assert.That((started, startedTwice), Is.EqualTo((true, false)), "a job is taken once");
            Assert.That((running!.Status, running.Stage, running.Percent), Is.EqualTo((PackJobStatus.Running, "printing PDF", 100)), "the percentage is kept within 0-100");
            Assert.That((finished, failedAfterDone), Is.EqualTo((true, false)), "a done job cannot be failed afterwards");
            Assert.That(done!.Status, Is.EqualTo(PackJobStatus.Done));
            Assert.That((done.PdfPath, done.PdfBytes, done.XlsxPath, done.XlsxBytes, done.PageCount), Is.EqualTo(("1/a.pdf", 1234L, "1/a.xlsx", 567L, 12)));
            Assert.That((done.StartedAt, done.FinishedAt), Is.EqualTo((Asked.AddSeconds(1), Asked.AddSeconds(9))));
            Assert.That(done.ErrorMessage, Is.Null);
        });
    }

    [Test]
    public async Task Pack_jobs_list_newest_first_within_the_asked_authorities_and_by_status()
    {
        await SeedAsync();
        var jobs = new PackJobRepository(Store);
        var first = await jobs.CreateAsync(new PackJobRequest(PackKind.Scrutiny, Samples.FrameworkCode, Samples.Authority, Samples.Authority, "2017-18 Q1", "a", Asked));
        var second = await jobs.CreateAsync(new PackJobRequest(PackKind.Board, Samples.FrameworkCode, Samples.Cluster, Samples.Authority, "2017-18 Q1", "b", Asked));
        await jobs.StartAsync(first, Asked);
        await jobs.FailAsync(first, Asked.AddSeconds(3), "Chromium was not found");

        var listed = await jobs.ListAsync([Samples.Authority], 10);
        var elsewhere = await jobs.ListAsync(["LDS"], 10);
        var limited = await jobs.ListAsync([Samples.Authority, "LDS"], 1);
        var queued = await jobs.ListAsync(PackJobStatus.Queued);
        var failed = await jobs.GetAsync(first);

        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(j => j.Id), Is.EqualTo(new[] { second, first }));
            Assert.That(elsewhere, Is.Empty);
            Assert.That(limited.Select(j => j.Id), Is.EqualTo(new[] { second }));
            Assert.That(queued.Select(j => j.Id), Is.EqualTo(new[] { second }));
            Assert.That((failed!.Status, failed.Kind, failed.ErrorMessage), Is.EqualTo((PackJobStatus.Failed, PackKind.Scrutiny, "Chromium was not found")));
        });
    }
}
