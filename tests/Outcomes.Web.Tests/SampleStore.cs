using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Outcomes.Application.Accounts;
using Outcomes.Application.Demo;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Tests;

/// <summary>
/// One real SQLite store for the whole test run, built from samples/ as `make demo` builds it (no packs): nine councils,
/// their returns, scored. Tests that sign in make users of their own with unique names, so they do not disturb each other.
/// </summary>
[SetUpFixture]
public sealed class SampleStore
{
    private static string _folder = string.Empty;

    public static string Path { get; private set; } = string.Empty;

    public static OutcomesStore Store => OutcomesStore.Sqlite(Path);

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Outcomes.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("Outcomes.sln not found above the test directory.");
        }
    }

    [OneTimeSetUp]
    public async Task BuildAsync()
    {
        _folder = Directory.CreateTempSubdirectory("outcomes-web-samples-").FullName;
        Path = System.IO.Path.Combine(_folder, "outcomes.db");
        await new DemoRunner(NullLoggerFactory.Instance).RunAsync(new DemoOptions(System.IO.Path.Combine(RepositoryRoot, "samples"), _folder, Path, Packs: false));
    }

    [OneTimeTearDown]
    public void Remove()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A new user (unique name) with a password and roles, made as `outcomes users add` makes one.</summary>
    public static Task<string> AddUserAsync(string password, params (string Role, string Scope)[] roles) => AddUserAsync(Store, password, roles);

    /// <summary>A personal API token for a user.</summary>
    public static Task<string> TokenAsync(string userName) => TokenAsync(Store, userName);

    /// <summary>A new user made in another store (a test's own copy of the samples).</summary>
    public static async Task<string> AddUserAsync(OutcomesStore store, string password, params (string Role, string Scope)[] roles)
    {
        var options = new AccountOptions();
        var userName = $"user-{Guid.NewGuid():N}@council.example";
        var created = await new UserAdministration(new UserRepository(store), new PasswordHashing(options), options, TimeProvider.System)
            .AddAsync(userName, "Test " + string.Join(" and ", roles.Select(r => r.Role)), roles.Select(r => new RoleRequest(r.Role, r.Scope)).ToList(), password);
        Assert.That(created.Created, Is.True, string.Join(" ", created.Problems));
        return userName;
    }

    /// <summary>A personal API token for a user of another store.</summary>
    public static async Task<string> TokenAsync(OutcomesStore store, string userName)
    {
        var users = new UserRepository(store);
        var user = await users.FindByUserNameAsync(userName);
        return (await new ApiTokens(new ApiTokenRepository(store), users, TimeProvider.System).IssueAsync(user!.Id, "test")).Token;
    }
}
