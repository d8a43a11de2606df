using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Outcomes.Web.Tests.OpenIdConnect;

/// <summary>
/// RP-initiated logout against the real provider on loopback: someone who signed in there is signed out there too
/// (end_session_endpoint with id_token_hint and post_logout_redirect_uri, then back to "You have signed out"), a local
/// account signs out here only, and a provider that offers no sign-out (or one the browser may not be sent to) still
/// ends the session here, with the page saying so. Signing out stays a POST with its antiforgery token.
/// </summary>
public sealed class OpenIdConnectSignOutTests
{
    private TestIdentityProvider _provider = null!;
    private WebApplicationFactory<Program> _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _provider = await TestIdentityProvider.StartAsync();
        _host = HostFor(_provider);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _host.Dispose();
        await _provider.DisposeAsync();
    }

    [Test]
    public async Task Someone_signed_in_through_the_provider_is_signed_out_there_too_and_comes_back_to_the_signed_out_page()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD"));
        _provider.NextUserName = email;
        using var browser = _host.Browser();
        var (callback, _) = await OpenIdConnectSignInTests.CodeFlowAsync(browser, "/");
        var ticket = SessionTicket(_host, callback);
        var dashboard = await browser.GetAsync(new Uri("/", UriKind.Relative));
        var dashboardHtml = await dashboard.Content.ReadAsStringAsync();
        var endSessionsBefore = _provider.EndSessionRequests.Count;

        var signOut = await PostSignOutAsync(browser, dashboardHtml);
        var toProvider = signOut.Headers.Location!;
        using var providerBrowser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var fromProvider = await providerBrowser.GetAsync(toProvider);
        var request = _provider.EndSessionRequests.Skip(endSessionsBefore).Single();
        var back = fromProvider.Headers.Location!;
        var callbackAnswer = await browser.GetAsync(new Uri(back.PathAndQuery, UriKind.Relative));
        var signedOut = await browser.GetAsync(callbackAnswer.Headers.Location!);
        var signedOutHtml = await signedOut.Content.ReadAsStringAsync();
        var home = await browser.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(ticket.Principal.FindFirst("signed_in_through")?.Value, Is.EqualTo("OpenIdConnect"), "the cookie says where the session began");
            Assert.That(ticket.Properties.GetTokens().Select(t => t.Name), Is.EqualTo(new[] { "id_token" }), "only the id_token is kept, not the access token");
            Assert.That(callback.Headers.GetValues("Set-Cookie").Count(c => c.StartsWith("__Host-outcomes", StringComparison.Ordinal)), Is.EqualTo(1), "one small cookie, not chunks");
            Assert.That(dashboard.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain($"form-action 'self' {_provider.Authority};"), "the browser may follow the sign-out form's redirect to the provider");
            Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(toProvider.GetLeftPart(UriPartial.Path), Is.EqualTo(_provider.Authority + "/end-session"), "to the end_session_endpoint from discovery");
            Assert.That(SessionCookieCleared(signOut), Is.True, "the session cookie is removed by the same answer");
            Assert.That(request.IdTokenHint, Is.EqualTo(_provider.IdTokens[email]), "id_token_hint is the id_token issued at sign-in");
            Assert.That(request.HintSignatureValid, Is.True);
            Assert.That(request.PostLogoutRedirectUri, Is.EqualTo("https://localhost/signout-callback-oidc"));
            Assert.That(request.State, Is.Not.Empty);
            Assert.That(back.AbsolutePath, Is.EqualTo("/signout-callback-oidc"));
            Assert.That(callbackAnswer.Headers.Location?.OriginalString, Is.EqualTo("/signed-out?provider=ended"));
            Assert.That(signedOut.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(signedOutHtml, Does.Contain("<h1 class=\"govuk-heading-l\">You have signed out</h1>")
                .And.Contain("You have also been signed out of Council Test ID.")
                .And.Contain("href=\"/sign-in\"")
                .And.Not.Contain("<script>"));
            Assert.That(signedOutHtml, Does.Not.Contain(email), "nobody is shown as signed in");
            Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the session here is over");
            Assert.That(home.Headers.Location!.AbsolutePath, Is.EqualTo("/sign-in"));
        });
    }

    [Test]
    public async Task A_local_account_signs_out_here_only()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD"));
        using var browser = _host.Browser();
        await browser.SignInAsync(email, WebHost.Password);
        var dashboard = await browser.GetPageAsync("/");
        var endSessionsBefore = _provider.EndSessionRequests.Count;

        var signOut = await PostSignOutAsync(browser, dashboard);
        var home = await browser.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(signOut.Headers.Location?.OriginalString, Is.EqualTo("/sign-in"), "not to the provider");
            Assert.That(SessionCookieCleared(signOut), Is.True);
            Assert.That(_provider.EndSessionRequests, Has.Count.EqualTo(endSessionsBefore));
            Assert.That(home.Headers.Location!.AbsolutePath, Is.EqualTo("/sign-in"));
        });
    }

    [TestCase(EndSessionOffer.NotOffered, "not-offered", "does not let services sign you out of it")]
    [TestCase(EndSessionOffer.OnAnotherSite, "unavailable", "we could not sign you out of Council Test ID")]
    public async Task Without_a_usable_end_session_endpoint_the_session_ends_here_and_the_page_says_the_provider_may_not(EndSessionOffer offer, string outcome, string sentence)
    {
        await using var provider = await TestIdentityProvider.StartAsync(offer);
        using var host = HostFor(provider);
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD"));
        provider.NextUserName = email;
        using var browser = host.Browser();
        await OpenIdConnectSignInTests.CodeFlowAsync(browser, "/");
        var dashboard = await browser.GetAsync(new Uri("/", UriKind.Relative));

        var signOut = await PostSignOutAsync(browser, await dashboard.Content.ReadAsStringAsync());
        var page = await browser.GetAsync(signOut.Headers.Location!);
        var html = await page.Content.ReadAsStringAsync();
        var home = await browser.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(dashboard.StatusCode, Is.EqualTo(HttpStatusCode.OK), "was signed in");
            Assert.That(signOut.Headers.Location?.OriginalString, Is.EqualTo("/signed-out?provider=" + outcome));
            Assert.That(SessionCookieCleared(signOut), Is.True);
            Assert.That(provider.EndSessionRequests, Is.Empty, "the browser was not sent to the provider");
            Assert.That(html, Does.Contain("You have signed out").And.Contain("govuk-warning-text").And.Contain(sentence)
                .And.Contain("you may still be signed in there"));
            Assert.That(home.Headers.Location!.AbsolutePath, Is.EqualTo("/sign-in"));
        });
    }

    [Test]
    public async Task A_get_a_post_without_the_antiforgery_token_or_a_front_channel_logout_url_signs_nobody_out()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD"));
        _provider.NextUserName = email;
        using var browser = _host.Browser();
        await OpenIdConnectSignInTests.CodeFlowAsync(browser, "/");
        var endSessionsBefore = _provider.EndSessionRequests.Count;

        var get = await browser.GetAsync(new Uri("/sign-out", UriKind.Relative));
        var getHtml = await get.Content.ReadAsStringAsync();
        var noToken = await browser.PostAsync(new Uri("/sign-out", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>()));
        var forged = await browser.PostAsync(new Uri("/sign-out", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = "CfDJ8forged" }));
        var frontChannel = await browser.GetAsync(new Uri("/signout-oidc", UriKind.Relative));
        var home = await browser.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the GET only shows the form");
            Assert.That(getHtml, Does.Contain("<form method=\"post\"").And.Contain("__RequestVerificationToken"));
            Assert.That(SessionCookieCleared(get), Is.False);
            Assert.That(noToken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(SessionCookieCleared(noToken) || SessionCookieCleared(forged), Is.False);
            Assert.That(SessionCookieCleared(frontChannel), Is.False, "front-channel logout is not offered");
            Assert.That(_provider.EndSessionRequests, Has.Count.EqualTo(endSessionsBefore));
            Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK), "still signed in");
        });
    }

    [TestCase("signout", "SignedOutCallbackPath must be a path starting with '/' other than CallbackPath, e.g. /signout-callback-oidc (was 'signout').")]
    [TestCase("/signin-oidc", "SignedOutCallbackPath must be a path starting with '/' other than CallbackPath, e.g. /signout-callback-oidc (was '/signin-oidc').")]
    public void A_bad_signed_out_callback_path_stops_the_host_at_start_up(string path, string problem)
    {
        using var host = HostFor(_provider, b => b.UseSetting("Outcomes:OpenIdConnect:SignedOutCallbackPath", path));

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.That(error!.Failures, Is.EqualTo(new[] { "Outcomes:OpenIdConnect: " + problem }));
    }

    private static WebApplicationFactory<Program> HostFor(TestIdentityProvider provider, Action<IWebHostBuilder>? more = null) =>
        WebHost.Create(SampleStore.Path, b =>
        {
            b.UseSetting("Outcomes:OpenIdConnect:Enabled", "true");
            b.UseSetting("Outcomes:OpenIdConnect:DisplayName", "Council Test ID");
            b.UseSetting("Outcomes:OpenIdConnect:Authority", provider.Authority);
            b.UseSetting("Outcomes:OpenIdConnect:ClientId", TestIdentityProvider.ClientId);
            b.UseSetting("Outcomes:OpenIdConnect:ClientSecret", TestIdentityProvider.ClientSecret);
            b.UseSetting("Outcomes:OpenIdConnect:RequireHttpsMetadata", "false");
            more?.Invoke(b);
        });

    private static Task<HttpResponseMessage> PostSignOutAsync(HttpClient browser, string pageWithTheSignOutForm) =>
        browser.PostAsync(new Uri("/sign-out", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebHost.AntiforgeryToken(pageWithTheSignOutForm),
        }));

    /// <summary>The session cookie set by the callback, opened with the host's own keys.</summary>
    private static AuthenticationTicket SessionTicket(WebApplicationFactory<Program> host, HttpResponseMessage callback)
    {
        var cookie = callback.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-outcomes=", StringComparison.Ordinal));
        var value = cookie["__Host-outcomes=".Length..cookie.IndexOf(';', StringComparison.Ordinal)];
        var options = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        return options.TicketDataFormat.Unprotect(value) ?? throw new AssertionException("The session cookie could not be read.");
    }

    private static bool SessionCookieCleared(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith("__Host-outcomes=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
}
