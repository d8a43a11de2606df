using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Outcomes.Storage;
using Outcomes.Web.Tests.OpenIdConnect;
using static Microsoft.Playwright.Assertions;

namespace Outcomes.Web.BrowserTests;

/// <summary>
/// Signing in and out through the OpenID provider in Chromium with JavaScript off: "Sign in with …" (a link), then the
/// Sign out button (a posted form whose answer redirects to the provider's end_session_endpoint, which the CSP's
/// form-action must allow), back to "You have signed out", and the next visit asks to sign in again.
/// </summary>
public sealed partial class OpenIdConnectSignOutFlowTests : BrowserTest
{
    private TestIdentityProvider _provider = null!;
    private WebApplicationFactory<Program> _host = null!;
    private Uri _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _provider = await TestIdentityProvider.StartAsync();
        _host = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseContentRoot(Path.Combine(LiveSite.RepositoryRoot, "src", "Outcomes.Web"));
            b.UseSetting("Outcomes:Store:Provider", "Sqlite");
            b.UseSetting("Outcomes:Store:ConnectionString", StoreOptions.SqliteConnectionString(LiveSite.Store.Path));
            b.UseSetting("Outcomes:LoopbackHttp", "true");
            b.UseSetting("Outcomes:OpenIdConnect:Enabled", "true");
            b.UseSetting("Outcomes:OpenIdConnect:DisplayName", "Council Test ID");
            b.UseSetting("Outcomes:OpenIdConnect:Authority", _provider.Authority);
            b.UseSetting("Outcomes:OpenIdConnect:ClientId", TestIdentityProvider.ClientId);
            b.UseSetting("Outcomes:OpenIdConnect:ClientSecret", TestIdentityProvider.ClientSecret);
            b.UseSetting("Outcomes:OpenIdConnect:RequireHttpsMetadata", "false");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        _host.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _host.StartServer();
        _site = new Uri(_host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _host.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Test]
    public async Task Signing_out_after_signing_in_through_the_provider_goes_there_and_back_to_the_signed_out_page_without_javascript()
    {
        var email = await LiveSite.Store.AddUserAsync(LiveSite.Password, ("board member", "BRD"));
        _provider.NextUserName = email;
        var page = await NewPageAsync(javaScript: false);
        var blocked = new List<string>();
        page.Console += (_, message) => blocked.Add(message.Text);
        var visited = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.IsNavigationRequest)
            {
                visited.Add(request.Url);
            }
        };

        await page.GotoAsync(new Uri(_site, "/sign-in").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Council Test ID" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your dashboard");
        await Expect(page.Locator("body")).ToContainTextAsync(email);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("You have signed out");
        await Expect(page.Locator("#provider-sign-out")).ToHaveTextAsync("You have also been signed out of Council Test ID.");
        Assert.That(new Uri(page.Url).PathAndQuery, Is.EqualTo("/signed-out?provider=ended"));
        Assert.That(visited, Has.Some.StartsWith(_provider.Authority + "/end-session?"), "the browser went to the provider's end_session_endpoint");
        Assert.That(_provider.EndSessionRequests[^1].IdTokenHint, Is.EqualTo(_provider.IdTokens[email]));
        Assert.That(blocked, Has.None.Contains("form-action"), "the CSP let the posted form's redirect go to the provider");

        await page.GotoAsync(new Uri(_site, "/").ToString());
        await Expect(page).ToHaveURLAsync(SignInUrl());
    }

    [TestCase("ended")]
    [TestCase("not-offered")]
    [TestCase("unavailable")]
    public async Task The_signed_out_page_has_no_serious_or_critical_accessibility_violations(string outcome)
    {
        var page = await NewPageAsync(bypassCsp: true);

        await page.GotoAsync(new Uri(_site, "/signed-out?provider=" + outcome).ToString());

        await Expect(page.Locator("h1")).ToHaveTextAsync("You have signed out");
        await Expect(page.Locator("#provider-sign-out")).ToContainTextAsync("Council Test ID");
        await AccessibilityTests.AssertAccessibleAsync(page);
    }

    [GeneratedRegex("/sign-in")]
    private static partial Regex SignInUrl();
}
