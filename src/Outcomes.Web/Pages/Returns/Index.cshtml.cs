using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outcomes.Application.Returns;
using Outcomes.Domain.Access;
using Outcomes.Domain.Periods;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Accounts;
using Outcomes.Web.Approvals;

namespace Outcomes.Web.Pages.Returns;

/// <summary>
/// The returns the user may see, filtered by framework, quarter, org unit and status (GET, so a filtered list can be
/// bookmarked), 50 a page. With a framework and a quarter chosen, an approver or administrator over the whole authority
/// may lock every approved return of that quarter at once, and an administrator reopen them.
/// </summary>
public sealed class IndexModel(ReturnsList returns, ReturnWorkflowService workflow, FrameworkRepository frameworks, AccessPolicies policies) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Framework { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Quarter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public ReturnList List { get; private set; } = null!;

    public int PageNumber { get; private set; } = 1;

    public List<FilterProblem> Problems { get; } = [];

    public bool MayLockQuarter { get; private set; }

    public bool MayReopenQuarter { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>A post naming no action of this page (its forms always name one).</summary>
    public IActionResult OnPost() => NotFound();

    public Task<IActionResult> OnPostLockQuarterAsync(string? reason, CancellationToken ct) => QuarterAsync(Storage.Returns.ReturnAction.Lock, reason, ct);

    public Task<IActionResult> OnPostReopenQuarterAsync(string? reason, CancellationToken ct) => QuarterAsync(Storage.Returns.ReturnAction.Reopen, reason, ct);

    /// <summary>The list's address with the same filters (and another page).</summary>
    public string Link(int page) =>
        "/returns" + QueryString.Create(new Dictionary<string, string?>
        {
            ["framework"] = Framework, ["quarter"] = Quarter, ["unit"] = Unit, ["status"] = Status,
            ["page"] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
        }.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)));

    private async Task<IActionResult> QuarterAsync(Storage.Returns.ReturnAction action, string? reason, CancellationToken ct)
    {
        await LoadAsync(ct);
        var policy = await policies.CurrentAsync(ct);
        var framework = string.IsNullOrWhiteSpace(Framework) ? null : await frameworks.GetAsync(Framework, ct);
        var roles = SignedInUser.Roles(HttpContext);
        if (framework is null || !policy.Authorities(roles).Contains(framework.AuthorityCode) || !PeriodParser.TryParse(Quarter, out var period, out _))
        {
            return NotFound();
        }

        var may = action == Storage.Returns.ReturnAction.Lock ? MayLockQuarter : MayReopenQuarter;
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        WorkflowResult result;
        if (!may || WorkflowRoles.For(policy, roles, framework.AuthorityCode) is not { } role)
        {
            result = new WorkflowResult(
                false,
                $"{period.Key} for {framework.Code} can only be {ReturnActions.Past(action)} as a whole by {(action == Storage.Returns.ReturnAction.Lock ? "an approver or administrator" : "an administrator")} over the whole authority",
                Storage.Returns.ReturnWorkflow.Rules.Role,
                []);
        }
        else if (why is { Length: > ReturnActions.MaxReasonLength })
        {
            result = new WorkflowResult(false, $"The reason must be {ReturnActions.MaxReasonLength} characters or fewer", ReturnActions.ReasonTooLong, []);
        }
        else
        {
            var user = SignedInUser.Get(HttpContext)!.UserName;
            result = action == Storage.Returns.ReturnAction.Lock
                ? await workflow.LockPeriodAsync(framework.Code, period, user, role, why, ct)
                : await workflow.ReopenPeriodAsync(framework.Code, period, user, role, why, ct);
        }

        if (result.Done)
        {
            Done = result.Message;
            return Redirect(Link(1));
        }

        var button = action == Storage.Returns.ReturnAction.Lock ? "lock-quarter" : "reopen-quarter";
        var field = result.RuleCode switch
        {
            Storage.Returns.ReturnWorkflow.Rules.ReasonRequired or ReturnActions.ReasonTooLong when may => button + "-reason",
            Storage.Returns.ReturnWorkflow.Rules.Role => "framework",
            _ => button,
        };
        Problems.Add(new FilterProblem(field, $"{result.Message} (rule {result.RuleCode})"));
        Response.StatusCode = ReturnActions.HttpStatus(result);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var roles = SignedInUser.Roles(HttpContext);
        List = await returns.ListAsync(roles, new ReturnFilters(Framework, Quarter, Unit, Status), ct);
        Problems.AddRange(List.Problems);
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, List.PageCount) : 1;
        if (!string.IsNullOrWhiteSpace(Framework) && !string.IsNullOrWhiteSpace(Quarter) && List.Problems.Count == 0 && !List.OutOfScope
            && await frameworks.GetAsync(Framework, ct) is { } framework)
        {
            var policy = await policies.CurrentAsync(ct);
            MayLockQuarter = policy.May(roles, Permission.LockReturn, framework.AuthorityCode);
            MayReopenQuarter = policy.May(roles, Permission.ReopenReturn, framework.AuthorityCode);
        }
    }
}
