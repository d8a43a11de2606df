using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Outcomes.Domain.Access;
using Outcomes.Domain.Returns;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Caching;
using Outcomes.Web.Dashboard;

namespace Outcomes.Web.Tests;

/// <summary>
/// The dashboard and the org-unit tree are kept between requests, and must never be served once the store has changed:
/// changes here are made behind the web service's back, straight into the SQLite file as the CLI or another server
/// would, after a first request has filled the caches.
/// </summary>
public sealed partial class DashboardFreshnessTests
{
    [Test]
    public async Task A_score_changed_by_another_writer_shows_at_the_next_request()
    {
        using var copy = new FrameworkTestStore();
        var email = await copy.AddUserAsync(("performance officer", "BRD-CL1"));
        await using var host = WebHost.Create(copy.Path);
        using var browser = host.Browser();
        await browser.SignInAsync(email, WebHost.Password);

        var before = Statuses(await browser.GetPageAsync("/"));
        var again = Statuses(await browser.GetPageAsync("/"));
        var changed = await ExecuteAsync(copy.Path, """
            UPDATE scores SET status = CASE status WHEN 'Red' THEN 'Green' ELSE 'Red' END
            WHERE framework_code = 'BRD-CC' AND org_unit_code = 'BRD-CL1' AND period_key = '2018-19 Q4'
            """);
        var after = Statuses(await browser.GetPageAsync("/"));

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.GreaterThan(0), "the sample store has the cluster's 2018-19 Q4 scores");
            Assert.That(again, Is.EqualTo(before), "nothing changed, same dashboard");
            Assert.That(after, Has.Count.EqualTo(before.Count));
            Assert.That(after, Is.EqualTo(before.Select(s => s == "Red" ? "Green" : "Red").ToList()), "every status flipped in the store shows flipped");
        });
    }

    [Test]
    public async Task A_return_approved_by_another_writer_leaves_the_awaiting_count_at_the_next_request()
    {
        using var copy = new FrameworkTestStore();
        var email = await copy.AddUserAsync(("approver", "BRD"));
        await using var host = WebHost.Create(copy.Path);
        using var browser = host.Browser();
        await browser.SignInAsync(email, WebHost.Password);
        var returns = new ReturnRepository(copy.Store);
        var latest = Domain.Periods.PeriodParser.Parse("2018-19 Q4");
        var submitted = (await returns.ListAsync("BRD-CC", latest, null)).Where(r => r.Status == ReturnStatus.Submitted).ToList();
        Assert.That(submitted, Is.Not.Empty, "the sample store has Bradford returns awaiting approval in 2018-19 Q4");

        var before = Awaiting(await browser.GetPageAsync("/"));
        await returns.SetStatusAsync(submitted[0].Id, ReturnStatus.Approved, "someone@elsewhere", DateTimeOffset.UtcNow, "approved outside the web service");
        var after = Awaiting(await browser.GetPageAsync("/"));

        Assert.That((before, after), Is.EqualTo((submitted.Count, submitted.Count - 1)));
    }

    [Test]
    public async Task An_org_unit_renamed_by_another_writer_shows_and_the_reference_data_is_reloaded_only_then()
    {
        using var copy = new FrameworkTestStore();
        var email = await copy.AddUserAsync(("board member", "BRD-CL1"));
        await using var host = WebHost.Create(copy.Path);
        using var browser = host.Browser();
        await browser.SignInAsync(email, WebHost.Password);
        var reference = host.Services.GetRequiredService<StoredReferenceData>();

        var first = await browser.GetPageAsync("/");
        var kept = await reference.CurrentAsync(CancellationToken.None);
        var keptAgain = await reference.CurrentAsync(CancellationToken.None);
        var unit = kept.Hierarchy.Get("BRD-CL1");
        await new OrgUnitRepository(copy.Store).UpsertAsync([unit with { Name = "Renamed Cluster One" }], []);
        var reloaded = await reference.CurrentAsync(CancellationToken.None);
        var second = await browser.GetPageAsync("/");

        Assert.Multiple(() =>
        {
            Assert.That(first, Does.Contain(unit.Name));
            Assert.That(keptAgain, Is.SameAs(kept), "nothing changed: the same tree, not read again");
            Assert.That(reloaded, Is.Not.SameAs(kept));
            Assert.That(reloaded.Generation, Is.GreaterThan(kept.Generation));
            Assert.That(reloaded.Hierarchy.Get("BRD-CL1").Name, Is.EqualTo("Renamed Cluster One"));
            Assert.That(second, Does.Contain("Renamed Cluster One").And.Not.Contain($">{unit.Name} <"));
        });
    }

    [Test]
    public async Task Users_with_the_same_roles_share_one_built_dashboard_until_the_store_changes()
    {
        using var copy = new FrameworkTestStore();
        await using var host = WebHost.Create(copy.Path);
        _ = host.Server;
        var query = host.Services.GetRequiredService<DashboardQuery>();
        RoleAssignment[] roles = [new(Role.BoardMember, "BRD-CL2"), new(Role.PerformanceOfficer, "BRD-CL1")];
        RoleAssignment[] sameInOtherOrder = [new(Role.PerformanceOfficer, "brd-cl1"), new(Role.BoardMember, "BRD-CL2")];

        var first = await query.BuildAsync(roles, CancellationToken.None);
        var second = await query.BuildAsync(sameInOtherOrder, CancellationToken.None);
        var other = await query.BuildAsync([new(Role.BoardMember, "BRD-CL2")], CancellationToken.None);
        await ExecuteAsync(copy.Path, "UPDATE scores SET explanation = explanation || '.' WHERE id = (SELECT MIN(id) FROM scores)");
        var afterChange = await query.BuildAsync(roles, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.SameAs(first), "the same roles over the same scopes, in any order or case");
            Assert.That(other, Is.Not.SameAs(first));
            Assert.That(afterChange, Is.Not.SameAs(first), "any change to the scores drops what was kept");
            Assert.That(afterChange.Units.Select(u => u.Unit.Code), Is.EqualTo(first.Units.Select(u => u.Unit.Code)));
        });
    }

    private static List<string> Statuses(string html) => [.. Status().Matches(html).Select(m => m.Groups[1].Value)];

    private static int Awaiting(string html) =>
        AwaitingCount().Matches(html).Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<int> ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex("data-status=\"([A-Za-z]+)\"")]
    private static partial Regex Status();

    [GeneratedRegex("data-count=\"awaiting-approval\">(\\d+)")]
    private static partial Regex AwaitingCount();
}
