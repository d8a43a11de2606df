using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Outcomes.Application.Accounts;
using Outcomes.Application.Demo;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.LoadTest.Hosting;

/// <summary>
/// A fresh SQLite store in a temporary folder, built from samples/ as `make demo` builds it (no packs): nine councils,
/// their returns, scored. Users are added with unique names, as `outcomes users add` adds them.
/// </summary>
public sealed class SampleStoreFile : IDisposable
{
    private readonly string _folder;

    private SampleStoreFile(string folder, string path, string repositoryRoot)
    {
        _folder = folder;
        Path = path;
        RepositoryRoot = repositoryRoot;
    }

    public string Path { get; }

    public string RepositoryRoot { get; }

    public OutcomesStore Store => OutcomesStore.Sqlite(Path);

    public static async Task<SampleStoreFile> BuildAsync(string repositoryRoot)
    {
        var folder = Directory.CreateTempSubdirectory("outcomes-web-live-").FullName;
        var path = System.IO.Path.Combine(folder, "outcomes.db");
        await new DemoRunner(NullLoggerFactory.Instance).RunAsync(new DemoOptions(System.IO.Path.Combine(repositoryRoot, "samples"), folder, path, Packs: false));
        return new SampleStoreFile(folder, path, repositoryRoot);
    }

    /// <summary>The folder holding Outcomes.sln, found upwards from <paramref name="start"/>.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Outcomes.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"Outcomes.sln not found above {start}.");
    }

    public string Sample(string relative) => System.IO.Path.Combine(RepositoryRoot, "samples", relative);

    /// <summary>A new user (unique name) with a password and roles such as ("board member", "BRD").</summary>
    public async Task<string> AddUserAsync(string password, params (string Role, string Scope)[] roles)
    {
        var options = new AccountOptions();
        var userName = $"user-{Guid.NewGuid():N}@council.example";
        var created = await new UserAdministration(new UserRepository(Store), new PasswordHashing(options), options, TimeProvider.System)
            .AddAsync(userName, "Test " + string.Join(" and ", roles.Select(r => r.Role)), roles.Select(r => new RoleRequest(r.Role, r.Scope)).ToList(), password);
        return created.Created ? userName : throw new InvalidOperationException($"User not made: {string.Join(" ", created.Problems)}");
    }

    /// <summary>Rows in the tables of returns, versions and uploads.</summary>
    public async Task<(long Returns, long Versions, long Uploads)> StoredCountsAsync()
    {
        await using var connection = new SqliteConnection(StoreOptions.SqliteConnectionString(Path));
        await connection.OpenAsync();
        async Task<long> Count(string table)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            return (long)(await command.ExecuteScalarAsync())!;
        }

        return (await Count("returns"), await Count("return_versions"), await Count("uploads"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown: the temporary folder is left for the system to clear.
        }
    }
}
