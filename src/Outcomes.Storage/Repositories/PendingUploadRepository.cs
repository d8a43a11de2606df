using Dapper;

namespace Outcomes.Storage.Repositories;

/// <summary>
/// A validated upload waiting for "Confirm import": the exact bytes that were checked, the problems found (as JSON, written
/// and read by the web layer), the framework a .csv was checked against, and when it was kept and expires (UTC).
/// </summary>
public sealed record PendingUploadRecord(
    long UserId, string Sha256, string FileName, byte[] Bytes, string IssuesJson, string? FrameworkCode, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>How much the store holds at most across all users: rows, and bytes of files; beyond either, the oldest go.</summary>
public sealed record PendingUploadLimits(int MaxCount, long MaxBytes);

/// <summary>
/// Pending uploads (table pending_uploads), keyed by user and SHA-256, shared by every web server over the store.
/// Keeping one cleans out expired rows and caps the total held, oldest first, in one transaction. Claiming one deletes
/// it in the same statement that reads it, so of two confirms at once exactly one gets the file.
/// </summary>
public sealed class PendingUploadRepository(OutcomesStore store)
{
    private const string Columns =
        "user_id AS UserId, sha256 AS Sha256, file_name AS FileName, file_bytes AS Bytes, issues_json AS IssuesJson, "
        + "framework_code AS FrameworkCode, created_at AS CreatedAt, expires_at AS ExpiresAt";

    internal static readonly ProviderSql DeleteExpired = new(
        "pending-uploads.delete-expired",
        "DELETE FROM pending_uploads WHERE expires_at <= @Now;");

    // SQLite: the transaction is BEGIN IMMEDIATE, so writers are already one at a time.
    // SQL Server: UPDLOCK + SERIALIZABLE holds the key (or the gap where it would go), so two keeps of the same file
    // cannot both insert it.
    internal static readonly ProviderSql Upsert = new(
        "pending-uploads.upsert",
        """
        INSERT INTO pending_uploads (user_id, sha256, file_name, byte_count, file_bytes, issues_json, framework_code, created_at, expires_at)
        VALUES (@UserId, @Sha256, @FileName, @ByteCount, @Bytes, @IssuesJson, @FrameworkCode, @CreatedAt, @ExpiresAt)
        ON CONFLICT (user_id, sha256) DO UPDATE SET
            file_name = excluded.file_name, byte_count = excluded.byte_count, file_bytes = excluded.file_bytes, issues_json = excluded.issues_json,
            framework_code = excluded.framework_code, created_at = excluded.created_at, expires_at = excluded.expires_at;
        """,
        """
        UPDATE pending_uploads WITH (UPDLOCK, SERIALIZABLE)
        SET file_name = @FileName, byte_count = @ByteCount, file_bytes = @Bytes, issues_json = @IssuesJson,
            framework_code = @FrameworkCode, created_at = @CreatedAt, expires_at = @ExpiresAt
        WHERE user_id = @UserId AND sha256 = @Sha256;
        IF @@ROWCOUNT = 0
            INSERT INTO pending_uploads (user_id, sha256, file_name, byte_count, file_bytes, issues_json, framework_code, created_at, expires_at)
            VALUES (@UserId, @Sha256, @FileName, @ByteCount, @Bytes, @IssuesJson, @FrameworkCode, @CreatedAt, @ExpiresAt);
        """);

    // Newest first, each row with the count and bytes held by it and every newer row: once either passes its cap,
    // that row and every older one go.
    internal static readonly ProviderSql DeleteBeyondCapacity = new(
        "pending-uploads.delete-beyond-capacity",
        """
        DELETE FROM pending_uploads WHERE id IN (
            SELECT id FROM (
                SELECT id,
                    ROW_NUMBER() OVER (ORDER BY created_at DESC, id DESC) AS place,
                    SUM(byte_count) OVER (ORDER BY created_at DESC, id DESC ROWS UNBOUNDED PRECEDING) AS held
                FROM pending_uploads) AS newest
            WHERE place > @MaxCount OR held > @MaxBytes);
        """,
        """
        WITH newest AS (
            SELECT ROW_NUMBER() OVER (ORDER BY created_at DESC, id DESC) AS place,
                SUM(byte_count) OVER (ORDER BY created_at DESC, id DESC ROWS UNBOUNDED PRECEDING) AS held
            FROM pending_uploads)
        DELETE FROM newest WHERE place > @MaxCount OR held > @MaxBytes;
        """);

    internal static readonly ProviderSql SelectOne = new(
        "pending-uploads.get",
        $"SELECT {Columns} FROM pending_uploads WHERE user_id = @UserId AND sha256 = @Sha256 AND expires_at > @Now;");

    internal static readonly ProviderSql Claim = new(
        "pending-uploads.claim",
        $"DELETE FROM pending_uploads WHERE user_id = @UserId AND sha256 = @Sha256 AND expires_at > @Now RETURNING {Columns};",
        $"DELETE FROM pending_uploads OUTPUT {DeletedColumns()} WHERE user_id = @UserId AND sha256 = @Sha256 AND expires_at > @Now;");

    internal static readonly ProviderSql Count = new(
        "pending-uploads.count",
        "SELECT COUNT(*) FROM pending_uploads;");

    /// <summary>
    /// Keeps (or replaces) the user's upload of these bytes; first removes every row expired at
    /// <paramref name="now"/>, then, with it in, the oldest rows beyond <paramref name="limits"/>.
    /// </summary>
    public async Task KeepAsync(PendingUploadRecord upload, PendingUploadLimits limits, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(limits);
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(store.Sql(DeleteExpired), new { Now = now.ToUniversalTime() }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            store.Sql(Upsert),
            new
            {
                upload.UserId, upload.Sha256, upload.FileName, ByteCount = (long)upload.Bytes.Length, upload.Bytes, upload.IssuesJson, upload.FrameworkCode,
                CreatedAt = upload.CreatedAt.ToUniversalTime(), ExpiresAt = upload.ExpiresAt.ToUniversalTime(),
            },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            store.Sql(DeleteBeyondCapacity), new { limits.MaxCount, limits.MaxBytes }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The user's upload of the file with this SHA-256, unless it has expired or was never kept.</summary>
    public async Task<PendingUploadRecord?> FindAsync(long userId, string sha256, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            store.Sql(SelectOne), new { UserId = userId, Sha256 = sha256, Now = now.ToUniversalTime() }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    /// <summary>
    /// Takes the user's unexpired upload out of the store and returns it; null when there is none, or another request
    /// took it first (one statement, so two at once cannot both have it). Give it back with <see cref="KeepAsync"/>
    /// if it was not imported after all.
    /// </summary>
    public async Task<PendingUploadRecord?> ClaimAsync(long userId, string sha256, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            store.Sql(Claim), new { UserId = userId, Sha256 = sha256, Now = now.ToUniversalTime() }, cancellationToken: cancellationToken));
        return rows.SingleOrDefault()?.ToRecord();
    }

    /// <summary>How many uploads are held, expired or not (for tests and health checks).</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(store.Sql(Count), cancellationToken: cancellationToken));
    }

    private static string DeletedColumns() =>
        string.Join(", ", Columns.Split(", ").Select(c => "DELETED." + c));

    private sealed class Row
    {
        public long UserId { get; set; }

        public string Sha256 { get; set; } = string.Empty;

        public string FileName { get; set; } = string.Empty;

        public byte[] Bytes { get; set; } = [];

        public string IssuesJson { get; set; } = "[]";

        public string? FrameworkCode { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset ExpiresAt { get; set; }

        public PendingUploadRecord ToRecord() => new(UserId, Sha256, FileName, Bytes, IssuesJson, FrameworkCode, CreatedAt, ExpiresAt);
    }
}
