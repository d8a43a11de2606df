using System.Text.RegularExpressions;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Tests;

/// <summary>The dashboard shows what the store holds for the user's units: every measure's status, and the quarter's returns.</summary>
public sealed partial class DashboardTests
{
    [Test]
    public async Task A_cluster_officer_sees_each_measures_stored_status_and_the_clusters_returns_awaiting_approval()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("performance officer", "BRD-CL1"));
        await using var host = WebHost.Create(SampleStore.Path);
        using var browser = host.Browser();
        await browser.SignInAsync(email, WebHost.Password);
        var html = await browser.GetPageAsync("/");

        var stored = await new ScoreRepository(SampleStore.Store).ListAsync("BRD-CC", null, "BRD-CL1");
        var latest = stored.MaxBy(s => s.Period.End)!.Period;
        var expected = stored.Where(s => s.Period == latest).Select(s => s.Status.ToString()).Order().ToList();
        var shown = Status().Matches(html).Select(m => m.Groups[1].Value).Order().ToList();
        var awaiting = (await new ReturnRepository(SampleStore.Store).ListAsync("BRD-CC", latest, "BRD-CL1")).Count(r => r.Status == ReturnStatus.Submitted);

        Assert.Multiple(() =>
        {
            Assert.That(latest, Is.EqualTo(PeriodParser.Parse("2018-19 Q4")));
            Assert.That(html, Does.Contain("2018-19 Q4"));
            Assert.That(shown, Is.EqualTo(expected), "one tag per stored score of the latest quarter, with its status");
            Assert.That(html, Does.Contain($"data-count=\"awaiting-approval\">{awaiting}"));
            Assert.That(html, Does.Contain("1 of 1 received"), "the cluster returns for itself");
            Assert.That(html, Does.Contain("Improving").Or.Contain("Worsening").Or.Contain("No change"), "directions in words beside the arrows");
        });
    }

    [GeneratedRegex("data-status=\"([A-Za-z]+)\"")]
    private static partial Regex Status();
}
