using Dapper;

namespace Outcomes.Storage.Repositories;

/// <summary>What a pack job is making: the advisory-board pack of one unit, or the authority-wide scrutiny pack.</summary>
public enum PackKind
{
    Board,
    Scrutiny,
}

/// <summary>Where a pack job is: waiting for a free slot, being made, made, or given up with a reason.</summary>
public enum PackJobStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>A pack asked for through the web, as stored: the request, its progress and, once made, its files.</summary>
public sealed record PackJob(
    long Id, PackKind Kind, string FrameworkCode, string OrgUnitCode, string AuthorityCode, string PeriodKey,
    string RequestedBy, DateTimeOffset RequestedAt, PackJobStatus Status, string Stage, int Percent,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? ErrorMessage,
    string? PdfPath, long? PdfBytes, string? XlsxPath, long? XlsxBytes, int? PageCount, DateTimeOffset? ExpiredAt = null)
{
    public bool IsFinished => Status is PackJobStatus.Done or PackJobStatus.Failed;

    /// <summary>Made, then its files removed by the clean-up after Outcomes:Packs:KeepDays (migration 0015).</summary>
    public bool IsExpired => ExpiredAt is not null;
}

/// <summary>A new pack job's request.</summary>
public sealed record PackJobRequest(PackKind Kind, string FrameworkCode, string OrgUnitCode, string AuthorityCode, string PeriodKey, string RequestedBy, DateTimeOffset RequestedAt);

/// <summary>The files a finished pack job wrote (paths relative to the packs folder).</summary>
public sealed record PackJobFiles(string PdfPath, long PdfBytes, string XlsxPath, long XlsxBytes, int PageCount);

/// <summary>Pack jobs (table pack_jobs): queued by the web, moved along by the background queue.</summary>
public sealed partial class PackJobRepository(OutcomesStore store)
{
    private const string Columns =
        "id AS Id, kind AS Kind, framework_code AS FrameworkCode, org_unit_code AS OrgUnitCode, authority_code AS AuthorityCode, "
        + "period_key AS PeriodKey, requested_by AS RequestedBy, requested_at AS RequestedAt, status AS Status, progress_stage AS Stage, "
        + "progress_percent AS [Percent], started_at AS StartedAt, finished_at AS FinishedAt, error_message AS ErrorMessage, "
        + "pdf_path AS PdfPath, pdf_bytes AS PdfBytes, xlsx_path AS XlsxPath, xlsx_bytes AS XlsxBytes, page_count AS PageCount, "
        + "expired_at AS ExpiredAt";

    internal static readonly ProviderSql Insert = new(
        "pack-jobs.insert",
        """
        INSERT INTO pack_jobs (kind, framework_code, org_unit_code, authority_code, period_key, requested_by, requested_at, status, progress_stage, progress_percent)
        VALUES (@Kind, @FrameworkCode, @OrgUnitCode, @AuthorityCode, @PeriodKey, @RequestedBy, @RequestedAt, 'queued', 'waiting to start', 0)
        RETURNING id;
        """,
        """
        INSERT INTO pack_jobs (kind, framework_code, org_unit_code, authority_code, period_key, requested_by, requested_at, status, progress_stage, progress_percent)
        OUTPUT INSERTED.id
        VALUES (@Kind, @FrameworkCode, @OrgUnitCode, @AuthorityCode, @PeriodKey, @RequestedBy, @RequestedAt, N'queued', N'waiting to start', 0);
        """);

    internal static readonly ProviderSql SelectOne = new("pack-jobs.get", $"SELECT {Columns} FROM pack_jobs WHERE id = @Id;");

    // The authorities travel as one JSON array, as in ObservationRepository (plain T-SQL, unlike Dapper's IN @list).
    internal static readonly ProviderSql SelectForAuthorities = new(
        "pack-jobs.list-for-authorities",
        $"SELECT {Columns} FROM pack_jobs WHERE authority_code IN (SELECT value FROM json_each(@Authorities)) ORDER BY id DESC LIMIT @Limit;",
        $"SELECT TOP (@Limit) {Columns} FROM pack_jobs WHERE authority_code IN (SELECT j.[value] FROM OPENJSON(@Authorities) j) ORDER BY id DESC;");

    internal static readonly ProviderSql SelectWithStatus = new(
        "pack-jobs.list-with-status",
        $"SELECT {Columns} FROM pack_jobs WHERE status = @Status ORDER BY id;");

    internal static readonly ProviderSql Start = new(
        "pack-jobs.start",
        "UPDATE pack_jobs SET status = 'running', started_at = @At, progress_stage = 'starting', progress_percent = 0 WHERE id = @Id AND status = 'queued';");

    internal static readonly ProviderSql Progress = new(
        "pack-jobs.progress",
        "UPDATE pack_jobs SET progress_stage = @Stage, progress_percent = @Percent WHERE id = @Id AND status = 'running';");

