using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Outcomes.Web.LoadTest.Hosting;

/// <summary>
/// An HTTP client of the running site that behaves like a browser without JavaScript: its own cookies, forms posted
/// with the page's antiforgery token, redirects not followed (so a bounce to the sign-in page is seen, not hidden).
/// </summary>
public sealed partial class SiteClient : IDisposable
{
    private readonly HttpClient _http;

    public SiteClient(Uri baseAddress)
    {
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>Gets the sign-in page and posts the form; true when the site answered with the redirect of a signed-in user.</summary>
    public async Task<bool> SignInAsync(string email, string password, CancellationToken ct = default)
    {
        var page = await GetStringAsync("/sign-in", ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
        });
        using var response = await _http.PostAsync(new Uri("/sign-in", UriKind.Relative), form, ct);
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path, CancellationToken ct = default)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>Posts the upload form ("Check the file") with a return file, as the page does.</summary>
    public async Task<(HttpStatusCode Status, string Body)> ValidateAsync(string fileName, byte[] bytes, CancellationToken ct = default)
    {
        var page = await GetStringAsync("/returns/upload", ct);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(AntiforgeryToken(page)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        using var response = await _http.PostAsync(new Uri("/returns/upload/validate", UriKind.Relative), form, ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>Presses "Confirm import" on a validated upload's page.</summary>
    public async Task<(HttpStatusCode Status, string Body)> ConfirmAsync(string checkPage, CancellationToken ct = default)
    {
        var sha = ShaInput().Match(checkPage) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No Confirm import form on the page.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["sha256"] = sha,
            ["__RequestVerificationToken"] = AntiforgeryToken(checkPage),
        });
        using var response = await _http.PostAsync(new Uri("/returns/upload/confirm", UriKind.Relative), form, ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    public static string AntiforgeryToken(string html) =>
        TokenInput().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token in the page.");

    public void Dispose() => _http.Dispose();

    private async Task<string> GetStringAsync(string path, CancellationToken ct)
    {
        var (status, body) = await GetAsync(path, ct);
        return status == HttpStatusCode.OK ? body : throw new HttpRequestException($"GET {path} answered {(int)status}.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    [GeneratedRegex("name=\"sha256\" value=\"([0-9A-F]{64})\"")]
    private static partial Regex ShaInput();
}
