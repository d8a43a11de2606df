using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Observations;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Scores;
using Outcomes.Scoring.Engine;
using Outcomes.Scoring.Tests.Engine.Reference;

namespace Outcomes.Scoring.Tests.Engine;

/// <summary>
/// The series engine against the engine it replaced (<see cref="LegacyScoringEngine"/>, kept verbatim): every score of a
/// generated multi-authority store must be identical field for field, decimals bit for bit (scale included), and the
/// explanation character for character, whether scored in bulk across cores, on one core, period by period, or one
/// measure at a time.
/// </summary>
public class ScoringEngineEquivalenceTests
{
    [TestCase(1, RagScheme.Rag, 0)]
    [TestCase(2, RagScheme.Brag, 0.5)]
    [TestCase(3, RagScheme.Rag, 2)]
    [TestCase(4, RagScheme.Brag, 0)]
    [TestCase(5, RagScheme.FiveLevel, 0)]
    [TestCase(6, RagScheme.FiveLevel, 1)]
    public void Every_score_of_a_generated_multi_authority_store_matches_the_reference_engine(int seed, RagScheme scheme, double materiality)
    {
        var request = SyntheticStore.Request(seed, scheme: scheme, materiality: (decimal)materiality);
        var periods = SyntheticStore.PeriodsToScore(request);
        var reference = new LegacyScoringEngine(request, SyntheticStore.AsOf);
        var expected = periods.SelectMany(reference.ScorePeriod).ToList();
        var engine = new ScoringEngine(request, SyntheticStore.AsOf);

        Assert.That(expected, Has.Count.GreaterThan(4096), "large enough for the bulk path to share the work across cores");
        Assert.Multiple(() =>
        {
            // The store exercises what it is meant to: summed, phased, trajectory and interval-judged targets, England.
            Assert.That(expected.Count(x => x.Explanation.Contains("sum of the targets", StringComparison.Ordinal)), Is.GreaterThan(50));
            Assert.That(expected.Count(x => x.Explanation.Contains("trajectory", StringComparison.Ordinal)), Is.GreaterThan(5));
            Assert.That(expected.Count(x => x.Explanation.Contains("Quarter", StringComparison.Ordinal)), Is.GreaterThan(5));
            Assert.That(expected.Count(x => x.Explanation.Contains("confidence interval", StringComparison.Ordinal)), Is.GreaterThan(5));
            Assert.That(expected.Count(x => x.ComparedWithEngland != BenchmarkComparison.NotCompared), Is.GreaterThan(50));
            Assert.That(expected.Count(x => x.Explanation.Contains("incomplete", StringComparison.Ordinal)), Is.GreaterThan(50));
            Assert.That(expected.Count(x => x.DataQualityFlag?.StartsWith("incomplete: ", StringComparison.Ordinal) == true), Is.GreaterThan(50), "roll-ups keep their flag");
            if (scheme == RagScheme.FiveLevel)
            {
                Assert.That(expected.Count(x => x.Band is not null), Is.GreaterThan(50));
            }
        });
        AssertSame(engine.ScoreAll(periods), expected, "ScoreAll");
        AssertSame(engine.ScoreAll(periods, maxDegreeOfParallelism: 1), expected, "ScoreAll on one core");
        AssertSame(periods.SelectMany(engine.ScorePeriod).ToList(), expected, "ScorePeriod");
        foreach (var period in periods)
        {
            Assert.That(engine.UnitsWithData(period), Is.EqualTo(reference.UnitsWithData(period)), period.Key);
        }
    }

