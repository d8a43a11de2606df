using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Outcomes.Web.Tests.OpenIdConnect;

/// <summary>
/// The whole authorisation-code flow against a real provider on loopback: the browser (an HttpClient carrying cookies,
/// following each redirect by hand) goes from "Sign in with …" to the provider and back; the host redeems the code over
/// HTTP, checks the id_token and matches the person to a local user, whose roles then apply.
/// </summary>
public sealed class OpenIdConnectSignInTests
{
    private TestIdentityProvider _provider = null!;
    private WebApplicationFactory<Program> _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _provider = await TestIdentityProvider.StartAsync();
        _host = WebHost.Create(SampleStore.Path, b =>
        {
            b.UseSetting("Outcomes:OpenIdConnect:Enabled", "true");
            b.UseSetting("Outcomes:OpenIdConnect:DisplayName", "Council Test ID");
            b.UseSetting("Outcomes:OpenIdConnect:Authority", _provider.Authority);
            b.UseSetting("Outcomes:OpenIdConnect:ClientId", TestIdentityProvider.ClientId);
            b.UseSetting("Outcomes:OpenIdConnect:ClientSecret", TestIdentityProvider.ClientSecret);
            b.UseSetting("Outcomes:OpenIdConnect:RequireHttpsMetadata", "false");
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _host.Dispose();
        await _provider.DisposeAsync();
    }

    [Test]
    public async Task A_known_user_signs_in_through_the_provider_and_gets_their_local_roles()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("performance officer", "BRD-CL1"));
        _provider.NextUserName = email;
        _provider.NextFault = ProviderFault.None;
        using var browser = _host.Browser();
        var issuedBefore = _provider.TokensIssued;

        var signInPage = await browser.GetPageAsync("/sign-in");
        var (final, hops) = await CodeFlowAsync(browser, "/account");
        var account = await browser.GetPageAsync("/account");
        var dashboard = await browser.GetPageAsync("/");
        var user = await new Storage.Repositories.UserRepository(SampleStore.Store).FindByUserNameAsync(email);

        Assert.Multiple(() =>
        {
            Assert.That(signInPage, Does.Contain("Sign in with Council Test ID").And.Contain("href=\"/sign-in/external?returnUrl=%2F\""));
            Assert.That(hops[0].AbsoluteUri, Does.StartWith(_provider.Authority + "/authorize?"), "sent to the provider");
            Assert.That(hops[0].Query, Does.Contain("code_challenge=").And.Contain("nonce=").And.Contain("response_type=code"));
            Assert.That(hops[1].AbsolutePath, Is.EqualTo("/signin-oidc"), "and back with a code");
            Assert.That(final.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(final.Headers.Location?.OriginalString, Is.EqualTo("/account"), "to the page asked for");
            Assert.That(_provider.TokensIssued, Is.EqualTo(issuedBefore + 1), "the code was redeemed over the back channel");
            Assert.That(account, Does.Contain("performance officer over BRD-CL1").And.Contain(email));
            Assert.That(dashboard, Does.Contain("Keighley cluster").And.Not.Contain("Leeds"));
            Assert.That(user!.LastSignedInAt, Is.Not.Null);
        });
    }

