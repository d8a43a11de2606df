using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Outcomes.Application.Accounts;

namespace Outcomes.Web.Accounts;

/// <summary>`Authorization: Bearer oct_…`: a personal API token signs its owner in, with the owner's roles.</summary>
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>True when the request carries `Authorization: Bearer …`, so the token (never the cookie) signs it in.</summary>
    public static bool HasBearerToken(HttpRequest request) =>
        request?.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true;

    public const string SchemeName = "OutcomesToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var user = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (user is null)
        {
            Logger.LogInformation("API token refused for {Path}", Request.Path);
            return AuthenticateResult.Fail("The API token is not valid or has been revoked.");
        }

        SignedInUser.Remember(Context, user);
        return AuthenticateResult.Success(new AuthenticationTicket(SignedInUser.Principal(user, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
