using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Tests;

/// <summary>
/// /frameworks/BRD-CC/load with a zip of the Bradford folder holding v1 closed on 31 March 2018 and a v2 from 1 April 2018
/// that drops CLA, over a private copy of the sample store (v1 stored open-ended, eight quarters of returns, scored).
/// Each test has its own copy, so the order they run in does not matter.
/// </summary>
public sealed class FrameworkNextVersionUploadTests
{
    private static readonly Period UnderV1 = Period.FinancialQuarter(2017, 4);
    private static readonly Period UnderV2 = Period.FinancialQuarter(2018, 1);

    private FrameworkTestStore _store = null!;
    private WebApplicationFactory<Program> _host = null!;

    [SetUp]
    public void Start()
    {
        _store = new FrameworkTestStore();
        _host = WebHost.Create(_store.Path);
    }

    [TearDown]
    public void Stop()
    {
        _host.Dispose();
        _store.Dispose();
    }

    [Test]
    public async Task V2_is_stored_v1_closed_and_audited_and_v2_quarters_are_scored_under_v2()
    {
        var scores = new ScoreRepository(_store.Store);
        Assert.That((await scores.ListAsync("BRD-CC", UnderV2)).Select(s => s.MeasureCode), Has.Member("CLA"), "before: v1 scores CLA in 2018-19 Q1");
        var email = await _store.AddUserAsync(("administrator", "BRD"));
        using var browser = _host.Browser();
        await browser.SignInAsync(email, WebHost.Password);

        var loaded = await FrameworkPageTests.PostFileAsync(browser, "/frameworks/BRD-CC/load", "bradford.zip", FrameworkTestStore.Zip("bradford", Files(closeOn: "2018-03-31")));
        var html = await loaded.Content.ReadAsStringAsync();
        var framework = (await new FrameworkRepository(_store.Store).GetAsync("BRD-CC"))!;
        var audit = await new AuditRepository(_store.Store).ListAsync(FrameworkRepository.AuditTable, "BRD-CC v");

        Assert.Multiple(async () =>
        {
            Assert.That(loaded.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
            Assert.That(html, Does.Contain("Loaded version 2 of BRD-CC; version 1 now ends on 2018-03-31").And.Contain("scored again"));
            Assert.That(framework.Versions.Select(v => (v.Version, v.EffectiveTo)), Is.EqualTo(new[] { (1, (DateOnly?)new DateOnly(2018, 3, 31)), (2, null) }));
            Assert.That(framework.Versions[1].Measures.Select(m => m.Code), Has.No.Member("CLA"));
            Assert.That(audit.Select(a => (a.RowKey, a.ChangedBy)), Is.EquivalentTo(new[] { ("BRD-CC v1", email), ("BRD-CC v2", email) }), "the closing and the load, by who did them");
            Assert.That(audit.Single(a => a.RowKey == "BRD-CC v1").Reason, Does.Contain("closed on 2018-03-31"));
            Assert.That((await scores.ListAsync("BRD-CC", UnderV1)).Select(s => s.MeasureCode), Has.Member("CLA"), "2017-18 Q4 stays under v1");
            var underV2 = await scores.ListAsync("BRD-CC", UnderV2);
            Assert.That(underV2, Is.Not.Empty);
            Assert.That(underV2.Select(s => s.MeasureCode), Has.No.Member("CLA"), "2018-19 Q1 is scored under v2, which has no CLA");
            var returns = new ReturnRepository(_store.Store);
            var moved = (await returns.FindAsync("BRD-CC", "BRD-CL1", UnderV2))!;
            Assert.That((moved.FrameworkVersion, moved.Status), Is.EqualTo((2, ReturnStatus.Submitted)), "recorded against v2, and it fits v2");
            Assert.That((await returns.FindAsync("BRD-CC", "BRD-CL1", UnderV1))!.FrameworkVersion, Is.EqualTo(1));
            Assert.That(html, Does.Contain("returns not locked moved to version 2, each with every measure it asks for"));
            Assert.That(html, Does.Contain("Returns moved to the new version").And.Contain("2018-19 Q1 for BRD-CL1"));
            var moveAudit = await new AuditRepository(_store.Store).ListAsync(ReturnRepository.StatusAuditTable, ReturnRepository.ReturnKey("BRD-CC", "BRD-CL1", UnderV2));
            Assert.That(moveAudit[^1].ChangedBy, Is.EqualTo(email));
            Assert.That(moveAudit[^1].Reason, Does.Contain("Framework version 1 closed on 2018-03-31: 2018-19 Q1 for BRD-CL1 is now recorded against version 2"));
        });

        // The closing date is set once: moving it later is refused, naming the file, field and rule, and changes nothing.
        var moved = await FrameworkPageTests.PostFileAsync(browser, "/frameworks/BRD-CC/load", "bradford.zip", FrameworkTestStore.Zip("bradford", Files(closeOn: "2018-06-30")));
        var movedHtml = await moved.Content.ReadAsStringAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), movedHtml);
            Assert.That(movedHtml, Does.Contain("bradford/framework.v1.yaml: version 1 is stored closed on 2018-03-31").And.Contain("rule version.effective-to.fixed, field effective_to"));
            Assert.That((await new FrameworkRepository(_store.Store).GetAsync("BRD-CC"))!.Versions[0].EffectiveTo, Is.EqualTo(new DateOnly(2018, 3, 31)));
        });
    }

    [Test]
    public async Task Closing_v1_before_a_locked_return_is_refused_naming_the_return_and_nothing_changes()
    {
        var returns = new ReturnRepository(_store.Store);
        var locked = (await returns.FindAsync("BRD-CC", "BRD-CL2", UnderV2))!;
        Assert.That(await returns.SetStatusAsync(locked.Id, ReturnStatus.Locked, "carol", DateTimeOffset.UtcNow, "Quarter closed"), Is.True);
        var auditBefore = (await new AuditRepository(_store.Store).ListAsync()).Count;
        var scoresBefore = (await new ScoreRepository(_store.Store).ListAsync("BRD-CC", UnderV2)).Count;
        var email = await _store.AddUserAsync(("administrator", "BRD"));
        using var browser = _host.Browser();
        await browser.SignInAsync(email, WebHost.Password);

        var refused = await FrameworkPageTests.PostFileAsync(browser, "/frameworks/BRD-CC/load", "bradford.zip", FrameworkTestStore.Zip("bradford", Files(closeOn: "2018-03-31")));
        var html = await refused.Content.ReadAsStringAsync();
        var files = Files(closeOn: "2018-03-31");
        files.Remove("framework.v2.yaml");
        files.Remove("targets.yaml"); // its targets from 2018 would fall outside a v1 that ends in March 2018
        var alone = await FrameworkPageTests.PostFileAsync(browser, "/frameworks/BRD-CC/load", "bradford.zip", FrameworkTestStore.Zip("bradford", files));
        var aloneHtml = await alone.Content.ReadAsStringAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), html);
            Assert.That(html, Does.Contain("govuk-error-summary").And.Contain("bradford/framework.v1.yaml: version 1 cannot close on 2018-03-31"));
            Assert.That(html, Does.Contain("2018-19 Q1 for BRD-CL2").And.Contain("rule version.close.locked-returns, field effective_to"));
            Assert.That(alone.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), aloneHtml);
            Assert.That(aloneHtml, Does.Contain("bradford/framework.v1.yaml: version 1 is stored open-ended").And.Contain("rule version.close.without-next"));
            Assert.That((await new FrameworkRepository(_store.Store).GetAsync("BRD-CC"))!.Versions.Select(v => (v.Version, v.EffectiveTo)), Is.EqualTo(new[] { (1, (DateOnly?)null) }));
            Assert.That((await new AuditRepository(_store.Store).ListAsync()).Count, Is.EqualTo(auditBefore), "nothing audited");
            Assert.That((await new ScoreRepository(_store.Store).ListAsync("BRD-CC", UnderV2)).Count, Is.EqualTo(scoresBefore), "not re-scored");
            Assert.That((await returns.FindAsync("BRD-CC", "BRD-CL1", UnderV2))!.FrameworkVersion, Is.EqualTo(1), "the unlocked returns did not move either");
        });
    }

    [Test]
    public async Task Returns_lacking_a_measure_v2_requires_are_listed_as_needing_resubmission_and_their_page_says_so()
    {
        var email = await _store.AddUserAsync(("administrator", "BRD"));
        using var browser = _host.Browser();
        await browser.SignInAsync(email, WebHost.Password);

        var loaded = await FrameworkPageTests.PostFileAsync(browser, "/frameworks/BRD-CC/load", "bradford.zip", FrameworkTestStore.Zip("bradford", Files(closeOn: "2018-03-31", addRequired: "BR6")));
        var html = await loaded.Content.ReadAsStringAsync();
        var returns = new ReturnRepository(_store.Store);
        var moved = (await returns.FindAsync("BRD-CC", "BRD-CL1", UnderV2))!;
        var page = await browser.GetPageAsync("/returns/BRD-CC/BRD-CL1/" + UnderV2.Key);

        Assert.Multiple(async () =>
        {
            Assert.That(loaded.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
            Assert.That(html, Does.Match("returns not locked moved to version 2; [1-9][0-9]* need resubmitting"));
            Assert.That(html, Does.Contain("<strong class=\"govuk-tag govuk-tag--red\">Needs resubmission</strong>"));
            Assert.That(html, Does.Contain("It lacks BR6 (required by version 2)"));
            Assert.That((moved.FrameworkVersion, moved.Status), Is.EqualTo((2, ReturnStatus.NeedsResubmission)));
            Assert.That((await returns.FindAsync("BRD-CC", "BRD-CL1", UnderV1))!.Status, Is.Not.EqualTo(ReturnStatus.NeedsResubmission), "2017-18 Q4 stays under v1, untouched");
            Assert.That(page, Does.Contain("id=\"status\">Needs resubmission</strong>"));
            Assert.That(page, Does.Contain("the return needs uploading again on the current framework version"));
            Assert.That(page, Does.Not.Contain("Approve the return"));
        });
    }

    private static Dictionary<string, string> Files(string closeOn, string? addRequired = null) =>
        BradfordNextVersion.Files(SampleStore.RepositoryRoot, closeOn, addRequired);
}
