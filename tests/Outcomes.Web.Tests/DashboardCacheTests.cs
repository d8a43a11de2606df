using Outcomes.Domain.Access;
using Outcomes.Web.Dashboard;

namespace Outcomes.Web.Tests;

/// <summary>How <see cref="DashboardCache"/> keeps, shares and drops built dashboards.</summary>
public sealed class DashboardCacheTests
{
    private static readonly RoleAssignment[] Roles = [new(Role.BoardMember, "BRD-CL1")];
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Test]
    public async Task Requests_arriving_while_a_dashboard_is_built_wait_for_that_one_build()
    {
        var cache = new DashboardCache();
        var builds = 0;
        var release = new TaskCompletionSource();

        async Task<DashboardModel> Build()
        {
            Interlocked.Increment(ref builds);
            await release.Task;
            return new DashboardModel([], Today);
        }

        var waiting = Enumerable.Range(0, 20).Select(_ => Task.Run(() => cache.GetOrBuildAsync(7, Today, Roles, Build))).ToList();
        await Task.Delay(100);
        release.SetResult();
        var models = await Task.WhenAll(waiting);

        Assert.Multiple(() =>
        {
            Assert.That(builds, Is.EqualTo(1));
            Assert.That(models.Distinct().Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_newer_generation_or_day_drops_what_was_kept_and_an_older_one_is_built_but_not_kept()
    {
        var cache = new DashboardCache();
        var builds = 0;
        Task<DashboardModel> Build()
        {
            Interlocked.Increment(ref builds);
            return Task.FromResult(new DashboardModel([], Today));
        }

        var g7 = await cache.GetOrBuildAsync(7, Today, Roles, Build);
        var g7Again = await cache.GetOrBuildAsync(7, Today, Roles, Build);
        var g6 = await cache.GetOrBuildAsync(6, Today, Roles, Build);
        var g7Still = await cache.GetOrBuildAsync(7, Today, Roles, Build);
        var tomorrow = await cache.GetOrBuildAsync(7, Today.AddDays(1), Roles, Build);
        var g8 = await cache.GetOrBuildAsync(8, Today.AddDays(1), Roles, Build);
        var g7Late = await cache.GetOrBuildAsync(7, Today, Roles, Build);

        Assert.Multiple(() =>
        {
            Assert.That(g7Again, Is.SameAs(g7));
            Assert.That(g6, Is.Not.SameAs(g7), "an older generation gets its own build");
            Assert.That(g7Still, Is.SameAs(g7), "and does not displace the newer one kept");
            Assert.That(tomorrow, Is.Not.SameAs(g7), "a new day: overdue and outstanding returns are judged again");
            Assert.That(g8, Is.Not.SameAs(tomorrow));
            Assert.That(g7Late, Is.Not.SameAs(g7), "once dropped, never served again");
            Assert.That(builds, Is.EqualTo(5));
        });
    }

    [Test]
    public async Task A_failed_build_is_not_kept()
    {
        var cache = new DashboardCache();
        var attempts = 0;
        Task<DashboardModel> Build() => ++attempts == 1
            ? Task.FromException<DashboardModel>(new InvalidOperationException("store unavailable"))
            : Task.FromResult(new DashboardModel([], Today));

        Assert.That(async () => await cache.GetOrBuildAsync(1, Today, Roles, Build), Throws.InvalidOperationException);
        var model = await cache.GetOrBuildAsync(1, Today, Roles, Build);

        Assert.Multiple(() =>
        {
            Assert.That(model, Is.Not.Null);
            Assert.That(attempts, Is.EqualTo(2));
        });
    }
}
