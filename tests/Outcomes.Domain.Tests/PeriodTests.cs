using Outcomes.Domain.Periods;

namespace Outcomes.Domain.Tests;

public class PeriodTests
{
    [Test]
    public void Quarter_one_of_2017_18_is_April_to_June_2017()
    {
        var q1 = Period.FinancialQuarter(2017, 1);
        Assert.Multiple(() =>
        {
            Assert.That(q1.Key, Is.EqualTo("2017-18 Q1"));
            Assert.That(q1.Label, Is.EqualTo("2017-18 Q1 (Apr–Jun 2017)"));
            Assert.That(q1.Quarter, Is.EqualTo(1));
        });
    }

    [Test]
    public void Quarter_four_belongs_to_the_financial_year_that_started_the_April_before()
    {
        var q4 = Period.FinancialQuarter(2017, 4);
        Assert.Multiple(() =>
        {
            Assert.That(q4.Start, Is.EqualTo(new DateOnly(2018, 1, 1)));
            Assert.That(q4.FinancialYearStart, Is.EqualTo(2017));
            Assert.That(q4.Key, Is.EqualTo("2017-18 Q4"));
            Assert.That(q4.Next().Key, Is.EqualTo("2018-19 Q1"));
            Assert.That(q4.Previous().Key, Is.EqualTo("2017-18 Q3"));
            Assert.That(q4.SameLastYear().Key, Is.EqualTo("2016-17 Q4"));
        });
    }

    [Test]
    public void Periods_order_by_start_date()
    {
        var periods = new[] { Period.FinancialQuarter(2018, 1), Period.FinancialQuarter(2017, 3), Period.FinancialQuarter(2017, 4) };
        Assert.That(periods.Order().Select(p => p.Key), Is.EqualTo(new[] { "2017-18 Q3", "2017-18 Q4", "2018-19 Q1" }));
    }

    [Test]
    public void Academic_and_snapshot_periods_step_by_a_year()
    {
        Assert.That(Period.AcademicYear(2016).Previous().Key, Is.EqualTo("2015/16"));
        Assert.That(Period.Snapshot(new DateOnly(2021, 3, 31)).Previous().Key, Is.EqualTo("2020-03-31"));
        Assert.That(Period.Month(2017, 1).Previous().Key, Is.EqualTo("2016-12"));
    }
}
