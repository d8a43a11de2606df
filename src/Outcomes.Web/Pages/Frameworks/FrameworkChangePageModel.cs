using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Outcomes.Web.Accounts;
using Outcomes.Web.Configuration;
using Outcomes.Web.Frameworks;

namespace Outcomes.Web.Pages.Frameworks;

/// <summary>
/// What the pages that change a framework (a new version, its targets) share: the framework must be one the user can
/// see (else 404) and manage (else 403, with the page saying so), and a refused file is a 400 with one form error.
/// </summary>
public abstract class FrameworkChangePageModel(FrameworkCatalogue catalogue, IOptions<OutcomesWebOptions> options) : PageModel
{
    public FrameworkAccess Access { get; private set; } = null!;

    public string? FormError { get; private set; }

    public string? FileName { get; protected set; }

    public long MaxBytes => options.Value.Uploads.MaxBytes;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await AllowedAsync(code, ct) ?? Page();

    protected PageResult Refuse(string message)
    {
        FormError = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Null when the user may change the framework; otherwise the 404 or 403 to answer with.</summary>
    protected async Task<IActionResult?> AllowedAsync(string code, CancellationToken ct)
    {
        if (await catalogue.FindAsync(SignedInUser.Roles(HttpContext), code, ct) is not { } access)
        {
            return NotFound();
        }

        Access = access;
        if (access.MayManage)
        {
            return null;
        }

        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
