using System.Data.Common;
using Dapper;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Storage.Returns;

namespace Outcomes.Storage.Repositories;

/// <summary>What a status change did: done (from → to) or refused with a rule code and a sentence.</summary>
public sealed record TransitionOutcome(bool Done, string Message, string? RuleCode, long ReturnId, ReturnStatus? From, ReturnStatus? To)
{
    public static TransitionOutcome Refused(string ruleCode, string message, long returnId = 0, ReturnStatus? from = null) =>
        new(false, message, ruleCode, returnId, from, from);
}

/// <summary>What locking or reopening a whole period did. Refused means nothing changed for any return.</summary>
public sealed record PeriodTransitionOutcome(bool Done, string Message, string? RuleCode, IReadOnlyList<string> Changed, IReadOnlyList<string> Skipped);

/// <summary>A return in a list: its status and its latest version, who submitted it and when.</summary>
public sealed record ReturnSummary(
    long Id, string FrameworkCode, string OrgUnitCode, Period Period, ReturnStatus Status, int Versions, string SubmittedBy, DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt);

/// <summary>Two versions compared, or why they cannot be.</summary>
public sealed record VersionComparisonResult(VersionComparison? Comparison, string? Refusal);

public sealed partial class ReturnRepository
{
    /// <summary>table_name of audit rows for status changes; row_key is <see cref="ReturnKey"/>.</summary>
    public const string StatusAuditTable = "returns";

    /// <summary>table_name of audit rows for stored versions (submissions); row_key is <see cref="ReturnKey"/>.</summary>
    public const string VersionAuditTable = "return_versions";

    internal static readonly ProviderSql SetStatusFrom = new(
        "returns.set-status-from",
        "UPDATE returns SET status = @To, updated_at = @At WHERE id = @Id AND status = @From;");

    internal static readonly ProviderSql SelectList = new(
        "returns.list",
        """
        SELECT r.id AS Id, r.framework_code AS FrameworkCode, r.org_unit_code AS OrgUnitCode,
               r.period_type AS PeriodType, r.period_start AS PeriodStart, r.period_end AS PeriodEnd, r.status AS Status,
               lv.version_number AS Versions, lv.submitted_by AS SubmittedBy, lv.submitted_at AS SubmittedAt, r.updated_at AS UpdatedAt
        FROM returns r
        JOIN return_versions lv ON lv.return_id = r.id
         AND lv.version_number = (SELECT MAX(v.version_number) FROM return_versions v WHERE v.return_id = r.id)
        WHERE r.framework_code = @FrameworkCode
          AND (@PeriodType IS NULL OR (r.period_type = @PeriodType AND r.period_start = @PeriodStart AND r.period_end = @PeriodEnd))
          AND (@OrgUnitCode IS NULL OR r.org_unit_code = @OrgUnitCode)
        ORDER BY r.period_start, r.period_end, r.org_unit_code;
        """);

    // The period's returns, locked against concurrent imports and status changes until the batch commits.
    internal static readonly ProviderSql SelectPeriodForUpdate = new(
        "returns.select-period-for-update",
        $"""
        SELECT {ReturnColumns}
        FROM returns r
        WHERE r.framework_code = @FrameworkCode
          AND r.period_type = @PeriodType AND r.period_start = @PeriodStart AND r.period_end = @PeriodEnd
        ORDER BY r.org_unit_code;
        """,
        $"""
        SELECT {ReturnColumns}
        FROM returns r WITH (UPDLOCK, HOLDLOCK)
        WHERE r.framework_code = @FrameworkCode
          AND r.period_type = @PeriodType AND r.period_start = @PeriodStart AND r.period_end = @PeriodEnd
        ORDER BY r.org_unit_code;
        """);

    /// <summary>The audit row key of a return: framework|org unit|period key (observation keys extend it with |measure).</summary>
    public static string ReturnKey(string frameworkCode, string orgUnitCode, Period period) => $"{frameworkCode}|{orgUnitCode}|{period.Key}";

