using System.Security.Cryptography;
using Dapper;
using Outcomes.Domain.Returns;

namespace Outcomes.Storage.Repositories;

/// <summary>The file a person uploaded, as they sent it: kept once by SHA-256 beside the returns it held.</summary>
public sealed record UploadedFile(string FileName, string Format, byte[] Bytes)
{
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Bytes));
}

/// <summary>One return of a multi-return file with the canonical bytes that identify its figures.</summary>
public sealed record BatchReturn(QuarterlyReturn Return, byte[] CanonicalBytes);

/// <summary>
/// What a whole-file import did: committed (every return stored or already stored as it is) or rolled back (nothing
/// stored; <see cref="Refusal"/> says which return was refused and why). Outcomes are in the order given; after a
/// refusal the rest were not tried.
/// </summary>
public sealed record BatchImportOutcome(bool Committed, IReadOnlyList<ImportOutcome> Outcomes, long? UploadId, string? Refusal);

/// <summary>A stored upload: the original file and when and by whom it was sent.</summary>
public sealed record StoredUpload(long Id, string FileName, string Format, string Sha256, long ByteCount, string UploadedBy, DateTimeOffset UploadedAt, byte[] Bytes);

public sealed partial class ReturnRepository
{
    internal static readonly ProviderSql FindUploadBySha = new(
        "uploads.find-by-sha256",
        "SELECT id FROM uploads WHERE sha256 = @Sha256;");

    internal static readonly ProviderSql InsertUpload = new(
        "uploads.insert",
        """
        INSERT INTO uploads (file_name, format, sha256, byte_count, uploaded_by, uploaded_at, file_bytes)
        VALUES (@FileName, @Format, @Sha256, @ByteCount, @UploadedBy, @UploadedAt, @FileBytes)
        RETURNING id;
        """,
        """
        INSERT INTO uploads (file_name, format, sha256, byte_count, uploaded_by, uploaded_at, file_bytes)
        OUTPUT INSERTED.id
        VALUES (@FileName, @Format, @Sha256, @ByteCount, @UploadedBy, @UploadedAt, @FileBytes);
        """);

    internal static readonly ProviderSql SelectUploadForVersion = new(
        "uploads.select-for-version",
        """
        SELECT u.id AS Id, u.file_name AS FileName, u.format AS Format, u.sha256 AS Sha256, u.byte_count AS ByteCount,
               u.uploaded_by AS UploadedBy, u.uploaded_at AS UploadedAt, u.file_bytes AS Bytes
        FROM uploads u
        JOIN return_versions rv ON rv.upload_id = u.id
        WHERE rv.id = @Id;
        """);

    /// <summary>
    /// Stores every return of one uploaded file in a single transaction — all of the file or none of it. The upload's
    /// original bytes are kept once (by SHA-256) and every new version points at them. Each return is judged as
    /// <see cref="ImportAsync"/> judges one (duplicates change nothing; a locked return sent unchanged is a duplicate);
    /// the first refusal rolls everything back and is named in <see cref="BatchImportOutcome.Refusal"/>.
    /// </summary>
    public async Task<BatchImportOutcome> ImportBatchAsync(
        IReadOnlyList<BatchReturn> returns, UploadedFile upload, string submittedBy, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(upload);
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var uploadId = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            store.Sql(FindUploadBySha), new { upload.Sha256 }, transaction, cancellationToken: cancellationToken));
        uploadId ??= await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            store.Sql(InsertUpload),
            new
            {
                upload.FileName,
                upload.Format,
                upload.Sha256,
                ByteCount = (long)upload.Bytes.Length,
                UploadedBy = submittedBy,
                UploadedAt = at,
                FileBytes = upload.Bytes,
            },
            transaction,
            cancellationToken: cancellationToken));

        if (await CheckReferencesAsync(connection, transaction, returns.Select(r => r.Return).ToList(), cancellationToken) is { } problem)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new BatchImportOutcome(false, [new ImportOutcome { Kind = ImportOutcomeKind.RefusedInvalid, Message = problem }], null, problem);
        }

        var observations = new ObservationWriter(store, connection, transaction);
        var outcomes = new List<ImportOutcome>(returns.Count);
        foreach (var item in returns)
        {
            var outcome = await ImportWithinAsync(
                connection, transaction, observations, item.Return, upload.FileName, item.CanonicalBytes, uploadId, submittedBy, at, false, cancellationToken);
            outcomes.Add(outcome);
            if (outcome.Kind is ImportOutcomeKind.RefusedLocked or ImportOutcomeKind.RefusedInvalid)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new BatchImportOutcome(false, outcomes, null, outcome.Message);
            }
        }

        if (outcomes.Any(o => o.Stored))
        {
            await observations.FlushAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new BatchImportOutcome(true, outcomes, uploadId, null);
        }

        // Every return was already stored as it is: keep nothing new, not even the upload row.
        await transaction.RollbackAsync(cancellationToken);
        return new BatchImportOutcome(true, outcomes, null, null);
    }

    /// <summary>
    /// The file a stored version came from as the person sent it: the upload for a CSV or wide file, or the workbook
    /// itself for a return template (whose version bytes are the upload). Null for an unknown version.
    /// </summary>
    public async Task<StoredUpload?> GetUploadAsync(long returnVersionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var upload = await connection.QuerySingleOrDefaultAsync<UploadRow>(new CommandDefinition(
            store.Sql(SelectUploadForVersion), new { Id = returnVersionId }, cancellationToken: cancellationToken));
        if (upload is not null)
        {
            return new StoredUpload(upload.Id, upload.FileName, upload.Format, upload.Sha256, upload.ByteCount, upload.UploadedBy, upload.UploadedAt, upload.Bytes);
        }

        var version = await connection.QuerySingleOrDefaultAsync<VersionFileRow>(new CommandDefinition(
            store.Sql(SelectVersionFile), new { Id = returnVersionId }, cancellationToken: cancellationToken));
        return version is null
            ? null
            : new StoredUpload(0, version.SourceFileName, "template", version.Sha256, version.FileBytes.LongLength, version.SubmittedBy, version.SubmittedAt, version.FileBytes);
    }

    internal static readonly ProviderSql SelectVersionFile = new(
        "return-versions.select-file-details",
        """
        SELECT source_file_name AS SourceFileName, sha256 AS Sha256, submitted_by AS SubmittedBy, submitted_at AS SubmittedAt, file_bytes AS FileBytes
        FROM return_versions
        WHERE id = @Id;
        """);

    private sealed class UploadRow
    {
        public long Id { get; set; }

        public string FileName { get; set; } = string.Empty;

        public string Format { get; set; } = string.Empty;

        public string Sha256 { get; set; } = string.Empty;

        public long ByteCount { get; set; }

        public string UploadedBy { get; set; } = string.Empty;

        public DateTimeOffset UploadedAt { get; set; }

        public byte[] Bytes { get; set; } = [];
    }

    private sealed class VersionFileRow
    {
        public string SourceFileName { get; set; } = string.Empty;

        public string Sha256 { get; set; } = string.Empty;

        public string SubmittedBy { get; set; } = string.Empty;

        public DateTimeOffset SubmittedAt { get; set; }

        public byte[] FileBytes { get; set; } = [];
    }
}
