using Dapper;

namespace Outcomes.Storage.Repositories;

/// <summary>
/// A framework waiting to be scored again, as stored: the latest request's time and who made it, how many requests it
/// holds (<see cref="Revision"/>), the claim of the run scoring it now, and the failures so far.
/// </summary>
public sealed record RescoringRequest(
    string FrameworkCode, DateTimeOffset RequestedAt, string RequestedBy, long Revision, DateTimeOffset? StartedAt,
    int Attempts, DateTimeOffset? RetryAfter, string? LastError);

/// <summary>
/// The re-scoring queue (table scoring_requests, migration 0017), shared by every server over the store and the CLI.
/// Recording upserts one row a framework, so imports before a run coalesce; claiming marks the oldest unclaimed row
/// (or one whose claim is older than the lease) in the statement that reads it; completing deletes the row only if no
/// request arrived since the claim, otherwise it releases the claim so the framework is scored again.
/// </summary>
public sealed class ScoringRequestRepository(OutcomesStore store)
{
    private const string Columns =
        "framework_code AS FrameworkCode, requested_at AS RequestedAt, requested_by AS RequestedBy, revision AS Revision, "
        + "started_at AS StartedAt, attempts AS Attempts, retry_after AS RetryAfter, last_error AS LastError";

    // A new request clears the back-off of a failing framework (something changed: try again now) but leaves a
    // running claim alone: that run will not delete the row, since revision moved. requested_at only moves forward,
    // so a server whose clock is behind cannot make the request look older.
    // SQL Server: UPDLOCK + SERIALIZABLE holds the key (or the gap where it would go), so two records cannot both insert.
    internal static readonly ProviderSql Record = new(
        "scoring-requests.record",
        """
        INSERT INTO scoring_requests (framework_code, requested_at, requested_by, revision, attempts)
        VALUES (@FrameworkCode, @RequestedAt, @RequestedBy, 1, 0)
        ON CONFLICT (framework_code) DO UPDATE SET
            requested_at = CASE WHEN excluded.requested_at > scoring_requests.requested_at THEN excluded.requested_at ELSE scoring_requests.requested_at END,
            requested_by = excluded.requested_by, revision = scoring_requests.revision + 1,
            attempts = 0, retry_after = NULL, last_error = NULL;
        """,
        """
        UPDATE scoring_requests WITH (UPDLOCK, SERIALIZABLE)
        SET requested_at = CASE WHEN @RequestedAt > requested_at THEN @RequestedAt ELSE requested_at END,
            requested_by = @RequestedBy, revision = revision + 1, attempts = 0, retry_after = NULL, last_error = NULL
        WHERE framework_code = @FrameworkCode;
        IF @@ROWCOUNT = 0
            INSERT INTO scoring_requests (framework_code, requested_at, requested_by, revision, attempts)
            VALUES (@FrameworkCode, @RequestedAt, @RequestedBy, 1, 0);
        """);

    // The oldest request that nobody holds (or whose holder's lease ran out) and is not waiting out a back-off.
    // SQLite: one statement, under the database's write lock. SQL Server: READPAST skips a row another server is
    // claiming this instant, UPDLOCK stops two servers taking the same one.
    internal static readonly ProviderSql Claim = new(
        "scoring-requests.claim",
        $"""
        UPDATE scoring_requests SET started_at = @Now
        WHERE framework_code = (
            SELECT framework_code FROM scoring_requests
            WHERE (started_at IS NULL OR started_at <= @LeaseBefore) AND (retry_after IS NULL OR retry_after <= @Now)
            ORDER BY requested_at, framework_code
            LIMIT 1)
        RETURNING {Columns};
        """,
        """
        WITH next AS (
            SELECT TOP (1) framework_code, requested_at, requested_by, revision, started_at, attempts, retry_after, last_error
            FROM scoring_requests WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE (started_at IS NULL OR started_at <= @LeaseBefore) AND (retry_after IS NULL OR retry_after <= @Now)
            ORDER BY requested_at, framework_code)
        UPDATE next SET started_at = @Now
        OUTPUT inserted.framework_code AS FrameworkCode, inserted.requested_at AS RequestedAt, inserted.requested_by AS RequestedBy,
            inserted.revision AS Revision, inserted.started_at AS StartedAt, inserted.attempts AS Attempts,
            inserted.retry_after AS RetryAfter, inserted.last_error AS LastError;
        """);

