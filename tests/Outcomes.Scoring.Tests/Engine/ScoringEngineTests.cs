using Outcomes.Domain.Comparators;
using Outcomes.Domain.Numbers;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Scores;
using Outcomes.Scoring.Engine;
using Outcomes.Scoring.RollUps;

namespace Outcomes.Scoring.Tests.Engine;

public class ScoringEngineTests
{
    private static readonly Period Q1 = Period.FinancialQuarter(2017, 1);
    private static readonly Period Q2 = Period.FinancialQuarter(2017, 2);
    private static readonly Period Q4 = Period.FinancialQuarter(2017, 4);

    [Test]
    public void Ratios_roll_up_from_summed_numerators_not_averaged_percentages()
    {
        var observations = new[]
        {
            TestFrameworks.Ratio("C1-1", Q1, "GLD", 90, 100),
            TestFrameworks.Ratio("C1-2", Q1, "GLD", 10, 100),
            TestFrameworks.Ratio("C2-1", Q1, "GLD", 160, 200),
        };
        var rolled = RollUpCalculator.RollUp(TestFrameworks.Version(), TestFrameworks.Tree(), observations, new DateOnly(2017, 6, 30));
        var authority = rolled.Single(o => o.OrgUnitCode == "A");
        Assert.Multiple(() =>
        {
            Assert.That(rolled.Single(o => o.OrgUnitCode == "C1").Value, Is.EqualTo(50m));
            Assert.That(authority.Numerator, Is.EqualTo(260m));
            Assert.That(authority.Denominator, Is.EqualTo(400m));
            Assert.That(authority.Value, Is.EqualTo(65m), "260/400, not the mean of 90, 10 and 80");
        });
    }

    [Test]
    public void A_closed_centre_history_rolls_up_to_where_its_successor_belongs_today()
    {
        var observations = new[]
        {
            TestFrameworks.Count("C1-1", Q1, "REG", 10),
            TestFrameworks.Count("C1-2", Q1, "REG", 5),
            TestFrameworks.Count("C2-1", Q1, "REG", 7),
        };
        var rolledToday = RollUpCalculator.RollUp(TestFrameworks.Version(), TestFrameworks.Tree(), observations, new DateOnly(2018, 6, 30));
        var rolledThen = RollUpCalculator.RollUp(TestFrameworks.Version(), TestFrameworks.Tree(), observations, new DateOnly(2017, 6, 30));
        Assert.Multiple(() =>
        {
            Assert.That(rolledToday.Single(o => o.OrgUnitCode == "C2").Value, Is.EqualTo(12m));
            Assert.That(rolledToday.Single(o => o.OrgUnitCode == "C1").Value, Is.EqualTo(10m));
            Assert.That(rolledThen.Single(o => o.OrgUnitCode == "C1").Value, Is.EqualTo(15m));
            Assert.That(rolledToday.Single(o => o.OrgUnitCode == "A").Value, Is.EqualTo(22m));
        });
    }

    [Test]
    public void A_missing_unit_is_named_in_the_flag_not_counted_as_zero()
    {
        var observations = new[]
        {
            TestFrameworks.Count("C1-1", Q1, "REG", 10),
            TestFrameworks.Count("C1-2", Q1, "REG", 5),
            TestFrameworks.Count("C1-1", Q2, "REG", 12),
        };
        var rolled = RollUpCalculator.RollUp(TestFrameworks.Version(), TestFrameworks.Tree(), observations, new DateOnly(2017, 9, 30));
        var q2 = rolled.Single(o => o.OrgUnitCode == "C1" && o.Period == Q2);
        Assert.That(q2.Value, Is.EqualTo(12m));
        Assert.That(q2.DataQualityFlag, Is.EqualTo("incomplete: 1 of 2 units reported a usable value"));
    }

    [Test]
    public void Scores_carry_status_direction_england_comparison_and_an_explanation()
    {
        var request = new ScoringRequest
        {
            Version = TestFrameworks.Version(),
            Hierarchy = TestFrameworks.Tree(),
            Observations =
            [
                TestFrameworks.Ratio("C1", Q1, "GLD", 660, 1000),
                TestFrameworks.Ratio("C1", Q2, "GLD", 640, 1000),
            ],
            Targets = [TestFrameworks.Target("GLD", 70m, 2m), TestFrameworks.Target("GLD", 60m, 2m, unit: "C2")],
            Comparators =
            [
                new ComparatorValue
                {
                    IndicatorCode = "dfe-eyfsp-gld-percent", AreaCode = "E92000001", AreaName = "England", Level = GeographicLevel.National,
                    Period = Period.AcademicYear(2016), Value = 70.7m,
                },
            ],
        };
        var score = new ScoringEngine(request, Q4.End).ScoreMeasure(TestFrameworks.Gld, "C1", Q2);
        Assert.Multiple(() =>
        {
            Assert.That(score.Actual, Is.EqualTo(64m));
            Assert.That(score.Status, Is.EqualTo(RagStatus.Red));
            Assert.That(score.StatusLetter, Is.EqualTo("R"));
            Assert.That(score.DirectionFromPrevious, Is.EqualTo(Direction.Worsening));
            Assert.That(score.Comparator, Is.EqualTo(70.7m));
            Assert.That(score.ComparedWithEngland, Is.EqualTo(BenchmarkComparison.Worse), "70.7 lies above the Wilson CI of 640/1000");
            Assert.That((double)score.LowerCi!.Value, Is.EqualTo(60.97).Within(0.01));
            Assert.That(score.Explanation, Is.EqualTo(
                "Red: 64.0% is 6.0 points below the 70.0% target (amber within 2.0 points). "
                + "Worsening from 66.0% the previous quarter. Worse than England (70.7%, 2016/17)."));
        });
    }

