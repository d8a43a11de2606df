using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Outcomes.Storage;

namespace Outcomes.Web.Tests;

/// <summary>Antiforgery, security headers, and what a failure shows (never the exception).</summary>
public sealed partial class SecurityTests
{
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host = null!;

    [OneTimeSetUp]
    public void Start() => _host = WebHost.Create(SampleStore.Path);

    [OneTimeTearDown]
    public void Stop() => _host.Dispose();

    [Test]
    public async Task A_sign_in_post_without_its_antiforgery_token_is_refused_and_signs_nobody_in()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("administrator", "BRD"));
        using var browser = _host.Browser();
        await browser.GetPageAsync("/sign-in");

        var missing = await browser.PostAsync(new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["Password"] = WebHost.Password }));
        var forged = await browser.PostAsync(new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = WebHost.Password, ["__RequestVerificationToken"] = "CfDJ8forged",
        }));
        var after = await browser.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "still signed out");
        });
    }

    [Test]
    public async Task Sign_out_without_the_antiforgery_token_is_refused_and_the_session_stays()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD"));
        using var browser = _host.Browser();
        await browser.SignInAsync(email, WebHost.Password);

        var signOut = await browser.PostAsync(new Uri("/sign-out", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>()));
        var after = await browser.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [TestCase("/sign-in")]
    [TestCase("/health")]
    [TestCase("/api/v1/frameworks")]
    [TestCase("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var browser = _host.Browser();
        var response = await browser.GetAsync(new Uri(path, UriKind.Relative));
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Multiple(() =>
        {
            Assert.That(csp, Does.Contain("frame-ancestors 'none'").And.Contain("script-src 'self'").And.Contain("default-src 'self'"));
            Assert.That(csp, Does.Not.Contain("unsafe-inline").And.Not.Contain("unsafe-eval"));
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
            Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
        });
    }

    [Test]
    public async Task Pages_have_no_inline_script_or_style_so_the_CSP_needs_no_exceptions()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("scrutiny member", "BRD"));
        using var browser = _host.Browser();
        var signIn = await browser.GetPageAsync("/sign-in");
        await browser.SignInAsync(email, WebHost.Password);
        var dashboard = await browser.GetPageAsync("/");

        foreach (var html in new[] { signIn, dashboard })
        {
            Assert.Multiple(() =>
            {
                Assert.That(InlineScript().IsMatch(html), Is.False, "a <script> without src");
                Assert.That(html, Does.Not.Contain("<style").And.Not.Contain(" style=\"").And.Not.Contain(" onclick="));
            });
        }
    }

    [TestCase("Development")]
    [TestCase("Production")]
    public async Task A_failure_shows_a_reference_and_never_the_exception(string environment)
    {
        var folder = Directory.CreateTempSubdirectory("outcomes-web-broken-").FullName;
        try
        {
            var db = Path.Combine(folder, "o.db");
            File.Copy(SampleStore.Path, db);
            var email = await AddUserToAsync(db);
            await using var host = WebHost.Create(db, b => b.UseEnvironment(environment));
            using var browser = host.Browser();
            await browser.SignInAsync(email, WebHost.Password);
            var token = await TokenForAsync(db, email);

            // Break the store under the running host: the next request cannot read the signed-in account.
            await using (var connection = await OutcomesStore.Sqlite(db).OpenAsync())
            {
                await connection.ExecuteAsync("ALTER TABLE role_assignments RENAME TO role_assignments_gone;");
            }

            var page = await browser.GetAsync(new Uri("/", UriKind.Relative));
            var pageHtml = await page.Content.ReadAsStringAsync();
            var api = await host.Api(token).GetAsync(new Uri("/api/v1/frameworks", UriKind.Relative));
            var apiJson = await api.Content.ReadAsStringAsync();

            Assert.Multiple(() =>
            {
                Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
                Assert.That(pageHtml, Does.Contain("Sorry, there is a problem with the service").And.Contain("quote reference"));
                Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
                Assert.That(apiJson, Does.Contain("reference"));
                foreach (var body in new[] { pageHtml, apiJson })
                {
                    Assert.That(body, Does.Not.Contain("SqliteException").And.Not.Contain("role_assignments").And.Not.Contain("   at ").And.Not.Contain("Outcomes.Storage"));
                }
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> AddUserToAsync(string db)
    {
        var options = new Application.Accounts.AccountOptions();
        var email = $"broken-{Guid.NewGuid():N}@council.example";
        var created = await new Application.Accounts.UserAdministration(new Storage.Repositories.UserRepository(OutcomesStore.Sqlite(db)), new Application.Accounts.PasswordHashing(options), options, TimeProvider.System)
            .AddAsync(email, "Broken", [new("administrator", "BRD")], WebHost.Password);
        Assert.That(created.Created, Is.True);
        return email;
    }

    private static async Task<string> TokenForAsync(string db, string email)
    {
        var store = OutcomesStore.Sqlite(db);
        var users = new Storage.Repositories.UserRepository(store);
        var user = await users.FindByUserNameAsync(email);
        return (await new Application.Accounts.ApiTokens(new Storage.Repositories.ApiTokenRepository(store), users, TimeProvider.System).IssueAsync(user!.Id, "t")).Token;
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
