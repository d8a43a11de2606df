using System.Net;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;

namespace Outcomes.Web.Tests.Approvals;

/// <summary>
/// Refused actions change nothing and say why, naming the field and the rule; another authority's returns, or returns
/// outside the caller's scope, answer 404 by URL and by API; a form without its antiforgery token is refused (400).
/// </summary>
public sealed class WorkflowRefusalTests
{
    private ApprovalStore _store = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _store = await ApprovalStore.CreateAsync();

    [OneTimeTearDown]
    public void Stop() => _store.Dispose();

    [Test]
    public async Task Reopening_without_a_reason_shows_the_error_summary_against_the_reason_and_leaves_the_return_locked()
    {
        var (unit, period) = await _store.FreshReturnAsync(ReturnStatus.Locked);
        var url = Approve.Url(unit, period);
        using var browser = await _store.BrowserAsync(("administrator", "LDS"));
        using var api = await _store.ApiAsync(("administrator", "LDS"));
        var audit = await _store.AuditRowsAsync();

        var page = await browser.PostActionAsync(url, "reopen", "   ");
        var body = await page.Content.ReadAsStringAsync();
        var viaApi = await api.ApiActionAsync(url, "reopen", null);
        var json = await viaApi.JsonAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body, Does.Contain("<title>Error: "));
            Assert.That(body, Does.Contain("govuk-error-summary").And.Contain("href=\"#reopen-reason\"").And.Contain("can only be reopened with a reason (rule workflow.reason-required)"));
            Assert.That(body, Does.Contain("id=\"reopen-reason-error\""), "the message is also beside the field");
            Assert.That(viaApi.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(json.GetProperty("rule").GetString(), Is.EqualTo("workflow.reason-required"));
            Assert.That(await _store.StatusAsync(unit, period), Is.EqualTo(ReturnStatus.Locked));
            Assert.That(await _store.AuditRowsAsync(), Is.EqualTo(audit));
        });
    }

    [Test]
    public async Task Approving_a_return_whose_warnings_lack_commentary_is_refused_naming_the_measures()
    {
        var (unit, period) = await _store.ReturnNeedingCommentaryAsync();
        var measures = (await _store.Workflow.HistoryFindingsAsync(ApprovalStore.Framework, unit, period)).Where(f => f.NeedsCommentary).Select(f => f.MeasureCode).Distinct().ToList();
        var url = Approve.Url(unit, period);
        using var browser = await _store.BrowserAsync(("approver", "LDS"));
        using var api = await _store.ApiAsync(("approver", "LDS"));

        var page = await browser.PostActionAsync(url, "approve", "Looks fine");
        var body = await page.Content.ReadAsStringAsync();
        var viaApi = await api.ApiActionAsync(url, "approve", "Looks fine");
        var json = await viaApi.JsonAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(body, Does.Contain("href=\"#findings\"").And.Contain("rule workflow.needs-commentary").And.Contain("Needs commentary"));
            foreach (var measure in measures)
            {
                Assert.That(body, Does.Contain(measure));
            }

            Assert.That(viaApi.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(json.GetProperty("rule").GetString(), Is.EqualTo("workflow.needs-commentary"));
            Assert.That(json.GetProperty("measures").EnumerateArray().Select(m => m.GetString()), Is.EquivalentTo(measures));
            Assert.That(await _store.StatusAsync(unit, period), Is.EqualTo(ReturnStatus.Submitted));
        });
    }

    [Test]
    public async Task Locking_a_return_that_is_not_approved_is_refused_with_the_status_rule()
    {
        var (unit, period) = await _store.FreshReturnAsync(ReturnStatus.Submitted);
        using var browser = await _store.BrowserAsync(("approver", "LDS"));
        using var api = await _store.ApiAsync(("approver", "LDS"));

        var page = await browser.PostActionAsync(Approve.Url(unit, period), "lock", null);
        var body = await page.Content.ReadAsStringAsync();
        var viaApi = await api.ApiActionAsync(Approve.Url(unit, period), "lock", null);

        Assert.Multiple(async () =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(body, Does.Contain("only an approved return can be locked (rule workflow.not-approved)").And.Contain("href=\"#actions\""));
            Assert.That(viaApi.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((await viaApi.JsonAsync()).GetProperty("rule").GetString(), Is.EqualTo("workflow.not-approved"));
            Assert.That(await _store.StatusAsync(unit, period), Is.EqualTo(ReturnStatus.Submitted));
        });
    }

    [Test]
    public async Task A_done_action_redirects_to_the_return_which_shows_the_banner_once_and_the_new_status()
    {
        var (unit, period) = await _store.FreshReturnAsync(ReturnStatus.Submitted);
        var url = Approve.Url(unit, period);
        using var browser = await _store.BrowserAsync(("approver", "LDS"));

        var posted = await browser.PostActionAsync(url, "approve", "Figures checked with the cluster manager");
        var first = await browser.GetPageAsync(url);
        var second = await browser.GetPageAsync(url);

        Assert.Multiple(() =>
        {
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(System.Net.WebUtility.HtmlDecode(first), Does.Contain("govuk-notification-banner--success").And.Contain($"Return approved: {period.Key} for {unit}: submitted → approved"));
            Assert.That(first, Does.Contain("<strong class=\"govuk-tag govuk-tag--green\" id=\"status\">Approved</strong>"));
            Assert.That(first, Does.Contain("id=\"lock\""), "an approver may now lock it");
            Assert.That(second, Does.Not.Contain("govuk-notification-banner"), "the banner is shown once");
        });
    }

    [Test]
    public async Task Without_the_antiforgery_token_a_form_or_cookie_api_post_is_refused_and_nothing_changes()
    {
        var (unit, period) = await _store.FreshReturnAsync(ReturnStatus.Submitted);
        var url = Approve.Url(unit, period);
        using var browser = await _store.BrowserAsync(("administrator", "LDS"));

        var page = await browser.PostActionAsync(url, "approve", "No token", withToken: false);
        var cookieApi = await browser.ApiActionAsync(url, "approve", "No token");
        var quarter = await browser.PostAsync(
            new Uri($"/returns?handler=LockQuarter", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["framework"] = ApprovalStore.Framework, ["quarter"] = period.Key }));

        Assert.Multiple(async () =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(cookieApi.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(quarter.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await _store.StatusAsync(unit, period), Is.EqualTo(ReturnStatus.Submitted));
        });
    }

    [Test]
    public async Task A_post_naming_no_action_is_404_and_changes_nothing()
    {
        var (unit, period) = await _store.FreshReturnAsync(ReturnStatus.Submitted);
        using var browser = await _store.BrowserAsync(("administrator", "LDS"));
        var audit = await _store.AuditRowsAsync();

        var bogus = await browser.PostActionAsync(Approve.Url(unit, period), "publish", "Not an action");
        var token = WebHost.AntiforgeryToken(await browser.GetPageAsync("/returns"));
        var list = await browser.PostAsync(new Uri("/returns", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var auditPost = await browser.PostAsync(new Uri("/audit", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Multiple(async () =>
        {
            Assert.That(bogus.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(auditPost.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await _store.StatusAsync(unit, period), Is.EqualTo(ReturnStatus.Submitted));
            Assert.That(await _store.AuditRowsAsync(), Is.EqualTo(audit));
        });
    }

    [Test]
    public async Task Another_authoritys_return_or_one_outside_the_scope_is_404_by_url_and_api_and_nothing_changes()
    {
        var q4 = PeriodParser.Parse("2018-19 Q4");
        var (leedsUnit, leedsPeriod) = await _store.FreshReturnAsync(ReturnStatus.Submitted);
        using var leedsAdmin = await _store.BrowserAsync(("administrator", "LDS"));
        using var leedsAdminApi = await _store.ApiAsync(("administrator", "LDS"));
        using var clusterApprover = await _store.BrowserAsync(("approver", "LDS-CL01"));
        using var clusterApproverApi = await _store.ApiAsync(("approver", "LDS-CL01"));
        var audit = await _store.AuditRowsAsync();
        var bradford = Approve.Url("BRD-CL1", q4, "BRD-CC");
        var mixed = Approve.Url("BRD-CL1", q4, "LDS-ESD");
        var sibling = Approve.Url(leedsUnit == "LDS-CL01" ? "LDS-CL02" : leedsUnit, leedsPeriod);
        var nothing = Approve.Url("NOPE", q4, "NOPE-XX");

        var attempts = new Dictionary<string, HttpResponseMessage>
        {
            ["page: another authority's return"] = await leedsAdmin.GetAsync(new Uri(bradford, UriKind.Relative)),
            ["page: our framework with their unit"] = await leedsAdmin.GetAsync(new Uri(mixed, UriKind.Relative)),
            ["page: approving another authority's return"] = await leedsAdmin.PostActionAsync(bradford, "approve", "Not ours"),
            ["page: a sibling cluster outside the scope"] = await clusterApprover.GetAsync(new Uri(sibling, UriKind.Relative)),
            ["page: approving a sibling cluster"] = await clusterApprover.PostActionAsync(sibling, "approve", "Not ours"),
            ["api: another authority's return"] = await leedsAdminApi.GetAsync(new Uri("/api/v1" + bradford, UriKind.Relative)),
            ["api: approving another authority's return"] = await leedsAdminApi.ApiActionAsync(bradford, "approve", "Not ours"),
            ["api: locking with our framework and their unit"] = await leedsAdminApi.ApiActionAsync(mixed, "lock", "Not ours"),
            ["api: approving a sibling cluster"] = await clusterApproverApi.ApiActionAsync(sibling, "approve", "Not ours"),
            ["api: listing another authority's framework"] = await leedsAdminApi.GetAsync(new Uri("/api/v1/returns?framework=BRD-CC", UriKind.Relative)),
        };
        var missing = await leedsAdminApi.ApiActionAsync(nothing, "approve", "Not there");
        var missingShape = WithoutTrace(await missing.Content.ReadAsStringAsync()).Replace("NOPE-XX", "{f}", StringComparison.Ordinal).Replace("NOPE", "{u}", StringComparison.Ordinal);
        var theirs = WithoutTrace(await attempts["api: approving another authority's return"].Content.ReadAsStringAsync()).Replace("BRD-CC", "{f}", StringComparison.Ordinal).Replace("BRD-CL1", "{u}", StringComparison.Ordinal);

        Assert.Multiple(async () =>
        {
            foreach (var (what, response) in attempts)
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), what);
            }

            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(theirs, Is.EqualTo(missingShape), "another authority's return reads exactly like no return at all");
            Assert.That(await _store.StatusAsync("BRD-CL1", q4, "BRD-CC"), Is.EqualTo(ReturnStatus.Submitted));
            Assert.That(await _store.StatusAsync(leedsUnit == "LDS-CL01" ? "LDS-CL02" : leedsUnit, leedsPeriod), Is.EqualTo(ReturnStatus.Submitted));
            Assert.That(await _store.AuditRowsAsync(), Is.EqualTo(audit), "nothing was written");
        });
    }

    // The problem's traceId differs per request by design; the rest must not tell "not yours" from "not there".
    private static string WithoutTrace(string body) =>
        System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "\"traceId\":\"…\"");
}
