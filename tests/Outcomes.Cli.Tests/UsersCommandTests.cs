using Outcomes.Application.Accounts;
using Outcomes.Domain.Access;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Cli.Tests;

public class UsersCommandTests
{
    private string _dir = string.Empty;

    private string Store => Path.Combine(_dir, "o.db");

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("outcomes-cli-users-").FullName;

    [TearDown]
    public void TearDown()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public async Task Users_are_added_with_hashed_passwords_listed_with_their_scopes_and_refusals_exit_1_with_every_reason()
    {
        var load = await Run("frameworks", "load", Path.Combine(CliProcess.RepositoryRoot, "samples", "frameworks", "bradford"));
        Assert.That(load.ExitCode, Is.Zero, load.Output);

        var add = await Run("users", "add", "--email", "alice@bradford.example", "--name", "Alice Smith",
            "--role", "performance officer", "--scope", "BRD-CL1", "--role", "board-member", "--scope", "BRD", "--password", "correct horse battery");
        var again = await Run("users", "add", "--email", "ALICE@bradford.example", "--name", "Alice", "--role", "mayor", "--scope", "XYZ", "--password", "short");
        var unknownScope = await Run("users", "add", "--email", "bob@bradford.example", "--name", "Bob", "--role", "approver", "--scope", "NOWHERE", "--password", "long enough password");
        var unpaired = await Run("users", "add", "--email", "carol@bradford.example", "--name", "Carol", "--role", "approver", "--role", "admin", "--scope", "BRD", "--password", "long enough password");
        Environment.SetEnvironmentVariable("OUTCOMES_PASSWORD", "from the environment");
        CliProcess.Run fromEnvironment;
        try
        {
            fromEnvironment = await Run("users", "add", "--email", "dave@bradford.example", "--name", "Dave", "--role", "scrutiny member", "--scope", "BRD");
        }
        finally
        {
            Environment.SetEnvironmentVariable("OUTCOMES_PASSWORD", null);
        }

        var list = await Run("users", "list");
        var token = await Run("users", "token", "--email", "alice@bradford.example", "--name", "nightly extract");
        var noSuchUser = await Run("users", "token", "--email", "nobody@bradford.example", "--name", "x");

        var store = OutcomesStore.Sqlite(Store);
        var alice = await new UserRepository(store).FindByUserNameAsync("alice@bradford.example");
        var dave = await new UserRepository(store).FindByUserNameAsync("dave@bradford.example");
        var hashing = new PasswordHashing(new AccountOptions());
        var tokenUser = await new ApiTokens(new ApiTokenRepository(store), new UserRepository(store), TimeProvider.System).AuthenticateAsync(token.Output.Trim());

        Assert.Multiple(() =>
        {
            Assert.That(add.ExitCode, Is.Zero, add.Output);
            Assert.That(add.Output, Does.Contain("Added alice@bradford.example"));
            Assert.That(again.ExitCode, Is.EqualTo(1), again.Output);
            Assert.That(again.Output, Does.Contain("'mayor' is not a role").And.Contain("at least 12 characters"));
            Assert.That(unknownScope.ExitCode, Is.EqualTo(1), unknownScope.Output);
            Assert.That(unknownScope.Output, Does.Contain("'NOWHERE' is not an org unit"));
            Assert.That(unpaired.ExitCode, Is.EqualTo(2), unpaired.Output);
            Assert.That(fromEnvironment.ExitCode, Is.Zero, fromEnvironment.Output);
            Assert.That(alice!.Roles, Is.EquivalentTo(new[] { new RoleAssignment(Role.PerformanceOfficer, "BRD-CL1"), new RoleAssignment(Role.BoardMember, "BRD") }));
            Assert.That(alice.PasswordHash, Does.Not.Contain("correct horse"));
            Assert.That(hashing.Check(alice.PasswordHash, "correct horse battery"), Is.EqualTo(PasswordCheck.Right));
            Assert.That(hashing.Check(alice.PasswordHash, "correct horse batterY"), Is.EqualTo(PasswordCheck.Wrong));
            Assert.That(hashing.Check(dave!.PasswordHash, "from the environment"), Is.EqualTo(PasswordCheck.Right));
            Assert.That(list.ExitCode, Is.Zero, list.Output);
            Assert.That(list.Output, Does.Contain("performance officer over BRD-CL1").And.Contain("scrutiny member over BRD").And.Contain("2 users"));
            Assert.That(list.Output, Does.Not.Contain("bob@"), "a refused account is not half-made");
            Assert.That(token.ExitCode, Is.Zero, token.Output);
            Assert.That(token.Output.Trim(), Does.StartWith("oct_"));
            Assert.That(tokenUser?.UserName, Is.EqualTo("alice@bradford.example"), "the printed token signs its owner in");
            Assert.That(noSuchUser.ExitCode, Is.EqualTo(1));
        });
    }

    private Task<CliProcess.Run> Run(params string[] args) => CliProcess.RunAsync(_dir, [.. args, "--store", Store]);
}
