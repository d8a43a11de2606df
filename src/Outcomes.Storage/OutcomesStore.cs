using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Outcomes.Storage.Migrations;

namespace Outcomes.Storage;

/// <summary>
/// The store's connection factory and dialect. Repositories take one of these; it is cheap, thread-safe
/// and meant to live for the life of the host.
/// </summary>
public sealed class OutcomesStore
{
    // SQLite only: SQL Server needs no per-connection settings.
    private const string SqliteConnectionPragmas = """
        PRAGMA foreign_keys = ON;
        PRAGMA busy_timeout = 5000;
        """;

    private const string SqliteWalPragma = "PRAGMA journal_mode = WAL;";

    private int _walSet;

    public OutcomesStore(StoreOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The store options are not valid: " + string.Join(" ", problems), nameof(options));
        }

        Provider = options.Provider;
        ConnectionString = options.Provider == StoreProvider.Sqlite
            ? new SqliteConnectionStringBuilder(options.ConnectionString) { ForeignKeys = true }.ToString()
            : options.ConnectionString;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        TypeHandlers.EnsureRegistered();
    }

    public StoreProvider Provider { get; }

    public string ConnectionString { get; }

    internal ILoggerFactory LoggerFactory { get; }

    /// <summary>The embedded default: a SQLite file (created if missing) in WAL mode with foreign keys on.</summary>
    public static OutcomesStore Sqlite(string filePath, ILoggerFactory? loggerFactory = null) =>
        new(new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = StoreOptions.SqliteConnectionString(filePath) }, loggerFactory);

    public static OutcomesStore SqlServer(string connectionString, ILoggerFactory? loggerFactory = null) =>
        new(new StoreOptions { Provider = StoreProvider.SqlServer, ConnectionString = connectionString }, loggerFactory);

    /// <summary>
    /// An open connection. SQLite connections have foreign_keys=ON and a 5 s busy timeout, and the file is in WAL
    /// journal mode (readers do not block the writer). The caller disposes it.
    /// </summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = Provider == StoreProvider.SqlServer
            ? new SqlConnection(ConnectionString)
            : new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (Provider == StoreProvider.Sqlite)
            {
                // journal_mode is a property of the file, kept across connections; set it once per store.
                if (Interlocked.Exchange(ref _walSet, 1) == 0)
                {
                    await ExecuteAsync(connection, SqliteWalPragma, cancellationToken);
                }

                await ExecuteAsync(connection, SqliteConnectionPragmas, cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Applies the embedded schema scripts not yet applied.</summary>
    public Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken = default) =>
        new MigrationRunner(this, LoggerFactory.CreateLogger<MigrationRunner>()).RunAsync(cancellationToken);

    /// <summary>The spelling of <paramref name="statement"/> for this store's provider.</summary>
    public string Sql(ProviderSql statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return statement.For(Provider);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
