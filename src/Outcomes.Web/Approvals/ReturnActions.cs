using Outcomes.Application.Returns;
using Outcomes.Storage.Returns;

namespace Outcomes.Web.Approvals;

/// <summary>
/// Approve, lock or reopen one return for the signed-in user, the same for the pages and the API: the user's roles over
/// the return's unit give the <see cref="WorkflowRole"/> (see <see cref="WorkflowRoles"/>), and
/// <see cref="ReturnWorkflowService"/> applies the rules. A refusal changes nothing and comes back as data.
/// </summary>
public sealed class ReturnActions(ReturnWorkflowService workflow, ILogger<ReturnActions> logger)
{
    /// <summary>The audit log's reason column holds this many characters.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>Rule code of a reason longer than <see cref="MaxReasonLength"/> (checked here, before the workflow).</summary>
    public const string ReasonTooLong = "workflow.reason-too-long";

    public async Task<WorkflowResult> RunAsync(ScopedReturn target, string userName, ReturnAction action, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        var result = await DecideAsync(target, userName, action, reason, ct);
        logger.LogInformation(
            "Return {Framework} {OrgUnit} {Period}: {Action} by {User} {Outcome} {Rule}",
            target.Framework.Code, target.Unit.Code, target.Period.Key, action, userName, result.Done ? "done" : "refused", result.RuleCode);
        return result;
    }

    private async Task<WorkflowResult> DecideAsync(ScopedReturn target, string userName, ReturnAction action, string? reason, CancellationToken ct)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (why is { Length: > MaxReasonLength })
        {
            return new WorkflowResult(false, $"The reason must be {MaxReasonLength} characters or fewer (it has {why.Length}); nothing changed", ReasonTooLong, []);
        }

        if (WorkflowRoles.For(target.Policy, target.Roles, target.Unit.Code) is not { } role)
        {
            return new WorkflowResult(
                false,
                $"{target.Label} cannot be {Past(action)} by a {WorkflowRoles.Words(target.Policy, target.Roles, target.Unit.Code)}; {(action == ReturnAction.Reopen ? "an administrator" : "an approver or administrator")} must {Verb(action)} it",
                ReturnWorkflow.Rules.Role,
                []);
        }

        var (framework, unit, period) = (target.Framework.Code, target.Unit.Code, target.Period);
        return action switch
        {
            ReturnAction.Approve => await workflow.ApproveAsync(framework, unit, period, userName, role, why, ct),
            ReturnAction.Lock => await workflow.LockAsync(framework, unit, period, userName, role, why, ct),
            ReturnAction.Reopen => await workflow.ReopenAsync(framework, unit, period, userName, role, why, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Only approve, lock and reopen are asked of a stored return."),
        };
    }

    /// <summary>The HTTP status of an answer: 200 done; 403 not the caller's to do; 400 a bad reason; 409 the return's state forbids it.</summary>
    public static int HttpStatus(WorkflowResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Done
            ? StatusCodes.Status200OK
            : result.RuleCode switch
            {
                ReturnWorkflow.Rules.Role => StatusCodes.Status403Forbidden,
                ReturnWorkflow.Rules.ReasonRequired or ReasonTooLong => StatusCodes.Status400BadRequest,
                ReturnWorkflow.Rules.NoReturn => StatusCodes.Status404NotFound,
                _ => StatusCodes.Status409Conflict,
            };
    }

    public static bool TryRead(string? text, out ReturnAction action)
    {
        action = default;
        return text?.ToLowerInvariant() switch
        {
            "approve" => Set(ReturnAction.Approve, out action),
            "lock" => Set(ReturnAction.Lock, out action),
            "reopen" => Set(ReturnAction.Reopen, out action),
            _ => false,
        };

        static bool Set(ReturnAction value, out ReturnAction action)
        {
            action = value;
            return true;
        }
    }

    public static string Verb(ReturnAction action) => action.ToString().ToLowerInvariant();

    public static string Past(ReturnAction action) => action switch
    {
        ReturnAction.Approve => "approved",
        ReturnAction.Lock => "locked",
        ReturnAction.Reopen => "reopened",
        _ => "submitted",
    };
}
