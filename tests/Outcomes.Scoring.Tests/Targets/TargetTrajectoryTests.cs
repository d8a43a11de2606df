using Outcomes.Domain.Periods;
using Outcomes.Domain.Targets;
using Outcomes.Scoring.Targets;

namespace Outcomes.Scoring.Tests.Targets;

public class TargetTrajectoryTests
{
    /// <summary>55.0% in March 2017 to 70.0% by March 2020.</summary>
    private static Target Gld(decimal? stretch = null) => TestFrameworks.Target("GLD", 70m, 2m, stretch: stretch) with
    {
        BaselineValue = 55m, BaselineDate = new DateOnly(2017, 3, 31), TargetDate = new DateOnly(2020, 3, 31),
    };

    [Test]
    public void The_target_moves_in_a_straight_line_to_the_period_end_counted_in_months()
    {
        // June 2018 is 15 of the 36 months: 55 + 15 x 15/36 = 61.25, printed 61.3%.
        var (moved, note) = TargetTrajectory.Interpolate(TestFrameworks.Gld, Gld(), Period.FinancialQuarter(2018, 1));

        Assert.Multiple(() =>
        {
            Assert.That(TargetTrajectory.ValueOn(Gld(), new DateOnly(2018, 6, 30)), Is.EqualTo(61.25m));
            Assert.That(moved.Value, Is.EqualTo(61.3m));
            Assert.That(note, Is.EqualTo("On the trajectory from 55.0% (March 2017) to 70.0% by March 2020: 61.3% for 2018-19 Q1."));
        });
    }

    [Test]
    public void The_target_is_reached_on_the_target_date_and_held_after_it()
    {
        var lastQuarter = TargetTrajectory.Interpolate(TestFrameworks.Gld, Gld(), Period.FinancialQuarter(2019, 4));
        var after = TargetTrajectory.Interpolate(TestFrameworks.Gld, Gld(), Period.FinancialQuarter(2021, 2));

        Assert.Multiple(() =>
        {
            Assert.That(lastQuarter.Target.Value, Is.EqualTo(70m));
            Assert.That(after.Target.Value, Is.EqualTo(70m));
            Assert.That(after.Note, Is.EqualTo("The trajectory from 55.0% (March 2017) reached 70.0% in March 2020 and holds there: 70.0% for 2021-22 Q2."));
        });
    }

    [Test]
    public void Before_the_baseline_date_the_target_is_the_baseline()
    {
        var (moved, note) = TargetTrajectory.Interpolate(TestFrameworks.Gld, Gld(), Period.FinancialQuarter(2016, 3));

        Assert.Multiple(() =>
        {
            Assert.That(moved.Value, Is.EqualTo(55m));
            Assert.That(note, Does.Contain("has not started"));
        });
    }

    [Test]
    public void A_falling_trajectory_for_a_lower_is_better_measure()
    {
        // Re-referrals 22.0% in March 2017 to 15.0% by March 2020: a year in, 22 - 7/3 = 19.67, printed 19.7%.
        var target = TestFrameworks.Target("REREF", 15m, 2m) with
        {
            BaselineValue = 22m, BaselineDate = new DateOnly(2017, 3, 31), TargetDate = new DateOnly(2020, 3, 31),
        };

        Assert.That(TargetTrajectory.Interpolate(TestFrameworks.ReReferrals, target, Period.FinancialQuarter(2017, 4)).Target.Value, Is.EqualTo(19.7m));
    }

    [Test]
    public void A_stretch_keeps_its_distance_beyond_the_moving_target_and_the_tolerance_stays()
    {
        var (moved, _) = TargetTrajectory.Interpolate(TestFrameworks.Gld, Gld(stretch: 75m), Period.FinancialQuarter(2018, 1));

        Assert.Multiple(() =>
        {
            Assert.That(moved.Stretch, Is.EqualTo(66.3m));
            Assert.That(moved.Tolerance, Is.EqualTo(2m));
        });
    }

    [Test]
    public void Days_count_as_their_share_of_the_month()
    {
        // Half of April is 1/2 of one month in 36: 55 + 15 x 0.5/36.
        Assert.That(TargetTrajectory.ValueOn(Gld(), new DateOnly(2017, 4, 15)), Is.EqualTo(55m + (15m * 0.5m / 36m)).Within(0.0000001m));
    }

    [Test]
    public void Without_all_three_trajectory_fields_the_target_is_left_alone()
    {
        var partial = Gld() with { TargetDate = null };

        var (moved, note) = TargetTrajectory.Interpolate(TestFrameworks.Gld, partial, Period.FinancialQuarter(2018, 1));

        Assert.Multiple(() =>
        {
            Assert.That(moved, Is.SameAs(partial));
            Assert.That(note, Is.Null);
            Assert.That(partial.HasTrajectory, Is.False);
        });
    }
}
