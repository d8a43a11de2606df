using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Outcomes.Application.Accounts;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Configuration;

namespace Outcomes.Web.Accounts;

/// <summary>
/// Cookie sign-in for pages (Secure, HttpOnly, SameSite=Lax, __Host- prefixed) and personal API tokens for the API,
/// chosen per request by the Authorization header. Every endpoint needs a signed-in user unless it says otherwise.
/// </summary>
public static class AuthenticationSetup
{
    public const string Scheme = "Outcomes";
    public const string CookieName = "__Host-outcomes";
    public const string LoopbackCookieName = "outcomes";

    public static IServiceCollection AddOutcomesAuthentication(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<OutcomesWebOptions>>().Value.Accounts);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new UserRepository(sp.GetRequiredService<Storage.OutcomesStore>()));
        services.AddSingleton(sp => new ApiTokenRepository(sp.GetRequiredService<Storage.OutcomesStore>()));
        services.AddSingleton(sp => new AccountChangeRepository(sp.GetRequiredService<Storage.OutcomesStore>()));
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<UserManagement>();
        services.AddSingleton<PersonalTokens>();
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<SignInService>();
        services.AddSingleton<ApiTokens>();

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or API token", o => o.ForwardDefaultSelector = context =>
                BearerTokenHandler.HasBearerToken(context.Request)
                    ? BearerTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, _ => { });

        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<OutcomesWebOptions>>((o, web) =>
            {
                o.Cookie.Name = web.Value.LoopbackHttp ? LoopbackCookieName : CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = web.Value.LoopbackHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.Path = "/";
                o.ExpireTimeSpan = TimeSpan.FromMinutes(web.Value.SessionMinutes);
                o.SlidingExpiration = true;
                o.LoginPath = "/sign-in";
                o.LogoutPath = "/sign-out";
                o.AccessDeniedPath = "/sign-in";
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = ValidateAsync,
                    OnRedirectToLogin = c => ApiOr(c, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = c => ApiOr(c, StatusCodes.Status403Forbidden),
                };
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    // The cookie names a user id; the account is read afresh so a deleted account or changed roles apply at once.
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal is { } p ? SignedInUser.UserId(p) : null;
        var user = id is { } userId
            ? await context.HttpContext.RequestServices.GetRequiredService<UserRepository>().GetAsync(userId, context.HttpContext.RequestAborted)
            : null;
        if (user is null || user.IsDisabled)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        SignedInUser.Remember(context.HttpContext, user);
    }

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
