using Outcomes.Domain.Periods;

namespace Outcomes.Domain.Tests;

public class PeriodParserTests
{
    [TestCase("2017-18 Q1", "2017-04-01", "2017-06-30")]
    [TestCase("2017/18 Q3", "2017-10-01", "2017-12-31")]
    [TestCase("Q4 2017-18", "2018-01-01", "2018-03-31")]
    [TestCase("Q2 2017/2018", "2017-07-01", "2017-09-30")]
    [TestCase("FY2017-18 Quarter 2", "2017-07-01", "2017-09-30")]
    [TestCase("2017\u201318 Q1", "2017-04-01", "2017-06-30")]
    public void Financial_quarters_in_the_spellings_councils_use(string text, string start, string end)
    {
        Assert.That(PeriodParser.TryParse(text, out var p, out var error), Is.True, error);
        Assert.Multiple(() =>
        {
            Assert.That(p.Type, Is.EqualTo(PeriodType.FinancialQuarter));
            Assert.That(p.Start, Is.EqualTo(DateOnly.Parse(start)));
            Assert.That(p.End, Is.EqualTo(DateOnly.Parse(end)));
        });
    }

    [TestCase("2017-18", PeriodType.FinancialYear, "2017-18")]
    [TestCase("2016/17", PeriodType.FinancialYear, "2016-17")]
    [TestCase("Academic year 2016/17", PeriodType.AcademicYear, "2016/17")]
    [TestCase("AY 2016-17", PeriodType.AcademicYear, "2016/17")]
    [TestCase("2019", PeriodType.CalendarYear, "2019")]
    [TestCase("2017-04", PeriodType.Month, "2017-04")]
    [TestCase("April 2017", PeriodType.Month, "2017-04")]
    [TestCase("31/03/2021", PeriodType.Snapshot, "2021-03-31")]
    [TestCase("2021-03-31", PeriodType.Snapshot, "2021-03-31")]
    [TestCase("31 March 2021", PeriodType.Snapshot, "2021-03-31")]
    public void Other_period_types_parse_to_their_canonical_key(string text, PeriodType type, string key)
    {
        var p = PeriodParser.Parse(text);
        Assert.That((p.Type, p.Key), Is.EqualTo((type, key)));
    }

    [Test]
    public void A_slash_year_is_academic_when_the_caller_says_so()
    {
        Assert.That(PeriodParser.Parse("2016/17", PeriodType.AcademicYear).Start, Is.EqualTo(new DateOnly(2016, 9, 1)));
    }

    [TestCase("201617", "Academic year", "2016/17")]
    [TestCase("201718", "Financial year", "2017-18")]
    [TestCase("201718", "Financial year Q3", "2017-18 Q3")]
    [TestCase("2025", "Reporting year", "2025-03-31")]
    [TestCase("2019", "Calendar year", "2019")]
    public void DfE_time_period_and_identifier_pairs(string timePeriod, string identifier, string key)
    {
        Assert.That(PeriodParser.TryParseDfe(timePeriod, identifier, out var p, out var e), Is.True, e);
        Assert.That(p.Key, Is.EqualTo(key));
    }

    [TestCase("2017-19", "consecutive")]
    [TestCase("last quarter", "not a period")]
    [TestCase("", "blank")]
    [TestCase("2017-18 Q5", "not a period")]
    public void Bad_periods_give_a_message_not_an_exception(string text, string expected)
    {
        Assert.That(PeriodParser.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Does.Contain(expected));
    }

    [Test]
    public void Dfe_pairs_that_do_not_match_are_refused()
    {
        Assert.That(PeriodParser.TryParseDfe("201619", "Academic year", out _, out var e1), Is.False);
        Assert.That(e1, Does.Contain("consecutive"));
        Assert.That(PeriodParser.TryParseDfe("2019", "Fortnight", out _, out var e2), Is.False);
        Assert.That(e2, Does.Contain("Fortnight"));
    }
}
