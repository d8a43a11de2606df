using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Outcomes.Web.Tests.OpenIdConnect;

/// <summary>How the provider should misbehave on the next sign-in, so a test can see the relying party refuse it.</summary>
public enum ProviderFault
{
    None,

    /// <summary>The id_token is signed by a key the provider does not publish (same key id).</summary>
    BadSignature,

    /// <summary>The id_token carries a nonce other than the one the relying party sent.</summary>
    WrongNonce,
}

/// <summary>Whether the provider's discovery document lists an end_session_endpoint, and where.</summary>
public enum EndSessionOffer
{
    /// <summary>At {Authority}/end-session.</summary>
    Offered,

    /// <summary>No end_session_endpoint in discovery (some providers publish none).</summary>
    NotOffered,

    /// <summary>On another site than the Authority (localhost instead of 127.0.0.1: another origin for a browser).</summary>
    OnAnotherSite,
}

/// <summary>What the relying party sent to the end_session endpoint.</summary>
public sealed record EndSessionRequest(string? IdTokenHint, string? PostLogoutRedirectUri, string? State, bool HintSignatureValid);

/// <summary>
/// A tiny OpenID provider on loopback (Kestrel, a random port): discovery, JWKS, an authorize endpoint that answers at
/// once with a code for <see cref="NextUserName"/> (no login form), and a token endpoint that checks the client secret,
/// redirect URI and PKCE verifier and returns an RS256-signed id_token, and (unless told otherwise) an end_session
/// endpoint that records the request and sends the browser back to post_logout_redirect_uri with the state.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "outcomes-test-client";
    public const string ClientSecret = "test-client-secret";

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key-1" };
    private readonly RsaSecurityKey _rogueKey = new(RSA.Create(2048)) { KeyId = "test-key-1" };
    private readonly ConcurrentDictionary<string, Grant> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<EndSessionRequest> _endSessions = new();
    private WebApplication _app = null!;

    private TestIdentityProvider(EndSessionOffer endSession) => EndSession = endSession;

    public EndSessionOffer EndSession { get; }

    /// <summary>Every id_token issued, by user name (the latest last), so a test can check the id_token_hint.</summary>
    public ConcurrentDictionary<string, string> IdTokens { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<EndSessionRequest> EndSessionRequests => [.. _endSessions];

    public string Authority { get; private set; } = string.Empty;

    /// <summary>The value of the user-name claim in the next id_token.</summary>
    public string NextUserName { get; set; } = string.Empty;

    public ProviderFault NextFault { get; set; }

    /// <summary>How many codes were redeemed at the token endpoint (so a test knows the back channel was really used).</summary>
    public int TokensIssued { get; private set; }

    public static async Task<TestIdentityProvider> StartAsync(EndSessionOffer endSession = EndSessionOffer.Offered)
    {
        var provider = new TestIdentityProvider(endSession);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        provider._app = builder.Build();
        provider.Map(provider._app);
        provider.MapTokens(provider._app);
        await provider._app.StartAsync();
        provider.Authority = provider._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
        _rogueKey.Rsa.Dispose();
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(Discovery()));
        app.MapGet("/end-session", async (HttpRequest request) =>
        {
            var q = request.Query;
            var hint = q["id_token_hint"].ToString();
            var valid = hint.Length > 0 && (await new JsonWebTokenHandler().ValidateTokenAsync(hint, new TokenValidationParameters
            {
                ValidIssuer = Authority,
                ValidAudience = ClientId,
                IssuerSigningKey = _key,
                ValidateLifetime = false, // an expired id_token is still a good hint (RP-Initiated Logout 1.0, section 2)
            })).IsValid;
            _endSessions.Enqueue(new EndSessionRequest(hint, q["post_logout_redirect_uri"], q["state"], valid));
            var back = q["post_logout_redirect_uri"].ToString();
            return back.Length == 0
                ? Results.Text("You have signed out of the test provider.")
                : Results.Redirect(back + "?state=" + Uri.EscapeDataString(q["state"].ToString()));
        });
    }

    private Dictionary<string, object> Discovery()
    {
        var discovery = new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = Authority + "/authorize",
            ["token_endpoint"] = Authority + "/token",
            ["jwks_uri"] = Authority + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        };
        if (EndSession != EndSessionOffer.NotOffered)
        {
            var site = EndSession == EndSessionOffer.OnAnotherSite ? Authority.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) : Authority;
            discovery["end_session_endpoint"] = site + "/end-session";
        }

        return discovery;
    }

    private void MapTokens(WebApplication app)
    {
        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, alg = "RS256", n = jwk.N, e = jwk.E } } });
        });

        app.MapGet("/authorize", (HttpRequest request) =>
        {
            var q = request.Query;
            if (q["client_id"] != ClientId || q["response_type"] != "code" || string.IsNullOrEmpty(q["redirect_uri"]) || q["code_challenge_method"] != "S256")
            {
                return Results.BadRequest("bad authorize request");
            }

            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            _codes[code] = new Grant(NextUserName, q["nonce"].ToString(), q["code_challenge"].ToString(), q["redirect_uri"].ToString(), NextFault);
            return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}");
        });

        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var grant))
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            var (clientId, secret) = ClientCredentials(request, form);
            var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
            if (clientId != ClientId || secret != ClientSecret || form["redirect_uri"] != grant.RedirectUri || challenge != grant.CodeChallenge)
            {
                return Results.Json(new { error = "invalid_client" }, statusCode: 400);
            }

            TokensIssued++;
            var now = DateTime.UtcNow;
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Authority,
                Audience = ClientId,
                IssuedAt = now,
                NotBefore = now,
                Expires = now.AddMinutes(5),
                Subject = new ClaimsIdentity(
                [
                    new Claim("sub", "subject-" + grant.UserName),
                    new Claim("preferred_username", grant.UserName),
                    new Claim("name", "Person " + grant.UserName),
                    new Claim("nonce", grant.Fault == ProviderFault.WrongNonce ? "not-the-nonce-that-was-sent" : grant.Nonce),
                ]),
                SigningCredentials = new SigningCredentials(grant.Fault == ProviderFault.BadSignature ? _rogueKey : _key, SecurityAlgorithms.RsaSha256),
            });
            IdTokens[grant.UserName] = idToken;
            return Results.Json(new { access_token = "opaque-access-token", token_type = "Bearer", expires_in = 300, id_token = idToken });
        });
    }

    private static (string? ClientId, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }

        return (form["client_id"], form["client_secret"]);
    }

    private sealed record Grant(string UserName, string Nonce, string CodeChallenge, string RedirectUri, ProviderFault Fault);
}
