using Outcomes.Domain.OrgUnits;

namespace Outcomes.Domain.Tests;

public class OrgUnitHierarchyTests
{
    // Wiltshire-style reorganisation: centre W2 closed in 2017 and merged into W3, which moved to locality L2.
    private static OrgUnitHierarchy Tree() => new(
        [
            new OrgUnit("W", "Wiltshire", OrgUnitType.Authority, "W", "E06000054"),
            new OrgUnit("L1", "North", OrgUnitType.Locality, "W"),
            new OrgUnit("L2", "South", OrgUnitType.Locality, "W"),
            new OrgUnit("W1", "Centre 1", OrgUnitType.Centre, "W"),
            new OrgUnit("W2", "Centre 2", OrgUnitType.Centre, "W", ClosedOn: new DateOnly(2017, 3, 31), SuccessorCode: "W3"),
            new OrgUnit("W3", "Centre 3", OrgUnitType.Centre, "W", OpenedOn: new DateOnly(2010, 1, 1)),
            new OrgUnit("W4", "Centre 4", OrgUnitType.Centre, "W", ClosedOn: new DateOnly(2016, 3, 31)),
        ],
        [
            new OrgUnitLink("L1", "W"), new OrgUnitLink("L2", "W"),
            new OrgUnitLink("W1", "L1"),
            new OrgUnitLink("W2", "L1", To: new DateOnly(2017, 3, 31)),
            new OrgUnitLink("W3", "L1", To: new DateOnly(2017, 3, 31)), new OrgUnitLink("W3", "L2", From: new DateOnly(2017, 4, 1)),
            new OrgUnitLink("W4", "L1", To: new DateOnly(2016, 3, 31)),
        ]);

    [Test]
    public void Parents_change_with_effective_dates()
    {
        var tree = Tree();
        Assert.That(tree.ParentOn("W3", new DateOnly(2016, 6, 1)), Is.EqualTo("L1"));
        Assert.That(tree.ParentOn("W3", new DateOnly(2017, 6, 1)), Is.EqualTo("L2"));
    }

    [Test]
    public void A_merged_centre_rolls_up_to_where_its_successor_is_today()
    {
        var today = new DateOnly(2018, 1, 1);
        var tree = Tree();
        Assert.Multiple(() =>
        {
            Assert.That(tree.RollUpParent("W2", today), Is.EqualTo("L2"));
            Assert.That(tree.RollUpParent("W2", new DateOnly(2016, 1, 1)), Is.EqualTo("L1"));
            Assert.That(tree.RollUpParent("W4", today), Is.EqualTo("L1"), "closed without successor: its last parent");
            Assert.That(tree.RollUpChildren("L2", today).Select(u => u.Code), Is.EqualTo(new[] { "W2", "W3" }));
            Assert.That(tree.RollUpDescendants("W", today), Has.Count.EqualTo(6));
        });
    }

    [Test]
    public void Only_open_units_are_children_on_a_date()
    {
        Assert.That(Tree().ChildrenOn("L1", new DateOnly(2018, 1, 1)).Select(u => u.Code), Is.EqualTo(new[] { "W1" }));
    }

    [Test]
    public void Unknown_codes_are_reported_by_name()
    {
        Assert.That(() => Tree().Get("ZZ"), Throws.TypeOf<KeyNotFoundException>().With.Message.Contains("ZZ"));
    }
}
