using System.Data.Common;
using Dapper;

namespace Outcomes.Storage.Repositories;

/// <summary>One row of the audit log: who changed what, when and why; old and new values as JSON.</summary>
public sealed record AuditEntry(
    long Id,
    string ChangedBy,
    DateTimeOffset ChangedAt,
    string TableName,
    string RowKey,
    string? OldValue,
    string? NewValue,
    string Reason);

public sealed class AuditRepository(OutcomesStore store)
{
    internal static readonly ProviderSql Insert = new(
        "audit.insert",
        """
        INSERT INTO audit_log (changed_by, changed_at, table_name, row_key, old_value, new_value, reason)
        VALUES (@ChangedBy, @ChangedAt, @TableName, @RowKey, @OldValue, @NewValue, @Reason);
        """);

    // Prefix match without LIKE, so '_' and '%' in codes are not wildcards.
    internal static readonly ProviderSql List = new(
        "audit.list",
        """
        SELECT id AS Id, changed_by AS ChangedBy, changed_at AS ChangedAt, table_name AS TableName,
               row_key AS RowKey, old_value AS OldValue, new_value AS NewValue, reason AS Reason
        FROM audit_log
        WHERE (@TableName IS NULL OR table_name = @TableName)
          AND (@RowKeyPrefix IS NULL OR substr(row_key, 1, length(@RowKeyPrefix)) = @RowKeyPrefix)
        ORDER BY id;
        """,
        """
        SELECT id AS Id, changed_by AS ChangedBy, changed_at AS ChangedAt, table_name AS TableName,
               row_key AS RowKey, old_value AS OldValue, new_value AS NewValue, reason AS Reason
        FROM audit_log
        WHERE (@TableName IS NULL OR table_name = @TableName)
          AND (@RowKeyPrefix IS NULL OR LEFT(row_key, DATALENGTH(@RowKeyPrefix) / 2) = @RowKeyPrefix)
        ORDER BY id;
        """);

    /// <summary>Audit rows, oldest first, optionally for one table and rows whose key starts with a prefix.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? tableName = null, string? rowKeyPrefix = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            store.Sql(List),
            new { TableName = tableName, RowKeyPrefix = rowKeyPrefix },
            cancellationToken: cancellationToken));
        return rows.Select(r => new AuditEntry(r.Id, r.ChangedBy, r.ChangedAt, r.TableName, r.RowKey, r.OldValue, r.NewValue, r.Reason)).ToList();
    }

    /// <summary>Adds one row on its own (for changes that are not written inside another repository's transaction).</summary>
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(store.Sql(Insert), entry, cancellationToken: cancellationToken));
    }

    internal static Task WriteAsync(
        OutcomesStore store, DbConnection connection, DbTransaction transaction, IEnumerable<AuditEntry> entries, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(store.Sql(Insert), entries.ToList(), transaction, cancellationToken: cancellationToken));

    private sealed class AuditRow
    {
        public long Id { get; set; }

        public string ChangedBy { get; set; } = string.Empty;

        public DateTimeOffset ChangedAt { get; set; }

        public string TableName { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public string? OldValue { get; set; }

        public string? NewValue { get; set; }

        public string Reason { get; set; } = string.Empty;
    }
}