    [Test]
    public async Task An_unknown_user_is_refused_with_a_clear_page_and_no_account_is_made()
    {
        var email = $"stranger-{Guid.NewGuid():N}@council.example";
        _provider.NextUserName = email;
        _provider.NextFault = ProviderFault.None;
        using var browser = _host.Browser();

        var (final, _) = await CodeFlowAsync(browser, "/");
        var refused = await browser.GetAsync(final.Headers.Location!);
        var html = await refused.Content.ReadAsStringAsync();
        var home = await browser.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Multiple(async () =>
        {
            Assert.That(final.Headers.Location?.OriginalString, Is.EqualTo("/sign-in/refused?reason=unknown"));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(html, Does.Contain("The account you signed in with is not set up to use Outcomes. Ask an administrator"));
            Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "not signed in");
            Assert.That(home.Headers.Location!.AbsolutePath, Is.EqualTo("/sign-in"));
            Assert.That(await new Storage.Repositories.UserRepository(SampleStore.Store).FindByUserNameAsync(email), Is.Null, "no account made");
        });
    }

    [TestCase(ProviderFault.BadSignature)]
    [TestCase(ProviderFault.WrongNonce)]
    public async Task An_id_token_with_a_bad_signature_or_nonce_is_refused(ProviderFault fault)
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("administrator", "BRD"));
        _provider.NextUserName = email;
        _provider.NextFault = fault;
        using var browser = _host.Browser();

        var (final, _) = await CodeFlowAsync(browser, "/");
        var html = await (await browser.GetAsync(final.Headers.Location!)).Content.ReadAsStringAsync();
        var home = await browser.GetAsync(new Uri("/", UriKind.Relative));
        _provider.NextFault = ProviderFault.None;

        Assert.Multiple(() =>
        {
            Assert.That(final.Headers.Location?.OriginalString, Is.EqualTo("/sign-in/refused?reason=failed"));
            Assert.That(final.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("__Host-outcomes=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)), Is.False, "no session cookie");
            Assert.That(html, Does.Contain("Signing in with Council Test ID did not work"));
            Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "not signed in");
        });
    }

    [Test]
    public async Task A_callback_replayed_from_another_browser_is_refused()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD"));
        _provider.NextUserName = email;
        _provider.NextFault = ProviderFault.None;
        using var victim = _host.Browser();
        using var attacker = _host.Browser();

        var challenge = await victim.GetAsync(new Uri("/sign-in/external?returnUrl=%2F", UriKind.Relative));
        using var toProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await toProvider.GetAsync(challenge.Headers.Location!);
        var replay = await attacker.GetAsync(new Uri(back.Headers.Location!.PathAndQuery, UriKind.Relative));

        Assert.That(replay.Headers.Location?.OriginalString, Is.EqualTo("/sign-in/refused?reason=failed"), "no correlation cookie in the attacker's browser");
    }

    [Test]
    public void Bad_settings_stop_the_host_at_start_up_naming_each_setting()
    {
        using var host = WebHost.Create(SampleStore.Path, b =>
        {
            b.UseSetting("Outcomes:OpenIdConnect:Enabled", "true");
            b.UseSetting("Outcomes:OpenIdConnect:Authority", "login.example/tenant");
            b.UseSetting("Outcomes:OpenIdConnect:CallbackPath", "signin");
            b.UseSetting("Outcomes:OpenIdConnect:UserNameClaim", " ");
        });
        var http = WebHost.Create(SampleStore.Path, b =>
        {
            b.UseSetting("Outcomes:OpenIdConnect:Enabled", "true");
            b.UseSetting("Outcomes:OpenIdConnect:Authority", "http://login.example/tenant");
            b.UseSetting("Outcomes:OpenIdConnect:ClientId", "x");
            b.UseSetting("Outcomes:OpenIdConnect:ClientSecret", "y");
        });

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());
        var httpError = Assert.Throws<OptionsValidationException>(() => http.CreateClient());
        http.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(error!.Failures, Is.EquivalentTo(new[]
            {
                "Outcomes:OpenIdConnect: Authority must be the provider's absolute URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0 (was 'login.example/tenant').",
                "Outcomes:OpenIdConnect: ClientId is required: the application (client) id registered with the provider.",
                "Outcomes:OpenIdConnect: ClientSecret is required: set it from a secret store or the environment (Outcomes__OpenIdConnect__ClientSecret), not appsettings.json.",
                "Outcomes:OpenIdConnect: CallbackPath must be a path starting with '/', e.g. /signin-oidc (was 'signin').",
                "Outcomes:OpenIdConnect: UserNameClaim is required: the id_token claim matched to a user name (preferred_username or email).",
            }));
            Assert.That(httpError!.Failures, Is.EqualTo(new[] { "Outcomes:OpenIdConnect: Authority must use https (was 'http://login.example/tenant')." }));
        });
    }

    [Test]
    public async Task Without_the_setting_there_is_no_provider_button_and_the_external_sign_in_is_404()
    {
        using var host = WebHost.Create(SampleStore.Path);
        using var browser = host.Browser();

        var page = await browser.GetPageAsync("/sign-in");
        var external = await browser.GetAsync(new Uri("/sign-in/external", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Not.Contain("Sign in with"));
            Assert.That(external.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    /// <summary>
    /// "Sign in with …" → the provider's authorize endpoint (a plain client: another site) → the callback on the host,
    /// each redirect followed by hand with the browser's cookies. Returns the callback's response and the hops.
    /// </summary>
    internal static async Task<(HttpResponseMessage Callback, List<Uri> Hops)> CodeFlowAsync(HttpClient browser, string returnUrl)
    {
        var challenge = await browser.GetAsync(new Uri("/sign-in/external?returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative));
        Assert.That(challenge.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the challenge redirects to the provider");
        var authorize = challenge.Headers.Location!;
        using var toProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await toProvider.GetAsync(authorize);
        Assert.That(back.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the provider answers with a code");
        var callback = back.Headers.Location!;
        var response = await browser.GetAsync(new Uri(callback.PathAndQuery, UriKind.Relative));
        return (response, [authorize, callback]);
    }
}