    [Test]
    public void Scoring_one_measure_or_unit_at_a_time_matches_too_including_units_and_periods_without_data()
    {
        var request = SyntheticStore.Request(5, authorities: 2, quarters: 12);
        var reference = new LegacyScoringEngine(request, SyntheticStore.AsOf);
        var engine = new ScoringEngine(request, SyntheticStore.AsOf);
        var stranger = new Measure { Code = "reg", Title = "Registrations under another object", Unit = MeasureUnit.Count, Aggregation = Aggregation.Sum };
        var measures = request.Version.Measures.Append(stranger).ToList();
        string[] units = ["A0", "a1", "A0-K0", "A0-K0-C1", "a0-k2-c3", "A1-H", "A1-K2-C2", "NOWHERE"];
        var periods = SyntheticStore.PeriodsToScore(request).Append(Period.FinancialQuarter(2015, 4)).Append(Period.FinancialYear(2017)).ToList();
        var expected = new List<Score>();
        var actual = new List<Score>();
        foreach (var period in periods)
        {
            foreach (var unit in units.Where(u => u != "NOWHERE"))
            {
                expected.AddRange(reference.ScoreUnit(unit, period));
                actual.AddRange(engine.ScoreUnit(unit, period));
            }

            foreach (var measure in measures)
            {
                foreach (var unit in units.Where(u => u != "NOWHERE"))
                {
                    expected.Add(reference.ScoreMeasure(measure, unit, period));
                    actual.Add(engine.ScoreMeasure(measure, unit, period));
                }

                // A unit nobody knows cannot inherit a target: where the resolver complains, it complains the same way.
                Assert.That(
                    Outcome(() => engine.ScoreMeasure(measure, "NOWHERE", period)),
                    Is.EqualTo(Outcome(() => reference.ScoreMeasure(measure, "NOWHERE", period))), $"{measure.Code} {period.Key}");
            }
        }

        AssertSame(actual, expected, "ScoreMeasure / ScoreUnit");
    }

    [Test]
    public void Values_that_print_alike_are_rated_and_explained_exactly_as_the_rater_does_each_of_them()
    {
        // The engine remembers ratings by the printed value: these differ underneath (scale, sign, negative zero,
        // halves) while printing alike or nearly so, in a currency (minus sign from the unrounded value) and a percentage.
        var spend = new Measure { Code = "SPEND", Title = "Spend", Unit = MeasureUnit.Currency, Aggregation = Aggregation.None, Decimals = 0 };
        var share = new Measure { Code = "SHARE", Title = "Share", Unit = MeasureUnit.Percentage, Aggregation = Aggregation.None, Decimals = 1 };
        var version = new FrameworkVersion { FrameworkCode = "T", Version = 1, EffectiveFrom = new DateOnly(2017, 4, 1), Measures = [spend, share] };
        decimal[] spends = [-0.3m, -0.5m, -0.49m, decimal.Negate(0.0m), 0.0m, 0m, 0.3m, 0.5m, 2.5m, 2.50m, -2.5m, 1.4999m, -1.5m];
        decimal[] shares = [61.25m, 61.2500m, 61.3m, 61.30m, 61.26m, 61.24m, 61m, 61.0m, -0.04m, -0.05m, 0.04m, 59.95m, 60m];
        var q1 = Period.FinancialQuarter(2018, 1);
        var units = Enumerable.Range(0, spends.Length).Select(i => new OrgUnit($"U{i:00}", $"U{i}", OrgUnitType.Centre, "A")).ToList();
        var observations = new List<Observation>();
        for (var i = 0; i < units.Count; i++)
        {
            foreach (var period in new[] { q1.Previous(), q1 })
            {
                var (a, b) = period == q1 ? (spends[i], shares[i]) : (spends[^(i + 1)], shares[^(i + 1)]);
                observations.Add(new Observation { OrgUnitCode = units[i].Code, Period = period, MeasureCode = "SPEND", Value = a });
                observations.Add(new Observation { OrgUnitCode = units[i].Code, Period = period, MeasureCode = "SHARE", Value = b });
            }
        }

        var request = new ScoringRequest
        {
            Version = version,
            Hierarchy = new OrgUnitHierarchy(units, []),
            Observations = observations,
            Targets = [TestFrameworks.Target("SPEND", 0m, 1m), TestFrameworks.Target("SHARE", 61.3m, 0.05m)],
        };
        var periods = new[] { q1.Previous(), q1 };
        AssertSame(
            new ScoringEngine(request, q1.End).ScoreAll(periods),
            periods.SelectMany(new LegacyScoringEngine(request, q1.End).ScorePeriod).ToList(),
            "values that print alike");
    }

