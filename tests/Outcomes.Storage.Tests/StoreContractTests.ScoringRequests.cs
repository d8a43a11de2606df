using Outcomes.Storage.Repositories;

namespace Outcomes.Storage.Tests;

public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset Requested = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly TimeSpan ScoringLease = TimeSpan.FromMinutes(10);

    [Test]
    public async Task Requests_for_one_framework_coalesce_and_a_run_without_new_ones_deletes_the_row()
    {
        await Store.MigrateAsync();
        var requests = new ScoringRequestRepository(Store);
        await requests.RecordAsync("BRD-CC", "alice", Requested);
        await requests.RecordAsync("BRD-CC", "bob", Requested.AddSeconds(5));
        await requests.RecordAsync("LDS-FH", "carol", Requested.AddSeconds(1));

        var first = await requests.ClaimAsync(Requested.AddMinutes(1), ScoringLease);
        var second = await requests.ClaimAsync(Requested.AddMinutes(1), ScoringLease);
        var none = await requests.ClaimAsync(Requested.AddMinutes(1), ScoringLease);
        var completed = await requests.CompleteAsync(first!);

        Assert.Multiple(async () =>
        {
            Assert.That(first!.FrameworkCode, Is.EqualTo("LDS-FH"), "the oldest request first (BRD-CC's latest is newer)");
            Assert.That((second!.FrameworkCode, second.RequestedBy, second.Revision, second.RequestedAt), Is.EqualTo(("BRD-CC", "bob", 2L, Requested.AddSeconds(5))), "two imports, one row");
            Assert.That(second.StartedAt, Is.EqualTo(Requested.AddMinutes(1)));
            Assert.That(none, Is.Null, "both are claimed");
            Assert.That(completed, Is.True);
            Assert.That(await requests.ListPendingAsync(), Is.EqualTo(new[] { "BRD-CC" }));
        });
    }

    [Test]
    public async Task A_request_arriving_during_a_run_keeps_the_row_and_frees_it_for_another_run()
    {
        await Store.MigrateAsync();
        var requests = new ScoringRequestRepository(Store);
        await requests.RecordAsync("BRD-CC", "alice", Requested);
        var running = await requests.ClaimAsync(Requested.AddSeconds(1), ScoringLease);
        await requests.RecordAsync("BRD-CC", "bob", Requested.AddSeconds(2));
        var whileRunning = await requests.ClaimAsync(Requested.AddSeconds(3), ScoringLease);

        var completed = await requests.CompleteAsync(running!);
        var again = await requests.ClaimAsync(Requested.AddSeconds(4), ScoringLease);
        var completedAgain = await requests.CompleteAsync(again!);

        Assert.Multiple(async () =>
        {
            Assert.That(whileRunning, Is.Null, "a claimed request is not claimed twice within its lease");
            Assert.That(completed, Is.False, "changed since the run began: not deleted");
            Assert.That((again?.RequestedBy, again?.Revision), Is.EqualTo(("bob", 2L)), "the claim was released, so it runs again");
            Assert.That(completedAgain, Is.True);
            Assert.That(await requests.GetAsync("BRD-CC"), Is.Null);
        });
    }

    [Test]
    public async Task A_request_from_a_server_whose_clock_is_behind_still_counts_and_never_moves_requested_at_back()
    {
        await Store.MigrateAsync();
        var requests = new ScoringRequestRepository(Store);
        await requests.RecordAsync("BRD-CC", "alice", Requested);
        var running = await requests.ClaimAsync(Requested.AddSeconds(1), ScoringLease);
        await requests.RecordAsync("BRD-CC", "bob", Requested.AddSeconds(-30));

        var completed = await requests.CompleteAsync(running!);
        var row = await requests.GetAsync("BRD-CC");

        Assert.Multiple(() =>
        {
            Assert.That(completed, Is.False);
            Assert.That((row?.RequestedAt, row?.Revision, row?.StartedAt), Is.EqualTo(((DateTimeOffset?)Requested, (long?)2, (DateTimeOffset?)null)));
        });
    }

    [Test]
    public async Task An_abandoned_claim_is_taken_again_after_its_lease()
    {
        await Store.MigrateAsync();
        var requests = new ScoringRequestRepository(Store);
        await requests.RecordAsync("BRD-CC", "alice", Requested);
        var stopped = await requests.ClaimAsync(Requested, ScoringLease);

        var withinLease = await requests.ClaimAsync(Requested + ScoringLease - TimeSpan.FromSeconds(1), ScoringLease);
        var afterLease = await requests.ClaimAsync(Requested + ScoringLease, ScoringLease);
        var lateCompletion = await requests.CompleteAsync(stopped!);

        Assert.Multiple(async () =>
        {
            Assert.That(withinLease, Is.Null);
            Assert.That(afterLease?.StartedAt, Is.EqualTo(Requested + ScoringLease));
            Assert.That(lateCompletion, Is.True, "nothing new was asked: the scores the first run stored are current, so the row goes");
            Assert.That(await requests.ListPendingAsync(), Is.Empty);
        });
    }

    [Test]
    public async Task A_failed_run_keeps_the_request_until_its_retry_time_and_a_new_request_clears_the_back_off()
    {
        await Store.MigrateAsync();
        var requests = new ScoringRequestRepository(Store);
        await requests.RecordAsync("NO-SUCH", "alice", Requested);
        var run = await requests.ClaimAsync(Requested, ScoringLease);
        await requests.FailAsync(run!, Requested.AddMinutes(1), "Framework 'NO-SUCH' is not in the store");

        var failed = await requests.GetAsync("NO-SUCH");
        var beforeRetry = await requests.ClaimAsync(Requested.AddSeconds(59), ScoringLease);
        var atRetry = await requests.ClaimAsync(Requested.AddMinutes(1), ScoringLease);
        await requests.FailAsync(atRetry!, Requested.AddMinutes(5), "again");
        var twice = await requests.GetAsync("NO-SUCH");
        await requests.RecordAsync("NO-SUCH", "bob", Requested.AddMinutes(2));
        var afterNewRequest = await requests.ClaimAsync(Requested.AddMinutes(2), ScoringLease);

        Assert.Multiple(() =>
        {
            Assert.That((failed?.Attempts, failed?.RetryAfter, failed?.StartedAt, failed?.LastError),
                Is.EqualTo(((int?)1, (DateTimeOffset?)Requested.AddMinutes(1), (DateTimeOffset?)null, "Framework 'NO-SUCH' is not in the store")));
            Assert.That(beforeRetry, Is.Null, "waiting out its back-off");
            Assert.That(atRetry?.FrameworkCode, Is.EqualTo("NO-SUCH"));
            Assert.That(twice?.Attempts, Is.EqualTo(2));
            Assert.That((afterNewRequest?.Attempts, afterNewRequest?.LastError), Is.EqualTo(((int?)0, (string?)null)), "a new import is tried at once");
        });
    }
}
