using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outcomes.Web.Accounts;
using Outcomes.Web.Approvals;

namespace Outcomes.Web.Pages.Audit;

/// <summary>The audit log of the org units in the user's scopes, newest first, filtered by framework, unit and dates (GET).</summary>
public sealed class IndexModel(AuditTrail trail) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Framework { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public AuditList List { get; private set; } = null!;

    public int PageNumber { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        List = await trail.ListAsync(SignedInUser.Roles(HttpContext), new AuditFilters(Framework, Unit, From, To), ct);
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, List.PageCount) : 1;
        if (List.Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>A post naming no action of this page (its forms always name one).</summary>
    public IActionResult OnPost() => NotFound();

    public FilterProblem? ProblemWith(string field) => List.Problems.FirstOrDefault(p => p.Field == field);

    public string Link(int page) =>
        "/audit" + QueryString.Create(new Dictionary<string, string?>
        {
            ["framework"] = Framework, ["unit"] = Unit, ["from"] = From, ["to"] = To,
            ["page"] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
        }.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)));
}