    internal static readonly ProviderSql DeleteUnchanged = new(
        "scoring-requests.delete-unchanged",
        "DELETE FROM scoring_requests WHERE framework_code = @FrameworkCode AND revision = @Revision AND requested_at = @RequestedAt;");

    internal static readonly ProviderSql Release = new(
        "scoring-requests.release",
        "UPDATE scoring_requests SET started_at = NULL WHERE framework_code = @FrameworkCode AND started_at = @StartedAt;");

    internal static readonly ProviderSql Fail = new(
        "scoring-requests.fail",
        """
        UPDATE scoring_requests SET started_at = NULL, attempts = attempts + 1, retry_after = @RetryAfter, last_error = @LastError
        WHERE framework_code = @FrameworkCode AND started_at = @StartedAt;
        """);

    internal static readonly ProviderSql SelectOne = new(
        "scoring-requests.get",
        $"SELECT {Columns} FROM scoring_requests WHERE framework_code = @FrameworkCode;");

    internal static readonly ProviderSql SelectCodes = new(
        "scoring-requests.codes",
        "SELECT framework_code FROM scoring_requests ORDER BY framework_code;");

    /// <summary>Records that <paramref name="frameworkCode"/> needs scoring again (one row a framework; a later request updates it).</summary>
    public async Task RecordAsync(string frameworkCode, string requestedBy, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(frameworkCode);
        await using var connection = await store.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            store.Sql(Record),
            new { FrameworkCode = frameworkCode, RequestedAt = at.ToUniversalTime(), RequestedBy = requestedBy },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Takes the oldest request free to run at <paramref name="now"/>, marking it started; a request started before
    /// <paramref name="now"/> minus <paramref name="lease"/> counts as abandoned (its server stopped). Null when none is free.
    /// </summary>
    public async Task<RescoringRequest?> ClaimAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        now = now.ToUniversalTime();
        await using var connection = await store.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            store.Sql(Claim), new { Now = now, LeaseBefore = now - lease }, cancellationToken: cancellationToken));
        return row?.ToRequest();
    }

    /// <summary>
    /// After a successful run of the claimed <paramref name="request"/>: deletes it if no request arrived since, and
    /// answers true; otherwise releases the claim (the framework is to be scored again) and answers false.
    /// </summary>
    public async Task<bool> CompleteAsync(RescoringRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await store.OpenAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            store.Sql(DeleteUnchanged), new { request.FrameworkCode, request.Revision, request.RequestedAt }, cancellationToken: cancellationToken));
        if (deleted == 1)
        {
            return true;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            store.Sql(Release), new { request.FrameworkCode, request.StartedAt }, cancellationToken: cancellationToken));
        return false;
    }

    /// <summary>After a failed run: releases the claim, counts the attempt and keeps the request until <paramref name="retryAfter"/>.</summary>
    public async Task FailAsync(RescoringRequest request, DateTimeOffset retryAfter, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var message = error.Length > 2000 ? error[..2000] : error;
        await using var connection = await store.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            store.Sql(Fail),
            new { request.FrameworkCode, request.StartedAt, RetryAfter = retryAfter.ToUniversalTime(), LastError = message },
            cancellationToken: cancellationToken));
    }

    public async Task<RescoringRequest?> GetAsync(string frameworkCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            store.Sql(SelectOne), new { FrameworkCode = frameworkCode }, cancellationToken: cancellationToken));
        return row?.ToRequest();
    }

    /// <summary>The frameworks with a request waiting or running (one cheap query, for the pages' notice).</summary>
    public async Task<IReadOnlyList<string>> ListPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(store.Sql(SelectCodes), cancellationToken: cancellationToken))).ToList();
    }

    private sealed class Row
    {
        public string FrameworkCode { get; set; } = string.Empty;

        public DateTimeOffset RequestedAt { get; set; }

        public string RequestedBy { get; set; } = string.Empty;

        public long Revision { get; set; }

        public DateTimeOffset? StartedAt { get; set; }

        public long Attempts { get; set; }

        public DateTimeOffset? RetryAfter { get; set; }

        public string? LastError { get; set; }

        public RescoringRequest ToRequest() => new(FrameworkCode, RequestedAt, RequestedBy, Revision, StartedAt, (int)Attempts, RetryAfter, LastError);
    }
}
