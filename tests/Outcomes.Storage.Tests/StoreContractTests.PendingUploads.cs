using Outcomes.Domain.Access;
using Outcomes.Storage.Repositories;

namespace Outcomes.Storage.Tests;

public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset Kept = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly PendingUploadLimits Roomy = new(500, 256L * 1024 * 1024);

    [Test]
    public async Task A_pending_upload_is_found_only_by_its_user_until_it_expires_and_keeps_its_exact_bytes()
    {
        var (alice, bob) = await TwoUsersAsync();
        var pending = new PendingUploadRepository(Store);
        var bytes = Enumerable.Range(0, 3000).Select(i => (byte)(i * 7)).ToArray();
        await pending.KeepAsync(Pending(alice, "A1", bytes, Kept, issues: """[{"rule":"x"}]""", framework: "BRD-CC"), Roomy, Kept);

        var found = await pending.FindAsync(alice, "A1", Kept.AddMinutes(29));
        var byBob = await pending.FindAsync(bob, "A1", Kept.AddMinutes(29));
        var expired = await pending.FindAsync(alice, "A1", Kept.AddMinutes(30));
        var claimedExpired = await pending.ClaimAsync(alice, "A1", Kept.AddMinutes(30));
        var claimedByBob = await pending.ClaimAsync(bob, "A1", Kept);

        Assert.Multiple(async () =>
        {
            Assert.That(found, Is.Not.Null);
            Assert.That(found!.Bytes, Is.EqualTo(bytes));
            Assert.That((found.FileName, found.IssuesJson, found.FrameworkCode), Is.EqualTo(("A1.xlsx", """[{"rule":"x"}]""", "BRD-CC")));
            Assert.That((found.CreatedAt, found.ExpiresAt), Is.EqualTo((Kept, Kept.AddMinutes(30))));
            Assert.That(byBob, Is.Null, "another user's key finds nothing");
            Assert.That(expired, Is.Null, "expired at its time");
            Assert.That(claimedExpired, Is.Null, "an expired upload cannot be claimed");
            Assert.That(claimedByBob, Is.Null, "nor by another user");
            Assert.That(await pending.CountAsync(), Is.EqualTo(1), "still held (until the next keep cleans it out)");
        });
    }

    [Test]
    public async Task Keeping_an_upload_cleans_out_expired_ones_and_replaces_the_same_file()
    {
        var (alice, bob) = await TwoUsersAsync();
        var pending = new PendingUploadRepository(Store);
        await pending.KeepAsync(Pending(alice, "OLD", [1], Kept), Roomy, Kept);
        await pending.KeepAsync(Pending(bob, "B1", [2], Kept.AddMinutes(10)), Roomy, Kept.AddMinutes(10));
        await pending.KeepAsync(Pending(alice, "B1", [3], Kept.AddMinutes(31), issues: "[1]"), Roomy, Kept.AddMinutes(31));
        await pending.KeepAsync(Pending(alice, "B1", [3], Kept.AddMinutes(32), issues: "[2]"), Roomy, Kept.AddMinutes(32));

        var old = await pending.FindAsync(alice, "OLD", Kept);
        var bobs = await pending.FindAsync(bob, "B1", Kept.AddMinutes(32));
        var alices = await pending.FindAsync(alice, "B1", Kept.AddMinutes(32));

        Assert.Multiple(async () =>
        {
            Assert.That(old, Is.Null, "expired at 30 minutes, removed when a later upload was kept (even looked for at its own time)");
            Assert.That(bobs?.Bytes, Is.EqualTo(new byte[] { 2 }), "the same hash under another user is another upload");
            Assert.That((alices?.IssuesJson, alices?.CreatedAt), Is.EqualTo(("[2]", Kept.AddMinutes(32))), "the same file again replaces the first");
            Assert.That(await pending.CountAsync(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task The_oldest_uploads_go_first_beyond_the_count_or_bytes_held()
    {
        var (alice, bob) = await TwoUsersAsync();
        var pending = new PendingUploadRepository(Store);
        var limits = new PendingUploadLimits(3, 1000);
        await pending.KeepAsync(Pending(alice, "1", new byte[100], Kept), limits, Kept);
        await pending.KeepAsync(Pending(bob, "2", new byte[100], Kept), limits, Kept);
        await pending.KeepAsync(Pending(alice, "3", new byte[100], Kept), limits, Kept);
        await pending.KeepAsync(Pending(bob, "4", new byte[100], Kept.AddSeconds(1)), limits, Kept.AddSeconds(1));
        var afterCount = await HeldAsync(pending, (alice, "1"), (bob, "2"), (alice, "3"), (bob, "4"));
        await pending.KeepAsync(Pending(alice, "5", new byte[850], Kept.AddSeconds(2)), limits, Kept.AddSeconds(2));
        var afterBytes = await HeldAsync(pending, (bob, "2"), (alice, "3"), (bob, "4"), (alice, "5"));

        Assert.Multiple(() =>
        {
            Assert.That(afterCount, Is.EqualTo(new[] { "2", "3", "4" }), "three at most: the first kept (same instant, lowest id) went");
            Assert.That(afterBytes, Is.EqualTo(new[] { "4", "5" }), "1000 bytes at most: 850 + 100 fit, another 100 would not");
        });
    }

    [Test]
    public async Task Of_many_claims_at_once_exactly_one_gets_the_upload()
    {
        var (alice, _) = await TwoUsersAsync();
        var pending = new PendingUploadRepository(Store);
        await pending.KeepAsync(Pending(alice, "C", [9, 9], Kept), Roomy, Kept);
        using var start = new ManualResetEventSlim();

        var claims = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await new PendingUploadRepository(Store).ClaimAsync(alice, "C", Kept.AddMinutes(1));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(claims);

        Assert.Multiple(async () =>
        {
            Assert.That(results.Count(r => r is not null), Is.EqualTo(1));
            Assert.That(results.Single(r => r is not null)!.Bytes, Is.EqualTo(new byte[] { 9, 9 }));
            Assert.That(await pending.CountAsync(), Is.Zero, "claiming takes it out of the store");
        });
    }

    private static PendingUploadRecord Pending(long user, string sha, byte[] bytes, DateTimeOffset at, string issues = "[]", string? framework = null) =>
        new(user, sha, sha + ".xlsx", bytes, issues, framework, at, at.AddMinutes(30));

    private static async Task<List<string>> HeldAsync(PendingUploadRepository pending, params (long User, string Sha)[] keys)
    {
        var held = new List<string>();
        foreach (var (user, sha) in keys)
        {
            if (await pending.FindAsync(user, sha, Kept) is not null)
            {
                held.Add(sha);
            }
        }

        return held;
    }

    private async Task<(long Alice, long Bob)> TwoUsersAsync()
    {
        var users = await UsersAsync();
        var alice = await users.CreateAsync(new NewUser("alice@pending.example", "Alice", "h", [new(Role.PerformanceOfficer, Samples.Cluster)]), Kept);
        var bob = await users.CreateAsync(new NewUser("bob@pending.example", "Bob", "h", [new(Role.PerformanceOfficer, Samples.Cluster)]), Kept);
        return (alice.Id, bob.Id);
    }
}