    internal static readonly ProviderSql Finish = new(
        "pack-jobs.finish",
        """
        UPDATE pack_jobs SET status = 'done', finished_at = @At, progress_stage = 'done', progress_percent = 100,
            pdf_path = @PdfPath, pdf_bytes = @PdfBytes, xlsx_path = @XlsxPath, xlsx_bytes = @XlsxBytes, page_count = @PageCount
        WHERE id = @Id AND status = 'running';
        """);

    internal static readonly ProviderSql Fail = new(
        "pack-jobs.fail",
        "UPDATE pack_jobs SET status = 'failed', finished_at = @At, error_message = @Message WHERE id = @Id AND status IN ('queued', 'running');");

    /// <summary>Stores a queued job; returns its id.</summary>
    public async Task<long> CreateAsync(PackJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await store.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            store.Sql(Insert),
            new
            {
                Kind = KindText(request.Kind), request.FrameworkCode, request.OrgUnitCode, request.AuthorityCode, request.PeriodKey,
                request.RequestedBy, request.RequestedAt,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<PackJob?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(store.Sql(SelectOne), new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToJob();
    }

    /// <summary>The newest jobs of these authorities first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<PackJob>> ListAsync(IEnumerable<string> authorityCodes, int limit, CancellationToken cancellationToken = default)
    {
        var authorities = authorityCodes.ToList();
        if (authorities.Count == 0)
        {
            return [];
        }

        await using var connection = await store.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<JobRow>(new CommandDefinition(
                store.Sql(SelectForAuthorities), new { Authorities = System.Text.Json.JsonSerializer.Serialize(authorities), Limit = limit }, cancellationToken: cancellationToken)))
            .Select(r => r.ToJob()).ToList();
    }

    /// <summary>Every job with this status, oldest first (for the queue at start-up).</summary>
    public async Task<IReadOnlyList<PackJob>> ListAsync(PackJobStatus status, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<JobRow>(new CommandDefinition(
                store.Sql(SelectWithStatus), new { Status = StatusText(status) }, cancellationToken: cancellationToken)))
            .Select(r => r.ToJob()).ToList();
    }

    /// <summary>Queued → running; false when the job was not queued (already taken, or failed meanwhile).</summary>
    public Task<bool> StartAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ExecuteAsync(Start, new { Id = id, At = at }, cancellationToken);

    public Task<bool> ReportAsync(long id, string stage, int percent, CancellationToken cancellationToken = default) =>
        ExecuteAsync(Progress, new { Id = id, Stage = stage, Percent = Math.Clamp(percent, 0, 100) }, cancellationToken);

    public Task<bool> FinishAsync(long id, DateTimeOffset at, PackJobFiles files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        return ExecuteAsync(Finish, new { Id = id, At = at, files.PdfPath, files.PdfBytes, files.XlsxPath, files.XlsxBytes, files.PageCount }, cancellationToken);
    }

    /// <summary>Queued or running → failed, with a message for the person who asked.</summary>
    public Task<bool> FailAsync(long id, DateTimeOffset at, string message, CancellationToken cancellationToken = default) =>
        ExecuteAsync(Fail, new { Id = id, At = at, Message = message }, cancellationToken);

    public static string KindText(PackKind kind) => kind == PackKind.Board ? "board" : "scrutiny";

    public static string StatusText(PackJobStatus status) => status.ToString().ToLowerInvariant();

    private async Task<bool> ExecuteAsync(ProviderSql sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(store.Sql(sql), parameters, cancellationToken: cancellationToken)) == 1;
    }

    private sealed class JobRow
    {
        public long Id { get; set; }

        public string Kind { get; set; } = string.Empty;

        public string FrameworkCode { get; set; } = string.Empty;

        public string OrgUnitCode { get; set; } = string.Empty;

        public string AuthorityCode { get; set; } = string.Empty;

        public string PeriodKey { get; set; } = string.Empty;

        public string RequestedBy { get; set; } = string.Empty;

        public DateTimeOffset RequestedAt { get; set; }

        public string Status { get; set; } = string.Empty;

        public string Stage { get; set; } = string.Empty;

        public long Percent { get; set; }

        public DateTimeOffset? StartedAt { get; set; }

        public DateTimeOffset? FinishedAt { get; set; }

        public string? ErrorMessage { get; set; }

        public string? PdfPath { get; set; }

        public long? PdfBytes { get; set; }

        public string? XlsxPath { get; set; }

        public long? XlsxBytes { get; set; }

        public long? PageCount { get; set; }

        public DateTimeOffset? ExpiredAt { get; set; }

        public PackJob ToJob() => new(
            Id, Kind == "scrutiny" ? PackKind.Scrutiny : PackKind.Board, FrameworkCode, OrgUnitCode, AuthorityCode, PeriodKey, RequestedBy, RequestedAt,
            Enum.Parse<PackJobStatus>(Status, ignoreCase: true), Stage, (int)Percent, StartedAt, FinishedAt, ErrorMessage,
            PdfPath, PdfBytes, XlsxPath, XlsxBytes, (int?)PageCount, ExpiredAt);
    }
}
