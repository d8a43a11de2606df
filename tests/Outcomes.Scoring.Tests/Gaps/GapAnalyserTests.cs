using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Periods;
using Outcomes.Scoring.Gaps;

namespace Outcomes.Scoring.Tests.Gaps;

public class GapAnalyserTests
{
    private static readonly Measure Gld = TestFrameworks.Gld;

    private static Period Year(int start) => Period.AcademicYear(start);

    private static GroupSeries Series(string label, params (int Year, decimal? Value)[] values) =>
        new(label, values.Select(v => new PeriodValue(Year(v.Year), v.Value)).ToList());

    [Test]
    public void Bristol_narrowed_the_gap_between_boys_and_girls_by_5_points_to_13_in_four_years()
    {
        var boys = Series("boys", (2013, 50.0m), (2014, 53.5m), (2015, 56.0m), (2016, 59.0m), (2017, 61.0m));
        var girls = Series("girls", (2013, 68.0m), (2014, 70.0m), (2015, 71.5m), (2016, 73.0m), (2017, 74.0m));

        var gap = GapAnalyser.Analyse(Gld, boys, girls, Year(2013), Year(2017));

        Assert.Multiple(() =>
        {
            Assert.That(gap.Explanation, Is.EqualTo("The gap between boys and girls narrowed by 5.0 points to 13.0 points over four years."));
            Assert.That(gap.SinceBase.Trend, Is.EqualTo(GapTrend.Narrowed));
            Assert.That(gap.SinceBase.Change, Is.EqualTo(-5.0m));
            Assert.That(gap.Current.Gap, Is.EqualTo(-13.0m));
            Assert.That(gap.Current.Size, Is.EqualTo(13.0m));
            Assert.That(gap.Points.Select(p => p.Size), Is.EqualTo(new decimal?[] { 18.0m, 16.5m, 15.5m, 14.0m, 13.0m }));
            Assert.That(gap.SincePrevious.Explanation, Is.EqualTo("The gap between boys and girls narrowed by 1.0 points to 13.0 points since the previous year."));
            Assert.That(gap.Current.Explanation, Is.EqualTo("The gap between boys and girls is 13.0 points in 2017/18, with girls ahead (boys 61.0%, girls 74.0%)."));
        });
    }

    [Test]
    public void A_growing_gap_is_widening()
    {
        var deprived = Series("the 30% most disadvantaged areas", (2015, 60m), (2017, 58m));
        var rest = Series("the rest", (2015, 72m), (2017, 73m));

        var gap = GapAnalyser.Analyse(Gld, deprived, rest, Year(2015), Year(2017));

        Assert.Multiple(() =>
        {
            Assert.That(gap.SinceBase.Trend, Is.EqualTo(GapTrend.Widened));
            Assert.That(gap.Explanation, Is.EqualTo("The gap between the 30% most disadvantaged areas and the rest widened by 3.0 points to 15.0 points over two years."));
        });
    }

    [Test]
    public void A_change_smaller_than_the_materiality_threshold_is_no_change()
    {
        var boys = Series("boys", (2016, 60.0m), (2017, 60.4m));
        var girls = Series("girls", (2016, 73.0m), (2017, 73.0m));

        var gap = GapAnalyser.Analyse(Gld, boys, girls, Year(2016), Year(2017), materiality: 0.5m);
        var strict = GapAnalyser.Analyse(Gld, boys, girls, Year(2016), Year(2017));

        Assert.Multiple(() =>
        {
            Assert.That(gap.SinceBase.Trend, Is.EqualTo(GapTrend.NoChange));
            Assert.That(gap.Explanation, Is.EqualTo(
                "The gap between boys and girls stayed at about 12.6 points since the previous year: it narrowed by 0.4 points, less than the 0.5 points that counts as a change."));
            Assert.That(strict.SinceBase.Trend, Is.EqualTo(GapTrend.Narrowed));
        });
    }

    [Test]
    public void An_unchanged_gap_stays()
    {
        var gap = GapAnalyser.Analyse(Gld, Series("boys", (2016, 60m), (2017, 61m)), Series("girls", (2016, 70m), (2017, 71m)), Year(2016), Year(2017));

        Assert.Multiple(() =>
        {
            Assert.That(gap.SinceBase.Trend, Is.EqualTo(GapTrend.NoChange));
            Assert.That(gap.Explanation, Is.EqualTo("The gap between boys and girls stayed at 10.0 points since the previous year."));
        });
    }

