using Outcomes.Reporting.Charts;

namespace Outcomes.Reporting.Tests.Charts;

public class ScaleTests
{
    [Test]
    public void A_y_scale_maps_its_minimum_to_the_bottom_and_maximum_to_the_top()
    {
        var y = new LinearScale(0, 100, 300, 100);

        Assert.Multiple(() =>
        {
            Assert.That(y.Map(0), Is.EqualTo(300));
            Assert.That(y.Map(100), Is.EqualTo(100));
            Assert.That(y.Map(25), Is.EqualTo(250));
            Assert.That(y.Map(58.1), Is.EqualTo(183.8).Within(1e-9));
            Assert.That(y.Map(-10), Is.EqualTo(320), "outside the domain maps outside the range");
        });
    }

    [Test]
    public void An_x_scale_with_an_offset_domain_maps_linearly()
    {
        var x = new LinearScale(55, 75, 40, 440);

        Assert.Multiple(() =>
        {
            Assert.That(x.Map(55), Is.EqualTo(40));
            Assert.That(x.Map(65), Is.EqualTo(240));
            Assert.That(x.Map(71.8), Is.EqualTo(376).Within(1e-9));
        });
    }

    [Test]
    public void Clamped_mapping_keeps_points_inside_the_plot()
    {
        var y = new LinearScale(0, 100, 300, 100);

        Assert.Multiple(() =>
        {
            Assert.That(y.MapClamped(150), Is.EqualTo(100));
            Assert.That(y.MapClamped(-5), Is.EqualTo(300));
            Assert.That(y.MapClamped(50), Is.EqualTo(200));
        });
    }

    [Test]
    public void An_empty_domain_maps_to_the_middle_instead_of_dividing_by_zero()
    {
        var y = new LinearScale(5, 5, 0, 10);

        Assert.Multiple(() =>
        {
            Assert.That(y.Map(5), Is.EqualTo(5));
            Assert.That(y.Map(1000), Is.EqualTo(5));
            Assert.That(double.IsFinite(y.MapClamped(-3)), Is.True);
        });
    }

    [Test]
    public void Bands_split_the_range_and_points_sit_at_band_centres()
    {
        var x = new BandScale(4, 40, 440);

        Assert.Multiple(() =>
        {
            Assert.That(x.Step, Is.EqualTo(100));
            Assert.That(x.Centre(0), Is.EqualTo(90));
            Assert.That(x.Centre(3), Is.EqualTo(390));
            Assert.That(x.Left(1), Is.EqualTo(140));
            Assert.That(x.Right(3), Is.EqualTo(440));
        });
    }

    [Test]
    public void One_band_centres_its_point() => Assert.That(new BandScale(1, 40, 440).Centre(0), Is.EqualTo(240));

    [Test]
    public void Millimetre_sizes_keep_the_unit_and_convert_the_view_box_to_pixels()
    {
        var size = ChartSize.Mm(170, 85);

        Assert.Multiple(() =>
        {
            Assert.That(size.WidthAttribute, Is.EqualTo("170mm"));
            Assert.That(size.WidthPx, Is.EqualTo(642.52).Within(0.01));
            Assert.That(ChartSize.Px(640, 320).HeightAttribute, Is.EqualTo("320"));
            Assert.Throws<ArgumentOutOfRangeException>(() => ChartSize.Px(0, 100));
            Assert.Throws<ArgumentOutOfRangeException>(() => ChartSize.Mm(100, double.NaN));
        });
    }
}
