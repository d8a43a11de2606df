using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Outcomes.Storage.Migrations;

/// <summary>What a migration run did: scripts applied now, and scripts found already applied.</summary>
public sealed record MigrationReport(IReadOnlyList<string> Applied, IReadOnlyList<string> AlreadyApplied);

/// <summary>One numbered schema script embedded from sql/&lt;provider&gt;/NNNN_name.sql.</summary>
public sealed record MigrationScript(string Name, string Text)
{
    /// <summary>
    /// The batches to run. T-SQL scripts are split on lines holding only GO (as sqlcmd and SSMS do);
    /// a SQLite script is one batch.
    /// </summary>
    public IReadOnlyList<string> Batches(StoreProvider provider) =>
        provider == StoreProvider.SqlServer ? MigrationScripts.SplitOnGo(Text) : [Text];
}

/// <summary>The embedded schema scripts for each provider, in the order they apply.</summary>
public static partial class MigrationScripts
{
    public static IReadOnlyList<MigrationScript> For(StoreProvider provider)
    {
        var folder = provider == StoreProvider.SqlServer ? "sqlserver" : "sqlite";
        var prefix = $"Outcomes.Storage.Sql.{folder}.";
        var assembly = typeof(MigrationScripts).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return new MigrationScript(n[prefix.Length..], reader.ReadToEnd());
            })
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Splits T-SQL on lines holding only "GO" (any case, optional trailing comment); empty batches are dropped.</summary>
    public static IReadOnlyList<string> SplitOnGo(string script) =>
        GoLine().Split(script.Replace("\r\n", "\n", StringComparison.Ordinal))
            .Select(b => b.Trim())
            .Where(b => b.Length > 0)
            .ToList();

    [GeneratedRegex(@"^[ \t]*GO[ \t]*(?:--[^\n]*)?$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}

/// <summary>
/// Applies the embedded scripts in name order, each in its own transaction together with its row in
/// schema_versions, so a script is either wholly applied and journaled or not at all. Re-running applies nothing.
/// </summary>
public sealed class MigrationRunner(OutcomesStore store, ILogger<MigrationRunner> logger)
{
    internal static readonly ProviderSql CreateJournal = new(
        "migrations.create-journal",
        """
        CREATE TABLE IF NOT EXISTS schema_versions (
            script_name TEXT NOT NULL PRIMARY KEY,
            applied_at  TEXT NOT NULL
        );
        """,
        """
        IF OBJECT_ID(N'dbo.schema_versions', N'U') IS NULL
        BEGIN
            CREATE TABLE dbo.schema_versions (
                script_name NVARCHAR(255) NOT NULL CONSTRAINT pk_schema_versions PRIMARY KEY,
                applied_at  DATETIMEOFFSET(7) NOT NULL
            );
        END;
        """);

    internal static readonly ProviderSql ListApplied = new(
        "migrations.list-applied",
        "SELECT script_name FROM schema_versions ORDER BY script_name;");

    internal static readonly ProviderSql Journal = new(
        "migrations.journal",
        "INSERT INTO schema_versions (script_name, applied_at) VALUES (@ScriptName, @AppliedAt);");

    public async Task<MigrationReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var scripts = MigrationScripts.For(store.Provider);
        await using var connection = await store.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(store.Sql(CreateJournal), cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<string>(new CommandDefinition(store.Sql(ListApplied), cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var appliedNow = new List<string>();
        var already = new List<string>();
        foreach (var script in scripts)
        {
            if (applied.Contains(script.Name))
            {
                already.Add(script.Name);
                continue;
            }

            await ApplyAsync(connection, script, cancellationToken);
            appliedNow.Add(script.Name);
            logger.LogInformation("Applied schema script {Script} ({Provider}).", script.Name, store.Provider);
        }

        return new MigrationReport(appliedNow, already);
    }

    private async Task ApplyAsync(DbConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var batch in script.Batches(store.Provider))
            {
                await connection.ExecuteAsync(new CommandDefinition(batch, transaction: transaction, commandTimeout: 300, cancellationToken: cancellationToken));
            }

            await connection.ExecuteAsync(new CommandDefinition(
                store.Sql(Journal),
                new { ScriptName = script.Name, AppliedAt = DateTimeOffset.UtcNow },
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Schema script {Script} failed and was rolled back.", script.Name);
            await transaction.RollbackAsync(CancellationToken.None);
            throw new InvalidOperationException($"Schema script {script.Name} failed: {ex.Message}", ex);
        }
    }
}
