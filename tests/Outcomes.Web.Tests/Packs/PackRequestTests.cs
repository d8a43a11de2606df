using System.Net;
using System.Text.Json;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Packs;

namespace Outcomes.Web.Tests.Packs;

/// <summary>
/// Asking for packs without rendering any: Chromium is pointed nowhere, so every accepted job fails fast, and what is
/// checked is who may ask, what they are told, and that a failure reads as a sentence with something to do.
/// </summary>
[NonParallelizable]
public sealed class PackRequestTests
{
    private const string Quarter = "2018-19 Q4";
    private PackHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await PackHost.StartAsync(chromiumPath: "/nowhere/chromium");

    [OneTimeTearDown]
    public void Stop() => _host?.Dispose();

    [Test]
    public async Task A_pack_that_cannot_be_printed_ends_failed_with_a_message_people_can_act_on()
    {
        using var officer = await _host.SignedInAsync(("performance officer", "BRD-CL1"));
        var id = PackHost.JobIdFrom(await PackHost.AskOnPageAsync(officer, "board", "BRD-CC", "BRD-CL1", Quarter));
        var (job, _) = await _host.FinishedAsync(id, TimeSpan.FromSeconds(60));
        var page = await officer.GetPageAsync($"/packs/{id}");
        var pdf = await officer.GetAsync(new Uri($"/packs/{id}/pdf", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(job.Status, Is.EqualTo(PackJobStatus.Failed));
            Assert.That(job.ErrorMessage, Does.Contain("Chromium").And.Contain("Ask your administrator").And.Contain($"pack job {id}"));
            Assert.That(job.ErrorMessage, Does.Not.Contain("/nowhere").And.Not.Contain("Exception").And.Not.Contain(" at "), "no server path or stack trace");
            Assert.That(job.FinishedAt, Is.Not.Null);
            Assert.That(page, Does.Contain("The pack was not made").And.Contain(">Failed<").And.Contain("Chromium, which prints packs, is not installed"));
            Assert.That(page, Does.Not.Contain("http-equiv=\"refresh\""), "a failed job stops reloading");
            Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "nothing to download");
            Assert.That(Directory.Exists(Path.Combine(_host.PacksFolder, id.ToString(System.Globalization.CultureInfo.InvariantCulture))), Is.False, "no half-made files left");
        });
    }

    public static IEnumerable<TestCaseData> EveryRole() =>
        new[] { ("administrator", true), ("performance officer", true), ("approver", true), ("board member", false), ("scrutiny member", false) }
            .Select(r => new TestCaseData(r.Item1, r.Item2).SetArgDisplayNames(r.Item1, r.Item2 ? "may generate" : "may not"));

    [TestCaseSource(nameof(EveryRole))]
    public async Task Every_role_may_or_may_not_generate_a_pack_for_its_unit_on_the_page_and_through_the_api(string role, bool may)
    {
        using var browser = await _host.SignedInAsync((role, "BRD-CL1"));
        using var api = await _host.ApiAsync((role, "BRD-CL1"));
        var page = await PackHost.AskOnPageAsync(browser, "board", "BRD-CC", "BRD-CL1", Quarter);
        var byApi = await PackHost.AskByApiAsync(api, "board", "BRD-CC", "BRD-CL1", Quarter);
        var form = await browser.GetPageAsync("/packs");

        Assert.Multiple(() =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(may ? HttpStatusCode.Redirect : HttpStatusCode.Forbidden), "the page");
            Assert.That(byApi.StatusCode, Is.EqualTo(may ? HttpStatusCode.Accepted : HttpStatusCode.Forbidden), "the API");
            Assert.That(form.Contains("Generate pack", StringComparison.Ordinal), Is.EqualTo(may), "the form is offered only to those who may use it");
        });
    }

    [Test]
    public async Task A_scrutiny_pack_needs_the_authority_and_a_role_over_it()
    {
        using var clusterOfficer = await _host.ApiAsync(("performance officer", "BRD-CL1"));
        using var authorityApprover = await _host.ApiAsync(("approver", "BRD"));
        var outsideScope = await PackHost.AskByApiAsync(clusterOfficer, "scrutiny", "BRD-CC", "BRD", Quarter);
        var notTheAuthority = await PackHost.AskByApiAsync(authorityApprover, "scrutiny", "BRD-CC", "BRD-CL1", Quarter);
        var problems = JsonDocument.Parse(await notTheAuthority.Content.ReadAsStringAsync()).RootElement.GetProperty("fields");

        Assert.Multiple(() =>
        {
            Assert.That(outsideScope.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the authority is above a cluster officer's scope");
            Assert.That(notTheAuthority.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problems[0].GetProperty("field").GetString(), Is.EqualTo("unit"));
            Assert.That(problems[0].GetProperty("message").GetString(), Does.Contain("covers the whole authority").And.Contain("City of Bradford Metropolitan District Council"));
        });
    }

    [Test]
    public async Task Bad_input_on_the_page_is_listed_in_an_error_summary_linking_each_field_and_nothing_is_queued()
    {
        using var officer = await _host.SignedInAsync(("performance officer", "BRD-CL1"));
        var before = (await _host.Jobs.ListAsync(["BRD"], 1000)).Count;
        var badQuarter = await PackHost.AskOnPageAsync(officer, "board", "BRD-CC", "BRD-CL1", "2018-19 Q9");
        var noScores = await PackHost.AskOnPageAsync(officer, "board", "BRD-CC", "BRD-CL1", "2016-17 Q1");
        var noKind = await PackHost.AskOnPageAsync(officer, "", "BRD-CC", "BRD-CL1", Quarter);
        var badQuarterPage = await badQuarter.Content.ReadAsStringAsync();
        var after = (await _host.Jobs.ListAsync(["BRD"], 1000)).Count;

        Assert.Multiple(async () =>
        {
            Assert.That(badQuarter.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(badQuarterPage, Does.Contain("govuk-error-summary").And.Contain("href=\"#period\"").And.Contain("Enter the quarter like 2018-19 Q4"));
            Assert.That(badQuarterPage, Does.Contain("<title>Error: Packs"));
            Assert.That(await noScores.Content.ReadAsStringAsync(), Does.Contain("There are no scores for Keighley cluster in 2016-17 Q1 yet"));
            Assert.That(await noKind.Content.ReadAsStringAsync(), Does.Contain("href=\"#kind\"").And.Contain("Select the kind of pack"));
            Assert.That(after, Is.EqualTo(before), "nothing was queued");
        });
    }

    [Test]
    public async Task Another_authoritys_framework_or_unit_answers_404_by_page_and_api_as_one_that_does_not_exist()
    {
        using var leedsApi = await _host.ApiAsync(("administrator", "LDS"));
        using var leedsBrowser = await _host.SignedInAsync(("administrator", "LDS"));
        using var bradford = await _host.SignedInAsync(("administrator", "BRD"));
        var bradfordJob = PackHost.JobIdFrom(await PackHost.AskOnPageAsync(bradford, "board", "BRD-CC", "BRD-CL1", Quarter));
        var missing = await PackHost.AskByApiAsync(leedsApi, "board", "NOPE-XX", "NOPE", Quarter);
        var missingBody = Shape(await missing.Content.ReadAsStringAsync(), "NOPE-XX", "NOPE");
        var attempts = new Dictionary<string, (HttpResponseMessage Response, string Framework, string Unit)>
        {
            ["Bradford's framework and unit"] = (await PackHost.AskByApiAsync(leedsApi, "board", "BRD-CC", "BRD-CL1", Quarter), "BRD-CC", "BRD-CL1"),
            ["our framework, Bradford's unit"] = (await PackHost.AskByApiAsync(leedsApi, "board", "LDS-ESD", "BRD-CL1", Quarter), "LDS-ESD", "BRD-CL1"),
            ["Bradford's framework, our unit"] = (await PackHost.AskByApiAsync(leedsApi, "board", "BRD-CC", "LDS", Quarter), "BRD-CC", "LDS"),
        };
        var byPage = await PackHost.AskOnPageAsync(leedsBrowser, "board", "BRD-CC", "BRD-CL1", Quarter);
        var history = await leedsBrowser.GetPageAsync("/packs");

        Assert.Multiple(async () =>
        {
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            foreach (var (what, (response, framework, unit)) in attempts)
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), what);
                Assert.That(Shape(await response.Content.ReadAsStringAsync(), framework, unit), Is.EqualTo(missingBody), $"{what}: the same answer as for nothing at all");
            }

            Assert.That(byPage.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "by the page");
            Assert.That((await leedsBrowser.GetAsync(new Uri($"/packs/{bradfordJob}", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "Bradford's job page");
            Assert.That((await leedsApi.GetAsync(new Uri($"/api/v1/packs/{bradfordJob}", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "Bradford's job by API");
            Assert.That(history, Does.Not.Contain($"href=\"/packs/{bradfordJob}\"").And.Not.Contain("BRD-"), "Leeds's history shows no Bradford jobs");
        });
    }

    [Test]
    public async Task A_cookie_caller_of_the_api_must_send_the_antiforgery_token()
    {
        using var browser = await _host.SignedInAsync(("administrator", "BRD"));
        var response = await PackHost.AskByApiAsync(browser, "board", "BRD-CC", "BRD-CL1", Quarter);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private static string Shape(string body, string framework, string unit) =>
        body.Replace(framework, "{framework}", StringComparison.Ordinal).Replace(unit, "{unit}", StringComparison.Ordinal);
}
