using Outcomes.Domain.Frameworks;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.Templates;

namespace Outcomes.Reporting.Tests.BoardPack;

public class DataQualityNotesTests
{
    private static readonly Measure Visits = new()
    {
        Code = "VIS", Title = "Home visits", Unit = MeasureUnit.Count, Polarity = Polarity.HigherIsBetter, Aggregation = Aggregation.Sum, DisclosureThreshold = 5,
    };

    private static readonly Measure Reach = new() { Code = "REACH", Title = "Reach", Unit = MeasureUnit.Percentage, Aggregation = Aggregation.Ratio };

    private static readonly Measure Gld = new() { Code = "GLD", Title = "Good level of development", Unit = MeasureUnit.Percentage, Aggregation = Aggregation.Ratio };

    private static readonly Measure Cla = new() { Code = "CLA", Title = "Children looked after", Unit = MeasureUnit.Rate, Aggregation = Aggregation.None };

    private static readonly FrameworkVersion Version = new()
    {
        FrameworkCode = "T", Version = 1, EffectiveFrom = new DateOnly(2016, 4, 1), Measures = [Visits, Reach, Gld, Cla],
    };

    private static Score S(string measure, decimal? actual, string? suppressed = null, string? flag = null) => new()
    {
        FrameworkCode = "T", MeasureCode = measure, OrgUnitCode = "C1", Period = SamplePack.Quarter, Actual = actual, SuppressionReason = suppressed,
        DataQualityFlag = flag, Explanation = "x",
    };

    [Test]
    public void Each_kind_of_data_quality_problem_gets_a_note_in_framework_order()
    {
        var current = new Dictionary<string, Score>(StringComparer.OrdinalIgnoreCase)
        {
            ["VIS"] = S("VIS", 3m),
            ["REACH"] = S("REACH", 61.2m, flag: "incomplete: 5 of 7 units reported a usable value"),
            ["GLD"] = S("GLD", null, suppressed: "fewer than ten children assessed"),
        };

        var notes = DataQualityNotes.For(Version, SamplePack.Quarter, current);

        Assert.That(notes, Is.EqualTo(new[]
        {
            "Home visits (VIS): shown as \"c\" because a count is below 5, which could identify families.",
            "Reach (REACH): Incomplete: 5 of 7 units reported a usable value.",
            $"Good level of development (GLD): not published for {SamplePack.Quarter.Key} (fewer than ten children assessed).",
            $"Children looked after (CLA): no figure was returned for {SamplePack.Quarter.Key}.",
        }));
    }

    [Test]
    public async Task The_pack_has_a_data_quality_section_between_the_measures_and_the_definitions()
    {
        var model = SamplePack.Model();
        var html = await new TemplateRenderer().RenderBoardPackAsync(model);

        var quality = html.IndexOf("6.0 Data quality", StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(quality, Is.GreaterThan(html.IndexOf("5.0 Measures in detail", StringComparison.Ordinal)));
            Assert.That(html.IndexOf("7.0 Definitions", StringComparison.Ordinal), Is.GreaterThan(quality));
            Assert.That(html, Does.Contain("8.0 Implications"));
            Assert.That(model.DataQuality, Is.Not.Empty, "the sample has a disclosive count");
            Assert.That(html, Does.Contain("6.1</span>" + model.DataQuality[0].Split('"')[0]));
        });
    }
}
