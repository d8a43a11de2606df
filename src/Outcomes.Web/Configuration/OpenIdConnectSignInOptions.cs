using Microsoft.Extensions.Options;

namespace Outcomes.Web.Configuration;

/// <summary>
/// Sign-in through an organisation's identity provider (section "Outcomes:OpenIdConnect"), e.g. Microsoft Entra ID with
/// Authority "https://login.microsoftonline.com/{tenant}/v2.0". The authorisation-code flow with PKCE; the identity is
/// matched to a local user by <see cref="UserNameClaim"/>, and the local user's roles give the permissions.
/// </summary>
public sealed class OpenIdConnectSignInOptions
{
    public const string SectionName = "Outcomes:OpenIdConnect";

    /// <summary>Off by default: local accounts only.</summary>
    public bool Enabled { get; set; }

    /// <summary>Shown on the sign-in page: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "your organisation's account";

    /// <summary>The issuer; its /.well-known/openid-configuration is read at the first sign-in.</summary>
    public string Authority { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Where the provider sends the browser back; register "https://{host}{CallbackPath}" with the provider.</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>
    /// Where the provider sends the browser back after signing out (post_logout_redirect_uri); register
    /// "https://{host}{SignedOutCallbackPath}" with the provider too (Entra ID: as a redirect URI of the app).
    /// </summary>
    public string SignedOutCallbackPath { get; set; } = "/signout-callback-oidc";

    /// <summary>The id_token claim holding the user name (Entra ID: "preferred_username"; others: "email").</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    /// <summary>
    /// Refuse identities with no local user (the default, and the only safe choice while administrators cannot see
    /// role-less accounts). When false, an account with no roles is made for them: they can sign in and see nothing
    /// until roles are granted (never automatically an administrator).
    /// </summary>
    public bool RefuseUnknownUsers { get; set; } = true;

    /// <summary>Only for a provider on this machine in tests: allow an http:// authority.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Every problem with these options, in words; empty when usable (or when not enabled).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enabled)
        {
            return problems;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"Authority must be the provider's absolute URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0 (was '{Authority}').");
        }
        else if (authority.Scheme != Uri.UriSchemeHttps && RequireHttpsMetadata)
        {
            problems.Add($"Authority must use https (was '{Authority}').");
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            problems.Add("ClientId is required: the application (client) id registered with the provider.");
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            problems.Add("ClientSecret is required: set it from a secret store or the environment (Outcomes__OpenIdConnect__ClientSecret), not appsettings.json.");
        }

        if (string.IsNullOrWhiteSpace(CallbackPath) || !CallbackPath.StartsWith('/') || CallbackPath.Contains('?', StringComparison.Ordinal))
        {
            problems.Add($"CallbackPath must be a path starting with '/', e.g. /signin-oidc (was '{CallbackPath}').");
        }

        if (string.IsNullOrWhiteSpace(SignedOutCallbackPath) || !SignedOutCallbackPath.StartsWith('/') || SignedOutCallbackPath.Contains('?', StringComparison.Ordinal)
            || string.Equals(SignedOutCallbackPath, CallbackPath, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"SignedOutCallbackPath must be a path starting with '/' other than CallbackPath, e.g. /signout-callback-oidc (was '{SignedOutCallbackPath}').");
        }

        if (string.IsNullOrWhiteSpace(UserNameClaim))
        {
            problems.Add("UserNameClaim is required: the id_token claim matched to a user name (preferred_username or email).");
        }

        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            problems.Add("DisplayName is required: the sign-in page shows \"Sign in with <DisplayName>\".");
        }

        return problems;
    }
}

/// <summary>Stops the host at start-up with every problem of the OpenID Connect section, each naming its setting.</summary>
public sealed class OpenIdConnectSignInOptionsValidator : IValidateOptions<OpenIdConnectSignInOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenIdConnectSignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().Select(p => $"{OpenIdConnectSignInOptions.SectionName}: {p}").ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
