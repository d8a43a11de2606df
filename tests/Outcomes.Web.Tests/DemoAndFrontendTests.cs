using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Outcomes.Web.Tests;

/// <summary>What `make serve` relies on: the printed demo sign-in, and GOV.UK Frontend served when built (and not needed).</summary>
public sealed partial class DemoAndFrontendTests
{
    [Test]
    public async Task The_demo_sign_in_is_logged_at_start_and_signs_in_an_administrator_over_every_sample_authority()
    {
        var folder = Directory.CreateTempSubdirectory("outcomes-web-demo-").FullName;
        try
        {
            var db = Path.Combine(folder, "o.db");
            File.Copy(SampleStore.Path, db);
            var logs = new CapturedLogs();
            string Printed() => logs.Lines.Single(l => l.StartsWith("Demo sign-in:", StringComparison.Ordinal));
            await using (var first = WebHost.Create(db, b => b.UseSetting("Outcomes:DemoSignIn", "true").ConfigureLogging(l => l.AddProvider(logs))))
            {
                first.Browser().Dispose();
            }

            var firstLine = Printed();
            logs = new CapturedLogs();
            await using var host = WebHost.Create(db, b => b.UseSetting("Outcomes:DemoSignIn", "true").ConfigureLogging(l => l.AddProvider(logs)));
            using var browser = host.Browser();
            var line = Printed();
            var match = DemoLine().Match(line);
            var oldPassword = DemoLine().Match(firstLine).Groups[2].Value;
            var stale = await browser.SignInAsync(match.Groups[1].Value, oldPassword);
            var signIn = await browser.SignInAsync(match.Groups[1].Value, match.Groups[2].Value);
            var dashboard = await browser.GetPageAsync("/");

            Assert.Multiple(() =>
            {
                Assert.That(match.Success, Is.True, line);
                Assert.That(match.Groups[1].Value, Is.EqualTo("demo@outcomes.invalid"));
                Assert.That(line, Does.Contain("administrator over BPL, BRD, BRS"));
                Assert.That(oldPassword, Is.Not.EqualTo(match.Groups[2].Value), "a fresh password at each start");
                Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the previous start's password no longer works");
                Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
                Assert.That(dashboard, Does.Contain("City of Bradford Metropolitan District Council").And.Contain("Leeds City Council"));
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task A_built_frontend_is_linked_and_served_and_without_one_the_pages_work_unstyled()
    {
        var built = Directory.CreateTempSubdirectory("outcomes-web-frontend-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(built, "outcomes.css"), ".govuk-body{color:#0b0c0c}");
            await File.WriteAllTextAsync(Path.Combine(built, "init.mjs"), "export {}");
            await using var styled = WebHost.Create(SampleStore.Path, b => b.UseSetting("Outcomes:FrontendPath", built));
            await using var plain = WebHost.Create(SampleStore.Path, b => b.UseSetting("Outcomes:FrontendPath", Path.Combine(built, "missing")));
            using var styledBrowser = styled.Browser();
            using var plainBrowser = plain.Browser();

            var styledPage = await styledBrowser.GetPageAsync("/sign-in");
            var css = await styledBrowser.GetAsync(new Uri("/outcomes.css", UriKind.Relative));
            var script = await styledBrowser.GetAsync(new Uri("/init.mjs", UriKind.Relative));
            var plainPage = await plainBrowser.GetAsync(new Uri("/sign-in", UriKind.Relative));
            var plainHtml = await plainPage.Content.ReadAsStringAsync();

            Assert.Multiple(() =>
            {
                Assert.That(styledPage, Does.Contain("<link rel=\"stylesheet\" href=\"/outcomes.css\">").And.Contain("<script type=\"module\" src=\"/init.mjs\"></script>"));
                Assert.That(css.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(css.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/css"));
                Assert.That(script.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
                Assert.That(plainPage.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(plainHtml, Does.Contain("<form method=\"post\"").And.Not.Contain("outcomes.css").And.Not.Contain("init.mjs"));
            });
        }
        finally
        {
            Directory.Delete(built, recursive: true);
        }
    }

    [Test]
    public void Bad_account_settings_stop_the_host_at_start_with_the_setting_named()
    {
        using var host = WebHost.Create(SampleStore.Path, b => b.UseSetting("Outcomes:Accounts:MaxFailedAttempts", "0"));
        Assert.That(() => host.CreateClient(), Throws.Exception.With.Message.Contains("Outcomes:Accounts: MaxFailedAttempts must be between 1 and 100"));
    }

    [GeneratedRegex(@"^Demo sign-in: (\S+) with password (\S+) ")]
    private static partial Regex DemoLine();
}
