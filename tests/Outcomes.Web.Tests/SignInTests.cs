using Microsoft.AspNetCore.Hosting;
using System.Net;

namespace Outcomes.Web.Tests;

/// <summary>Signing in and out through the real pages: cookies, the GOV.UK error summary, lockout.</summary>
public sealed class SignInTests
{
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host = null!;

    [OneTimeSetUp]
    public void Start() => _host = WebHost.Create(SampleStore.Path);

    [OneTimeTearDown]
    public void Stop() => _host.Dispose();

    [Test]
    public async Task Signing_in_sets_a_secure_httponly_lax_cookie_and_opens_the_dashboard_of_the_users_units()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("performance officer", "BRD-CL1"));
        using var browser = _host.Browser();

        var response = await browser.SignInAsync(email, WebHost.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-outcomes=", StringComparison.Ordinal));
        var dashboard = await browser.GetPageAsync("/");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/"));
            Assert.That(cookie, Does.Contain("secure").IgnoreCase.And.Contain("httponly").IgnoreCase.And.Contain("samesite=lax").IgnoreCase.And.Contain("path=/"));
            Assert.That(dashboard, Does.Contain("Your dashboard").And.Contain("Keighley cluster").And.Contain("BRD-CC"));
            Assert.That(dashboard, Does.Contain("class=\"govuk-tag govuk-tag--"), "status tags");
            Assert.That(dashboard, Does.Contain("Returns for 2018-19 Q4").Or.Contain("Returns for"), "the quarter's returns");
            Assert.That(dashboard, Does.Contain("data-count=\"overdue\"").And.Contain("data-count=\"awaiting-approval\""));
            Assert.That(dashboard, Does.Not.Contain("Leeds").And.Not.Contain("Shipley and Bingley cluster"), "only the user's own units");
        });
    }

    [Test]
    public async Task A_signed_out_visitor_is_sent_to_sign_in_and_back_to_the_page_they_asked_for()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD"));
        using var browser = _host.Browser();
        var first = await browser.GetAsync(new Uri("/", UriKind.Relative));
        var page = await browser.GetPageAsync(first.Headers.Location!.PathAndQuery);
        var response = await browser.PostAsync(new Uri(first.Headers.Location!.PathAndQuery, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = WebHost.Password, ["ReturnUrl"] = "/", ["__RequestVerificationToken"] = WebHost.AntiforgeryToken(page),
        }));
        using var other = _host.Browser();
        var otherPage = await other.GetPageAsync("/sign-in?ReturnUrl=https%3A%2F%2Fevil.example%2F");
        var offsite = await other.PostAsync(new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = WebHost.Password, ["ReturnUrl"] = "https://evil.example/", ["__RequestVerificationToken"] = WebHost.AntiforgeryToken(otherPage),
        }));

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(first.Headers.Location!.AbsolutePath, Is.EqualTo("/sign-in"));
            Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/"));
            Assert.That(offsite.Headers.Location?.OriginalString, Is.EqualTo("/"), "no open redirect to another site");
        });
    }

    [Test]
    public async Task A_wrong_password_shows_the_error_summary_linking_to_the_field_and_sets_no_cookie()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD"));
        using var browser = _host.Browser();

        var response = await browser.SignInAsync(email, "not the password");
        var html = await response.Content.ReadAsStringAsync();
        var unknown = await (await browser.SignInAsync("nobody@council.example", "not the password")).Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("__Host-outcomes=", StringComparison.Ordinal)), Is.False);
            Assert.That(html, Does.Contain("<title>Error: Sign in"));
            Assert.That(html, Does.Contain("govuk-error-summary").And.Contain("<a href=\"#email\">Enter a correct email address and password</a>"));
            Assert.That(html, Does.Contain("id=\"email-error\"").And.Contain("govuk-input--error"));
            Assert.That(html, Does.Contain($"value=\"{email}\""), "the email is kept");
            Assert.That(html, Does.Not.Contain("not the password"), "the password is never sent back");
            Assert.That(unknown, Does.Contain("Enter a correct email address and password"), "an unknown user is told the same");
        });
    }

    [Test]
    public async Task Empty_fields_are_each_named_in_the_summary_with_a_link_to_the_field()
    {
        using var browser = _host.Browser();
        var html = await (await browser.SignInAsync(string.Empty, string.Empty)).Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<a href=\"#email\">Enter your email address</a>"));
            Assert.That(html, Does.Contain("<a href=\"#password\">Enter your password</a>"));
            Assert.That(html, Does.Contain("id=\"password-error\""));
        });
    }

    [Test]
    public async Task Five_failures_lock_the_account_and_even_the_right_password_is_refused_while_locked()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD"));
        using var browser = _host.Browser();

        var pages = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            pages.Add(await (await browser.SignInAsync(email, $"wrong {i}")).Content.ReadAsStringAsync());
        }

        var right = await browser.SignInAsync(email, WebHost.Password);
        var rightHtml = await right.Content.ReadAsStringAsync();
        var user = await new Storage.Repositories.UserRepository(SampleStore.Store).FindByUserNameAsync(email);

        Assert.Multiple(() =>
        {
            Assert.That(pages.Take(4), Has.All.Contains("Enter a correct email address and password"));
            Assert.That(pages[4], Does.Contain("Your account is locked after too many failed sign-in attempts. Try again in 15 minutes"));
            Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK), "no redirect into the service");
            Assert.That(rightHtml, Does.Contain("Your account is locked"));
            Assert.That(user!.LockedUntil, Is.GreaterThan(DateTimeOffset.UtcNow.AddMinutes(14)));
        });
    }

    [Test]
    public async Task Signing_out_ends_the_session()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD"));
        using var browser = _host.Browser();
        await browser.SignInAsync(email, WebHost.Password);
        var dashboard = await browser.GetPageAsync("/");

        var signOut = await browser.PostAsync(new Uri("/sign-out", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebHost.AntiforgeryToken(dashboard),
        }));
        var after = await browser.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(signOut.Headers.Location?.OriginalString, Is.EqualTo("/sign-in"));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(after.Headers.Location!.AbsolutePath, Is.EqualTo("/sign-in"));
        });
    }

    [Test]
    public async Task With_loopback_http_on_sign_in_works_over_plain_http_and_the_cookie_is_still_httponly_and_lax()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD"));
        await using var host = WebHost.Create(SampleStore.Path, b => b.UseSetting("Outcomes:LoopbackHttp", "true"));
        using var browser = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

        var response = await browser.SignInAsync(email, WebHost.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("outcomes=", StringComparison.Ordinal));
        var dashboard = await browser.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(cookie, Does.Contain("httponly").IgnoreCase.And.Contain("samesite=lax").IgnoreCase.And.Not.Contain("secure").IgnoreCase);
            Assert.That(dashboard.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }
}
