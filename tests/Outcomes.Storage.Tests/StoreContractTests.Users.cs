using Outcomes.Domain.Access;
using Outcomes.Storage.Repositories;

namespace Outcomes.Storage.Tests;

public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private async Task<UserRepository> UsersAsync()
    {
        await Store.MigrateAsync();
        await new OrgUnitRepository(Store).UpsertAsync(Samples.Units, Samples.Links);
        return new UserRepository(Store);
    }

    [Test]
    public async Task A_user_round_trips_with_roles_and_the_name_is_found_without_regard_to_case()
    {
        var users = await UsersAsync();
        var created = await users.CreateAsync(
            new NewUser("Alice@Bradford.example", "Alice Smith", "hash-1", [new(Role.PerformanceOfficer, Samples.Cluster), new(Role.BoardMember, Samples.Authority)]),
            Created);

        var found = await users.FindByUserNameAsync("alice@bradford.EXAMPLE ");
        var byId = await users.GetAsync(created.Id);
        var stranger = await users.FindByUserNameAsync("bob@bradford.example");

        Assert.Multiple(() =>
        {
            Assert.That(created.Created, Is.True, string.Join(" ", created.Problems));
            Assert.That(found, Is.Not.Null);
            Assert.That(found!.Id, Is.EqualTo(created.Id));
            Assert.That(found.UserName, Is.EqualTo("Alice@Bradford.example"));
            Assert.That(found.DisplayName, Is.EqualTo("Alice Smith"));
            Assert.That(found.PasswordHash, Is.EqualTo("hash-1"));
            Assert.That(found.FailedAttempts, Is.Zero);
            Assert.That(found.LockedUntil, Is.Null);
            Assert.That(found.CreatedAt, Is.EqualTo(Created));
            Assert.That(found.Roles, Is.EquivalentTo(new[] { new RoleAssignment(Role.PerformanceOfficer, Samples.Cluster), new RoleAssignment(Role.BoardMember, Samples.Authority) }));
            Assert.That(byId, Is.EqualTo(found).Using<UserAccount>((a, b) => a.Id == b.Id && a.Roles.Count == b.Roles.Count));
            Assert.That(stranger, Is.Null);
        });
    }

    [Test]
    public async Task A_taken_user_name_and_an_unknown_scope_are_refused_as_data_and_nothing_is_stored()
    {
        var users = await UsersAsync();
        await users.CreateAsync(new NewUser("alice@bradford.example", "Alice", "h", [new(Role.Approver, Samples.Authority)]), Created);

        var again = await users.CreateAsync(new NewUser("ALICE@bradford.example", "Another Alice", "h", [new(Role.Approver, "NO-SUCH")]), Created);
        var unknownScope = await users.CreateAsync(new NewUser("bob@bradford.example", "Bob", "h", [new(Role.Approver, "NO-SUCH")]), Created);

        Assert.Multiple(async () =>
        {
            Assert.That(again.Created, Is.False);
            Assert.That(again.Problems, Has.Some.Contains("already exists").And.Some.Contains("'NO-SUCH' is not an org unit"));
            Assert.That(unknownScope.Created, Is.False);
            Assert.That(await users.FindByUserNameAsync("bob@bradford.example"), Is.Null, "refused, so no half-made account");
            Assert.That(await users.ListAsync(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Granting_adds_roles_once_and_list_gives_every_users_roles()
    {
        var users = await UsersAsync();
        var alice = await users.CreateAsync(new NewUser("alice", "Alice", null, [new(Role.BoardMember, Samples.Authority)]), Created);
        await users.CreateAsync(new NewUser("bob", "Bob", null, [new(Role.ScrutinyMember, Samples.Authority)]), Created);

        var granted = await users.GrantAsync(alice.Id, [new(Role.Approver, Samples.Cluster), new(Role.BoardMember, Samples.Authority)], Created);
        var refused = await users.GrantAsync(alice.Id, [new(Role.Approver, "ELSEWHERE")], Created);
        var all = await users.ListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(granted, Is.Empty);
            Assert.That(refused, Has.One.Contains("'ELSEWHERE'"));
            Assert.That(all.Select(u => u.UserName), Is.EqualTo(new[] { "alice", "bob" }));
            Assert.That(all[0].Roles, Has.Count.EqualTo(2), "the board-member role granted again is not doubled");
            Assert.That(all[1].Roles, Is.EqualTo(new[] { new RoleAssignment(Role.ScrutinyMember, Samples.Authority) }));
        });
    }

    [Test]
    public async Task Failed_sign_ins_count_up_and_the_limit_locks_the_account_and_restarts_the_count()
    {
        var users = await UsersAsync();
        var id = (await users.CreateAsync(new NewUser("alice", "Alice", "h", []), Created)).Id;
        var until = Created.AddMinutes(15);

        var counts = new List<FailedSignIn>();
        for (var i = 0; i < 5; i++)
        {
            counts.Add(await users.RecordFailedSignInAsync(id, 5, until));
        }

        var locked = await users.GetAsync(id);
        await users.ClearFailedSignInsAsync(id);
        var cleared = await users.GetAsync(id);

        Assert.Multiple(() =>
        {
            Assert.That(counts.Select(c => c.FailedAttempts), Is.EqualTo(new[] { 1, 2, 3, 4, 0 }));
            Assert.That(counts.Take(4).Select(c => c.LockedUntil), Is.All.Null);
            Assert.That(counts[4].LockedUntil, Is.EqualTo(until));
            Assert.That(locked!.IsLockedAt(Created.AddMinutes(14)), Is.True);
            Assert.That(locked.IsLockedAt(Created.AddMinutes(16)), Is.False);
            Assert.That(cleared!.LockedUntil, Is.Null);
            Assert.That(cleared.FailedAttempts, Is.Zero);
        });
    }

    [Test]
    public async Task A_password_hash_can_be_replaced()
    {
        var users = await UsersAsync();
        var id = (await users.CreateAsync(new NewUser("alice", "Alice", "old", []), Created)).Id;
        await users.SetPasswordHashAsync(id, "new");
        Assert.That((await users.GetAsync(id))!.PasswordHash, Is.EqualTo("new"));
    }

    [Test]
    public async Task Api_tokens_are_found_by_hash_until_revoked_and_only_their_owner_revokes_them()
    {
        var users = await UsersAsync();
        var alice = (await users.CreateAsync(new NewUser("alice", "Alice", "h", []), Created)).Id;
        var bob = (await users.CreateAsync(new NewUser("bob", "Bob", "h", []), Created)).Id;
        var tokens = new ApiTokenRepository(Store);
        var sha = new string('a', 64);
        var id = await tokens.CreateAsync(alice, "reporting script", sha, Created);

        var found = await tokens.FindActiveAsync(sha);
        await tokens.MarkUsedAsync(id, Created.AddHours(1));
        var byBob = await tokens.RevokeAsync(bob, id, Created.AddHours(2));
        var stillActive = await tokens.FindActiveAsync(sha);
        var byAlice = await tokens.RevokeAsync(alice, id, Created.AddHours(3));
        var twice = await tokens.RevokeAsync(alice, id, Created.AddHours(4));
        var listed = await tokens.ListAsync(alice);

        Assert.Multiple(async () =>
        {
            Assert.That(found, Is.Not.Null);
            Assert.That(found!.UserId, Is.EqualTo(alice));
            Assert.That(found.Name, Is.EqualTo("reporting script"));
            Assert.That(await tokens.FindActiveAsync(new string('b', 64)), Is.Null);
            Assert.That(byBob, Is.False, "another user's token is not theirs to revoke");
            Assert.That(stillActive, Is.Not.Null);
            Assert.That(byAlice, Is.True);
            Assert.That(twice, Is.False);
            Assert.That(await tokens.FindActiveAsync(sha), Is.Null, "a revoked token no longer signs anyone in");
            Assert.That(listed.Single().LastUsedAt, Is.EqualTo(Created.AddHours(1)));
            Assert.That(listed.Single().RevokedAt, Is.EqualTo(Created.AddHours(3)));
        });
    }
}
