using Outcomes.Domain.Frameworks;
using Outcomes.Scoring.Trend;

namespace Outcomes.Scoring.Tests.Trend;

/// <summary>PHE recent trend (METHODS §4): chi-squared test for trend over the last five periods, critical value 9.5495.</summary>
public class RecentTrendTests
{
    // Hand derivation, periods t = 1…5, x = 80, 70, 62, 55, 45 of n = 200, 190, 205, 198, 201:
    //   X = 312, N = 994, p̄ = 312/994 = 0.3138833, Σnt = 2992, t̄ = 2992/994 = 3.0100604
    //   Σxt = 80 + 140 + 186 + 220 + 225 = 851;  U = Σxt − X·t̄ = 851 − 939.13883 = −88.13883
    //   Σnt² = 200 + 760 + 1845 + 3168 + 5025 = 10998;  V = p̄(1 − p̄)(Σnt² − N·t̄²) = 0.2153606 × 1991.8994 = 428.97667
    //   χ² = U²/V = 7768.455 / 428.97667 = 18.10927 (python3 with exact fractions: 953682378425/52662656904 = 18.109272006)
    private static readonly double[] Counts = [80, 70, 62, 55, 45];
    private static readonly double[] Denominators = [200, 190, 205, 198, 201];

    [Test]
    public void The_statistic_matches_the_formula_and_the_hand_derived_value()
    {
        var result = RecentTrend.Assess(Counts, Denominators, Polarity.NoJudgement);
        Assert.Multiple(() =>
        {
            Assert.That(result.ChiSquared, Is.EqualTo(Independent(Counts, Denominators)).Within(1e-9));
            Assert.That(result.ChiSquared, Is.EqualTo(18.109272006).Within(1e-8));
            Assert.That(result.Slope, Is.LessThan(0));
            Assert.That(result.Outcome, Is.EqualTo(RecentTrendOutcome.Decreasing));
            Assert.That(result.IsSignificant, Is.True);
        });
    }

    // 50, 55, 60, 65, 70 of 100 each: p̄ = 0.6, t̄ = 3, U = −100 − 55 + 65 + 140 = 50, V = 0.24 × 1000, χ² = 2500/240 = 10.416667.
    // 50, 52, 54, 56, 58 of 100 each: p̄ = 0.54, U = 20, V = 0.2484 × 1000, χ² = 400/248.4 = 1.610306.
    [TestCase(new double[] { 50, 55, 60, 65, 70 }, 10.416667, RecentTrendOutcome.Increasing)]
    [TestCase(new double[] { 50, 52, 54, 56, 58 }, 1.610306, RecentTrendOutcome.NoSignificantChange)]
    public void Equal_denominators_give_the_hand_computed_statistic(double[] counts, double expected, RecentTrendOutcome outcome)
    {
        var result = RecentTrend.Assess(counts, [100, 100, 100, 100, 100], Polarity.NoJudgement);
        Assert.Multiple(() =>
        {
            Assert.That(result.ChiSquared, Is.EqualTo(expected).Within(1e-6));
            Assert.That(result.Outcome, Is.EqualTo(outcome));
        });
    }