    /// <summary>The framework's returns with their latest version, optionally for one period and/or org unit.</summary>
    public async Task<IReadOnlyList<ReturnSummary>> ListAsync(string frameworkCode, Period? period = null, string? orgUnitCode = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(
            store.Sql(SelectList),
            new
            {
                FrameworkCode = frameworkCode,
                PeriodType = period?.Type.ToString(),
                PeriodStart = period?.Start,
                PeriodEnd = period?.End,
                OrgUnitCode = orgUnitCode,
            },
            cancellationToken: cancellationToken));
        return rows.Select(r => new ReturnSummary(
            r.Id, r.FrameworkCode, r.OrgUnitCode, r.ToPeriod(), Enum.Parse<ReturnStatus>(r.Status), r.Versions, r.SubmittedBy, r.SubmittedAt, r.UpdatedAt)).ToList();
    }

    /// <summary>
    /// Asks <see cref="ReturnWorkflow"/> whether the action is allowed on the return's stored status and, if so, changes
    /// the status with an audit row (who, when, old, new, reason) in one transaction. With
    /// <paramref name="expectedLatestVersion"/> it also refuses if a newer version arrived since the caller looked
    /// (an approval judged version 3 must not approve version 4).
    /// </summary>
    public async Task<TransitionOutcome> TransitionAsync(
        string frameworkCode,
        string orgUnitCode,
        Period period,
        ReturnAction action,
        WorkflowRole role,
        string changedBy,
        DateTimeOffset at,
        string? reason,
        int? expectedLatestVersion = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        if (action == ReturnAction.Submit)
        {
            throw new ArgumentException("A submission is a new version: use ImportAsync.", nameof(action));
        }

        var label = ReturnWorkflow.Label(orgUnitCode, period);
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ReturnRow>(new CommandDefinition(
            store.Sql(FindForImport), PeriodArgs(frameworkCode, orgUnitCode, period), transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return TransitionOutcome.Refused(ReturnWorkflow.Rules.NoReturn, $"{label} has not been submitted ({frameworkCode} has no such return)");
        }

        var from = Enum.Parse<ReturnStatus>(row.Status);
        var decision = ReturnWorkflow.Decide(from, action, role, reason, label);
        if (!decision.Allowed)
        {
            return TransitionOutcome.Refused(decision.RuleCode!, decision.Refusal!, row.Id, from);
        }

        if (expectedLatestVersion is { } expected && row.LatestVersion != expected)
        {
            return TransitionOutcome.Refused(
                ReturnWorkflow.Rules.Changed, $"{label} has a new version {row.LatestVersion} since version {expected} was checked; look again", row.Id, from);
        }

        if (!await ChangeStatusAsync(connection, transaction, row, decision, role, changedBy, at, reason, cancellationToken))
        {
            return TransitionOutcome.Refused(ReturnWorkflow.Rules.Changed, $"{label} changed status meanwhile; look again", row.Id, from);
        }

        await transaction.CommitAsync(cancellationToken);
        return new TransitionOutcome(true, $"{label}: {Lower(from)} → {Lower(decision.To)}", null, row.Id, from, decision.To);
    }

    /// <summary>
    /// Locks (approved → locked) or reopens (locked → submitted) every return of a framework for a period, all or
    /// nothing. Locking skips returns already locked and refuses, naming them, if any other is not approved;
    /// reopening skips returns that are not locked. Each change writes its own audit row.
    /// </summary>
    public async Task<PeriodTransitionOutcome> TransitionPeriodAsync(
        string frameworkCode, Period period, ReturnAction action, WorkflowRole role, string changedBy, DateTimeOffset at, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        if (action is not (ReturnAction.Lock or ReturnAction.Reopen))
        {
            throw new ArgumentException("Only Lock and Reopen apply to a whole period.", nameof(action));
        }

        var periodLabel = $"{period.Key} for {frameworkCode}";
        var permitted = ReturnWorkflow.Decide(action == ReturnAction.Lock ? ReturnStatus.Approved : ReturnStatus.Locked, action, role, reason, periodLabel);
        if (!permitted.Allowed)
        {
            return new PeriodTransitionOutcome(false, permitted.Refusal!, permitted.RuleCode, [], []);
        }

        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<ReturnRow>(new CommandDefinition(
            store.Sql(SelectPeriodForUpdate),
            new { FrameworkCode = frameworkCode, PeriodType = period.Type.ToString(), PeriodStart = period.Start, PeriodEnd = period.End },
            transaction,
            cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return new PeriodTransitionOutcome(false, $"{periodLabel} has no returns", ReturnWorkflow.Rules.NoReturn, [], []);
        }

        var skipped = new List<string>();
        var todo = new List<(ReturnRow Row, WorkflowDecision Decision)>();
        var refusals = new List<WorkflowDecision>();
        foreach (var row in rows)
        {
            var from = Enum.Parse<ReturnStatus>(row.Status);
            if (action == ReturnAction.Lock ? from == ReturnStatus.Locked : from != ReturnStatus.Locked)
            {
                skipped.Add(row.OrgUnitCode);
                continue;
            }

            var decision = ReturnWorkflow.Decide(from, action, role, reason, ReturnWorkflow.Label(row.OrgUnitCode, period));
            if (decision.Allowed)
            {
                todo.Add((row, decision));
            }
            else
            {
                refusals.Add(decision);
            }
        }

        if (refusals.Count > 0)
        {
            return new PeriodTransitionOutcome(
                false,
                $"{periodLabel} cannot be {(action == ReturnAction.Lock ? "locked" : "reopened")}: {string.Join("; ", refusals.Select(r => r.Refusal))}",
                refusals[0].RuleCode,
                [],
                skipped);
        }

        foreach (var (row, decision) in todo)
        {
            if (!await ChangeStatusAsync(connection, transaction, row, decision, role, changedBy, at, reason, cancellationToken))
            {
                return new PeriodTransitionOutcome(false, $"{ReturnWorkflow.Label(row.OrgUnitCode, period)} changed status meanwhile; nothing changed", ReturnWorkflow.Rules.Changed, [], skipped);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        var verb = action == ReturnAction.Lock ? "locked" : "reopened";
        var already = action == ReturnAction.Lock ? "already locked" : "not locked";
        var message = $"{periodLabel}: {todo.Count} returns {verb}" + (skipped.Count > 0 ? $", {skipped.Count} {already}" : string.Empty);
        return new PeriodTransitionOutcome(true, message, null, todo.Select(t => t.Row.OrgUnitCode).ToList(), skipped);
    }

    /// <summary>Compares two versions of a return (default: the latest with the one before it).</summary>
    public async Task<VersionComparisonResult> CompareVersionsAsync(
        string frameworkCode, string orgUnitCode, Period period, int? fromVersion = null, int? toVersion = null, CancellationToken cancellationToken = default)
    {
        var label = ReturnWorkflow.Label(orgUnitCode, period);
        var versions = await GetVersionsAsync(frameworkCode, orgUnitCode, period, cancellationToken);
        if (versions.Count == 0)
        {
            return new VersionComparisonResult(null, $"{label} has no stored versions in {frameworkCode}");
        }

        var to = toVersion is { } t ? versions.FirstOrDefault(v => v.VersionNumber == t) : versions[^1];
        if (to is null)
        {
            return new VersionComparisonResult(null, $"{label} has no version {toVersion} (versions 1 to {versions[^1].VersionNumber})");
        }

        var fromNumber = fromVersion ?? to.VersionNumber - 1;
        var from = versions.FirstOrDefault(v => v.VersionNumber == fromNumber);
        if (from is null && fromVersion is not null)
        {
            return new VersionComparisonResult(null, $"{label} has no version {fromVersion} (versions 1 to {versions[^1].VersionNumber})");
        }

        await using var connection = await store.OpenAsync(cancellationToken);
        var older = from is null ? [] : await ObservationRepository.ListForVersionAsync(store, connection, null, from.Id, cancellationToken);
        var newer = await ObservationRepository.ListForVersionAsync(store, connection, null, to.Id, cancellationToken);
        return new VersionComparisonResult(
            new VersionComparison(frameworkCode, orgUnitCode, period, from, to, ReturnVersionComparer.Compare(older, newer)), null);
    }

    private async Task<bool> ChangeStatusAsync(
        DbConnection connection, DbTransaction transaction, ReturnRow row, WorkflowDecision decision, WorkflowRole role, string changedBy, DateTimeOffset at, string? reason, CancellationToken cancellationToken)
    {
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            store.Sql(SetStatusFrom),
            new { row.Id, From = decision.From.ToString(), To = decision.To.ToString(), At = at },
            transaction,
            cancellationToken: cancellationToken));
        if (changed == 0)
        {
            return false;
        }

        await AuditRepository.WriteAsync(
            store,
            connection,
            transaction,
            [StatusAudit(row.FrameworkCode, row.OrgUnitCode, row.ToPeriod(), decision.From, decision.To, decision.Action, role, row.LatestVersion, changedBy, at, reason)],
            cancellationToken);
        return true;
    }

    private static AuditEntry StatusAudit(
        string frameworkCode, string orgUnitCode, Period period, ReturnStatus from, ReturnStatus to, ReturnAction action, WorkflowRole? role, int? version, string changedBy, DateTimeOffset at, string? reason) =>
        new(
            0,
            changedBy,
            at,
            StatusAuditTable,
            ReturnKey(frameworkCode, orgUnitCode, period),
            Json.Write(new { Status = from.ToString() }),
            Json.Write(new { Status = to.ToString(), Action = action.ToString(), Role = role?.ToString(), Version = version }),
            string.IsNullOrWhiteSpace(reason) ? $"{action} ({Lower(from)} → {Lower(to)})" : reason.Trim());

    private static string Lower(ReturnStatus status) => status.ToString().ToLowerInvariant();

    private sealed class SummaryRow : PeriodRow
    {
        public long Id { get; set; }

        public string FrameworkCode { get; set; } = string.Empty;

        public string OrgUnitCode { get; set; } = string.Empty;

        public string Status { get; set; } = string.Empty;

        public int Versions { get; set; }

        public string SubmittedBy { get; set; } = string.Empty;

        public DateTimeOffset SubmittedAt { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }
    }
}
