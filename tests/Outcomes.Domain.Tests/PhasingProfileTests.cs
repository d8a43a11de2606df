using Outcomes.Domain.Targets;

namespace Outcomes.Domain.Tests;

public class PhasingProfileTests
{
    [Test]
    public void A_profile_is_written_and_read_as_shares_separated_by_slashes()
    {
        var profile = PhasingProfile.Parse("20/25/25/30");

        Assert.Multiple(() =>
        {
            Assert.That(profile.Shares, Is.EqualTo(new[] { 20m, 25m, 25m, 30m }));
            Assert.That(profile.Total, Is.EqualTo(100m));
            Assert.That(profile.ToString(), Is.EqualTo("20/25/25/30"));
            Assert.That(PhasingProfile.Parse(new PhasingProfile([12.5m, 37.5m, 25m, 25m]).ToString()).Shares[0], Is.EqualTo(12.5m));
        });
    }

    [Test]
    public void Profiles_with_the_same_shares_are_equal_so_targets_holding_them_are_too()
    {
        var a = new Target { FrameworkCode = "F", MeasureCode = "M", Value = 400m, Phasing = TargetPhasing.Profile, Profile = PhasingProfile.Parse("20/25/25/30") };
        var b = a with { Profile = new PhasingProfile([20.0m, 25m, 25m, 30m]) };

        Assert.Multiple(() =>
        {
            Assert.That(b, Is.EqualTo(a));
            Assert.That(b.GetHashCode(), Is.EqualTo(a.GetHashCode()));
            Assert.That(a with { Profile = PhasingProfile.Parse("25/25/25/25") }, Is.Not.EqualTo(a));
        });
    }

    [TestCase("")]
    [TestCase("20/x/25/30")]
    [TestCase("20/-5/25/30")]
    [TestCase("0/0")]
    public void Anything_but_non_negative_shares_adding_up_to_something_is_refused(string text)
    {
        Assert.Multiple(() =>
        {
            Assert.That(PhasingProfile.TryParse(text, out _), Is.False);
            Assert.That(() => PhasingProfile.Parse(text), Throws.TypeOf<FormatException>());
        });
    }

    [Test]
    public void A_trajectory_needs_a_baseline_value_a_baseline_date_and_a_later_target_date()
    {
        var target = new Target
        {
            FrameworkCode = "F", MeasureCode = "M", Value = 15m, BaselineValue = 22m,
            BaselineDate = new DateOnly(2017, 3, 31), TargetDate = new DateOnly(2020, 3, 31),
        };

        Assert.Multiple(() =>
        {
            Assert.That(target.HasTrajectory, Is.True);
            Assert.That((target with { BaselineValue = null }).HasTrajectory, Is.False);
            Assert.That((target with { TargetDate = new DateOnly(2017, 3, 31) }).HasTrajectory, Is.False);
        });
    }
}
