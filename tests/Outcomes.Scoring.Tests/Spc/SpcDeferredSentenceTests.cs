using System.Globalization;
using Outcomes.Domain.Frameworks;
using Outcomes.Scoring.Spc;

namespace Outcomes.Scoring.Tests.Spc;

/// <summary>
/// Scoring keeps an SPC sentence as its facts and words it when read (<see cref="SpcDescriber.Defer"/>). The words
/// must be those the chart would say at once, even after the buffers it was charted into are reused.
/// </summary>
public class SpcDeferredSentenceTests
{
    private static readonly SpcTextStyle Quarters = new()
    {
        Singular = "quarter",
        Plural = "quarters",
        Format = v => v.ToString("0.0", CultureInfo.InvariantCulture) + "%",
    };

    public static IEnumerable<TestCaseData> Series()
    {
        yield return new TestCaseData(new double[] { 65, 64, 66, 65, 64, 66, 65, 64, 63, 62.5, 63, 62.5, 63, 62.5, 63 }, null).SetName("shift below the mean");
        yield return new TestCaseData(new double[] { 0, 20, 0, 20, 0, 20, 0, 20, 9, 10, 11, 12, 13, 14, 15 }, null).SetName("rising trend");
        yield return new TestCaseData(new double[] { 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, -8 }, 20.0).SetName("outside limits, consistently fail");
        yield return new TestCaseData(new double[] { 68, 71, 69, 72, 70, 68, 71, 69, 72, 70, 68, 71, 69, 72 }, 70.0).SetName("common cause, hit and miss");
        yield return new TestCaseData(new double[] { 68, 71, 69, 72, 70, 68, 71, 69, 72 }, null).SetName("trial limits");
        yield return new TestCaseData(new double[] { 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 12.9, 11, 12.95 }, 5.0).SetName("two of three near the upper limit, consistently pass");
        yield return new TestCaseData(new double[] { 3, double.NaN, 4 }, null).SetName("no two adjacent points");
        yield return new TestCaseData(new double[] { double.NaN, double.NaN }, null).SetName("nothing to chart");
    }

    [TestCaseSource(nameof(Series))]
    public void A_deferred_sentence_says_what_the_chart_says_at_once(double[] values, double? target)
    {
        var options = new SpcOptions { ImprovementDirection = Polarity.HigherIsBetter, Target = target };
        var points = new SpcPoint[values.Length];
        var segments = new SpcSegment[1];
        var summary = XmrChart.Analyse(values, options, points, segments);
        var now = SpcDescriber.Describe(values, points, summary, options, Quarters);
        var later = SpcDescriber.Defer(values, points, summary, options, Quarters);

        // The caller reuses its buffers for the next prefix before anyone reads the sentence.
        Array.Fill(values, 999);
        Array.Fill(points, new SpcPoint(SpcRules.OutsideLimits, SpcPointType.Concern));
        Assert.Multiple(() =>
        {
            Assert.That(later.Text, Is.EqualTo(now));
            Assert.That(later, Is.EqualTo(DeferredText.Of(now)), "equal to the written sentence");
            Assert.That(now, Is.Not.Empty);
        });
    }

    [Test]
    public void The_cases_cover_every_kind_of_sentence()
    {
        var said = Series().Select(c =>
        {
            var values = (double[])c.Arguments[0]!;
            var options = new SpcOptions { ImprovementDirection = Polarity.HigherIsBetter, Target = (double?)c.Arguments[1] };
            return XmrChart.Analyse(values, options).Describe(Quarters);
        }).ToList();
        string[] kinds =
        [
            "are all below the average", "has been higher than the one before", "is below the lower process limit", "(hit and miss)",
            "Trial limits: only 9 quarters.", "are close to the upper process limit", "no two consecutive quarters without a gap",
            "No values to chart.", "(consistently pass)", "(consistently fail)",
        ];
        foreach (var kind in kinds)
        {
            Assert.That(said.Any(s => s.Contains(kind, StringComparison.Ordinal)), Is.True, $"no case says \"{kind}\":\n{string.Join("\n", said)}");
        }
    }
}
