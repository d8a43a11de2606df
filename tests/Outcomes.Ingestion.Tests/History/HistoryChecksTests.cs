using Outcomes.Domain.Observations;
using Outcomes.Domain.Periods;
using Outcomes.Ingestion.History;
using Outcomes.Ingestion.Issues;

namespace Outcomes.Ingestion.Tests.History;

public sealed class HistoryChecksTests
{
    private static readonly Period Now = Period.FinancialQuarter(2018, 4);

    // Quarters before Now, oldest first, so the last value is last quarter's.
    private static List<Observation> History(params decimal[] values) =>
        values.Select((v, i) => Obs(v, Now.Shift(i - values.Length))).ToList();

    private static Observation Obs(decimal? value, Period? period = null, string measure = "REG", string unit = "BRD-CL1", string? commentary = null, string? suppression = null) =>
        new() { OrgUnitCode = unit, MeasureCode = measure, Period = period ?? Now, Value = value, Commentary = commentary, SuppressionReason = suppression };

    private static readonly HistoryCheckOptions NoJumps = new() { JumpAbsolute = decimal.MaxValue };

    [Test]
    public void The_modified_z_score_matches_a_worked_example()
    {
        // Sorted 10,10,11,11,11,12,12: median 11; deviations 1,0,1,0,1,1,0 → MAD 1; 0.6745·19/1 = 12.8155.
        var (score, median, _) = HistoryChecks.Score(30m, [10, 11, 12, 11, 10, 12, 11]);

        Assert.Multiple(() =>
        {
            Assert.That(median, Is.EqualTo(11m));
            Assert.That(score, Is.EqualTo(12.8155m));
            Assert.That(HistoryChecks.Score(12m, [10, 11, 12, 11, 10, 12, 11]).Score, Is.EqualTo(0.6745m));
        });
    }

    [TestCase(30)]
    [TestCase(12)]
    [TestCase(16.2, Description = "0.6745·5.2 = 3.507: an outlier")]
    [TestCase(16.1, Description = "0.6745·5.1 = 3.440: not")]
    [TestCase(5.8)]
    [TestCase(5.9)]
    public void An_outlier_is_a_modified_z_score_of_at_least_3_5(decimal x)
    {
        var expected = 0.6745m * Math.Abs(x - 11m) >= 3.5m;
        var findings = HistoryChecks.Check([Obs(x)], History(10, 11, 12, 11, 10, 12, 11), NoJumps);

        Assert.That(findings.Any(f => f.RuleCode == HistoryChecks.OutlierRule), Is.EqualTo(expected));
    }

    [Test]
    public void History_10_11_12_11_10_12_11_flags_30_and_not_12()
    {
        var history = History(10, 11, 12, 11, 10, 12, 11);

        var thirty = HistoryChecks.Check([Obs(30)], history, NoJumps);
        var twelve = HistoryChecks.Check([Obs(12)], history, NoJumps);

        Assert.Multiple(() =>
        {
            Assert.That(thirty.Single().RuleCode, Is.EqualTo(HistoryChecks.OutlierRule));
            Assert.That(thirty.Single().Message, Is.EqualTo("REG = 30 is an outlier against its 7 earlier values (median 11, modified z-score 12.8 ≥ 3.5); needs commentary"));
            Assert.That(thirty.Single().NeedsCommentary, Is.True);
            Assert.That(twelve, Is.Empty);
        });
    }