    [Test]
    public void A_gap_that_changes_side_is_reversed_not_unchanged()
    {
        var gap = GapAnalyser.Analyse(Gld, Series("boys", (2015, 67m), (2017, 72m)), Series("girls", (2015, 70m), (2017, 69m)), Year(2015), Year(2017));

        Assert.Multiple(() =>
        {
            Assert.That(gap.SinceBase.Trend, Is.EqualTo(GapTrend.Reversed));
            Assert.That(gap.Explanation, Is.EqualTo("The gap between boys and girls reversed over two years: from girls ahead by 3.0 points to boys ahead by 3.0 points."));
        });
    }

    [Test]
    public void A_gap_that_closes_is_narrowed_and_says_closed()
    {
        var gap = GapAnalyser.Analyse(Gld, Series("boys", (2016, 67m), (2017, 70m)), Series("girls", (2016, 70m), (2017, 70m)), Year(2016), Year(2017));

        Assert.Multiple(() =>
        {
            Assert.That(gap.SinceBase.Trend, Is.EqualTo(GapTrend.Narrowed));
            Assert.That(gap.Explanation, Is.EqualTo("The gap between boys and girls closed since the previous year (it was 3.0 points)."));
            Assert.That(gap.Current.Explanation, Is.EqualTo("There is no gap between boys and girls in 2017/18 (boys 70.0%, girls 70.0%)."));
        });
    }

    [Test]
    public void For_a_lower_is_better_measure_the_lower_group_is_ahead()
    {
        var quarter = Period.FinancialQuarter(2018, 4);
        var a = new GroupSeries("the 30% most disadvantaged areas", [new PeriodValue(quarter, 18m)]);
        var b = new GroupSeries("the rest", [new PeriodValue(quarter, 11m)]);

        var gap = GapAnalyser.Analyse(TestFrameworks.ReReferrals, a, b, quarter, quarter);

        Assert.That(gap.Current.Explanation, Does.Contain("with the rest ahead"));
    }

    [Test]
    public void A_missing_value_makes_the_change_not_comparable_and_the_previous_is_the_latest_with_both()
    {
        var boys = Series("boys", (2013, null), (2015, 58m), (2016, null), (2017, 61m));
        var girls = Series("girls", (2013, 68m), (2015, 72m), (2016, 73m), (2017, 74m));

        var gap = GapAnalyser.Analyse(Gld, boys, girls, Year(2013), Year(2017));

        Assert.Multiple(() =>
        {
            Assert.That(gap.SinceBase.Trend, Is.EqualTo(GapTrend.NotComparable));
            Assert.That(gap.SinceBase.Explanation, Is.EqualTo("The gap between boys and girls cannot be compared over four years: a value for 2013/14 is missing."));
            Assert.That(gap.SincePrevious.From, Is.EqualTo(Year(2015)));
            Assert.That(gap.Explanation, Is.EqualTo("The gap between boys and girls narrowed by 1.0 points to 13.0 points over two years."));
        });
    }

    [Test]
    public void Values_are_compared_as_printed()
    {
        // 61.04 and 73.96 print as 61.0 and 74.0: a gap of 13.0, not 12.92.
        var gap = GapAnalyser.Analyse(Gld, Series("boys", (2017, 61.04m)), Series("girls", (2017, 73.96m)), Year(2017), Year(2017));

        Assert.That(gap.Current.Size, Is.EqualTo(13.0m));
    }

    [Test]
    public void Spans_are_said_in_the_periods_own_units()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PeriodSpan.Describe(Period.FinancialQuarter(2016, 4), Period.FinancialQuarter(2018, 4)), Is.EqualTo("over eight quarters"));
            Assert.That(PeriodSpan.Describe(Period.FinancialQuarter(2018, 3), Period.FinancialQuarter(2018, 4)), Is.EqualTo("since the previous quarter"));
            Assert.That(PeriodSpan.Describe(Period.AcademicYear(2013), Period.FinancialYear(2018)), Is.EqualTo("since 2013/14"));
            Assert.That(PeriodSpan.Describe(Period.Month(2017, 4), Period.Month(2018, 8)), Is.EqualTo("over 16 months"));
        });
    }
}
