using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Outcomes.Storage;

public enum StoreProvider
{
    /// <summary>The embedded default: one file, no server.</summary>
    Sqlite,

    /// <summary>Production: SQL Server (2022 or later; Azure SQL).</summary>
    SqlServer,
}

/// <summary>Typed store configuration (section <see cref="SectionName"/>). The default needs no configuration.</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Outcomes:Store";

    public const string DefaultSqliteConnectionString = "Data Source=outcomes.db";

    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;

    /// <summary>Every problem with these options, in words; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Provider))
        {
            problems.Add($"Provider '{Provider}' is not one of: {string.Join(", ", Enum.GetNames<StoreProvider>())}.");
            return problems;
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add($"ConnectionString is required for provider {Provider}.");
            return problems;
        }

        try
        {
            switch (Provider)
            {
                case StoreProvider.Sqlite:
                    var sqlite = new SqliteConnectionStringBuilder(ConnectionString);
                    if (string.IsNullOrWhiteSpace(sqlite.DataSource))
                    {
                        problems.Add("The SQLite connection string has no Data Source (a file path).");
                    }
                    else if (sqlite.Mode == SqliteOpenMode.ReadOnly)
                    {
                        problems.Add("The SQLite database is opened read-only; the store writes returns and audit rows.");
                    }

                    break;
                case StoreProvider.SqlServer:
                    var sqlServer = new SqlConnectionStringBuilder(ConnectionString);
                    if (string.IsNullOrWhiteSpace(sqlServer.DataSource))
                    {
                        problems.Add("The SQL Server connection string has no Data Source (server).");
                    }

                    if (string.IsNullOrWhiteSpace(sqlServer.InitialCatalog))
                    {
                        problems.Add("The SQL Server connection string has no Initial Catalog (database); the schema would land in the login's default database.");
                    }

                    break;
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            problems.Add($"ConnectionString is not a valid {Provider} connection string: {ex.Message}");
        }

        return problems;
    }

    /// <summary>A SQLite connection string for a file, with the settings the store relies on.</summary>
    public static string SqliteConnectionString(string filePath) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = filePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
}
