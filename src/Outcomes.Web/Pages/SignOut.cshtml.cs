using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Outcomes.Web.Pages;

/// <summary>Sign out is a POST (with its antiforgery token), so a link or image elsewhere cannot sign anyone out.</summary>
[AllowAnonymous]
public sealed class SignOutModel(ILogger<SignOutModel> logger) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Accounts.SignedInUser.UserId(User) is { } id)
        {
            logger.LogInformation("User {UserId} signed out", id);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/sign-in");
    }
}
