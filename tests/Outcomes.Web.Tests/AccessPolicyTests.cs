using Outcomes.Domain.Access;
using Outcomes.Domain.OrgUnits;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Tests;

/// <summary>
/// Every role × every action, over the sample store's real hierarchy: inside the scope's subtree, outside it in the same
/// authority, and in another authority.
/// </summary>
public sealed class AccessPolicyTests
{
    private static AccessPolicy _policy = null!;

    [OneTimeSetUp]
    public async Task LoadAsync() =>
        _policy = new AccessPolicy(await new OrgUnitRepository(SampleStore.Store).LoadHierarchyAsync(null), new DateOnly(2026, 11, 1));

    private static readonly (Role Role, Permission[] Granted)[] Grants =
    [
        (Role.Administrator, Enum.GetValues<Permission>()),
        (Role.PerformanceOfficer, [Permission.View, Permission.SubmitReturn, Permission.GeneratePack]),
        (Role.Approver, [Permission.View, Permission.ApproveReturn, Permission.LockReturn, Permission.GeneratePack]),
        (Role.BoardMember, [Permission.View]),
        (Role.ScrutinyMember, [Permission.View]),
    ];

    public static IEnumerable<TestCaseData> EveryRoleAndAction() =>
        from g in Grants
        from p in Enum.GetValues<Permission>()
        select new TestCaseData(g.Role, p, g.Granted.Contains(p)).SetArgDisplayNames(g.Role.ToString(), p.ToString(), g.Granted.Contains(p) ? "allowed" : "refused");

    [TestCaseSource(nameof(EveryRoleAndAction))]
    public void A_role_over_a_cluster_may_do_its_actions_in_the_cluster_and_nothing_beyond_it(Role role, Permission permission, bool granted)
    {
        RoleAssignment[] roles = [new(role, "BRD-CL1")];
        var centre = _policy.Hierarchy.RollUpDescendants("BRD-CL1", new DateOnly(2026, 11, 1))[0].Code;

        Assert.Multiple(() =>
        {
            Assert.That(_policy.May(roles, permission, "BRD-CL1"), Is.EqualTo(granted), "the scope unit itself");
            Assert.That(_policy.May(roles, permission, centre), Is.EqualTo(granted), $"a unit below it ({centre})");
            Assert.That(_policy.May(roles, permission, "BRD-CL2"), Is.EqualTo(granted && role == Role.ScrutinyMember), "a sibling cluster: only a scrutiny member's authority-wide reach");
            Assert.That(_policy.May(roles, permission, "BRD"), Is.EqualTo(granted && role == Role.ScrutinyMember), "the authority above it");
            Assert.That(_policy.May(roles, permission, "LDS"), Is.False, "another authority, never");
            Assert.That(_policy.May(roles, permission, "LDS-CL01"), Is.False, "another authority's unit, never");
        });
    }

    [Test]
    public void An_authority_scope_covers_the_whole_authority_and_no_other()
    {
        RoleAssignment[] roles = [new(Role.Administrator, "BRD")];
        var bradford = _policy.Hierarchy.Units.Where(u => u.AuthorityCode == "BRD").ToList();
        var others = _policy.Hierarchy.Units.Where(u => u.AuthorityCode != "BRD").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(bradford, Has.Count.GreaterThan(40));
            Assert.That(bradford.Where(u => !_policy.May(roles, Permission.ManageUsers, u.Code)).Select(u => u.Code), Is.Empty);
            Assert.That(others, Is.Not.Empty);
            Assert.That(others.Where(u => _policy.May(roles, Permission.View, u.Code)).Select(u => u.Code), Is.Empty);
            Assert.That(_policy.Authorities(roles), Is.EquivalentTo(new[] { "BRD" }));
        });
    }

    [Test]
    public void Unknown_units_and_unknown_scopes_grant_nothing()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_policy.May([new(Role.Administrator, "BRD")], Permission.View, "NO-SUCH-UNIT"), Is.False);
            Assert.That(_policy.May([new(Role.Administrator, "NO-SUCH-SCOPE")], Permission.View, "BRD"), Is.False);
            Assert.That(_policy.May([], Permission.View, "BRD"), Is.False);
        });
    }

    [Test]
    public void A_closed_centre_is_covered_by_the_cluster_its_history_rolls_up_to()
    {
        var closed = _policy.Hierarchy.Units.FirstOrDefault(u => u.AuthorityCode == "BRD" && u.ClosedOn is not null && u.Type == OrgUnitType.Centre);
        Assume.That(closed, Is.Not.Null, "the Bradford sample has centres that closed in 2018");
        var parent = _policy.Hierarchy.RollUpParent(closed!.Code, new DateOnly(2026, 11, 1))!;
        var cluster = parent;
        while (_policy.Hierarchy.Get(cluster).Type != OrgUnitType.Cluster)
        {
            cluster = _policy.Hierarchy.RollUpParent(cluster, new DateOnly(2026, 11, 1))!;
        }

        Assert.That(_policy.May([new(Role.BoardMember, cluster)], Permission.View, closed.Code), Is.True, $"{closed.Code} via {parent} to {cluster}");
    }
}
