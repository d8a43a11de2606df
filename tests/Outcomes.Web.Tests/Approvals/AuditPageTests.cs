using System.Net;
using Outcomes.Domain.Returns;

namespace Outcomes.Web.Tests.Approvals;

/// <summary>The audit log shows the actions just taken, newest first with their reasons, only for units in scope.</summary>
public sealed class AuditPageTests
{
    private ApprovalStore _store = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _store = await ApprovalStore.CreateAsync();

    [OneTimeTearDown]
    public void Stop() => _store.Dispose();

    [Test]
    public async Task The_audit_log_shows_approve_lock_and_reopen_with_who_and_why_newest_first()
    {
        var (unit, period) = await _store.FreshReturnAsync(ReturnStatus.Submitted);
        var url = Approve.Url(unit, period);
        var adminName = await _store.AddUserAsync(("administrator", "LDS"));
        using var admin = _store.Host.Browser();
        await admin.SignInAsync(adminName, WebHost.Password);

        Assert.That((await admin.PostActionAsync(url, "approve", "Figures checked with the cluster manager")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await admin.PostActionAsync(url, "lock", "Quarter closed for the board")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await admin.PostActionAsync(url, "reopen", "Late correction from the cluster")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var page = System.Net.WebUtility.HtmlDecode(await admin.GetPageAsync($"/audit?framework=LDS-ESD&unit={unit}"));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var todayOnly = System.Net.WebUtility.HtmlDecode(await admin.GetPageAsync($"/audit?framework=LDS-ESD&from={today}&to={today}"));
        var future = await admin.GetPageAsync($"/audit?from={tomorrow}");
        var badDate = await admin.GetAsync(new Uri("/audit?from=yesterday", UriKind.Relative));

        using var bradford = await _store.BrowserAsync(("administrator", "BRD"));
        var bradfordPage = await bradford.GetPageAsync("/audit");

        var reopened = page.IndexOf("Late correction from the cluster", StringComparison.Ordinal);
        var locked = page.IndexOf("Quarter closed for the board", StringComparison.Ordinal);
        var approved = page.IndexOf("Figures checked with the cluster manager", StringComparison.Ordinal);
        Assert.Multiple(async () =>
        {
            Assert.That(new[] { reopened, locked, approved }, Is.All.GreaterThan(0), "each reason is shown");
            Assert.That(reopened, Is.LessThan(locked), "newest first");
            Assert.That(locked, Is.LessThan(approved), "newest first");
            Assert.That(page, Does.Contain("Reopened (locked → submitted), as administrator").And.Contain("Locked (approved → locked)").And.Contain("Approved (submitted → approved)"));
            Assert.That(page, Does.Contain(adminName), "who");
            Assert.That(page, Does.Contain($"href=\"{url}\""), "a link to the return");
            Assert.That(todayOnly, Does.Contain("Late correction from the cluster").And.Not.Contain("20 Apr 2019"), "the date filter keeps today's rows only");
            Assert.That(future, Does.Contain("No audit entries match these filters."));
            Assert.That(badDate.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await badDate.Content.ReadAsStringAsync(), Does.Contain("govuk-error-summary").And.Contain("href=\"#from\"").And.Contain("is not a date"));
            Assert.That(bradfordPage, Does.Not.Contain("LDS-").And.Not.Contain("Late correction"), "another authority's administrator sees none of it");
            Assert.That(bradfordPage, Does.Contain("BRD-CC"), "but does see their own authority's log");
        });
    }
}
