using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outcomes.Application.Returns;
using Outcomes.Storage.Returns;
using Outcomes.Web.Accounts;
using Outcomes.Web.Approvals;

namespace Outcomes.Web.Pages.Returns;

/// <summary>
/// One return: its status and deadline, its versions, what changed between two of them measure by measure, the history
/// warnings on the latest, and the approve / lock / reopen forms the user's roles allow. A refused action re-renders
/// with an error summary naming the field and the rule, and nothing changes; a done one redirects back with a banner.
/// Anything outside the user's scopes, or of another authority, is a 404.
/// </summary>
public sealed class DetailModel(ReturnScope scope, ReturnDetail detail, ReturnActions actions) : PageModel
{
    public ReturnDetailView View { get; private set; } = null!;

    public List<FilterProblem> Problems { get; } = [];

    /// <summary>The action refused (when its form is on the page), so that form shows the reason typed and the error beside the field.</summary>
    public ReturnAction? Refused { get; private set; }

    public string? ReasonTyped { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string framework, string unit, string period, string? from, string? to, CancellationToken ct)
    {
        if (await scope.FindAsync(SignedInUser.Roles(HttpContext), framework, unit, period, ct) is not { } target)
        {
            return NotFound();
        }

        View = await detail.BuildAsync(target, from, to, ct);
        if (View.ComparisonProblem is { } problem)
        {
            Problems.Add(problem);
        }

        return Page();
    }

    /// <summary>A post naming no action of this page (its forms always name one).</summary>
    public IActionResult OnPost() => NotFound();

    public Task<IActionResult> OnPostApproveAsync(string framework, string unit, string period, string? reason, CancellationToken ct) =>
        ActAsync(ReturnAction.Approve, framework, unit, period, reason, ct);

    public Task<IActionResult> OnPostLockAsync(string framework, string unit, string period, string? reason, CancellationToken ct) =>
        ActAsync(ReturnAction.Lock, framework, unit, period, reason, ct);

    public Task<IActionResult> OnPostReopenAsync(string framework, string unit, string period, string? reason, CancellationToken ct) =>
        ActAsync(ReturnAction.Reopen, framework, unit, period, reason, ct);

    /// <summary>Whether the page shows the form of an action: the user's roles allow it and the return's status is the one it starts from.</summary>
    public bool Shows(ReturnAction action) => action switch
    {
        ReturnAction.Approve => View.MayApprove,
        ReturnAction.Lock => View.MayLock,
        ReturnAction.Reopen => View.MayReopen,
        _ => false,
    };

    public FilterProblem? ProblemWith(string field) => Problems.FirstOrDefault(p => p.Field == field);

    private async Task<IActionResult> ActAsync(ReturnAction action, string framework, string unit, string period, string? reason, CancellationToken ct)
    {
        if (await scope.FindAsync(SignedInUser.Roles(HttpContext), framework, unit, period, ct) is not { } target)
        {
            return NotFound();
        }

        var result = await actions.RunAsync(target, SignedInUser.Get(HttpContext)!.UserName, action, reason, ct);
        if (result.Done)
        {
            Done = $"Return {ReturnActions.Past(action)}: {result.Message}";
            return Redirect(target.Url);
        }

        View = await detail.BuildAsync(target, null, null, ct);
        var verb = ReturnActions.Verb(action);
        var shown = action switch
        {
            ReturnAction.Approve => View.MayApprove,
            ReturnAction.Lock => View.MayLock,
            _ => View.MayReopen,
        };
        var field = result.RuleCode switch
        {
            ReturnWorkflow.Rules.ReasonRequired or ReturnActions.ReasonTooLong when shown => $"{verb}-reason",
            ReturnWorkflow.Rules.NeedsCommentary => "findings",
            _ when shown => verb,
            _ => "actions",
        };
        Refused = shown ? action : null;
        ReasonTyped = reason;
        Problems.Add(new FilterProblem(field, $"{result.Message} (rule {result.RuleCode})"));
        Response.StatusCode = ReturnActions.HttpStatus(result);
        return Page();
    }
}
