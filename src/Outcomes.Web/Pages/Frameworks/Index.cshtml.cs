using Microsoft.AspNetCore.Mvc.RazorPages;
using Outcomes.Web.Accounts;
using Outcomes.Web.Frameworks;

namespace Outcomes.Web.Pages.Frameworks;

/// <summary>The frameworks of the authorities the user has a role in: code, name, version in force, when and by whom it was loaded, measures.</summary>
public sealed class IndexModel(FrameworkCatalogue catalogue) : PageModel
{
    public IReadOnlyList<FrameworkListing> Frameworks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Frameworks = await catalogue.VisibleAsync(SignedInUser.Roles(HttpContext), ct);
}
