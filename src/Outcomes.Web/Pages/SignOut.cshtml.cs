using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outcomes.Web.Accounts;

namespace Outcomes.Web.Pages;

/// <summary>
/// Sign out is a POST (with its antiforgery token, checked by Razor Pages), so a link or image elsewhere cannot sign
/// anyone out. A local account ends here; a session begun at the identity provider ends there too (see
/// <see cref="ProviderSignOut"/>), or here only with the signed-out page saying why.
/// </summary>
[AllowAnonymous]
public sealed class SignOutModel(ProviderSignOut providerSignOut, ILogger<SignOutModel> logger) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var route = await providerSignOut.RouteAsync(User, cancellationToken);
        if (SignedInUser.UserId(User) is { } id)
        {
            logger.LogInformation("User {UserId} signed out ({Route})", id, route);
        }

        if (route == SignOutRoute.Provider)
        {
            // The cookie first; the provider's handler then reads the id_token from this request's cookie as id_token_hint.
            return SignOut(ProviderSignOut.BackToSignedOutPage(), CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectSetup.SchemeName);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return route switch
        {
            SignOutRoute.ProviderOffersNoSignOut => Redirect(ProviderSignOut.SignedOutPage + "?provider=not-offered"),
            SignOutRoute.ProviderUnavailable => Redirect(ProviderSignOut.SignedOutPage + "?provider=unavailable"),
            _ => Redirect("/sign-in"),
        };
    }
}
