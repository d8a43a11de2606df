using Outcomes.Domain.Observations;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Ingestion.History;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;
using Outcomes.Storage.Returns;

namespace Outcomes.Application.Returns;

/// <summary>What a workflow request did: done, or refused with a rule code and the sentence to show.</summary>
/// <param name="MeasuresNeedingCommentary">For an approval refused for want of commentary: the measures concerned.</param>
public sealed record WorkflowResult(bool Done, string Message, string? RuleCode, IReadOnlyList<string> MeasuresNeedingCommentary)
{
    public static WorkflowResult From(TransitionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new(outcome.Done, outcome.Message, outcome.RuleCode, []);
    }

    public static WorkflowResult From(PeriodTransitionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new(outcome.Done, outcome.Message, outcome.RuleCode, []);
    }
}

/// <summary>
/// The outcome of an upload, after it is stored: list returns and their versions, compare versions, approve, lock and
/// reopen (one return or a whole period), and read the audit trail. The rules are <see cref="ReturnWorkflow"/>'s; an
/// approval also re-runs the history checks against the stored latest version and refuses while a warned value has
/// no commentary.
/// </summary>
public sealed class ReturnWorkflowService(OutcomesStore store, TimeProvider? clock = null, HistoryCheckOptions? historyOptions = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private ReturnRepository Returns => new(store);

    public Task<IReadOnlyList<ReturnSummary>> ListAsync(string frameworkCode, Period? period = null, string? orgUnitCode = null, CancellationToken ct = default) =>
        Returns.ListAsync(frameworkCode, period, orgUnitCode, ct);

    public Task<IReadOnlyList<ReturnVersion>> VersionsAsync(string frameworkCode, string orgUnitCode, Period period, CancellationToken ct = default) =>
        Returns.GetVersionsAsync(frameworkCode, orgUnitCode, period, ct);

    /// <summary>Two versions measure by measure (default: the latest against the one before).</summary>
    public Task<VersionComparisonResult> CompareAsync(string frameworkCode, string orgUnitCode, Period period, int? from = null, int? to = null, CancellationToken ct = default) =>
        Returns.CompareVersionsAsync(frameworkCode, orgUnitCode, period, from, to, ct);

    /// <summary>The history warnings on the stored latest version of a return (empty when there is no return).</summary>
    public async Task<IReadOnlyList<HistoryFinding>> HistoryFindingsAsync(string frameworkCode, string orgUnitCode, Period period, CancellationToken ct = default)
    {
        var versions = await Returns.GetVersionsAsync(frameworkCode, orgUnitCode, period, ct);
        if (versions.Count == 0)
        {
            return [];
        }

        var observations = await new ObservationRepository(store).ListForVersionAsync(versions[^1].Id, ct);
        return await FindingsAsync(store, frameworkCode, orgUnitCode, observations, historyOptions, ct);
    }

    /// <summary>Submitted → approved, refused while any history warning on the latest version lacks commentary.</summary>
    public async Task<WorkflowResult> ApproveAsync(string frameworkCode, string orgUnitCode, Period period, string user, WorkflowRole role, string? reason = null, CancellationToken ct = default)
    {
        var label = ReturnWorkflow.Label(orgUnitCode, period);
        if (await Returns.FindAsync(frameworkCode, orgUnitCode, period, ct) is not { } stored)
        {
            return new WorkflowResult(false, $"{label} has not been submitted ({frameworkCode} has no such return)", ReturnWorkflow.Rules.NoReturn, []);
        }

        var decision = ReturnWorkflow.Decide(stored.Status, ReturnAction.Approve, role, reason, label);
        if (!decision.Allowed)
        {
            return new WorkflowResult(false, decision.Refusal!, decision.RuleCode, []);
        }

        var findings = await HistoryFindingsAsync(frameworkCode, orgUnitCode, period, ct);
        var wanting = findings.Where(f => f.NeedsCommentary)
            .GroupBy(f => f.MeasureCode, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Measure: g.Key, Rules: string.Join(" and ", g.Select(f => f.RuleCode == HistoryChecks.OutlierRule ? "outlier" : "jump").Distinct())))
            .ToList();
        if (wanting.Count > 0)
        {
            var list = string.Join(", ", wanting.Select(w => $"{w.Measure} ({w.Rules})"));
            return new WorkflowResult(
                false,
                $"{label} cannot be approved: {list} {(wanting.Count == 1 ? "needs" : "need")} commentary in version {stored.LatestVersion}; submit a new version explaining {(wanting.Count == 1 ? "it" : "them")}",
                ReturnWorkflow.Rules.NeedsCommentary,
                wanting.Select(w => w.Measure).ToList());
        }

        return WorkflowResult.From(await Returns.TransitionAsync(
            frameworkCode, orgUnitCode, period, ReturnAction.Approve, role, user, _clock.GetUtcNow(), reason, stored.LatestVersion, ct));
    }

    public async Task<WorkflowResult> LockAsync(string frameworkCode, string orgUnitCode, Period period, string user, WorkflowRole role, string? reason = null, CancellationToken ct = default) =>
        WorkflowResult.From(await Returns.TransitionAsync(frameworkCode, orgUnitCode, period, ReturnAction.Lock, role, user, _clock.GetUtcNow(), reason, null, ct));

    public async Task<WorkflowResult> ReopenAsync(string frameworkCode, string orgUnitCode, Period period, string user, WorkflowRole role, string? reason, CancellationToken ct = default) =>
        WorkflowResult.From(await Returns.TransitionAsync(frameworkCode, orgUnitCode, period, ReturnAction.Reopen, role, user, _clock.GetUtcNow(), reason, null, ct));

    /// <summary>Locks every approved return of the period, all or nothing (refused while any is not approved).</summary>
    public async Task<WorkflowResult> LockPeriodAsync(string frameworkCode, Period period, string user, WorkflowRole role, string? reason = null, CancellationToken ct = default) =>
        WorkflowResult.From(await Returns.TransitionPeriodAsync(frameworkCode, period, ReturnAction.Lock, role, user, _clock.GetUtcNow(), reason, ct));

    /// <summary>Reopens every locked return of the period (an administrator, with a reason).</summary>
    public async Task<WorkflowResult> ReopenPeriodAsync(string frameworkCode, Period period, string user, WorkflowRole role, string? reason, CancellationToken ct = default) =>
        WorkflowResult.From(await Returns.TransitionPeriodAsync(frameworkCode, period, ReturnAction.Reopen, role, user, _clock.GetUtcNow(), reason, ct));

    /// <summary>The framework's audit trail (submissions, changed values, status changes), oldest first, optionally for one org unit.</summary>
    public Task<IReadOnlyList<AuditEntry>> AuditAsync(string frameworkCode, string? orgUnitCode = null, CancellationToken ct = default) =>
        new AuditRepository(store).ListAsync(null, orgUnitCode is null ? $"{frameworkCode}|" : $"{frameworkCode}|{orgUnitCode}|", ct);

    /// <summary>History findings for observations of one org unit, against the framework's current stored values of earlier periods.</summary>
    internal static async Task<IReadOnlyList<HistoryFinding>> FindingsAsync(
        OutcomesStore store, string frameworkCode, string orgUnitCode, IReadOnlyList<Observation> observations, HistoryCheckOptions? options, CancellationToken ct)
    {
        var units = observations.Select(o => o.OrgUnitCode).Append(orgUnitCode).Distinct(StringComparer.Ordinal).ToList();
        var history = await new ObservationRepository(store).ListCurrentAsync(frameworkCode, units, ct);
        return HistoryChecks.Check(observations, history, options);
    }
}
