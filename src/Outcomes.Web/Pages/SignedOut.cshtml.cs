using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Outcomes.Web.Configuration;

namespace Outcomes.Web.Pages;

/// <summary>"You have signed out": where a sign-out through the identity provider ends, saying whether the provider's session ended too.</summary>
[AllowAnonymous]
public sealed class SignedOutModel(IOptions<OpenIdConnectSignInOptions> settings) : PageModel
{
    public string Provider => settings.Value.DisplayName;

    /// <summary>ended (signed out at the provider too), not-offered, unavailable, or none (signed out here).</summary>
    public string ProviderOutcome { get; private set; } = "none";

    public void OnGet(string? provider) =>
        ProviderOutcome = provider is "ended" or "not-offered" or "unavailable" ? provider : "none";
}
