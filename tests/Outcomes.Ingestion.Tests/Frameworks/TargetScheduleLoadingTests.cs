using Outcomes.Domain.Targets;
using Outcomes.Ingestion.Frameworks;

namespace Outcomes.Ingestion.Tests.Frameworks;

/// <summary>
/// Phasing, trajectories and confidence-interval judging in targets.yaml: read into the target, and every mistake
/// reported with file, line and rule, never thrown.
/// </summary>
[TestFixture]
public sealed class TargetScheduleLoadingTests
{
    private const string Organisation = """
        authority:
          code: TST
          name: Testshire County Council
          gss_code: E10000099
        units:
          - code: TST-CL1
            name: North cluster
            type: cluster
            parent: TST
        """;

    private const string Framework = """
        framework: TST-FW
        name: Testshire outcomes
        version: 1
        effective_from: 2016-04-01
        scheme: five-level
        returning_level: cluster
        measures:
          - code: GLD
            title: Good level of development
            unit: percentage
            polarity: higher
            aggregation: ratio
            frequency: annual
            numerator_label: children reaching a good level of development
            denominator_label: children assessed
            ci_method: wilson
          - code: PAR
            title: Parents completing a parenting programme
            unit: count
            polarity: higher
            aggregation: sum
            frequency: quarterly
            cumulative: true
          - code: REREF
            title: Re-referrals within 12 months
            unit: percentage
            polarity: lower
            aggregation: ratio
            frequency: quarterly
            numerator_label: re-referred
            denominator_label: referred
            ci_method: wilson
        """;

    private const string Targets = """
        framework: TST-FW
        use_confidence_interval: true
        targets:
          - measure: PAR
            org_unit: TST-CL1
            value: 400
            tolerance: 10
            tolerance_kind: relative
            phasing: profile
            profile: [20, 25, 25, 30]
          - measure: PAR
            value: 300
            phasing: equal
          - measure: REREF
            value: 15.0
            tolerance: 2.0
            baseline_value: 22.0
            baseline_date: 2017-03-31
            target_date: 2020-03-31
          - measure: GLD
            value: 70.0
            tolerance: 2.0
            use_confidence_interval: false
        """;

    private string _root = string.Empty;

