using System.Xml.Linq;
using Outcomes.Reporting.Charts;

namespace Outcomes.Reporting.Tests.Charts;

public class FormattingTests
{
    [TestCase(58.14, 1, "58.1%")]
    [TestCase(66.25, 1, "66.3%")]
    [TestCase(2.675, 2, "2.68%")]
    [TestCase(-0.04, 1, "0.0%")]
    [TestCase(-12.5, 0, "-13%")]
    [TestCase(100, 0, "100%")]
    public void Percentages_round_half_away_from_zero_as_they_read(double value, int decimals, string expected) =>
        Assert.That(ValueFormat.Percent(decimals).Format(value), Is.EqualTo(expected));

    [Test]
    public void Numbers_group_thousands_and_put_the_minus_before_a_prefix()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ValueFormat.Number().Format(1234567), Is.EqualTo("1,234,567"));
            Assert.That(new ValueFormat(0, GroupThousands: false).Format(1234), Is.EqualTo("1234"));
            Assert.That(new ValueFormat(2, Prefix: "£").Format(-1234.5), Is.EqualTo("-£1,234.50"));
            Assert.That(new ValueFormat(1, " per 1,000").Format(12.34), Is.EqualTo("12.3 per 1,000"));
            Assert.That(ValueFormat.Number(1).Format(5, 0), Is.EqualTo("5"));
            Assert.That(ValueFormat.Number().Format(double.NaN), Is.EqualTo("n/a"));
        });
    }

    [Test]
    public void Coordinates_have_at_most_two_decimals_and_never_minus_zero()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SvgWriter.Num(12.3456), Is.EqualTo("12.35"));
            Assert.That(SvgWriter.Num(3), Is.EqualTo("3"));
            Assert.That(SvgWriter.Num(0.5), Is.EqualTo("0.5"));
            Assert.That(SvgWriter.Num(-0.001), Is.EqualTo("0"));
            Assert.That(SvgWriter.Num(-7.125), Is.EqualTo("-7.13"));
            Assert.That(SvgWriter.Num(1234567.891), Is.EqualTo("1234567.89"));
            Assert.Throws<InvalidOperationException>(() => SvgWriter.Num(double.NaN));
        });
    }

    [Test]
    public void Escaping_covers_markup_characters_and_both_quotes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SvgWriter.Escape("<Bradford & \"Keighley's\">"), Is.EqualTo("&lt;Bradford &amp; &quot;Keighley&#39;s&quot;&gt;"));
            Assert.That(SvgWriter.Escape(null), Is.Empty);
            Assert.That(SvgWriter.Escape("a\u0001b\u000Bc"), Is.EqualTo("abc"), "characters XML cannot hold are dropped");
            Assert.That(SvgWriter.Escape("x\uD800y"), Is.EqualTo("xy"), "a lone surrogate is dropped");
            Assert.That(SvgWriter.Escape("Ysgol 😀"), Is.EqualTo("Ysgol 😀"), "a surrogate pair is kept");
        });
    }

    [Test]
    public void Escaped_text_round_trips_through_an_xml_parser_in_text_and_attributes()
    {
        const string nasty = "<script>alert('x')</script> & \"quoted\"";
        var xml = $"<a title=\"{SvgWriter.Escape(nasty)}\" other='{SvgWriter.Escape(nasty)}'>{SvgWriter.Escape(nasty)}</a>";
        var element = XElement.Parse(xml);

        Assert.Multiple(() =>
        {
            Assert.That(element.Value, Is.EqualTo(nasty));
            Assert.That(element.Attribute("title")!.Value, Is.EqualTo(nasty));
            Assert.That(element.Attribute("other")!.Value, Is.EqualTo(nasty));
        });
    }

    [Test]
    public void Ids_are_stable_from_run_to_run_and_differ_by_content()
    {
        var first = SvgWriter.StableId("trend", "GLD");
        var second = SvgWriter.StableId("trend", "GLD");
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(SvgWriter.StableId("trend", "GLD"), Does.Match("^trend-[0-9a-f]{8}$"));
            Assert.That(SvgWriter.StableId("trend", "GLD"), Is.Not.EqualTo(SvgWriter.StableId("trend", "GLE")));
        });
    }

    [Test]
    public void Text_alternatives_list_names_and_count_plurals()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ChartText.List(["A"]), Is.EqualTo("A"));
            Assert.That(ChartText.List(["A", "B"]), Is.EqualTo("A and B"));
            Assert.That(ChartText.List(["A", "B", "C"]), Is.EqualTo("A, B and C"));
            Assert.That(ChartText.List(["A", "B", "C", "D"], 2), Is.EqualTo("A, B and 2 more"));
            Assert.That(ChartText.Plural(1, "clusters"), Is.EqualTo("1 cluster"));
            Assert.That(ChartText.Plural(4, "clusters"), Is.EqualTo("4 clusters"));
            Assert.That(ChartText.Change(58.1, 66.3, ValueFormat.Percent()), Is.EqualTo("rose from 58.1% to 66.3%"));
            Assert.That(ChartText.Change(66.3, 58.1, ValueFormat.Percent()), Is.EqualTo("fell from 66.3% to 58.1%"));
            Assert.That(ChartText.Change(58.11, 58.14, ValueFormat.Percent()), Is.EqualTo("unchanged at 58.1%"));
        });
    }
}
