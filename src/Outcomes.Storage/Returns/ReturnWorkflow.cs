using Outcomes.Domain.Returns;

namespace Outcomes.Storage.Returns;

/// <summary>Who is acting. A plain parameter until the web host signs people in.</summary>
public enum WorkflowRole
{
    PerformanceOfficer,
    Approver,
    Administrator,
}

/// <summary>What someone asks of a return.</summary>
public enum ReturnAction
{
    /// <summary>Store a new version (an upload). Anyone may submit.</summary>
    Submit,

    /// <summary>Submitted → approved (an approver or administrator; history warnings must carry commentary).</summary>
    Approve,

    /// <summary>Approved → locked (an approver or administrator).</summary>
    Lock,

    /// <summary>Locked → submitted (an administrator, with a reason).</summary>
    Reopen,
}

/// <summary>
/// The answer of <see cref="ReturnWorkflow.Decide"/>: allowed with the status it leads to, or refused with a stable
/// rule code and a sentence a person can act on.
/// </summary>
public sealed record WorkflowDecision(ReturnAction Action, ReturnStatus From, ReturnStatus To, string? RuleCode, string? Refusal)
{
    public bool Allowed => Refusal is null;

    public static WorkflowDecision Allow(ReturnAction action, ReturnStatus from, ReturnStatus to) => new(action, from, to, null, null);

    public static WorkflowDecision Refuse(ReturnAction action, ReturnStatus from, string ruleCode, string sentence) => new(action, from, from, ruleCode, sentence);
}

/// <summary>
/// The return workflow draft → submitted → approved → locked as a pure table. A new version of a draft, submitted,
/// approved or needs-resubmission return makes it submitted again; a locked return refuses new versions and every change except an
/// administrator's reopening with a reason. Refusals are data, never exceptions.
/// </summary>
public static class ReturnWorkflow
{
    /// <summary>Rule codes of refusals.</summary>
    public static class Rules
    {
        public const string Locked = "workflow.locked";
        public const string NotSubmitted = "workflow.not-submitted";
        public const string AlreadyApproved = "workflow.already-approved";
        public const string NotApproved = "workflow.not-approved";
        public const string NotLocked = "workflow.not-locked";
        public const string Role = "workflow.role";
        public const string ReasonRequired = "workflow.reason-required";
        public const string NeedsCommentary = "workflow.needs-commentary";
        public const string NoReturn = "workflow.no-return";
        public const string Changed = "workflow.changed-meanwhile";
        public const string NeedsResubmission = "workflow.needs-resubmission";
    }

    /// <param name="from">The return's stored status.</param>
    /// <param name="action">What is asked.</param>
    /// <param name="role">The role of whoever asks.</param>
    /// <param name="reason">Why; required (non-blank) to reopen.</param>
    /// <param name="label">How people name the return: "2018-19 Q2 for BRD-CL1".</param>
    public static WorkflowDecision Decide(ReturnStatus from, ReturnAction action, WorkflowRole role, string? reason, string label)
    {
        var locked = $"{label} is locked; an administrator must reopen it with a reason";
        return action switch
        {
            ReturnAction.Submit => from == ReturnStatus.Locked
                ? WorkflowDecision.Refuse(action, from, Rules.Locked, locked)
                : WorkflowDecision.Allow(action, from, ReturnStatus.Submitted),

            ReturnAction.Approve when role == WorkflowRole.PerformanceOfficer =>
                WorkflowDecision.Refuse(action, from, Rules.Role, $"{label} cannot be approved by a performance officer; an approver or administrator must approve it"),
            ReturnAction.Approve => from switch
            {
                ReturnStatus.Submitted => WorkflowDecision.Allow(action, from, ReturnStatus.Approved),
                ReturnStatus.Draft => WorkflowDecision.Refuse(action, from, Rules.NotSubmitted, $"{label} is a draft; only a submitted return can be approved"),
                ReturnStatus.NeedsResubmission => WorkflowDecision.Refuse(action, from, Rules.NeedsResubmission,
                    $"{label} needs resubmitting on the current framework version's template (its history says which measures); only a submitted return can be approved"),
                ReturnStatus.Approved => WorkflowDecision.Refuse(action, from, Rules.AlreadyApproved, $"{label} is already approved"),
                _ => WorkflowDecision.Refuse(action, from, Rules.Locked, locked),
            },

            ReturnAction.Lock when role == WorkflowRole.PerformanceOfficer =>
                WorkflowDecision.Refuse(action, from, Rules.Role, $"{label} cannot be locked by a performance officer; an approver or administrator must lock it"),
            ReturnAction.Lock => from switch
            {
                ReturnStatus.Approved => WorkflowDecision.Allow(action, from, ReturnStatus.Locked),
                ReturnStatus.Locked => WorkflowDecision.Refuse(action, from, Rules.Locked, $"{label} is already locked"),
                _ => WorkflowDecision.Refuse(action, from, Rules.NotApproved, $"{label} is {Describe(from)}; only an approved return can be locked"),
            },

            ReturnAction.Reopen when role != WorkflowRole.Administrator =>
                WorkflowDecision.Refuse(action, from, Rules.Role, $"{label} can only be reopened by an administrator"),
            ReturnAction.Reopen when string.IsNullOrWhiteSpace(reason) =>
                WorkflowDecision.Refuse(action, from, Rules.ReasonRequired, $"{label} can only be reopened with a reason"),
            ReturnAction.Reopen => from == ReturnStatus.Locked
                ? WorkflowDecision.Allow(action, from, ReturnStatus.Submitted)
                : WorkflowDecision.Refuse(action, from, Rules.NotLocked, $"{label} is {Describe(from)}, not locked; only a locked return is reopened"),

            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown workflow action."),
        };
    }

    /// <summary>"2018-19 Q2 for BRD-CL1".</summary>
    public static string Label(string orgUnitCode, Domain.Periods.Period period) => $"{period.Key} for {orgUnitCode}";

    /// <summary>"a draft", "submitted", "waiting to be resubmitted": the status in a sentence.</summary>
    public static string Describe(ReturnStatus status) => status switch
    {
        ReturnStatus.Draft => "a draft",
        ReturnStatus.NeedsResubmission => "waiting to be resubmitted",
        _ => status.ToString().ToLowerInvariant(),
    };
}
