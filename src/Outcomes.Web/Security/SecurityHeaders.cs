namespace Outcomes.Web.Security;

/// <summary>
/// Headers on every response: a CSP with no inline script or style and no framing, no MIME sniffing, no referrer to
/// other sites, and no caching of signed-in pages (static assets may be cached).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /// <summary>The policy with form-action also allowing <paramref name="formActionOrigins"/> (none: the policy above).</summary>
    public static string ContentSecurityPolicyWith(IReadOnlyList<string> formActionOrigins) =>
        formActionOrigins.Count == 0
            ? ContentSecurityPolicy
            : ContentSecurityPolicy.Replace("form-action 'self'", "form-action 'self' " + string.Join(' ', formActionOrigins), StringComparison.Ordinal);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var csp = ContentSecurityPolicyWith(app.ApplicationServices.GetService<FormActionOrigins>()?.Origins ?? []);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = csp;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                if (!headers.ContainsKey("Cache-Control"))
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            await next();
        });
    }
}
