using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Outcomes.Web.Configuration;
using Outcomes.Web.Security;

namespace Outcomes.Web.Accounts;

/// <summary>How a sign-out ends: here only, or at the identity provider too (RP-initiated logout).</summary>
public enum SignOutRoute
{
    /// <summary>A local account: the cookie is removed and the browser goes to the sign-in page, as always.</summary>
    Local,

    /// <summary>Signed in through the provider: the cookie is removed and the browser goes to its end_session_endpoint.</summary>
    Provider,

    /// <summary>Signed in through the provider, whose discovery document has no end_session_endpoint.</summary>
    ProviderOffersNoSignOut,

    /// <summary>Signed in through the provider, whose discovery document cannot be read now, or whose end_session_endpoint is on another site than the Authority (the CSP would stop the browser going there).</summary>
    ProviderUnavailable,
}

/// <summary>
/// Decides how to sign someone out. A session begun at the OpenID Connect provider (the cookie's
/// <see cref="OpenIdConnectSetup.SignedInThroughClaim"/>) also ends the provider's session, so on a shared computer
/// the next person is not signed straight back in: the browser goes to the provider's end_session_endpoint (from
/// discovery) with the id_token as id_token_hint, and comes back through SignedOutCallbackPath to
/// <see cref="SignedOutPage"/>. When that cannot be done the session here still ends, and the page says so.
/// </summary>
public sealed class ProviderSignOut(IOptions<OpenIdConnectSignInOptions> settings, IOptionsMonitor<OpenIdConnectOptions> handlerOptions, ILogger<ProviderSignOut> logger)
{
    public const string SignedOutPage = "/signed-out";

    public async Task<SignOutRoute> RouteAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.FindFirst(OpenIdConnectSetup.SignedInThroughClaim)?.Value != OpenIdConnectSetup.SchemeName || !settings.Value.Enabled)
        {
            return SignOutRoute.Local;
        }

        string? endSession;
        try
        {
            var manager = handlerOptions.Get(OpenIdConnectSetup.SchemeName).ConfigurationManager
                ?? throw new InvalidOperationException("The OpenID Connect handler has no configuration manager.");
            endSession = (await manager.GetConfigurationAsync(cancellationToken)).EndSessionEndpoint;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
        {
            logger.LogWarning(e, "Signing out locally only: the provider's discovery document at {Authority} could not be read", settings.Value.Authority);
            return SignOutRoute.ProviderUnavailable;
        }

        if (string.IsNullOrEmpty(endSession))
        {
            logger.LogInformation("Signing out locally only: the provider at {Authority} publishes no end_session_endpoint", settings.Value.Authority);
            return SignOutRoute.ProviderOffersNoSignOut;
        }

        if (!string.Equals(FormActionOrigins.OriginOf(endSession), FormActionOrigins.OriginOf(settings.Value.Authority), StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Signing out locally only: the end_session_endpoint {EndSession} is not on the Authority's site {Authority}", endSession, settings.Value.Authority);
            return SignOutRoute.ProviderUnavailable;
        }

        return SignOutRoute.Provider;
    }

    /// <summary>Where the provider's handler sends the browser once back from the provider.</summary>
    public static AuthenticationProperties BackToSignedOutPage() => new() { RedirectUri = SignedOutPage + "?provider=ended" };

    /// <summary>The provider came back without our state (some do): still end on the signed-out page, never a blank one.</summary>
    public static Task ReturnToSignedOutPageAsync(RemoteSignOutContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrEmpty(context.Properties?.RedirectUri))
        {
            context.Response.Redirect(SignedOutPage + "?provider=ended");
            context.HandleResponse();
        }

        return Task.CompletedTask;
    }
}
