using Dapper;
using Microsoft.Data.Sqlite;
using Outcomes.Storage.Repositories;

namespace Outcomes.Storage.Tests;

/// <summary>The contract on SQLite, each test with a real temporary database file.</summary>
[TestFixture]
public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly Dictionary<OutcomesStore, string> _files = [];

    protected override Task<OutcomesStore> CreateEmptyStoreAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"outcomes-storage-test-{Guid.NewGuid():N}.db");
        var store = OutcomesStore.Sqlite(path);
        _files[store] = path;
        return Task.FromResult(store);
    }

    protected override Task DropStoreAsync(OutcomesStore store)
    {
        SqliteConnection.ClearAllPools();
        if (_files.Remove(store, out var path))
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }

        return Task.CompletedTask;
    }

    [Test]
    public async Task Connections_use_WAL_foreign_keys_and_a_busy_timeout()
    {
        await using var connection = await Store.OpenAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"), Is.EqualTo("wal"));
            Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"), Is.EqualTo(1));
            Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"), Is.EqualTo(5000));
        });
    }

    [Test]
    public async Task Decimals_and_dates_are_stored_as_exact_text()
    {
        await SeedAsync();
        await new ReturnRepository(Store).ImportAsync(Samples.Return(), "t.xlsx", Samples.File("t"), "alice", DateTimeOffset.UnixEpoch);

        await using var connection = await Store.OpenAsync();
        var row = await connection.QuerySingleAsync<(string Type, string Value, string Start)>(
            "SELECT typeof(value), value, period_start FROM observations WHERE measure_code = 'GLD'");

        Assert.That(row, Is.EqualTo(("text", "51.05", "2017-04-01")));
    }

    [Test]
    public async Task Every_SQLite_statement_compiles_against_the_migrated_schema()
    {
        await Store.MigrateAsync();
        await using var connection = (SqliteConnection)await Store.OpenAsync();

        Assert.Multiple(() =>
        {
            foreach (var statement in SqlStatements.All)
            {
                using var command = connection.CreateCommand();
                command.CommandText = statement.Sqlite;
                Assert.That(command.Prepare, Throws.Nothing, statement.Name);
            }
        });
    }

    [Test]
    public void The_store_refuses_options_that_do_not_validate()
    {
        var options = new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = " " };

        Assert.That(() => new OutcomesStore(options), Throws.ArgumentException.With.Message.Contains("ConnectionString is required"));
    }
}
