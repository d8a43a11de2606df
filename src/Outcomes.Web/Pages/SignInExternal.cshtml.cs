using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Outcomes.Web.Accounts;
using Outcomes.Web.Configuration;

namespace Outcomes.Web.Pages;

/// <summary>"Sign in with …": sends the browser to the identity provider (a plain link, so it works without JavaScript).</summary>
[AllowAnonymous]
public sealed class SignInExternalModel(IOptions<OpenIdConnectSignInOptions> settings) : PageModel
{
    public IActionResult OnGet(string? returnUrl) =>
        settings.Value.Enabled
            ? Challenge(new AuthenticationProperties { RedirectUri = returnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/" }, OpenIdConnectSetup.SchemeName)
            : NotFound();
}