    [Test]
    public void Targets_are_inherited_from_the_nearest_ancestor_with_one()
    {
        var request = new ScoringRequest
        {
            Version = TestFrameworks.Version(),
            Hierarchy = TestFrameworks.Tree(),
            Observations = [TestFrameworks.Ratio("C2-1", Q1, "GLD", 61, 100)],
            Targets = [TestFrameworks.Target("GLD", 70m, 2m), TestFrameworks.Target("GLD", 60m, 2m, unit: "C2")],
        };
        var engine = new ScoringEngine(request, Q1.End);
        Assert.Multiple(() =>
        {
            Assert.That(engine.ScoreMeasure(TestFrameworks.Gld, "C2-1", Q1).Target, Is.EqualTo(60m));
            Assert.That(engine.ScoreMeasure(TestFrameworks.Gld, "C2-1", Q1).Status, Is.EqualTo(RagStatus.Green));
            Assert.That(engine.ScoreMeasure(TestFrameworks.Gld, "A", Q1).Target, Is.EqualTo(70m));
        });
    }

    [Test]
    public void Every_unit_with_returned_or_rolled_up_data_is_scored_for_every_measure()
    {
        var request = new ScoringRequest
        {
            Version = TestFrameworks.Version(),
            Hierarchy = TestFrameworks.Tree(),
            Observations = [TestFrameworks.Count("C1-1", Q1, "REG", 3), TestFrameworks.Count("C2-1", Q1, "REG", 4)],
        };
        var scores = new ScoringEngine(request, Q1.End).ScorePeriod(Q1);
        Assert.That(scores.Select(s => s.OrgUnitCode).Distinct(), Is.EquivalentTo(new[] { "A", "C1", "C2", "C1-1", "C2-1" }));
        Assert.That(scores, Has.Count.EqualTo(15));
    }

    [Test]
    public void Official_rounding_is_half_away_from_zero()
    {
        Assert.That(OfficialRounding.Ratio(1021m, 2000m, 100m, 1), Is.EqualTo(51.1m));
        Assert.That(Math.Round(51.05m, 1), Is.EqualTo(51.0m), "banker's rounding would print 51.0");
    }
}

public class SummedTargetTests
{
    private static readonly Period Q1 = Period.FinancialQuarter(2017, 1);

    [Test]
    public void A_rolled_up_count_is_judged_against_the_sum_of_the_reporting_units_targets()
    {
        var request = new ScoringRequest
        {
            Version = TestFrameworks.Version(),
            Hierarchy = TestFrameworks.Tree(),
            Observations = [TestFrameworks.Count("C1-1", Q1, "REG", 90), TestFrameworks.Count("C2-1", Q1, "REG", 100)],
            Targets = [TestFrameworks.Target("REG", 100m, 5m), TestFrameworks.Target("REG", 80m, 5m, unit: "C2-1")],
        };
        var engine = new ScoringEngine(request, Q1.End);
        var authority = engine.ScoreMeasure(TestFrameworks.Registrations, "A", Q1);
        Assert.Multiple(() =>
        {
            Assert.That(authority.Actual, Is.EqualTo(190m));
            Assert.That(authority.Target, Is.EqualTo(180m), "100 (default for C1-1) + 80 (C2-1's own), not the default 100");
            Assert.That(authority.Status, Is.EqualTo(Outcomes.Domain.Scores.RagStatus.Green));
            Assert.That(authority.Explanation, Does.EndWith("The target is the sum of the targets of the 2 units that reported."));
            Assert.That(engine.ScoreMeasure(TestFrameworks.Registrations, "C1-1", Q1).Target, Is.EqualTo(100m));
        });
    }

    [Test]
    public void A_rolled_up_percentage_keeps_the_inherited_target()
    {
        var request = new ScoringRequest
        {
            Version = TestFrameworks.Version(),
            Hierarchy = TestFrameworks.Tree(),
            Observations = [TestFrameworks.Ratio("C1-1", Q1, "GLD", 70, 100), TestFrameworks.Ratio("C2-1", Q1, "GLD", 72, 100)],
            Targets = [TestFrameworks.Target("GLD", 70m, 2m)],
        };
        Assert.That(new ScoringEngine(request, Q1.End).ScoreMeasure(TestFrameworks.Gld, "A", Q1).Target, Is.EqualTo(70m));
    }
}
