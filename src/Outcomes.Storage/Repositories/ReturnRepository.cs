using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using Outcomes.Domain.Observations;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Storage.Returns;

namespace Outcomes.Storage.Repositories;

public enum ImportOutcomeKind
{
    /// <summary>A new version was stored (version 1 creates the return).</summary>
    Imported,

    /// <summary>The same file (by SHA-256) is already a version of this return; nothing changed.</summary>
    Duplicate,

    /// <summary>The return is locked; nothing changed.</summary>
    RefusedLocked,

    /// <summary>The return cannot be stored as given (unknown framework version or org unit, repeated observations); nothing changed.</summary>
    RefusedInvalid,
}

/// <summary>
/// What an import did. Counts compare the new version's observations with the previous version's:
/// inserted (new key), updated (same key, different value, numerator, denominator, suppression, commentary or flag),
/// unchanged, and removed (in the previous version, absent now). For version 1 everything is inserted.
/// </summary>
public sealed record ImportOutcome
{
    public required ImportOutcomeKind Kind { get; init; }

    public required string Message { get; init; }

    /// <summary>The return's id; 0 when the import was refused before the return was found or created.</summary>
    public long ReturnId { get; init; }

    /// <summary>The version stored now, or for a duplicate the version that already holds these bytes.</summary>
    public long? ReturnVersionId { get; init; }

    public int VersionNumber { get; init; }

    public string Sha256 { get; init; } = string.Empty;

    public int Inserted { get; init; }

    public int Updated { get; init; }

    public int Unchanged { get; init; }

    public int Removed { get; init; }

    public bool Stored => Kind == ImportOutcomeKind.Imported;
}

/// <summary>A stored return: framework × org unit × period, its status and its latest version number.</summary>
public sealed record StoredReturn(long Id, string FrameworkCode, string OrgUnitCode, Period Period, ReturnStatus Status, int LatestVersion)
{
    /// <summary>The framework version the return is recorded against.</summary>
    public int FrameworkVersion { get; init; }
}

/// <summary>Returns and their versions. <see cref="ImportAsync"/> is the only writer of observations.</summary>
public sealed partial class ReturnRepository(OutcomesStore store)
{
    internal const string AuditTable = "observations";

    private const string ReturnColumns = """
        r.id AS Id, r.framework_code AS FrameworkCode, r.org_unit_code AS OrgUnitCode,
        r.period_type AS PeriodType, r.period_start AS PeriodStart, r.period_end AS PeriodEnd, r.status AS Status,
        (SELECT MAX(v.version_number) FROM return_versions v WHERE v.return_id = r.id) AS LatestVersion,
        r.framework_version AS FrameworkVersion
        """;

    internal static readonly ProviderSql CheckReferences = new(
        "returns.check-references",
        """
        SELECT (SELECT COUNT(*) FROM framework_versions WHERE framework_code = @FrameworkCode AND version = @FrameworkVersion) AS FrameworkVersions,
               (SELECT COUNT(*) FROM json_each(@OrgUnitCodes) j WHERE NOT EXISTS (SELECT 1 FROM org_units u WHERE u.code = j.value)) AS UnknownUnits;
        """,
        """
        SELECT (SELECT COUNT(*) FROM framework_versions WHERE framework_code = @FrameworkCode AND version = @FrameworkVersion) AS FrameworkVersions,
               (SELECT COUNT(*) FROM OPENJSON(@OrgUnitCodes) j WHERE NOT EXISTS (SELECT 1 FROM org_units u WHERE u.code = j.[value])) AS UnknownUnits;
        """);

