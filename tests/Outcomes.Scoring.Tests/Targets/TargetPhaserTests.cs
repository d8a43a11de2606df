using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Targets;
using Outcomes.Scoring.Targets;

namespace Outcomes.Scoring.Tests.Targets;

public class TargetPhaserTests
{
    /// <summary>Parents completing a programme, reported year to date (Blackpool BO10, NE Lincolnshire HM5).</summary>
    private static readonly Measure YearToDate = new()
    {
        Code = "PAR", Title = "Parents completing a programme", Unit = MeasureUnit.Count, Aggregation = Aggregation.Sum, Cumulative = true,
    };

    private static readonly Measure InTheQuarter = YearToDate with { Code = "REG", Cumulative = false };

    private static readonly PhasingProfile Profile = new([20m, 25m, 25m, 30m]);

    private static Target Annual(decimal value, TargetPhasing phasing, PhasingProfile? profile = null) =>
        TestFrameworks.Target("PAR", value, 0m) with { Phasing = phasing, Profile = profile };

    private static Period Q(int quarter) => Period.FinancialQuarter(2018, quarter);

    [TestCase(1, 100)]
    [TestCase(2, 200)]
    [TestCase(3, 300)]
    [TestCase(4, 400)]
    public void Equal_phasing_of_a_cumulative_count_gives_a_year_to_date_share(int quarter, decimal expected) =>
        Assert.That(TargetPhaser.Phase(YearToDate, Annual(400m, TargetPhasing.Equal), Q(quarter)).Target.Value, Is.EqualTo(expected));

    [TestCase(1, 80)]
    [TestCase(2, 180)]
    [TestCase(3, 280)]
    [TestCase(4, 400)]
    public void A_profile_adds_up_its_shares_to_date(int quarter, decimal expected) =>
        Assert.That(TargetPhaser.Phase(YearToDate, Annual(400m, TargetPhasing.Profile, Profile), Q(quarter)).Target.Value, Is.EqualTo(expected));

    [TestCase(TargetPhasing.Equal, 3, 100)]
    [TestCase(TargetPhasing.Profile, 1, 80)]
    [TestCase(TargetPhasing.Profile, 4, 120)]
    public void A_count_reported_for_the_quarter_alone_gets_that_quarters_share(TargetPhasing phasing, int quarter, decimal expected) =>
        Assert.That(TargetPhaser.Phase(InTheQuarter, Annual(400m, phasing, Profile), Q(quarter)).Target.Value, Is.EqualTo(expected));

