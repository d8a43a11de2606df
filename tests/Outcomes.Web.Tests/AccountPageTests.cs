using System.Net;
using System.Text.RegularExpressions;

namespace Outcomes.Web.Tests;

/// <summary>/account: one's own roles, changing one's password, and personal API tokens made, used, listed and revoked there.</summary>
public sealed partial class AccountPageTests
{
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host = null!;

    [OneTimeSetUp]
    public void Start() => _host = WebHost.Create(SampleStore.Path);

    [OneTimeTearDown]
    public void Stop() => _host.Dispose();

    [Test]
    public async Task A_token_made_on_the_account_page_reads_as_its_owner_and_stops_working_once_revoked_there()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("performance officer", "BRD-CL1"));
        using var browser = _host.Browser();
        await browser.SignInAsync(email, WebHost.Password);
        var page = await browser.GetPageAsync("/account");

        var made = await browser.PostAsync(new Uri("/account/token", UriKind.Relative),
            UserAdministrationTests.Form(WebHost.AntiforgeryToken(page), ("TokenName", "nightly script"), ("TokenExpiry", "30")));
        var madeHtml = await made.Content.ReadAsStringAsync();
        var token = NewToken().Match(madeHtml).Groups[1].Value;
        using var api = _host.Api(token);
        var own = await api.GetAsync(Scorecard("BRD-CL1"));
        var sibling = await api.GetAsync(Scorecard("BRD-CL2"));
        var listed = await browser.GetPageAsync("/account");
        var tokenId = TokenRow().Match(listed).Groups[1].Value;
        var revoke = await browser.PostAsync(new Uri("/account/revoke", UriKind.Relative),
            UserAdministrationTests.Form(WebHost.AntiforgeryToken(listed), ("tokenId", tokenId)));
        var afterRevoke = await api.GetAsync(Scorecard("BRD-CL1"));
        var revokedPage = await browser.GetPageAsync(revoke.Headers.Location!.OriginalString);
        var stored = (await new Storage.Repositories.ApiTokenRepository(SampleStore.Store).ListAsync(await UserAdministrationTests.IdOf(email))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("performance officer over BRD-CL1"), "own roles");
            Assert.That(made.Headers.CacheControl?.NoStore, Is.True);
            Assert.That(token, Does.StartWith("oct_"));
            Assert.That(madeHtml, Does.Contain("shown only once"));
            Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the token has its owner's permissions");
            Assert.That(sibling.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "and no more");
            Assert.That(listed, Does.Contain("nightly script").And.Not.Contain(token), "listed, never shown again");
            Assert.That(stored.LastUsedAt, Is.Not.Null);
            Assert.That(stored.ExpiresAt!.Value, Is.EqualTo(stored.CreatedAt.AddDays(30)).Within(TimeSpan.FromSeconds(5)));
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(afterRevoke.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(revokedPage, Does.Contain("govuk-tag--grey\">Revoked"));
        });
    }

    [Test]
    public async Task A_token_needs_a_name_and_an_offered_expiry_and_another_users_token_cannot_be_revoked()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD"));
        var other = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD"));
        var otherToken = await SampleStore.TokenAsync(other);
        var otherTokenId = (await new Storage.Repositories.ApiTokenRepository(SampleStore.Store).ListAsync(await UserAdministrationTests.IdOf(other))).Single().Id;
        using var browser = _host.Browser();
        await browser.SignInAsync(email, WebHost.Password);
        var page = await browser.GetPageAsync("/account");

        var bad = await (await browser.PostAsync(new Uri("/account/token", UriKind.Relative),
            UserAdministrationTests.Form(WebHost.AntiforgeryToken(page), ("TokenName", " "), ("TokenExpiry", "9999")))).Content.ReadAsStringAsync();
        var steal = await (await browser.PostAsync(new Uri("/account/revoke", UriKind.Relative),
            UserAdministrationTests.Form(WebHost.AntiforgeryToken(page), ("tokenId", otherTokenId.ToString(System.Globalization.CultureInfo.InvariantCulture))))).Content.ReadAsStringAsync();
        using var api = _host.Api(otherToken);

        Assert.Multiple(async () =>
        {
            Assert.That(bad, Does.Contain("<title>Error: Your account"));
            Assert.That(bad, Does.Contain("<a href=\"#token-name\">Enter a name for the token, so you can tell it apart later</a>"));
            Assert.That(bad, Does.Contain("<a href=\"#token-expiry\">Choose when the token expires</a>"));
            Assert.That(await new Storage.Repositories.ApiTokenRepository(SampleStore.Store).ListAsync(await UserAdministrationTests.IdOf(email)), Is.Empty);
            Assert.That(steal, Does.Contain("<a href=\"#tokens\">That token is not one of yours, or was already revoked</a>"));
            Assert.That((await api.GetAsync(new Uri("/api/v1/frameworks", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the other user's token still works");
        });
    }

    [Test]
    public async Task Changing_ones_password_needs_the_current_one_and_then_only_the_new_one_signs_in()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD"));
        using var browser = _host.Browser();
        await browser.SignInAsync(email, WebHost.Password);
        var page = await browser.GetPageAsync("/account");
        const string NewPassword = "a much better passphrase";

        var wrong = await (await browser.PostAsync(new Uri("/account/password", UriKind.Relative), UserAdministrationTests.Form(WebHost.AntiforgeryToken(page),
            ("CurrentPassword", "not it"), ("NewPassword", "short"), ("ConfirmPassword", "different")))).Content.ReadAsStringAsync();
        var changed = await browser.PostAsync(new Uri("/account/password", UriKind.Relative), UserAdministrationTests.Form(WebHost.AntiforgeryToken(page),
            ("CurrentPassword", WebHost.Password), ("NewPassword", NewPassword), ("ConfirmPassword", NewPassword)));
        using var withOld = _host.Browser();
        var oldSignIn = await withOld.SignInAsync(email, WebHost.Password);
        using var withNew = _host.Browser();
        var newSignIn = await withNew.SignInAsync(email, NewPassword);
        var audit = await UserAdministrationTests.AuditOf(await UserAdministrationTests.IdOf(email));

        Assert.Multiple(() =>
        {
            Assert.That(wrong, Does.Contain("<a href=\"#current-password\">Your current password is not right</a>"));
            Assert.That(wrong, Does.Contain("<a href=\"#new-password\">The new password must be at least 12 characters</a>"));
            Assert.That(wrong, Does.Contain("<a href=\"#confirm-password\">The new password and its confirmation must match</a>"));
            Assert.That(wrong, Does.Not.Contain("not it"), "passwords are never sent back");
            Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(changed.Headers.Location?.OriginalString, Is.EqualTo("/account?done=password"));
            Assert.That(oldSignIn.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the old password is refused");
            Assert.That(newSignIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the new one signs in");
            Assert.That(audit.Select(a => a.Reason), Is.EqualTo(new[] { "Password changed by its owner" }));
        });
    }

    [Test]
    public async Task An_expired_token_is_refused()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD"));
        var users = new Storage.Repositories.UserRepository(SampleStore.Store);
        var user = await users.FindByUserNameAsync(email);
        var expired = await new Application.Accounts.ApiTokens(new Storage.Repositories.ApiTokenRepository(SampleStore.Store), users, TimeProvider.System)
            .IssueAsync(user!.Id, "old", DateTimeOffset.UtcNow.AddMinutes(-1));
        var live = await new Application.Accounts.ApiTokens(new Storage.Repositories.ApiTokenRepository(SampleStore.Store), users, TimeProvider.System)
            .IssueAsync(user.Id, "new", DateTimeOffset.UtcNow.AddDays(1));
        using var expiredApi = _host.Api(expired.Token);
        using var liveApi = _host.Api(live.Token);

        Assert.Multiple(async () =>
        {
            Assert.That((await expiredApi.GetAsync(new Uri("/api/v1/frameworks", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await liveApi.GetAsync(new Uri("/api/v1/frameworks", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    private static Uri Scorecard(string unit) => new($"/api/v1/scorecards/BRD-CC/{unit}?period=2018-19%20Q4", UriKind.Relative);

    [GeneratedRegex("id=\"new-token\">([^<]+)<")]
    private static partial Regex NewToken();

    [GeneratedRegex("data-token-id=\"([0-9]+)\"")]
    private static partial Regex TokenRow();
}