    // SQL Server: UPDLOCK + HOLDLOCK keeps two imports of the same return from both creating it or both taking version N+1.
    // SQLite: the import's transaction is BEGIN IMMEDIATE, which already serialises writers.
    internal static readonly ProviderSql FindForImport = new(
        "returns.find-for-import",
        $"""
        SELECT {ReturnColumns}
        FROM returns r
        WHERE r.framework_code = @FrameworkCode AND r.org_unit_code = @OrgUnitCode
          AND r.period_type = @PeriodType AND r.period_start = @PeriodStart AND r.period_end = @PeriodEnd;
        """,
        $"""
        SELECT {ReturnColumns}
        FROM returns r WITH (UPDLOCK, HOLDLOCK)
        WHERE r.framework_code = @FrameworkCode AND r.org_unit_code = @OrgUnitCode
          AND r.period_type = @PeriodType AND r.period_start = @PeriodStart AND r.period_end = @PeriodEnd;
        """);

    internal static readonly ProviderSql Find = new(
        "returns.find",
        $"""
        SELECT {ReturnColumns}
        FROM returns r
        WHERE r.framework_code = @FrameworkCode AND r.org_unit_code = @OrgUnitCode
          AND r.period_type = @PeriodType AND r.period_start = @PeriodStart AND r.period_end = @PeriodEnd;
        """);

    internal static readonly ProviderSql InsertReturn = new(
        "returns.insert",
        """
        INSERT INTO returns (framework_code, org_unit_code, period_key, period_type, period_start, period_end, status, framework_version, created_at, updated_at)
        VALUES (@FrameworkCode, @OrgUnitCode, @PeriodKey, @PeriodType, @PeriodStart, @PeriodEnd, @Status, @FrameworkVersion, @At, @At)
        RETURNING id;
        """,
        """
        INSERT INTO returns (framework_code, org_unit_code, period_key, period_type, period_start, period_end, status, framework_version, created_at, updated_at)
        OUTPUT INSERTED.id
        VALUES (@FrameworkCode, @OrgUnitCode, @PeriodKey, @PeriodType, @PeriodStart, @PeriodEnd, @Status, @FrameworkVersion, @At, @At);
        """);

    internal static readonly ProviderSql FindVersionBySha = new(
        "return-versions.find-by-sha256",
        """
        SELECT rv.id AS Id, rv.version_number AS VersionNumber,
               (SELECT COUNT(*) FROM observations o WHERE o.return_version_id = rv.id) AS Observations
        FROM return_versions rv
        WHERE rv.return_id = @ReturnId AND rv.sha256 = @Sha256;
        """);

    internal static readonly ProviderSql LatestVersion = new(
        "return-versions.latest",
        """
        SELECT rv.id AS Id, rv.version_number AS VersionNumber, 0 AS Observations
        FROM return_versions rv
        WHERE rv.return_id = @ReturnId
          AND rv.version_number = (SELECT MAX(v.version_number) FROM return_versions v WHERE v.return_id = @ReturnId);
        """);

    internal static readonly ProviderSql InsertVersion = new(
        "return-versions.insert",
        """
        INSERT INTO return_versions
            (return_id, version_number, framework_version, source_file_name, sha256, submitted_by, submitted_at, status, file_bytes, upload_id)
        VALUES
            (@ReturnId, @VersionNumber, @FrameworkVersion, @SourceFileName, @Sha256, @SubmittedBy, @SubmittedAt, @Status, @FileBytes, @UploadId)
        RETURNING id;
        """,
        """
        INSERT INTO return_versions
            (return_id, version_number, framework_version, source_file_name, sha256, submitted_by, submitted_at, status, file_bytes, upload_id)
        OUTPUT INSERTED.id
        VALUES
            (@ReturnId, @VersionNumber, @FrameworkVersion, @SourceFileName, @Sha256, @SubmittedBy, @SubmittedAt, @Status, @FileBytes, @UploadId);
        """);

    internal static readonly ProviderSql InsertObservation = new(
        "observations.insert",
        """
        INSERT INTO observations
            (return_version_id, org_unit_code, period_key, period_type, period_start, period_end, measure_code,
             value, numerator, denominator, suppression_reason, commentary, dq_flag)
        VALUES
            (@ReturnVersionId, @OrgUnitCode, @PeriodKey, @PeriodType, @PeriodStart, @PeriodEnd, @MeasureCode,
             @Value, @Numerator, @Denominator, @SuppressionReason, @Commentary, @DataQualityFlag);
        """);