    [Test]
    public void Fewer_than_four_earlier_values_judge_no_outlier()
    {
        Assert.Multiple(() =>
        {
            Assert.That(HistoryChecks.Check([Obs(300)], History(10, 11, 12), NoJumps), Is.Empty);
            Assert.That(HistoryChecks.Check([Obs(300)], History(10, 11, 12, 11), NoJumps), Has.Count.EqualTo(1));
            Assert.That(HistoryChecks.Check([Obs(300)], History(10, 11, 12), new HistoryCheckOptions { MinimumHistory = 3, JumpAbsolute = decimal.MaxValue }), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void When_MAD_is_0_the_mean_absolute_deviation_stands_in_and_a_constant_history_flags_any_other_value()
    {
        // 10,10,10,10,12: median 10, MAD 0, mean absolute deviation 0.4 → |x − 10| / (1.253314·0.4) ≥ 3.5 from |x − 10| ≥ 1.7546.
        var mostlySame = History(10, 10, 10, 10, 12);
        var constant = History(10, 10, 10, 10);

        Assert.Multiple(() =>
        {
            Assert.That(HistoryChecks.Check([Obs(12)], mostlySame, NoJumps), Has.Count.EqualTo(1));
            Assert.That(HistoryChecks.Check([Obs(11)], mostlySame, NoJumps), Is.Empty);
            Assert.That(HistoryChecks.Check([Obs(12)], mostlySame, NoJumps).Single().Detail, Does.Contain("mean absolute deviation, as MAD is 0"));
            Assert.That(HistoryChecks.Check([Obs(10)], constant, NoJumps), Is.Empty);
            Assert.That(HistoryChecks.Check([Obs(10.5m)], constant, NoJumps).Single().Detail, Does.Contain("every earlier value the same").And.Contain("unbounded"));
        });
    }

    [TestCase(100, 126, true, Description = "+26: more than 5 and more than 25%")]
    [TestCase(100, 125, false, Description = "+25% exactly is not more than 25%")]
    [TestCase(100, 74, true, Description = "falls count too")]
    [TestCase(10, 15, false, Description = "+50% but only 5 units")]
    [TestCase(10, 15.5, true)]
    [TestCase(0, 6, true, Description = "from 0 any change beyond 5 units")]
    [TestCase(0, 5, false)]
    [TestCase(60, 70, false, Description = "10 points but only 16.7%")]
    public void A_jump_needs_both_the_relative_and_the_absolute_threshold(decimal last, decimal now, bool jump) =>
        Assert.That(HistoryChecks.IsJump(last, now, HistoryCheckOptions.Default, out _), Is.EqualTo(jump));

    [Test]
    public void A_jump_is_judged_against_last_quarter_only_and_the_thresholds_are_configurable()
    {
        var history = new[] { Obs(100, Now.Shift(-2)) };
        var withLast = new[] { Obs(100, Now.Shift(-2)), Obs(40, Now.Previous()) };

        var noLastQuarter = HistoryChecks.Check([Obs(50)], history);
        var found = HistoryChecks.Check([Obs(52, commentary: "New outreach worker")], withLast);
        var relaxed = HistoryChecks.Check([Obs(52)], withLast, new HistoryCheckOptions { JumpRelative = 0.5m });

        Assert.Multiple(() =>
        {
            Assert.That(noLastQuarter, Is.Empty);
            Assert.That(found.Single().RuleCode, Is.EqualTo(HistoryChecks.JumpRule));
            Assert.That(found.Single().Message, Is.EqualTo("REG = 52 jumped from 40 in 2018-19 Q3 (+12, +30%); commentary given"));
            Assert.That(found.Single().NeedsCommentary, Is.False);
            Assert.That(relaxed, Is.Empty);
        });
    }

    [Test]
    public void Only_the_same_measure_and_unit_earlier_periods_with_values_are_history()
    {
        var history = new List<Observation>(History(10, 11, 12, 11, 10, 12, 11))
        {
            Obs(500, Now.Next()),
            Obs(500, Now),
            Obs(null, Now.Shift(-8), suppression: "c"),
        };
        history.AddRange(History(30, 30, 30, 30).Select(o => o with { MeasureCode = "REF" }));
        history.AddRange(History(30, 30, 30, 30).Select(o => o with { OrgUnitCode = "BRD-CL2" }));

        var findings = HistoryChecks.Check([Obs(12), Obs(null, suppression: "c", measure: "REF")], history);

        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void A_warning_names_the_cell_when_there_is_one_and_the_measure_otherwise()
    {
        var finding = HistoryChecks.Check([Obs(30)], History(10, 11, 12, 11, 10, 12, 11), NoJumps).Single();

        var inTemplate = finding.ToIssue("BRD-CL1_2018-19_Q4.xlsx", new CellPlace("Data", "D5", 5));
        var noCell = finding.ToIssue("upload.csv", null);

        Assert.Multiple(() =>
        {
            Assert.That((inTemplate.Severity, inTemplate.RuleCode, inTemplate.Place, inTemplate.MeasureCode), Is.EqualTo((IssueSeverity.Warning, "history.outlier", "Data!D5", "REG")));
            Assert.That(inTemplate.Message, Does.StartWith("Data!D5: REG = 30 is an outlier").And.EndWith("needs commentary"));
            Assert.That(noCell.Message, Does.StartWith("REG = 30 is an outlier").And.EndWith("needs commentary"));
            Assert.That(noCell.IsError, Is.False);
        });
    }
}
