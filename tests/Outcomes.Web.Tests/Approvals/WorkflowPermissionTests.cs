using System.Net;
using Outcomes.Domain.Returns;

namespace Outcomes.Web.Tests.Approvals;

/// <summary>
/// A test per role per action, through the page and through the API: approvers and administrators approve and lock,
/// only administrators reopen; performance officers, board members and scrutiny members are refused (403, rule
/// workflow.role) and nothing changes. Each case acts on a Leeds return of its own, in the status the action starts from.
/// </summary>
public sealed class WorkflowPermissionTests
{
    private static readonly string[] Roles = ["administrator", "approver", "performance officer", "board member", "scrutiny member"];

    private ApprovalStore _store = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _store = await ApprovalStore.CreateAsync();

    [OneTimeTearDown]
    public void Stop() => _store.Dispose();

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var role in Roles)
        {
            foreach (var action in new[] { "approve", "lock", "reopen" })
            {
                var allowed = role == "administrator" || (role == "approver" && action != "reopen");
                foreach (var channel in new[] { "page", "api" })
                {
                    yield return new TestCaseData(role, action, channel, allowed).SetName($"A {role} {(allowed ? "may" : "may not")} {action} a return through the {channel}");
                }
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task A_role_acts_on_a_return_exactly_as_the_policy_says(string role, string action, string channel, bool allowed)
    {
        var (from, to) = action switch
        {
            "approve" => (ReturnStatus.Submitted, ReturnStatus.Approved),
            "lock" => (ReturnStatus.Approved, ReturnStatus.Locked),
            _ => (ReturnStatus.Locked, ReturnStatus.Submitted),
        };
        var (unit, period) = await _store.FreshReturnAsync(from);
        var scope = role == "performance officer" ? unit : "LDS";
        var url = Approve.Url(unit, period);
        var auditBefore = await _store.AuditRowsAsync();

        if (channel == "page")
        {
            using var browser = await _store.BrowserAsync((role, scope));
            var before = await browser.GetPageAsync(url);
            var response = await browser.PostActionAsync(url, action, "Checked against the case management system");
            var body = await response.Content.ReadAsStringAsync();
            var after = await browser.GetPageAsync(url);
            Assert.Multiple(async () =>
            {
                Assert.That(before, allowed ? Does.Contain($"id=\"{action}\"") : Does.Not.Contain($"id=\"{action}\""), "the form is offered only to those who may use it");
                if (allowed)
                {
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), body);
                    Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo(url), "post/redirect/get back to the return");
                    Assert.That(after, Does.Contain("govuk-notification-banner--success"));
                }
                else
                {
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
                    Assert.That(body, Does.Contain("govuk-error-summary").And.Contain("rule workflow.role"));
                }

                Assert.That(await _store.StatusAsync(unit, period), Is.EqualTo(allowed ? to : from));
                Assert.That(await _store.AuditRowsAsync(), Is.EqualTo(auditBefore + (allowed ? 1 : 0)), "one audit row for a change, none for a refusal");
            });
        }
        else
        {
            using var api = await _store.ApiAsync((role, scope));
            var response = await api.ApiActionAsync(url, action, "Checked against the case management system");
            var json = await response.JsonAsync();
            Assert.Multiple(async () =>
            {
                if (allowed)
                {
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToString());
                    Assert.That(json.GetProperty("status").GetString(), Is.EqualTo(to.ToString().ToLowerInvariant()));
                }
                else
                {
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
                    Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
                    Assert.That(json.GetProperty("rule").GetString(), Is.EqualTo("workflow.role"));
                }

                Assert.That(await _store.StatusAsync(unit, period), Is.EqualTo(allowed ? to : from));
                Assert.That(await _store.AuditRowsAsync(), Is.EqualTo(auditBefore + (allowed ? 1 : 0)));
            });
        }
    }
}