    [Test]
    public void A_store_without_a_hierarchy_lists_each_unit_as_the_period_first_spelt_it()
    {
        var q1 = Period.FinancialQuarter(2018, 1);
        var request = new ScoringRequest
        {
            Version = TestFrameworks.Version(),
            Hierarchy = new OrgUnitHierarchy([], []),
            Observations =
            [
                TestFrameworks.Count("x1", q1, "REG", 3), TestFrameworks.Count("X1", q1.Next(), "REG", 4),
                TestFrameworks.Count("X1", q1.Next(), "gld", 4), TestFrameworks.Count("x1", q1.Next().Next(), "REG", 5),
                TestFrameworks.Count("b", q1, "REG", 1), TestFrameworks.Count("B", q1.Next(), "REG", 2),
            ],
        };
        var periods = new[] { q1, q1.Next(), q1.Next().Next() };
        var expected = periods.SelectMany(new LegacyScoringEngine(request, q1.End).ScorePeriod).ToList();
        AssertSame(new ScoringEngine(request, q1.End).ScoreAll(periods), expected, "no hierarchy");
        Assert.That(expected.Select(s => s.OrgUnitCode).Distinct(), Is.EqualTo(new[] { "b", "x1", "B", "X1" }));
    }

    [Test]
    public void A_cycle_in_the_tree_is_rolled_up_as_the_calculator_does_it()
    {
        var q1 = Period.FinancialQuarter(2018, 1);
        var hierarchy = new OrgUnitHierarchy(
            [new OrgUnit("P", "P", OrgUnitType.Cluster, "P"), new OrgUnit("Q", "Q", OrgUnitType.Cluster, "P"), new OrgUnit("C", "C", OrgUnitType.Centre, "P")],
            [new OrgUnitLink("P", "Q"), new OrgUnitLink("Q", "P"), new OrgUnitLink("C", "P")]);
        var request = new ScoringRequest
        {
            Version = TestFrameworks.Version(),
            Hierarchy = hierarchy,
            Observations = [TestFrameworks.Count("C", q1, "REG", 3), TestFrameworks.Count("Q", q1, "REG", 4), TestFrameworks.Ratio("C", q1, "GLD", 30, 60)],
            Targets = [TestFrameworks.Target("REG", 5m, 1m)],
        };
        var expected = new LegacyScoringEngine(request, q1.End).ScorePeriod(q1);
        AssertSame(new ScoringEngine(request, q1.End).ScorePeriod(q1), expected, "cycle");
    }

    [Test]
    public void An_observation_for_a_unit_outside_the_hierarchy_fails_as_before()
    {
        var q1 = Period.FinancialQuarter(2018, 1);
        var request = new ScoringRequest
        {
            Version = TestFrameworks.Version(),
            Hierarchy = TestFrameworks.Tree(),
            Observations = [TestFrameworks.Count("C1-1", q1, "REG", 3), TestFrameworks.Count("ZZ-9", q1, "REG", 4)],
        };
        var before = Assert.Throws<KeyNotFoundException>(() => _ = new LegacyScoringEngine(request, q1.End));
        var after = Assert.Throws<KeyNotFoundException>(() => _ = new ScoringEngine(request, q1.End));
        Assert.That(after!.Message, Is.EqualTo(before!.Message));
    }

    private static void AssertSame(IReadOnlyList<Score> actual, IReadOnlyList<Score> expected, string how)
    {
        for (var i = 0; i < Math.Min(actual.Count, expected.Count); i++)
        {
            var (a, e) = (Describe(actual[i]), Describe(expected[i]));
            if (a != e)
            {
                Assert.Fail($"{how}: score {i} of {expected.Count} differs.\nexpected: {e}\nactual:   {a}");
            }
        }

        Assert.That(actual, Has.Count.EqualTo(expected.Count), how);
    }

    private static string Outcome(Func<Score> score)
    {
        try
        {
            return Describe(score());
        }
        catch (KeyNotFoundException e)
        {
            return "throws " + e.Message;
        }
    }

    /// <summary>Every field, decimals as their exact bits (so 1.0 and 1.00 differ), strings as they are.</summary>
    private static string Describe(Score s) => string.Join(" | ",
        s.FrameworkCode, s.MeasureCode, s.OrgUnitCode, s.Period.Type, s.Period.Start, s.Period.End,
        Bits(s.Actual), Bits(s.Numerator), Bits(s.Denominator), s.SuppressionReason ?? "-", Bits(s.Target), s.Status,
        s.DirectionFromPrevious, s.DirectionFromLastYear, Bits(s.PreviousValue), Bits(s.LowerCi), Bits(s.UpperCi),
        Bits(s.Comparator), s.ComparedWithEngland, s.Commentary ?? "-", s.Explanation);

    private static string Bits(decimal? value) =>
        value is { } d ? $"{d}[{string.Join(',', decimal.GetBits(d))}]" : "-";
}
