using System.Net;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Storage.Repositories;
using Outcomes.Storage.Returns;

namespace Outcomes.Web.Tests.Approvals;

/// <summary>
/// Locking and reopening a whole quarter from the returns list: an approver or administrator over the whole authority
/// locks once every return is approved (all or nothing); only an administrator reopens, with a reason.
/// </summary>
public sealed class QuarterActionTests
{
    private const string Framework = "BRS-CC";

    private ApprovalStore _store = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _store = await ApprovalStore.CreateAsync();

    [OneTimeTearDown]
    public void Stop() => _store.Dispose();

    [Test]
    public async Task A_quarter_locks_only_when_every_return_is_approved_and_reopens_only_for_an_administrator_with_a_reason()
    {
        // The first quarter has no history, so no warnings stop its approval.
        var quarter = PeriodParser.Parse("2017-18 Q1");
        var units = (await new ReturnRepository(_store.Store).ListAsync(Framework, quarter)).Select(r => r.OrgUnitCode).ToList();
        using var approver = await _store.BrowserAsync(("approver", "BRS"));
        using var clusterApprover = await _store.BrowserAsync(("approver", units[0]));
        using var admin = await _store.BrowserAsync(("administrator", "BRS"));
        var list = $"/returns?framework={Framework}&quarter=2017-18+Q1";
        for (var i = 1; i < units.Count; i++)
        {
            Assert.That((await _store.Workflow.ApproveAsync(Framework, units[i], quarter, "setup@council.example", WorkflowRole.Administrator)).Done, Is.True);
        }

        var notAllApproved = await PostAsync(approver, list, "LockQuarter", null);
        var notAllBody = await notAllApproved.Content.ReadAsStringAsync();
        var afterRefusal = await StatusesAsync(units, quarter);
        Assert.That((await _store.Workflow.ApproveAsync(Framework, units[0], quarter, "setup@council.example", WorkflowRole.Administrator)).Done, Is.True);
        var clusterPage = await clusterApprover.GetPageAsync(list);
        var byCluster = await PostAsync(clusterApprover, list, "LockQuarter", null);
        var locked = await PostAsync(approver, list, "LockQuarter", "Board papers printed");
        var lockedPage = System.Net.WebUtility.HtmlDecode(await approver.GetPageAsync(list));
        var afterLock = await StatusesAsync(units, quarter);
        var approverPage = await approver.GetPageAsync(list);
        var reopenByApprover = await PostAsync(approver, list, "ReopenQuarter", "Because");
        var reopenWithoutReason = await PostAsync(admin, list, "ReopenQuarter", " ");
        var withoutReasonBody = await reopenWithoutReason.Content.ReadAsStringAsync();
        var stillLocked = await StatusesAsync(units, quarter);
        var reopened = await PostAsync(admin, list, "ReopenQuarter", "Corrections from two clusters");
        var afterReopen = await StatusesAsync(units, quarter);

        Assert.Multiple(() =>
        {
            Assert.That(units, Has.Count.GreaterThan(1));
            Assert.That(notAllApproved.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(notAllBody, Does.Contain("href=\"#lock-quarter\"").And.Contain(units[0]).And.Contain("rule workflow.not-approved"));
            Assert.That(afterRefusal, Has.All.Not.EqualTo(ReturnStatus.Locked), "all or nothing: none was locked");
            Assert.That(clusterPage, Does.Not.Contain("id=\"lock-quarter\""), "a cluster's approver is not offered the whole quarter");
            Assert.That(byCluster.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(locked.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(lockedPage, Does.Contain($"2017-18 Q1 for {Framework}: {units.Count} returns locked"));
            Assert.That(afterLock, Has.All.EqualTo(ReturnStatus.Locked));
            Assert.That(approverPage, Does.Contain("id=\"lock-quarter\"").And.Not.Contain("id=\"reopen-quarter\""));
            Assert.That(reopenByApprover.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(reopenWithoutReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(withoutReasonBody, Does.Contain("href=\"#reopen-quarter-reason\"").And.Contain("rule workflow.reason-required"));
            Assert.That(stillLocked, Has.All.EqualTo(ReturnStatus.Locked));
            Assert.That(reopened.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(afterReopen, Has.All.EqualTo(ReturnStatus.Submitted));
        });
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string list, string handler, string? reason)
    {
        var page = await browser.GetPageAsync(list);
        return await browser.PostAsync(new Uri($"/returns?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["framework"] = Framework,
            ["quarter"] = "2017-18 Q1",
            ["reason"] = reason ?? string.Empty,
            ["__RequestVerificationToken"] = WebHost.AntiforgeryToken(page),
        }));
    }

    private async Task<List<ReturnStatus?>> StatusesAsync(IEnumerable<string> units, Period quarter)
    {
        var statuses = new List<ReturnStatus?>();
        foreach (var unit in units)
        {
            statuses.Add(await _store.StatusAsync(unit, quarter, Framework));
        }

        return statuses;
    }
}
