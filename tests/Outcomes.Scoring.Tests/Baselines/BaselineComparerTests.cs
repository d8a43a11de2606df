using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Targets;
using Outcomes.Scoring.Baselines;

namespace Outcomes.Scoring.Tests.Baselines;

public class BaselineComparerTests
{
    private static readonly Period Now = Period.FinancialQuarter(2018, 4);

    private static readonly Measure Registrations = TestFrameworks.Registrations;

    [Test]
    public void North_East_Lincolnshire_re_referrals_down_75_percent_is_an_improvement()
    {
        var change = BaselineComparer.Compare(TestFrameworks.ReReferrals, Baseline.At(Period.FinancialYear(2015), 24.0m), 6.0m, Now);

        Assert.Multiple(() =>
        {
            Assert.That(change.Outcome, Is.EqualTo(BaselineOutcome.Improved));
            Assert.That(change.Absolute, Is.EqualTo(-18.0m));
            Assert.That(change.Percent, Is.EqualTo(-75m));
            Assert.That(change.Explanation, Is.EqualTo("Improved: 6.0% in 2018-19 Q4 is down 75.0%, or 18.0 points, on the baseline of 24.0% in 2015-16."));
        });
    }

    [Test]
    public void A_fall_in_a_higher_is_better_measure_is_worse()
    {
        var change = BaselineComparer.Compare(TestFrameworks.Gld, Baseline.At(Period.AcademicYear(2015), 70.0m), 63.0m, Now);

        Assert.Multiple(() =>
        {
            Assert.That(change.Outcome, Is.EqualTo(BaselineOutcome.Worsened));
            Assert.That(change.Percent, Is.EqualTo(-10m));
        });
    }

    [Test]
    public void A_rise_in_a_count_is_improved_and_given_in_the_counts_own_units()
    {
        var change = BaselineComparer.Compare(Registrations, Baseline.At(Period.FinancialYear(2016), 400m), 500m, Now);

        Assert.That(change.Explanation, Is.EqualTo("Improved: 500 in 2018-19 Q4 is up 25.0%, or 100, on the baseline of 400 in 2016-17."));
    }

    [Test]
    public void A_baseline_of_zero_gives_the_change_but_no_percentage()
    {
        var change = BaselineComparer.Compare(Registrations, Baseline.At(Period.FinancialYear(2016), 0m), 5m, Now);

        Assert.Multiple(() =>
        {
            Assert.That(change.Absolute, Is.EqualTo(5m));
            Assert.That(change.Percent, Is.Null);
            Assert.That(change.Outcome, Is.EqualTo(BaselineOutcome.Improved));
            Assert.That(change.Explanation, Is.EqualTo("Improved: 5 in 2018-19 Q4 is up 5 on the baseline of 0 in 2016-17 (no percentage change can be given from a baseline of zero)."));
        });
    }

    [Test]
    public void Zero_against_a_baseline_of_zero_is_no_change()
    {
        var change = BaselineComparer.Compare(Registrations, Baseline.At(Period.FinancialYear(2016), 0m), 0m, Now);

        Assert.Multiple(() =>
        {
            Assert.That(change.Outcome, Is.EqualTo(BaselineOutcome.NoChange));
            Assert.That(change.Percent, Is.Null);
        });
    }

    [Test]
    public void A_change_below_the_materiality_threshold_is_no_change_and_says_so()
    {
        var change = BaselineComparer.Compare(TestFrameworks.ReReferrals, Baseline.At(Period.FinancialYear(2015), 24.0m), 24.2m, Now, materiality: 0.5m);

        Assert.Multiple(() =>
        {
            Assert.That(change.Outcome, Is.EqualTo(BaselineOutcome.NoChange));
            Assert.That(change.Explanation, Is.EqualTo(
                "No change: 24.2% in 2018-19 Q4 is up 0.2 points on the baseline of 24.0% in 2015-16, less than the 0.5 points that counts as a change."));
        });
    }

    [Test]
    public void A_measure_without_a_judgement_only_goes_up_or_down()
    {
        var monitored = Registrations with { Polarity = Polarity.NoJudgement };

        Assert.That(BaselineComparer.Compare(monitored, Baseline.At(Period.FinancialYear(2016), 400m), 380m, Now).Outcome, Is.EqualTo(BaselineOutcome.Decreased));
    }

    [Test]
    public void No_current_value_is_not_comparable()
    {
        var change = BaselineComparer.Compare(Registrations, Baseline.At(Period.FinancialYear(2016), 400m), null, Now);

        Assert.Multiple(() =>
        {
            Assert.That(change.Outcome, Is.EqualTo(BaselineOutcome.NotComparable));
            Assert.That(change.Explanation, Is.EqualTo("Not comparable: there is no value for 2018-19 Q4 to compare with the baseline of 400 in 2016-17."));
        });
    }

    [Test]
    public void Values_are_compared_as_printed()
    {
        // 6.04 prints as 6.0 and 23.96 as 24.0: exactly 75% down.
        var change = BaselineComparer.Compare(TestFrameworks.ReReferrals, Baseline.At(Period.FinancialYear(2015), 23.96m), 6.04m, Now);

        Assert.That(change.Percent, Is.EqualTo(-75m));
    }

    [Test]
    public void A_trajectory_targets_baseline_is_named_by_its_month()
    {
        var target = TestFrameworks.Target("REREF", 15m, 2m) with { BaselineValue = 22m, BaselineDate = new DateOnly(2017, 3, 31), TargetDate = new DateOnly(2020, 3, 31) };

        var baseline = Baseline.Of(target);

        Assert.Multiple(() =>
        {
            Assert.That(baseline, Is.EqualTo(new Baseline(22m, "March 2017")));
            Assert.That(Baseline.Of(TestFrameworks.Target("REREF", 15m, 2m)), Is.Null);
        });
    }
}
