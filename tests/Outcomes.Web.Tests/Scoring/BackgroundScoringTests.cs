using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Tests.Scoring;

/// <summary>
/// Imports through the web are scored again in the background: each test has its own copy of the sample store and a
/// host whose scorer polls every second, and waits (up to 30 s) for what the scorer should do, read from the store.
/// </summary>
[TestFixture]
public sealed class BackgroundScoringTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private FrameworkTestStore _store = null!;

    [SetUp]
    public void CopyStore() => _store = new FrameworkTestStore();

    [TearDown]
    public void RemoveStore() => _store.Dispose();

    [Test]
    public async Task A_confirmed_page_upload_of_a_new_quarter_is_scored_in_the_background_and_its_request_removed()
    {
        using var host = Host();
        using var browser = await SignedInAsync(host, ("performance officer", "BRD-CL1"));
        var before = await ScoresAsync("BRD-CC", "BRD-CL1", "2019-20 Q1");

        var checkPage = await (await browser.UploadAsync("BRD-CL1_2019-20_Q1.xlsx", Uploads.NextQuarterReturn("bradford", "BRD-CL1", "2019-20 Q1"))).Content.ReadAsStringAsync();
        var confirmed = await browser.ConfirmAsync(checkPage);
        var donePage = await confirmed.Content.ReadAsStringAsync();
        var scored = await EventuallyAsync(async () => await ScoresAsync("BRD-CC", "BRD-CL1", "2019-20 Q1") > 0 && await RequestAsync("BRD-CC") is null);

        Assert.Multiple(async () =>
        {
            Assert.That(before, Is.Zero, "the quarter had no scores before the import");
            Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(donePage, Does.Contain("govuk-panel--confirmation").And.Contain("The scores for BRD-CC are being updated with this return"));
            Assert.That(scored, Is.True, "within 30 s the quarter's scores are stored and the request is gone");
            Assert.That(await ScoresAsync("BRD-CC", "BRD", "2019-20 Q1"), Is.GreaterThan(0), "the authority's roll-up for the quarter too");
            Assert.That(await browser.GetPageAsync("/"), Does.Contain("2019-20 Q1").And.Not.Contain("are being updated"), "the dashboard shows the new quarter, without the notice");
        });
    }

    [Test]
    public async Task An_api_import_answers_scoring_queued_and_is_scored_and_a_duplicate_upload_records_no_request()
    {
        using var host = Host();
        var token = await _store.TokenAsync(await _store.AddUserAsync(("performance officer", "BRD-CL5")));
        using var api = host.Api(token);
        var bytes = Uploads.NextQuarterReturn("bradford", "BRD-CL5", "2019-20 Q1");

        var imported = await PostAsync(api, bytes);
        var json = JsonDocument.Parse(await imported.Content.ReadAsStringAsync()).RootElement;
        var scored = await EventuallyAsync(async () => await ScoresAsync("BRD-CC", "BRD-CL5", "2019-20 Q1") > 0 && await RequestAsync("BRD-CC") is null);
        var duplicate = await PostAsync(api, bytes);
        var duplicateJson = JsonDocument.Parse(await duplicate.Content.ReadAsStringAsync()).RootElement;

        Assert.Multiple(async () =>
        {
            Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.Created), json.ToString());
            Assert.That(json.GetProperty("scoring").GetString(), Is.EqualTo("queued"));
            Assert.That(scored, Is.True, "within 30 s the quarter's scores are stored and the request is gone");
            Assert.That(duplicate.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), duplicateJson.ToString());
            Assert.That(duplicateJson.TryGetProperty("scoring", out var s) ? s.ValueKind : JsonValueKind.Null, Is.EqualTo(JsonValueKind.Null), "nothing stored, nothing queued");
            Assert.That(await RequestAsync("BRD-CC"), Is.Null, "a duplicate records no request");
        });
    }

    [Test]
    public async Task A_duplicate_page_upload_records_no_request()
    {
        // Scoring off on this host: a request, if one were recorded, would stay to be seen.
        using var host = Host(scoring: false);
        using var browser = await SignedInAsync(host, ("performance officer", "BRD-CL2"));
        var bytes = Uploads.NextQuarterReturn("bradford", "BRD-CL2", "2019-20 Q1");
        await browser.ConfirmAsync(await (await browser.UploadAsync("BRD-CL2.xlsx", bytes)).Content.ReadAsStringAsync());
        var first = await RequestAsync("BRD-CC");
        await ExecuteAsync("DELETE FROM scoring_requests");

        var again = await browser.ConfirmAsync(await (await browser.UploadAsync("BRD-CL2.xlsx", bytes)).Content.ReadAsStringAsync());

        Assert.Multiple(async () =>
        {
            Assert.That((first?.RequestedBy, first?.Revision), Is.Not.EqualTo(((string?)null, (long?)null)), "the first import recorded a request");
            Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("govuk-error-summary").And.Not.Contain("being updated"));
            Assert.That(await RequestAsync("BRD-CC"), Is.Null, "the duplicate recorded none");
        });
    }

    [Test]
    public async Task A_request_left_in_the_store_is_scored_at_start_up()
    {
        // As the CLI or another server would leave it: the scores of a quarter gone, a request recorded.
        await ExecuteAsync("DELETE FROM scores WHERE framework_code = 'BRD-CC' AND period_key = '2018-19 Q4'");
        await new ScoringRequestRepository(_store.Store).RecordAsync("BRD-CC", "cli", DateTimeOffset.UtcNow);
        var before = await ScoresAsync("BRD-CC", "BRD-CL1", "2018-19 Q4");

        using var host = Host();
        _ = host.Services;
        var scored = await EventuallyAsync(async () => await ScoresAsync("BRD-CC", "BRD-CL1", "2018-19 Q4") > 0 && await RequestAsync("BRD-CC") is null);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.Zero);
            Assert.That(scored, Is.True, "scored at start-up, without any import on this server");
        });
    }

    [Test]
    public async Task A_request_recorded_elsewhere_while_running_is_found_by_polling()
    {
        using var host = Host();
        _ = host.Services;
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await ExecuteAsync("DELETE FROM scores WHERE framework_code = 'BRD-CC' AND period_key = '2018-19 Q4'");
        await new ScoringRequestRepository(_store.Store).RecordAsync("BRD-CC", "another server", DateTimeOffset.UtcNow);

        var scored = await EventuallyAsync(async () => await ScoresAsync("BRD-CC", "BRD-CL1", "2018-19 Q4") > 0 && await RequestAsync("BRD-CC") is null);

        Assert.That(scored, Is.True, "no signal on this server: the poll found it");
    }

    [Test]
    public async Task A_failing_framework_is_logged_kept_for_a_retry_and_the_host_keeps_serving()
    {
        await new ScoringRequestRepository(_store.Store).RecordAsync("NO-SUCH", "cli", DateTimeOffset.UtcNow);
        await new ScoringRequestRepository(_store.Store).RecordAsync("BRD-CC", "cli", DateTimeOffset.UtcNow.AddSeconds(1));
        var logs = new CapturedLogs();
        using var host = Host(logs: logs);
        _ = host.Services;

        var failedOnce = await EventuallyAsync(async () => (await RequestAsync("NO-SUCH"))?.Attempts >= 1);
        var otherDone = await EventuallyAsync(async () => await RequestAsync("BRD-CC") is null);
        var failed = await RequestAsync("NO-SUCH");
        using var client = host.Api(null);
        var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(failedOnce, Is.True);
            Assert.That(failed!.LastError, Does.Contain("Framework 'NO-SUCH' is not in the store"));
            Assert.That(failed.RetryAfter, Is.GreaterThan(DateTimeOffset.UtcNow.AddSeconds(5)), "waits out a back-off (RetrySeconds 30 by default)");
            Assert.That(failed.StartedAt, Is.Null, "released");
            Assert.That(otherDone, Is.True, "the next framework is still scored");
            Assert.That(logs.Lines, Has.Some.Contains("Background scoring of NO-SUCH failed (attempt 1)"));
            Assert.That((int)health.StatusCode, Is.LessThan(500), "the host keeps serving");
        });
    }

    [Test]
    public async Task The_notice_shows_to_users_of_the_framework_s_authority_only()
    {
        // Claimed just now by "another server" (within its lease), so it stays pending while the pages are read.
        var requests = new ScoringRequestRepository(_store.Store);
        await requests.RecordAsync("BRD-CC", "another server", DateTimeOffset.UtcNow);
        await requests.ClaimAsync(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10));
        using var host = Host();
        using var bradford = await SignedInAsync(host, ("board member", "BRD"));
        using var leeds = await SignedInAsync(host, ("administrator", "LDS"));

        var bradfordDashboard = await bradford.GetPageAsync("/");
        var bradfordScorecard = await bradford.GetPageAsync("/units/BRD-CL1/BRD-CC");
        var leedsDashboard = await leeds.GetPageAsync("/");
        var leedsCrossing = await leeds.GetAsync(new Uri("/units/BRD-CL1/BRD-CC", UriKind.Relative));
        await ExecuteAsync("DELETE FROM scoring_requests");
        var bradfordAfter = await bradford.GetPageAsync("/");

        Assert.Multiple(async () =>
        {
            Assert.That(bradfordDashboard, Does.Contain("Scores for BRD-CC are being updated after a new return; refresh in a moment.").And.Contain("govuk-notification-banner"));
            Assert.That(bradfordScorecard, Does.Contain("Scores for BRD-CC are being updated"));
            Assert.That(leedsDashboard, Does.Not.Contain("being updated").And.Not.Contain("BRD-CC"), "another authority's framework is never named");
            Assert.That(leedsCrossing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await leedsCrossing.Content.ReadAsStringAsync(), Does.Not.Contain("being updated"));
            Assert.That(bradfordAfter, Does.Not.Contain("being updated"), "asked per request, not cached with the dashboard");
        });
    }

    [Test]
    public void Bad_scoring_options_stop_the_host_naming_the_setting()
    {
        using var host = WebHost.Create(_store.Path, b => b.UseSetting("Outcomes:Scoring:PollSeconds", "0"));

        var failure = Assert.Catch(() =>
        {
            using var client = host.CreateClient();
        });

        Assert.That(failure?.ToString(), Does.Contain("Outcomes:Scoring:PollSeconds must be between 1 and 3600 (was 0)"));
    }

    private WebApplicationFactory<Program> Host(bool scoring = true, CapturedLogs? logs = null) =>
        WebHost.Create(_store.Path, b =>
        {
            b.UseSetting("Outcomes:Scoring:Enabled", scoring ? "true" : "false");
            b.UseSetting("Outcomes:Scoring:PollSeconds", "1");
            if (logs is not null)
            {
                b.ConfigureLogging(l => l.AddProvider(logs));
            }
        });

    private async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> host, params (string Role, string Scope)[] roles)
    {
        var email = await _store.AddUserAsync(roles);
        var browser = host.Browser();
        var signedIn = await browser.SignInAsync(email, WebHost.Password);
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed in");
        return browser;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "return.xlsx");
        return await client.PostAsync(new Uri("/api/v1/returns?mode=import", UriKind.Relative), form);
    }

    private Task<RescoringRequest?> RequestAsync(string framework) => new ScoringRequestRepository(_store.Store).GetAsync(framework);

    private async Task<long> ScoresAsync(string framework, string unit, string period)
    {
        await using var connection = new SqliteConnection($"Data Source={_store.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM scores WHERE framework_code = $f AND org_unit_code = $u AND period_key = $p";
        command.Parameters.AddWithValue("$f", framework);
        command.Parameters.AddWithValue("$u", unit);
        command.Parameters.AddWithValue("$p", period);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_store.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <see cref="Patience"/> runs out; whether it held.</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return await condition();
    }
}