    [SetUp]
    public void MakeTempRoot()
    {
        _root = Path.Combine(Path.GetTempPath(), "outcomes-targets-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    [TearDown]
    public void RemoveTempRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Phasing_profiles_trajectories_and_interval_judging_are_read_into_the_targets()
    {
        var result = Load(Targets);

        Assert.That(result.Problems.Select(p => p.ToString()), Is.Empty);
        var targets = result.Package!.Targets;
        var profiled = targets.Single(t => t.MeasureCode == "PAR" && t.OrgUnitCode == "TST-CL1");
        var equal = targets.Single(t => t.MeasureCode == "PAR" && t.OrgUnitCode is null);
        var trajectory = targets.Single(t => t.MeasureCode == "REREF");
        var gld = targets.Single(t => t.MeasureCode == "GLD");
        Assert.Multiple(() =>
        {
            Assert.That(profiled.Phasing, Is.EqualTo(TargetPhasing.Profile));
            Assert.That(profiled.Profile, Is.EqualTo(new PhasingProfile([20m, 25m, 25m, 30m])));
            Assert.That(equal.Phasing, Is.EqualTo(TargetPhasing.Equal));
            Assert.That(equal.Profile, Is.Null);
            Assert.That(trajectory.BaselineValue, Is.EqualTo(22.0m));
            Assert.That(trajectory.BaselineDate, Is.EqualTo(new DateOnly(2017, 3, 31)));
            Assert.That(trajectory.TargetDate, Is.EqualTo(new DateOnly(2020, 3, 31)));
            Assert.That(trajectory.HasTrajectory, Is.True);
            Assert.That(trajectory.UseConfidenceInterval, Is.True, "the file's default, for a measure with an interval");
            Assert.That(equal.UseConfidenceInterval, Is.False, "a count without ci_method is not judged on an interval by default");
            Assert.That(gld.UseConfidenceInterval, Is.False, "the target's own setting wins");
        });
    }

    [Test]
    public void A_profile_may_be_written_as_one_value_with_slashes()
    {
        var result = Load(Targets.Replace("profile: [20, 25, 25, 30]", "profile: 20/25/25/30", StringComparison.Ordinal));

        Assert.That(result.Package!.Targets.Single(t => t.OrgUnitCode == "TST-CL1").Profile!.Shares, Is.EqualTo(new[] { 20m, 25m, 25m, 30m }));
    }

    [TestCase("profile: [20, 25, 25, 30]", "profile: [20, 25, 25, 20]", "target.profile.total", "profile:")]
    [TestCase("profile: [20, 25, 25, 30]", "profile: [50, 50]", "target.profile.count", "profile:")]
    [TestCase("profile: [20, 25, 25, 30]", "profile: [20, x, 25, 30]", "target.profile.share", "profile:")]
    [TestCase("    profile: [20, 25, 25, 30]\n", "", "target.profile.missing", "phasing: profile")]
    [TestCase("phasing: profile", "phasing: monthly", "target.phasing", "phasing: monthly")]
    [TestCase("phasing: profile", "phasing: equal", "target.profile.unused", "profile:")]
    [TestCase("target_date: 2020-03-31", "target_date: 2017-03-31", "target.trajectory.dates-order", "target_date:")]
    [TestCase("baseline_date: 2017-03-31", "baseline_date: 31/03/2017", "target.baseline-date", "baseline_date:")]
    [TestCase("baseline_value: 22.0", "baseline_value: 122.0", "target.percentage.range", "baseline_value:")]
    [TestCase("    target_date: 2020-03-31\n", "", "target.trajectory.incomplete", "baseline_value:")]
    [TestCase("use_confidence_interval: false", "use_confidence_interval: maybe", "target.use-confidence-interval", "use_confidence_interval: maybe")]
    public void Each_mistake_names_its_rule_and_line(string original, string broken, string rule, string lineWith)
    {
        var targets = Targets.Replace(original, broken, StringComparison.Ordinal);
        Assert.That(targets, Is.Not.EqualTo(Targets), "the break applies");

        var problem = Single(Load(targets), rule);

        Assert.Multiple(() =>
        {
            Assert.That(problem.File, Is.EqualTo("tst/targets.yaml"));
            Assert.That(problem.Line, Is.EqualTo(LineOf(targets, lineWith)));
        });
    }

    [Test]
    public void A_percentage_cannot_be_phased_and_an_annual_measure_has_no_quarters()
    {
        var targets = Targets.Replace("    use_confidence_interval: false", "    phasing: equal", StringComparison.Ordinal);

        var result = Load(targets);

        Assert.Multiple(() =>
        {
            Assert.That(Single(result, "target.phasing.unit").Message, Does.Contain("a percentage target applies in every quarter"));
            Assert.That(Single(result, "target.phasing.annual-measure").Line, Is.EqualTo(LineOf(targets, "phasing: equal", occurrence: 2)));
        });
    }

    [Test]
    public void Only_a_measure_with_an_interval_method_can_be_judged_on_its_interval()
    {
        var targets = Targets.Replace("    phasing: equal", "    phasing: equal\n    use_confidence_interval: true", StringComparison.Ordinal);

        Assert.That(Single(Load(targets), "target.use-confidence-interval.no-method").Message, Does.Contain("'PAR'"));
    }

    [Test]
    public void The_files_default_must_be_true_or_false_too()
    {
        var targets = Targets.Replace("use_confidence_interval: true", "use_confidence_interval: sometimes", StringComparison.Ordinal);

        Assert.That(Single(Load(targets), "target.use-confidence-interval").Line, Is.EqualTo(2));
    }

    [Test]
    public void The_samples_phase_Blackpools_year_to_date_counts_and_put_North_East_Lincolnshire_re_referrals_on_a_trajectory()
    {
        var blackpool = FrameworkPackageLoader.Load(Path.Combine(RepoPaths.SampleFrameworks, "blackpool"));
        var nel = FrameworkPackageLoader.Load(Path.Combine(RepoPaths.SampleFrameworks, "north-east-lincolnshire"));

        Assert.That(blackpool.Problems.Concat(nel.Problems).Select(p => p.ToString()), Is.Empty);
        var parenting = blackpool.Package!.Targets.Where(t => t.MeasureCode == "BO10").ToList();
        var reReferrals = nel.Package!.Targets.Single(t => t.MeasureCode == "HW4");
        Assert.Multiple(() =>
        {
            Assert.That(parenting.Single(t => t.OrgUnitCode is null).Phasing, Is.EqualTo(TargetPhasing.Equal));
            Assert.That(parenting.Where(t => t.Source == TargetSource.AdvisoryBoard).Select(t => t.Profile?.ToString()).ToList(), Has.Count.EqualTo(9).And.All.EqualTo("20/25/25/30"));
            Assert.That(reReferrals.HasTrajectory, Is.True);
            Assert.That((reReferrals.BaselineValue, reReferrals.Value), Is.EqualTo((22.0m, 15.0m)));
        });
    }

    private static FrameworkProblem Single(FrameworkLoadResult result, string rule)
    {
        Assert.That(result.Package, Is.Null);
        var matching = result.Problems.Where(p => p.Rule == rule).ToList();
        Assert.That(matching, Has.Count.EqualTo(1), () => $"expected one '{rule}' among:{Environment.NewLine}{string.Join(Environment.NewLine, result.Problems)}");
        return matching[0];
    }

    private static int LineOf(string text, string fragment, int occurrence = 1)
    {
        var lines = text.Split('\n');
        var seen = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(fragment, StringComparison.Ordinal) && ++seen == occurrence)
            {
                return i + 1;
            }
        }

        throw new ArgumentException($"'{fragment}' (occurrence {occurrence}) is not in the text.");
    }

    private FrameworkLoadResult Load(string targets)
    {
        var folder = Path.Combine(_root, "tst");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "organisation.yaml"), Organisation);
        File.WriteAllText(Path.Combine(folder, "framework.v1.yaml"), Framework);
        File.WriteAllText(Path.Combine(folder, "targets.yaml"), targets);
        return FrameworkPackageLoader.Load(folder);
    }
}
