using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Configuration;

namespace Outcomes.Web.Accounts;

/// <summary>
/// OpenID Connect sign-in when "Outcomes:OpenIdConnect:Enabled" is true: the authorisation-code flow with PKCE, the
/// id_token's signature, issuer, audience and nonce checked by the handler. The identity is then matched to a local
/// user by the configured claim; the session is the same cookie as a local sign-in, naming the local user, so the
/// local roles (never the provider's) give the permissions. Unknown or disabled users and failed sign-ins end on
/// /sign-in/refused with a sentence, never a stack trace. The cookie also records that the provider was used, and keeps
/// the id_token alone (not the access token: the cookie stays small) as the id_token_hint for signing out there too
/// (<see cref="ProviderSignOut"/>); front- and back-channel logout are not offered (RemoteSignOutPath is off).
/// </summary>
public static class OpenIdConnectSetup
{
    public const string SchemeName = "OpenIdConnect";

    /// <summary>A claim in the cookie of a session begun at the provider (value: the scheme name).</summary>
    public const string SignedInThroughClaim = "signed_in_through";

    public static IServiceCollection AddOutcomesOpenIdConnect(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(OpenIdConnectSignInOptions.SectionName);
        services.AddOptions<OpenIdConnectSignInOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OpenIdConnectSignInOptions>, OpenIdConnectSignInOptionsValidator>();
        services.AddSingleton<ProviderSignOut>();
        if (!section.GetValue<bool>(nameof(OpenIdConnectSignInOptions.Enabled)))
        {
            return services;
        }

        // Signing out posts a form whose answer redirects to the provider: the CSP's form-action must allow its origin.
        services.AddSingleton(new Security.FormActionOrigins(
            Security.FormActionOrigins.OriginOf(section[nameof(OpenIdConnectSignInOptions.Authority)]) is { } origin ? [origin] : []));
        services.AddAuthentication().AddOpenIdConnect(SchemeName, _ => { });
        services.AddOptions<OpenIdConnectOptions>(SchemeName).Configure<IOptions<OpenIdConnectSignInOptions>, IOptions<OutcomesWebOptions>>((o, settings, web) =>
        {
            var s = settings.Value;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.Authority = s.Authority;
            o.ClientId = s.ClientId;
            o.ClientSecret = s.ClientSecret;
            o.CallbackPath = s.CallbackPath;
            o.SignOutScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.SignedOutCallbackPath = s.SignedOutCallbackPath;
            o.SignedOutRedirectUri = ProviderSignOut.SignedOutPage;
            o.RemoteSignOutPath = PathString.Empty;
            o.RequireHttpsMetadata = s.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.Scope.Add("email");
            if (web.Value.LoopbackHttp)
            {
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

                // Browsers drop SameSite=None cookies that are not Secure, so over plain http the correlation and nonce
                // cookies would never come back; Lax is enough, as the provider returns by a top-level GET (query mode).
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
            }

            o.Events = new OpenIdConnectEvents
            {
                OnTokenValidated = MatchLocalUserAsync,
                OnRemoteFailure = RefuseAsync,
                OnSignedOutCallbackRedirect = ProviderSignOut.ReturnToSignedOutPageAsync,
            };
        });
        return services;
    }

    private static async Task MatchLocalUserAsync(TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var settings = services.GetRequiredService<IOptions<OpenIdConnectSignInOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenIdConnectSetup));
        var userName = context.Principal?.FindFirst(settings.UserNameClaim)?.Value?.Trim();
        if (string.IsNullOrEmpty(userName))
        {
            logger.LogWarning("OpenID Connect sign-in refused: the id_token has no {Claim} claim", settings.UserNameClaim);
            Refuse(context, "no-claim");
            return;
        }

        var users = services.GetRequiredService<UserRepository>();
        var clock = services.GetRequiredService<TimeProvider>();
        var changes = services.GetRequiredService<AccountChangeRepository>();
        var user = await users.FindByUserNameAsync(userName, context.HttpContext.RequestAborted);
        if (user is null && !settings.RefuseUnknownUsers)
        {
            var created = await changes.CreateAsync(new NewUser(userName, context.Principal?.FindFirst("name")?.Value ?? userName, null, []), "openid-connect", clock.GetUtcNow(), context.HttpContext.RequestAborted);
            user = created.Created ? await users.GetAsync(created.Id, context.HttpContext.RequestAborted) : null;
        }

        if (user is null || user.IsDisabled)
        {
            logger.LogWarning("OpenID Connect sign-in refused: {UserName} is {Why}", userName, user is null ? "not a user here" : "disabled");
            Refuse(context, "unknown");
            return;
        }

        await changes.RecordSignInAsync(user.Id, clock.GetUtcNow(), context.HttpContext.RequestAborted);
        logger.LogInformation("User {UserId} signed in through OpenID Connect", user.Id);
        context.Principal = SignedInUser.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme);
        ((System.Security.Claims.ClaimsIdentity)context.Principal.Identity!).AddClaim(new System.Security.Claims.Claim(SignedInThroughClaim, SchemeName));
        if ((context.TokenEndpointResponse?.IdToken ?? context.ProtocolMessage?.IdToken) is { Length: > 0 } idToken)
        {
            context.Properties!.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
        }
    }

    private static void Refuse(TokenValidatedContext context, string reason)
    {
        context.Response.Redirect("/sign-in/refused?reason=" + reason);
        context.HandleResponse();
    }

    private static Task RefuseAsync(RemoteFailureContext context)
    {
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenIdConnectSetup))
            .LogWarning(context.Failure, "OpenID Connect sign-in failed");
        context.Response.Redirect("/sign-in/refused?reason=failed");
        context.HandleResponse();
        return Task.CompletedTask;
    }
}
