using Outcomes.Web.LoadTest;

namespace Outcomes.Web.BrowserTests;

/// <summary>
/// A small bounded version of `make loadtest` against the same live site: concurrent signed-in readers and uploads give
/// no errors, and each upload is stored exactly once. Timing is reported, not asserted.
/// </summary>
public sealed class LoadTests
{
    [Test]
    public async Task Concurrent_readers_and_uploads_get_no_errors_and_each_upload_is_stored_exactly_once()
    {
        var plan = new LoadPlan(Readers: 10, RequestsPerReader: 20, Uploads: 3, UploadPeriod: "2019-20 Q2");

        var result = await new LoadRun(LiveSite.Server, LiveSite.Store).RunAsync(plan);
        TestContext.Out.WriteLine(LoadReport.Describe(result));

        Assert.Multiple(() =>
        {
            Assert.That(result.Requests, Has.Count.EqualTo(plan.Readers + (plan.Readers * plan.RequestsPerReader) + (plan.Uploads * 3)), "every request was made");
            Assert.That(result.Errors.Select(e => $"{e.Kind}: {e.Error}"), Is.Empty);
            Assert.That(result.StoreProblems, Is.Empty);
        });
    }
}