    internal static readonly ProviderSql SetStatus = new(
        "returns.set-status",
        "UPDATE returns SET status = @Status, updated_at = @At WHERE id = @Id;");

    /// <summary>A new version is submitted, and the return is recorded against the framework version its file was made under.</summary>
    internal static readonly ProviderSql SetSubmitted = new(
        "returns.set-submitted",
        "UPDATE returns SET status = @Status, framework_version = @FrameworkVersion, updated_at = @At WHERE id = @Id;");

    internal static readonly ProviderSql SelectVersions = new(
        "return-versions.select",
        """
        SELECT rv.id AS Id, rv.return_id AS ReturnId, rv.version_number AS VersionNumber, rv.source_file_name AS SourceFileName,
               rv.sha256 AS Sha256, rv.submitted_by AS SubmittedBy, rv.submitted_at AS SubmittedAt, rv.status AS Status
        FROM return_versions rv
        JOIN returns r ON r.id = rv.return_id
        WHERE r.framework_code = @FrameworkCode AND r.org_unit_code = @OrgUnitCode
          AND r.period_type = @PeriodType AND r.period_start = @PeriodStart AND r.period_end = @PeriodEnd
        ORDER BY rv.version_number;
        """);

    internal static readonly ProviderSql SelectFile = new(
        "return-versions.select-file",
        "SELECT file_bytes FROM return_versions WHERE id = @Id;");

