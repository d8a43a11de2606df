using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Outcomes.Web.Configuration;

namespace Outcomes.Web.Pages;

/// <summary>Where a refused or failed sign-in through the identity provider ends: what happened and what to do, in words.</summary>
[AllowAnonymous]
public sealed class SignInRefusedModel(IOptions<OpenIdConnectSignInOptions> settings) : PageModel
{
    public string Provider => settings.Value.DisplayName;

    public string Reason { get; private set; } = "failed";

    public void OnGet(string? reason)
    {
        Reason = reason is "unknown" or "no-claim" ? reason : "failed";
        Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
