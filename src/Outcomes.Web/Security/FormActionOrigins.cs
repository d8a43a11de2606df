namespace Outcomes.Web.Security;

/// <summary>
/// Other sites a form of ours may end on, added to the CSP's form-action (which browsers also apply to the redirects
/// after a form is posted): e.g. the identity provider's origin, where signing out sends the browser on.
/// </summary>
public sealed class FormActionOrigins(IEnumerable<string> origins)
{
    public IReadOnlyList<string> Origins { get; } = [.. origins.Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>"scheme://host[:port]" of an absolute URL, as a CSP source; null when it is not an http(s) URL.</summary>
    public static string? OriginOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
}