    /// <summary>
    /// Stores a submission in one transaction: finds or creates the return; if these bytes (by SHA-256) are already a
    /// version of it, changes nothing and says so; otherwise stores version max+1 with the file and its observations,
    /// counts them against the previous version and audits every observation that changed. A locked return refuses,
    /// unless these bytes are its latest version (sending a locked return again unchanged changes nothing).
    /// </summary>
    public async Task<ImportOutcome> ImportAsync(
        QuarterlyReturn ret, string sourceFileName, byte[] fileBytes, string submittedBy, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ret);
        ArgumentNullException.ThrowIfNull(fileBytes);
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var observations = new ObservationWriter(store, connection, transaction);
        var outcome = await ImportWithinAsync(connection, transaction, observations, ret, sourceFileName, fileBytes, null, submittedBy, at, true, cancellationToken);
        if (outcome.Stored)
        {
            await observations.FlushAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// One return's import inside the caller's transaction; its observations go to <paramref name="observations"/>,
    /// which the caller flushes before committing. <paramref name="checkReferences"/> false: the caller has already
    /// checked the framework version and org units of every return it will pass (a batch checks them once).
    /// </summary>
    private async Task<ImportOutcome> ImportWithinAsync(
        DbConnection connection, DbTransaction transaction, ObservationWriter observations, QuarterlyReturn ret, string sourceFileName, byte[] fileBytes,
        long? uploadId, string submittedBy, DateTimeOffset at, bool checkReferences, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(fileBytes));
        var label = $"{ret.FrameworkCode} return for {ret.OrgUnitCode}, {ret.Period.Key}";

        var repeated = ret.Observations.GroupBy(KeyOf, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            return Refused(ImportOutcomeKind.RefusedInvalid, $"The {label} holds more than one observation for: {string.Join(", ", repeated)}.");
        }

        var periodArgs = new
        {
            ret.FrameworkCode,
            ret.OrgUnitCode,
            PeriodKey = ret.Period.Key,
            PeriodType = ret.Period.Type.ToString(),
            PeriodStart = ret.Period.Start,
            PeriodEnd = ret.Period.End,
        };

        if (checkReferences && await CheckReferencesAsync(connection, transaction, [ret], cancellationToken) is { } problem)
        {
            return Refused(ImportOutcomeKind.RefusedInvalid, problem);
        }

        var existing = await connection.QuerySingleOrDefaultAsync<ReturnRow>(new CommandDefinition(store.Sql(FindForImport), periodArgs, transaction, cancellationToken: cancellationToken));
        long returnId;
        if (existing is null)
        {
            returnId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                store.Sql(InsertReturn),
                new { periodArgs.FrameworkCode, periodArgs.OrgUnitCode, periodArgs.PeriodKey, periodArgs.PeriodType, periodArgs.PeriodStart, periodArgs.PeriodEnd, Status = ReturnStatus.Submitted.ToString(), ret.FrameworkVersion, At = at },
                transaction,
                cancellationToken: cancellationToken));
        }
        else
        {
            returnId = existing.Id;
        }

        var same = existing is null ? null : await connection.QuerySingleOrDefaultAsync<VersionRef>(new CommandDefinition(
            store.Sql(FindVersionBySha), new { ReturnId = returnId, Sha256 = sha }, transaction, cancellationToken: cancellationToken));
        if (existing is not null)
        {
            var submit = ReturnWorkflow.Decide(
                Enum.Parse<ReturnStatus>(existing.Status), ReturnAction.Submit, WorkflowRole.PerformanceOfficer, null, ReturnWorkflow.Label(ret.OrgUnitCode, ret.Period));
            if (!submit.Allowed && same?.VersionNumber != existing.LatestVersion)
            {
                return Refused(ImportOutcomeKind.RefusedLocked, $"{submit.Refusal}; nothing was stored.") with { ReturnId = returnId, VersionNumber = existing.LatestVersion ?? 0 };
            }
        }

        if (same is not null)
        {
            return new ImportOutcome
            {
                Kind = ImportOutcomeKind.Duplicate,
                Message = existing?.Status == nameof(ReturnStatus.Locked)
                    ? $"The {label} is locked and these figures are its version {same.VersionNumber}; nothing changed."
                    : $"This file is already version {same.VersionNumber} of the {label}; nothing changed.",
                ReturnId = returnId,
                ReturnVersionId = same.Id,
                VersionNumber = same.VersionNumber,
                Sha256 = sha,
                Unchanged = same.Observations,
            };
        }

        var previous = existing is null ? null : await connection.QuerySingleOrDefaultAsync<VersionRef>(new CommandDefinition(
            store.Sql(LatestVersion), new { ReturnId = returnId }, transaction, cancellationToken: cancellationToken));
        var previousObservations = previous is null
            ? []
            : await ObservationRepository.ListForVersionAsync(store, connection, transaction, previous.Id, cancellationToken);
        var versionNumber = (previous?.VersionNumber ?? 0) + 1;

        var versionId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            store.Sql(InsertVersion),
            new
            {
                ReturnId = returnId,
                VersionNumber = versionNumber,
                ret.FrameworkVersion,
                SourceFileName = sourceFileName,
                Sha256 = sha,
                SubmittedBy = submittedBy,
                SubmittedAt = at,
                Status = ReturnStatus.Submitted.ToString(),
                FileBytes = fileBytes,
                UploadId = uploadId,
            },
            transaction,
            cancellationToken: cancellationToken));

        observations.Add(versionId, ret.Observations);

        var diff = Compare(ret, previousObservations, versionNumber, sourceFileName, submittedBy, at, previous is not null);
        var returnKey = ReturnKey(ret.FrameworkCode, ret.OrgUnitCode, ret.Period);
        diff.Audit.Add(new AuditEntry(
            0,
            submittedBy,
            at,
            VersionAuditTable,
            returnKey,
            previous is null ? null : Json.Write(new { Version = previous.VersionNumber }),
            Json.Write(new { Version = versionNumber, File = sourceFileName, Sha256 = sha }),
            $"Return version {versionNumber} from {sourceFileName}"));

        // A new version of a draft or approved return makes it submitted again (ReturnWorkflow's Submit).
        if (existing is not null && Enum.Parse<ReturnStatus>(existing.Status) is var was && was != ReturnStatus.Submitted)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                store.Sql(SetStatusFrom),
                new { Id = returnId, From = was.ToString(), To = ReturnStatus.Submitted.ToString(), At = at },
                transaction,
                cancellationToken: cancellationToken));
            diff.Audit.Add(StatusAudit(
                ret.FrameworkCode, ret.OrgUnitCode, ret.Period, was, ReturnStatus.Submitted, ReturnAction.Submit, null, versionNumber, submittedBy, at,
                $"Return version {versionNumber} from {sourceFileName} replaces the {(was == ReturnStatus.NeedsResubmission ? "version that needed resubmitting" : $"{was.ToString().ToLowerInvariant()} version")}"));
        }

        await AuditRepository.WriteAsync(store, connection, transaction, diff.Audit, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            store.Sql(SetSubmitted),
            new { Id = returnId, Status = ReturnStatus.Submitted.ToString(), ret.FrameworkVersion, At = at },
            transaction,
            cancellationToken: cancellationToken));

        return new ImportOutcome
        {
            Kind = ImportOutcomeKind.Imported,
            Message = versionNumber == 1
                ? $"Stored the {label} as version 1 with {diff.Inserted} observations."
                : $"Stored version {versionNumber} of the {label}: {diff.Inserted} new, {diff.Updated} changed, {diff.Unchanged} unchanged, {diff.Removed} no longer reported.",
            ReturnId = returnId,
            ReturnVersionId = versionId,
            VersionNumber = versionNumber,
            Sha256 = sha,
            Inserted = diff.Inserted,
            Updated = diff.Updated,
            Unchanged = diff.Unchanged,
            Removed = diff.Removed,
        };

        ImportOutcome Refused(ImportOutcomeKind kind, string message) => new() { Kind = kind, Message = message, Sha256 = sha };
    }

    /// <summary>
    /// Whether every framework version and org unit the returns name is stored: null when so, otherwise the refusal.
    /// One query per framework version, however many returns.
    /// </summary>
    private async Task<string?> CheckReferencesAsync(DbConnection connection, DbTransaction transaction, List<QuarterlyReturn> returns, CancellationToken cancellationToken)
    {
        foreach (var byVersion in returns.GroupBy(r => (r.FrameworkCode, r.FrameworkVersion)))
        {
            var unitCodes = byVersion.SelectMany(r => r.Observations.Select(o => o.OrgUnitCode).Append(r.OrgUnitCode)).Distinct(StringComparer.Ordinal).ToList();
            var references = await connection.QuerySingleAsync<ReferenceCheck>(new CommandDefinition(
                store.Sql(CheckReferences),
                new { byVersion.Key.FrameworkCode, byVersion.Key.FrameworkVersion, OrgUnitCodes = Json.Write(unitCodes) },
                transaction,
                cancellationToken: cancellationToken));
            var label = returns.Count == 1
                ? $"{returns[0].FrameworkCode} return for {returns[0].OrgUnitCode}, {returns[0].Period.Key}"
                : $"file's {byVersion.Key.FrameworkCode} returns";
            if (references.FrameworkVersions == 0)
            {
                return $"The {label} names framework {byVersion.Key.FrameworkCode} version {byVersion.Key.FrameworkVersion}, which is not stored.";
            }

            if (references.UnknownUnits > 0)
            {
                return $"The {label} names org units that are not stored ({references.UnknownUnits} of {string.Join(", ", unitCodes)}).";
            }
        }

        return null;
    }

    /// <summary>The return for framework × org unit × period, or null when none has been imported.</summary>
    public async Task<StoredReturn?> FindAsync(string frameworkCode, string orgUnitCode, Period period, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ReturnRow>(new CommandDefinition(
            store.Sql(Find), PeriodArgs(frameworkCode, orgUnitCode, period), cancellationToken: cancellationToken));
        return row is null ? null : new StoredReturn(row.Id, row.FrameworkCode, row.OrgUnitCode, row.ToPeriod(), Enum.Parse<ReturnStatus>(row.Status), row.LatestVersion ?? 0)
        {
            FrameworkVersion = row.FrameworkVersion ?? 0,
        };
    }

    /// <summary>The stored versions of a return, oldest first (empty when there is no such return).</summary>
    public async Task<IReadOnlyList<ReturnVersion>> GetVersionsAsync(string frameworkCode, string orgUnitCode, Period period, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<VersionRow>(new CommandDefinition(
            store.Sql(SelectVersions), PeriodArgs(frameworkCode, orgUnitCode, period), cancellationToken: cancellationToken));
        return rows.Select(r => new ReturnVersion
        {
            Id = r.Id,
            ReturnId = r.ReturnId,
            VersionNumber = r.VersionNumber,
            SourceFileName = r.SourceFileName,
            Sha256 = r.Sha256,
            SubmittedBy = r.SubmittedBy,
            SubmittedAt = r.SubmittedAt,
            Status = Enum.Parse<ReturnStatus>(r.Status),
        }).ToList();
    }

    internal static readonly ProviderSql SelectSubmissionTimes = new(
        "return-versions.select-submission-times",
        """
        SELECT rv.submitted_at
        FROM return_versions rv
        JOIN returns r ON r.id = rv.return_id
        WHERE r.framework_code = @FrameworkCode AND r.period_end <= @PeriodEnd;
        """);

    /// <summary>
    /// When the latest version of any return for the framework up to a period's end was submitted: the "generated
    /// from data up to" date a pack prints, so the same inputs give the same pack. Null when nothing was submitted.
    /// </summary>
    public async Task<DateTimeOffset?> LatestSubmissionAsync(string frameworkCode, Period upTo, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var times = await connection.QueryAsync<DateTimeOffset>(new CommandDefinition(
            store.Sql(SelectSubmissionTimes), new { FrameworkCode = frameworkCode, PeriodEnd = upTo.End }, cancellationToken: cancellationToken));
        return times.Select(t => (DateTimeOffset?)t).Max();
    }

    /// <summary>The uploaded bytes of a stored version, or null for an unknown id.</summary>
    public async Task<byte[]?> GetFileAsync(long returnVersionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(store.Sql(SelectFile), new { Id = returnVersionId }, cancellationToken: cancellationToken));
    }

    internal static readonly ProviderSql FindById = new(
        "returns.find-by-id",
        $"""
        SELECT {ReturnColumns}
        FROM returns r
        WHERE r.id = @Id;
        """,
        $"""
        SELECT {ReturnColumns}
        FROM returns r WITH (UPDLOCK, HOLDLOCK)
        WHERE r.id = @Id;
        """);

    /// <summary>
    /// Sets a return's status without asking <see cref="ReturnWorkflow"/> (data repair and tests), with an audit row
    /// holding the old and new status. People's approvals, locks and reopenings go through <see cref="TransitionAsync"/>.
    /// False for an unknown id.
    /// </summary>
    public async Task<bool> SetStatusAsync(long returnId, ReturnStatus status, string changedBy, DateTimeOffset at, string reason, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ReturnRow>(new CommandDefinition(
            store.Sql(FindById), new { Id = returnId }, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            store.Sql(SetStatus), new { Id = returnId, Status = status.ToString(), At = at }, transaction, cancellationToken: cancellationToken));
        await AuditRepository.WriteAsync(
            store,
            connection,
            transaction,
            [new AuditEntry(
                0,
                changedBy,
                at,
                StatusAuditTable,
                ReturnKey(row.FrameworkCode, row.OrgUnitCode, row.ToPeriod()),
                Json.Write(new { row.Status }),
                Json.Write(new { Status = status.ToString() }),
                reason)],
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The audit row key of an observation: framework|org unit|period key|measure.</summary>
    public static string AuditKey(string frameworkCode, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return $"{frameworkCode}|{observation.OrgUnitCode}|{observation.Period.Key}|{observation.MeasureCode}";
    }

    private static object PeriodArgs(string frameworkCode, string orgUnitCode, Period period) => new
    {
        FrameworkCode = frameworkCode,
        OrgUnitCode = orgUnitCode,
        PeriodType = period.Type.ToString(),
        PeriodStart = period.Start,
        PeriodEnd = period.End,
    };

    private static string KeyOf(Observation o) =>
        $"{o.OrgUnitCode} {o.Period.Type} {o.Period.Start:yyyy-MM-dd}..{o.Period.End:yyyy-MM-dd} {o.MeasureCode}";

    private static bool SameContent(Observation a, Observation b) =>
        a.Value == b.Value && a.Numerator == b.Numerator && a.Denominator == b.Denominator
        && string.Equals(a.SuppressionReason, b.SuppressionReason, StringComparison.Ordinal)
        && string.Equals(a.Commentary, b.Commentary, StringComparison.Ordinal)
        && string.Equals(a.DataQualityFlag, b.DataQualityFlag, StringComparison.Ordinal);

    private static object Snapshot(Observation o) =>
        new { o.Value, o.Numerator, o.Denominator, o.SuppressionReason, o.Commentary, o.DataQualityFlag };

    private static Diff Compare(
        QuarterlyReturn ret, IReadOnlyList<Observation> previous, int versionNumber, string sourceFileName, string who, DateTimeOffset at, bool audit)
    {
        var before = previous.ToDictionary(KeyOf, StringComparer.OrdinalIgnoreCase);
        var reason = $"Return version {versionNumber} from {sourceFileName}";
        var diff = new Diff();
        foreach (var now in ret.Observations)
        {
            if (!before.Remove(KeyOf(now), out var was))
            {
                diff.Inserted++;
                if (audit)
                {
                    diff.Audit.Add(new AuditEntry(0, who, at, AuditTable, AuditKey(ret.FrameworkCode, now), null, Json.Write(Snapshot(now)), reason));
                }
            }
            else if (SameContent(was, now))
            {
                diff.Unchanged++;
            }
            else
            {
                diff.Updated++;
                diff.Audit.Add(new AuditEntry(0, who, at, AuditTable, AuditKey(ret.FrameworkCode, now), Json.Write(Snapshot(was)), Json.Write(Snapshot(now)), reason));
            }
        }

        foreach (var gone in before.Values)
        {
            diff.Removed++;
            diff.Audit.Add(new AuditEntry(0, who, at, AuditTable, AuditKey(ret.FrameworkCode, gone), Json.Write(Snapshot(gone)), null, reason));
        }

        return diff;
    }

    private sealed class Diff
    {
        public int Inserted { get; set; }

        public int Updated { get; set; }

        public int Unchanged { get; set; }

        public int Removed { get; set; }

        public List<AuditEntry> Audit { get; } = [];
    }

    private sealed class ReferenceCheck
    {
        public int FrameworkVersions { get; set; }

        public int UnknownUnits { get; set; }
    }

    private sealed class ReturnRow : PeriodRow
    {
        public long Id { get; set; }

        public string FrameworkCode { get; set; } = string.Empty;

        public string OrgUnitCode { get; set; } = string.Empty;

        public string Status { get; set; } = string.Empty;

        public int? LatestVersion { get; set; }

        public int? FrameworkVersion { get; set; }
    }

    private sealed class VersionRef
    {
        public long Id { get; set; }

        public int VersionNumber { get; set; }

        public int Observations { get; set; }
    }

    private sealed class VersionRow
    {
        public long Id { get; set; }

        public long ReturnId { get; set; }

        public int VersionNumber { get; set; }

        public string SourceFileName { get; set; } = string.Empty;

        public string Sha256 { get; set; } = string.Empty;

        public string SubmittedBy { get; set; } = string.Empty;

        public DateTimeOffset SubmittedAt { get; set; }

        public string Status { get; set; } = string.Empty;
    }
}