    [Test]
    public void The_note_says_which_quarter_of_which_annual_target()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TargetPhaser.Phase(YearToDate, Annual(400m, TargetPhasing.Equal), Q(2)).Note,
                Is.EqualTo("Quarter 2 of the annual target of 400: 200 year to date."));
            Assert.That(TargetPhaser.Phase(YearToDate, Annual(400m, TargetPhasing.Profile, Profile), Q(2)).Note,
                Is.EqualTo("Quarter 2 of the annual target of 400, phased 20/25/25/30%: 180 year to date."));
            Assert.That(TargetPhaser.Phase(InTheQuarter, Annual(400m, TargetPhasing.Equal), Q(3)).Note,
                Is.EqualTo("Quarter 3 of the annual target of 400: 100 in the quarter."));
        });
    }

    [Test]
    public void Quarters_are_financial_so_January_to_March_takes_the_last_share()
    {
        var januaryToMarch = Period.FinancialQuarter(2018, 4);

        Assert.Multiple(() =>
        {
            Assert.That(januaryToMarch.Start, Is.EqualTo(new DateOnly(2019, 1, 1)));
            Assert.That(TargetPhaser.Phase(InTheQuarter, Annual(400m, TargetPhasing.Profile, Profile), januaryToMarch).Target.Value, Is.EqualTo(120m));
        });
    }

    [Test]
    public void Stretch_and_an_absolute_tolerance_are_phased_with_the_value_and_a_relative_one_is_not()
    {
        var absolute = Annual(400m, TargetPhasing.Equal) with { Stretch = 480m, Tolerance = 20m };
        var relative = absolute with { ToleranceKind = ToleranceKind.Relative, Tolerance = 10m };

        var phased = TargetPhaser.Phase(YearToDate, absolute, Q(2)).Target;

        Assert.Multiple(() =>
        {
            Assert.That(phased.Stretch, Is.EqualTo(240m));
            Assert.That(phased.Tolerance, Is.EqualTo(10m));
            Assert.That(TargetPhaser.Phase(YearToDate, relative, Q(2)).Target.Tolerance, Is.EqualTo(10m));
        });
    }

    [Test]
    public void Phased_values_are_rounded_as_printed()
    {
        // 45 x 25% = 11.25 parents: the quarter's target prints, and is judged, as 11.
        Assert.That(TargetPhaser.Phase(YearToDate, Annual(45m, TargetPhasing.Equal), Q(1)).Target.Value, Is.EqualTo(11m));
    }

    [Test]
    public void A_percentage_target_applies_in_every_quarter_as_it_stands()
    {
        var target = TestFrameworks.Target("GLD", 70m, 2m) with { Phasing = TargetPhasing.Equal };

        var (phased, note) = TargetPhaser.Phase(TestFrameworks.Gld, target, Q(1));

        Assert.Multiple(() =>
        {
            Assert.That(phased.Value, Is.EqualTo(70m));
            Assert.That(note, Is.EqualTo("The annual target of 70.0% applies in every quarter; a percentage is not split between quarters."));
        });
    }

    [Test]
    public void An_unphased_target_comes_back_as_it_is_with_no_note()
    {
        var target = Annual(400m, TargetPhasing.None);

        var (phased, note) = TargetPhaser.Phase(YearToDate, target, Q(1));

        Assert.Multiple(() =>
        {
            Assert.That(phased, Is.SameAs(target));
            Assert.That(note, Is.Null);
        });
    }

    [Test]
    public void Months_take_a_twelfth_or_a_third_of_their_quarters_profile_share()
    {
        var august = Period.Month(2018, 8);
        var april = Period.Month(2018, 4);

        Assert.Multiple(() =>
        {
            Assert.That(TargetPhaser.Phase(YearToDate, Annual(1200m, TargetPhasing.Equal), august).Target.Value, Is.EqualTo(500m));
            Assert.That(TargetPhaser.Phase(YearToDate, Annual(1200m, TargetPhasing.Equal), august).Note,
                Is.EqualTo("Month 5 of the annual target of 1,200: 500 year to date."));
            Assert.That(TargetPhaser.Phase(InTheQuarter, Annual(1200m, TargetPhasing.Profile, Profile), april).Target.Value, Is.EqualTo(80m));
            Assert.That(TargetPhaser.Phase(YearToDate, Annual(1200m, TargetPhasing.Profile, Profile), Period.Month(2019, 3)).Target.Value, Is.EqualTo(1200m));
        });
    }

    [Test]
    public void A_monthly_profile_is_summed_into_quarters()
    {
        var monthly = new PhasingProfile([5m, 5m, 10m, 10m, 10m, 10m, 10m, 10m, 5m, 5m, 10m, 10m]);

        Assert.That(TargetPhaser.Phase(InTheQuarter, Annual(400m, TargetPhasing.Profile, monthly), Q(2)).Target.Value, Is.EqualTo(120m));
    }

    [Test]
    public void A_whole_financial_year_takes_the_whole_annual_target()
    {
        Assert.That(TargetPhaser.Phase(YearToDate, Annual(400m, TargetPhasing.Equal), Period.FinancialYear(2018)).Target.Value, Is.EqualTo(400m));
    }

    [Test]
    public void A_profile_of_the_wrong_length_leaves_the_target_unphased_and_says_why()
    {
        var five = new PhasingProfile([20m, 20m, 20m, 20m, 20m]);

        var (phased, note) = TargetPhaser.Phase(YearToDate, Annual(400m, TargetPhasing.Profile, five), Q(1));

        Assert.Multiple(() =>
        {
            Assert.That(phased.Value, Is.EqualTo(400m));
            Assert.That(note, Does.Contain("has 5 shares, not 4 (quarters) or 12 (months)"));
        });
    }
}
