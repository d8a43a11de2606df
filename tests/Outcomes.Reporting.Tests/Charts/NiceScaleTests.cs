using Outcomes.Reporting.Charts;

namespace Outcomes.Reporting.Tests.Charts;

public class NiceScaleTests
{
    [TestCase(13.7, false, 20)]
    [TestCase(13.7, true, 10)]
    [TestCase(5, true, 5)]
    [TestCase(2.5, true, 2)]
    [TestCase(7, true, 10)]
    [TestCase(1500, true, 2000)]
    [TestCase(149, true, 100)]
    [TestCase(0.43, true, 0.5)]
    [TestCase(0.73, true, 1)]
    [TestCase(0.73, false, 1)]
    [TestCase(1, false, 1)]
    [TestCase(2, false, 2)]
    [TestCase(5.0001, false, 10)]
    public void Nice_numbers_are_1_2_or_5_times_a_power_of_ten(double x, bool round, double expected) =>
        Assert.That(NiceScale.NiceNumber(x, round), Is.EqualTo(expected).Within(1e-12));

    [Test]
    public void A_nice_number_needs_a_positive_finite_value()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NiceScale.NiceNumber(0, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => NiceScale.NiceNumber(double.NaN, true));
    }

    [Test]
    public void Percentages_from_58_to_72_tick_every_5()
    {
        var ticks = NiceScale.Ticks(58.1, 71.8, 5);

        Assert.Multiple(() =>
        {
            Assert.That(ticks.Values, Is.EqualTo(new[] { 55.0, 60, 65, 70, 75 }));
            Assert.That(ticks.Step, Is.EqualTo(5));
            Assert.That(ticks.Decimals, Is.Zero);
            Assert.That((ticks.Min, ticks.Max), Is.EqualTo((55.0, 75.0)));
        });
    }

    [Test]
    public void Zero_to_a_hundred_ticks_every_20() =>
        Assert.That(NiceScale.Ticks(0, 100, 5).Values, Is.EqualTo(new[] { 0.0, 20, 40, 60, 80, 100 }));

    [Test]
    public void Tenths_are_exact_with_no_floating_point_residue()
    {
        var ticks = NiceScale.Ticks(0, 0.9, 10);

        Assert.Multiple(() =>
        {
            Assert.That(ticks.Values, Is.EqualTo(new[] { 0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 }));
            Assert.That(ticks.Decimals, Is.EqualTo(1));
            Assert.That(ticks.Values.Select(v => ValueFormat.Number().Format(v, ticks.Decimals)), Has.Member("0.3").And.Member("0.7"));
        });
    }

    [Test]
    public void Small_values_get_enough_decimals()
    {
        var ticks = NiceScale.Ticks(0.001, 0.0042, 5);

        Assert.Multiple(() =>
        {
            Assert.That(ticks.Step, Is.EqualTo(0.001).Within(1e-15));
            Assert.That(ticks.Decimals, Is.EqualTo(3));
            Assert.That(ticks.Values, Is.EqualTo(new[] { 0.001, 0.002, 0.003, 0.004, 0.005 }));
        });
    }

    [Test]
    public void Large_values_step_in_round_thousands() =>
        Assert.That(NiceScale.Ticks(0, 123_456, 5).Values, Is.EqualTo(new[] { 0.0, 50_000, 100_000, 150_000 }));

    [Test]
    public void A_range_across_zero_includes_zero_and_negative_ticks() =>
        Assert.That(NiceScale.Ticks(-3.2, 4.7, 5).Values, Is.EqualTo(new[] { -4.0, -2, 0, 2, 4, 6 }));

    [Test]
    public void All_negative_values_tick_below_zero() =>
        Assert.That(NiceScale.Ticks(-71.8, -58.1, 5).Values, Is.EqualTo(new[] { -75.0, -70, -65, -60, -55 }));

    [Test]
    public void Equal_ends_get_a_range_around_them()
    {
        var ticks = NiceScale.Ticks(50, 50, 5);

        Assert.Multiple(() =>
        {
            Assert.That(ticks.Min, Is.LessThan(50));
            Assert.That(ticks.Max, Is.GreaterThan(50));
            Assert.That(ticks.Values, Has.Count.GreaterThanOrEqualTo(2));
            Assert.That(ticks.Values, Is.Ordered.Ascending);
        });
    }

    [Test]
    public void Zero_alone_gets_zero_to_one() =>
        Assert.That(NiceScale.Ticks(0, 0, 5).Values, Is.EqualTo(new[] { 0.0, 0.2, 0.4, 0.6, 0.8, 1.0 }));

    [Test]
    public void Ends_given_the_wrong_way_round_are_swapped() =>
        Assert.That(NiceScale.Ticks(71.8, 58.1, 5).Values, Is.EqualTo(NiceScale.Ticks(58.1, 71.8, 5).Values));

    [Test]
    public void Non_finite_ends_are_refused() =>
        Assert.Throws<ArgumentException>(() => NiceScale.Ticks(double.NaN, 1));

    [Test]
    public void The_percentage_clamp_stops_the_axis_at_0_and_100()
    {
        var unclamped = NiceScale.ForAxis(AxisOptions.Default, 3, 101, 6);
        var clamped = NiceScale.ForAxis(new AxisOptions { ClampPercent = true }, 3, 101, 6);

        Assert.Multiple(() =>
        {
            Assert.That(unclamped.Max, Is.GreaterThan(100));
            Assert.That((clamped.Min, clamped.Max), Is.EqualTo((0.0, 100.0)));
            Assert.That(clamped.Values, Is.All.InRange(0, 100));
            Assert.That(clamped.Values, Does.Contain(100.0));
        });
    }

    [Test]
    public void Include_zero_stretches_the_axis_down_to_zero() =>
        Assert.That(NiceScale.ForAxis(new AxisOptions { IncludeZero = true }, 58.1, 71.8, 5).Values[0], Is.Zero);

    [Test]
    public void Fixed_ends_are_kept_exactly_with_nice_ticks_inside()
    {
        var ticks = NiceScale.ForAxis(new AxisOptions { Min = 0, Max = 90 }, 58.1, 71.8, 5);

        Assert.Multiple(() =>
        {
            Assert.That((ticks.Min, ticks.Max), Is.EqualTo((0.0, 90.0)));
            Assert.That(ticks.Values, Is.All.InRange(0, 90));
            Assert.That(ticks.Values[0], Is.Zero);
        });
    }

    [Test]
    public void The_tick_count_respects_the_axis_maximum() =>
        Assert.That(NiceScale.ForAxis(new AxisOptions { MaxTicks = 3 }, 0, 100, 12).Values, Has.Count.LessThanOrEqualTo(4));
}
