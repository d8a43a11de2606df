using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Outcomes.Application.Returns;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Storage.Repositories;
using static Microsoft.Playwright.Assertions;

namespace Outcomes.Web.BrowserTests;

/// <summary>
/// An approver signs in, finds a submitted return through the returns list's filters, approves it with a reason (with
/// JavaScript on and off), sees the status change on the page, and finds the approval in the audit log. Each case uses
/// a Leeds return of its own that approves cleanly (no history warning lacking commentary).
/// </summary>
public sealed partial class ApprovalFlowTests : BrowserTest
{
    private const string Framework = "LDS-ESD";

    private static readonly SemaphoreSlim Picking = new(1, 1);
    private static Queue<(string Unit, Period Period)>? _clean;

    [TestCase(true)]
    [TestCase(false)]
    public async Task An_approver_approves_a_submitted_return_and_sees_the_new_status_and_the_audit_entry(bool javaScript)
    {
        var (unit, period) = await NextCleanReturnAsync();
        var auditBefore = (await new AuditRepository(LiveSite.Store.Store).ListAsync()).Count;
        var reason = $"Checked against the case management system ({Guid.NewGuid():N})";
        var page = await NewPageAsync(javaScript);
        var approver = await SignInAsync(page, ("approver", "LDS"));

        // The returns list, filtered down to the one return, links to it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Returns", Exact = true }).ClickAsync();
        await page.Locator("#framework").SelectOptionAsync(Framework);
        await page.Locator("#quarter").SelectOptionAsync(period.Key);
        await page.Locator("#unit").SelectOptionAsync(unit);
        await page.Locator("#status").SelectOptionAsync("submitted");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page.Locator("#returns tbody tr")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = $"View the {period.Key} return of {unit}" }).ClickAsync();

        await Expect(page.Locator("h1")).ToContainTextAsync(unit);
        await Expect(page.Locator("#status")).ToHaveTextAsync("Awaiting approval");
        await page.Locator("#approve-reason").FillAsync(reason);
        await page.Locator("#approve").ClickAsync();

        // Post/redirect/get: back on the return, with a success banner and the new status; approving is no longer offered.
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Return approved");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Approved");
        await Expect(page.Locator("#approve")).ToHaveCountAsync(0);
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo($"/returns/{Framework}/{unit}/{Uri.EscapeDataString(period.Key)}"));
        var stored = await new ReturnRepository(LiveSite.Store.Store).FindAsync(Framework, unit, period);
        Assert.That(stored?.Status, Is.EqualTo(ReturnStatus.Approved), "the store holds the new status");

        // The audit log has the approval: who, what, the reason, and a link back to the return.
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();
        await page.Locator("#unit").SelectOptionAsync(unit);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        var entry = page.Locator("#audit tbody tr", new() { HasText = reason });
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToContainTextAsync(approver);
        await Expect(entry).ToContainTextAsync(Approved());
        await Expect(entry.GetByRole(AriaRole.Link)).ToContainTextAsync($"{Framework} {unit} {period.Key}");
        Assert.That((await new AuditRepository(LiveSite.Store.Store).ListAsync()).Count, Is.EqualTo(auditBefore + 1), "one audit row for the approval");
    }

    /// <summary>A submitted Leeds return no other case has used whose latest version needs no commentary.</summary>
    private static async Task<(string Unit, Period Period)> NextCleanReturnAsync()
    {
        await Picking.WaitAsync();
        try
        {
            if (_clean is null)
            {
                var workflow = new ReturnWorkflowService(LiveSite.Store.Store);
                _clean = new Queue<(string, Period)>();
                foreach (var r in (await workflow.ListAsync(Framework)).Where(r => r.Status == ReturnStatus.Submitted).OrderByDescending(r => r.Period).ThenBy(r => r.OrgUnitCode, StringComparer.Ordinal))
                {
                    if (!(await workflow.HistoryFindingsAsync(Framework, r.OrgUnitCode, r.Period)).Any(f => f.NeedsCommentary))
                    {
                        _clean.Enqueue((r.OrgUnitCode, r.Period));
                    }
                }
            }

            return _clean.Count > 0 ? _clean.Dequeue() : throw new AssertionException("The sample store has no more submitted Leeds returns that approve cleanly.");
        }
        finally
        {
            Picking.Release();
        }
    }

    [GeneratedRegex("^Approved|Approved \\(")]
    private static partial Regex Approved();
}