    [TestCase(Polarity.HigherIsBetter, RecentTrendOutcome.DecreasingAndGettingWorse, "Decreasing and getting worse")]
    [TestCase(Polarity.LowerIsBetter, RecentTrendOutcome.DecreasingAndGettingBetter, "Decreasing and getting better")]
    [TestCase(Polarity.NoJudgement, RecentTrendOutcome.Decreasing, "Decreasing")]
    public void Polarity_says_whether_a_fall_is_getting_better_or_worse(Polarity polarity, RecentTrendOutcome outcome, string label)
    {
        var result = RecentTrend.Assess(Counts, Denominators, polarity);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(outcome));
            Assert.That(result.Label, Is.EqualTo(label));
            Assert.That(result.Description, Does.StartWith(label + " over the last 5 periods (chi-squared for trend 18.11"));
        });
    }

    [TestCase(Polarity.HigherIsBetter, RecentTrendOutcome.IncreasingAndGettingBetter)]
    [TestCase(Polarity.LowerIsBetter, RecentTrendOutcome.IncreasingAndGettingWorse)]
    public void Polarity_says_whether_a_rise_is_getting_better_or_worse(Polarity polarity, RecentTrendOutcome outcome)
    {
        var result = RecentTrend.Assess([50, 55, 60, 65, 70], [100, 100, 100, 100, 100], polarity);
        Assert.That(result.Outcome, Is.EqualTo(outcome));
    }

    [Test]
    public void Only_the_five_most_recent_periods_are_tested()
    {
        var longer = RecentTrend.Assess([1, 99, 3, .. Counts], [100, 100, 100, .. Denominators], Polarity.NoJudgement);
        Assert.That(longer.ChiSquared, Is.EqualTo(Independent(Counts, Denominators)).Within(1e-9));
    }

    [Test]
    public void Uncalculable_series_say_why()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RecentTrend.Assess([1, 2, 3, 4], [10, 10, 10, 10], Polarity.HigherIsBetter).Problem, Is.EqualTo(RecentTrendProblem.TooFewPoints));
            Assert.That(RecentTrend.Assess([1, 2, 3, 4, 10], [10, 10, 10, 10, 10], Polarity.HigherIsBetter).Problem, Is.EqualTo(RecentTrendProblem.CountEqualsDenominator));
            Assert.That(RecentTrend.Assess([1, 2, 3, 4, 0], [10, 10, 10, 10, 0], Polarity.HigherIsBetter).Problem, Is.EqualTo(RecentTrendProblem.ZeroDenominator));
            Assert.That(RecentTrend.Assess([1, 2, 3, 4, 11], [10, 10, 10, 10, 10], Polarity.HigherIsBetter).Problem, Is.EqualTo(RecentTrendProblem.InvalidCount));
            Assert.That(RecentTrend.Assess([1, 2, double.NaN, 4, 5], [10, 10, 10, 10, 10], Polarity.HigherIsBetter).Problem, Is.EqualTo(RecentTrendProblem.MissingValue));
            Assert.That(RecentTrend.Assess([0, 0, 0, 0, 0], [10, 10, 10, 10, 10], Polarity.HigherIsBetter).Problem, Is.EqualTo(RecentTrendProblem.NoEvents));
            var tooFew = RecentTrend.Assess([1, 2], [10, 10], Polarity.HigherIsBetter);
            Assert.That(tooFew.Outcome, Is.EqualTo(RecentTrendOutcome.NotCalculable));
            Assert.That(double.IsNaN(tooFew.ChiSquared), Is.True);
            Assert.That(tooFew.Description, Is.EqualTo("Recent trend could not be calculated: it needs 5 periods."));
            Assert.That(tooFew.Label, Is.EqualTo("Could not be calculated"));
        });
    }

    [Test]
    public void Counts_and_denominators_must_pair_up()
    {
        Assert.That(() => RecentTrend.Assess([1, 2, 3, 4, 5], [10, 10, 10, 10], Polarity.HigherIsBetter), Throws.ArgumentException);
    }

    // The same statistic in the other textbook form: χ² = N·[N·Σxt − X·Σnt]² / (X(N − X)·[N·Σnt² − (Σnt)²]).
    private static double Independent(double[] x, double[] n)
    {
        double big = 0, total = 0, sxt = 0, snt = 0, sntt = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var t = i + 1;
            big += x[i];
            total += n[i];
            sxt += x[i] * t;
            snt += n[i] * t;
            sntt += n[i] * t * t;
        }

        var u = (total * sxt) - (big * snt);
        return total * u * u / (big * (total - big) * ((total * sntt) - (snt * snt)));
    }
}
