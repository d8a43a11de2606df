using Dapper;
using Microsoft.Data.SqlClient;

namespace Outcomes.Storage.Tests;

/// <summary>
/// The contract on SQL Server, when OUTCOMES_TEST_SQLSERVER holds a connection string to a server where the login
/// may create databases. Each test gets a new database, dropped afterwards.
/// </summary>
[TestFixture]
public sealed class SqlServerStoreTests : StoreContractTests
{
    public const string Variable = "OUTCOMES_TEST_SQLSERVER";

    private string _serverConnectionString = string.Empty;

    [OneTimeSetUp]
    public void RequireServer()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Assert.Ignore($"{Variable} not set: SQL Server integration tests skipped");
        }

        _serverConnectionString = new SqlConnectionStringBuilder(connectionString) { InitialCatalog = "master" }.ConnectionString;
    }

    protected override async Task<OutcomesStore> CreateEmptyStoreAsync()
    {
        var database = $"outcomes_test_{Guid.NewGuid():N}";
        await using (var master = new SqlConnection(_serverConnectionString))
        {
            await master.ExecuteAsync($"CREATE DATABASE [{database}];");
        }

        return OutcomesStore.SqlServer(new SqlConnectionStringBuilder(_serverConnectionString) { InitialCatalog = database }.ConnectionString);
    }

    protected override async Task DropStoreAsync(OutcomesStore store)
    {
        var database = new SqlConnectionStringBuilder(store.ConnectionString).InitialCatalog;
        SqlConnection.ClearAllPools();
        await using var master = new SqlConnection(_serverConnectionString);
        await master.ExecuteAsync($"ALTER DATABASE [{database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{database}];");
    }
}
