using Outcomes.Ingestion.Frameworks;

namespace Outcomes.Ingestion.Tests.Frameworks;

/// <summary>
/// A small valid folder is written to a temp directory, then broken one way at a time. Each break must come back
/// as a problem naming the file, the line (or field) and the rule: never as an exception.
/// </summary>
[TestFixture]
public sealed class BrokenFrameworkTests
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
          - code: TST-CL1-C01
            name: Northgate Children's Centre
            type: centre
            opened: 2006-04-01
            parent: TST-CL1
          - code: TST-CL1-C02
            name: Southgate Children's Centre
            type: centre
            opened: 2006-04-01
            closed: 2017-03-31
            successor: TST-CL1-C01
            parents:
              - parent: TST-CL1
                to: 2017-03-31
        """;

    private const string FrameworkV1 = """
        framework: TST-FW
        name: Testshire outcomes
        version: 1
        effective_from: 2016-04-01
        effective_to: 2017-09-30
        scheme: rag
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
        """;

    private const string FrameworkV2 = """
        framework: TST-FW
        name: Testshire outcomes
        version: 2
        effective_from: 2017-10-01
        scheme: rag
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
        """;

    private const string Targets = """
        framework: TST-FW
        targets:
          - measure: GLD
            value: 70.7
            tolerance: 1.5
            source: national
          - measure: PAR
            org_unit: TST-CL1
            to: 2017-09-30
            value: 40
            tolerance: 10
            tolerance_kind: relative
        """;

    private string _root = string.Empty;

    [SetUp]
    public void MakeTempRoot()
    {
        _root = Path.Combine(Path.GetTempPath(), "outcomes-fw-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    [TearDown]
    public void RemoveTempRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public void The_unbroken_folder_loads_cleanly()
    {
        var result = Load();

        Assert.That(result.Problems.Select(p => p.ToString()), Is.Empty);
        Assert.That(result.Package!.Framework.Versions.Select(v => v.Version), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(result.Package.OrgUnits, Has.Count.EqualTo(4));
        Assert.That(result.Package.Targets, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_bad_polarity_names_the_file_line_measure_and_allowed_words()
    {
        var at = FrameworkV1.IndexOf("polarity: higher", StringComparison.Ordinal);
        var fw = string.Concat(FrameworkV1.AsSpan(0, at), "polarity: up", FrameworkV1.AsSpan(at + "polarity: higher".Length));

        var problem = Single(Load(frameworkV1: fw), "measure.polarity");

        Assert.That(problem.File, Is.EqualTo("tst/framework.v1.yaml"));
        Assert.That(problem.Line, Is.EqualTo(LineOf(fw, "polarity: up")));
        Assert.That(problem.Field, Is.EqualTo("measures[0].polarity"));
        Assert.That(problem.ToString(),
            Is.EqualTo($"tst/framework.v1.yaml line {LineOf(fw, "polarity: up")}: measure 'GLD' polarity 'up' is not one of higher, lower, none"));
    }

    [Test]
    public void The_return_deadline_is_read_from_the_latest_version_and_defaults_to_20_days()
    {
        var defaulted = Load();
        var fw = FrameworkV2.Replace("returning_level: cluster", "returning_level: cluster\nreturn_deadline_days: 28", StringComparison.Ordinal);
        var set = Load(frameworkV2: fw);

        Assert.Multiple(() =>
        {
            Assert.That(defaulted.Package!.Framework.ReturnDeadlineDays, Is.EqualTo(20));
            Assert.That(set.Problems.Select(p => p.ToString()), Is.Empty);
            Assert.That(set.Package!.Framework.ReturnDeadlineDays, Is.EqualTo(28));
        });
    }

    [TestCase("twenty")]
    [TestCase("-1")]
    [TestCase("400")]
    public void A_bad_return_deadline_names_the_file_line_and_the_range(string days)
    {
        var fw = FrameworkV2.Replace("returning_level: cluster", $"returning_level: cluster\nreturn_deadline_days: {days}", StringComparison.Ordinal);

        var problem = Single(Load(frameworkV2: fw), "version.return-deadline-days");

        Assert.That(problem.ToString(), Is.EqualTo(
            $"tst/framework.v2.yaml line {LineOf(fw, "return_deadline_days")}: version 2 return_deadline_days '{days}' is not a whole number of days from 0 to 366"));
    }

    [Test]
    public void An_unknown_parent_is_reported_at_the_parent_line()
    {
        var org = Organisation.Replace("parent: TST-CL1\n  - code: TST-CL1-C02", "parent: TST-CL9\n  - code: TST-CL1-C02", StringComparison.Ordinal);
        Assert.That(org, Does.Contain("TST-CL9"));

        var problem = Single(Load(organisation: org), "org.parent.unknown");

        Assert.That(problem.File, Is.EqualTo("tst/organisation.yaml"));
        Assert.That(problem.Line, Is.EqualTo(LineOf(org, "parent: TST-CL9")));
        Assert.That(problem.Message, Does.Contain("'TST-CL1-C01'").And.Contain("'TST-CL9'"));
    }

    [Test]
    public void A_parent_cycle_is_reported_with_the_cycle_spelled_out()
    {
        var org = Organisation.Replace("parent: TST\n", "parent: TST-CL1-C01\n", StringComparison.Ordinal);

        var problem = Single(Load(organisation: org), "org.parent.cycle");

        Assert.That(problem.File, Is.EqualTo("tst/organisation.yaml"));
        Assert.That(problem.Line, Is.Not.Null);
        Assert.That(problem.Message, Does.Contain("TST-CL1 → TST-CL1-C01 → TST-CL1").Or.Contain("TST-CL1-C01 → TST-CL1 → TST-CL1-C01"));
    }

    [Test]
    public void A_duplicate_code_points_at_the_second_use()
    {
        var org = Organisation + """

              - code: TST-CL1-C01
                name: Northgate again
                type: centre
                parent: TST-CL1
            """;

        var problem = Single(Load(organisation: org), "org.code.duplicate");

        Assert.That(problem.Line, Is.EqualTo(LineOf(org, "- code: TST-CL1-C01", occurrence: 2)));
        Assert.That(problem.Message, Does.Contain($"first at line {LineOf(org, "- code: TST-CL1-C01")}"));
    }

    [Test]
    public void A_YAML_syntax_error_is_caught_and_reported_with_file_and_line()
    {
        var fw = FrameworkV1.Replace("title: Good level of development", "title: \"Good level of development", StringComparison.Ordinal);

        FrameworkLoadResult result = null!;
        Assert.DoesNotThrow(() => result = Load(frameworkV1: fw));
        var problem = result.Problems.First(p => p.Rule == "yaml.syntax");

        Assert.That(result.Package, Is.Null);
        Assert.That(problem.File, Is.EqualTo("tst/framework.v1.yaml"));
        Assert.That(problem.Line, Is.GreaterThanOrEqualTo(LineOf(fw, "title: \"Good")));
        Assert.That(problem.ToString(), Does.StartWith("tst/framework.v1.yaml line "));
    }

    [Test]
    public void A_tab_indented_file_is_a_syntax_problem_not_an_exception()
    {
        var result = Load(targets: "framework: TST-FW\ntargets:\n\t- measure: GLD\n");

        Assert.That(result.Problems.Select(p => (p.File, p.Rule)), Does.Contain(("tst/targets.yaml", "yaml.syntax")));
    }

    [Test]
    public void Overlapping_versions_are_reported_on_the_later_versions_start()
    {
        var v2 = FrameworkV2.Replace("effective_from: 2017-10-01", "effective_from: 2017-06-01", StringComparison.Ordinal);

        var problem = Single(Load(frameworkV2: v2), "version.overlap");

        Assert.That(problem.File, Is.EqualTo("tst/framework.v2.yaml"));
        Assert.That(problem.Line, Is.EqualTo(LineOf(v2, "effective_from:")));
        Assert.That(problem.Message, Does.Contain("must not overlap"));
    }

    [Test]
    public void A_later_version_cannot_leave_the_earlier_one_open_ended()
    {
        var v1 = FrameworkV1.Replace("effective_to: 2017-09-30\n", string.Empty, StringComparison.Ordinal);

        var problem = Single(Load(frameworkV1: v1), "version.earlier-left-open");

        Assert.That(problem.File, Is.EqualTo("tst/framework.v1.yaml"));
        Assert.That(problem.Message, Does.Contain("effective_to: 2017-09-30"));
    }

    [Test]
    public void A_gap_between_versions_is_reported()
    {
        var v1 = FrameworkV1.Replace("effective_to: 2017-09-30", "effective_to: 2017-08-31", StringComparison.Ordinal);

        Assert.That(Single(Load(frameworkV1: v1), "version.gap").Line, Is.EqualTo(LineOf(v1, "effective_to:")));
    }

    [Test]
    public void A_ratio_without_a_denominator_label_is_reported_at_the_measure()
    {
        var fw = FrameworkV1.Replace("    denominator_label: children assessed\n", string.Empty, StringComparison.Ordinal);

        var problem = Single(Load(frameworkV1: fw), "measure.ratio.denominator-label");

        Assert.That(problem.File, Is.EqualTo("tst/framework.v1.yaml"));
        Assert.That(problem.Line, Is.EqualTo(LineOf(fw, "- code: GLD")));
        Assert.That(problem.Field, Is.EqualTo("measures[0].denominator_label"));
        Assert.That(problem.Message, Does.Contain("'GLD'").And.Contain("denominator_label"));
    }

    [Test]
    public void A_rate_without_rate_per_is_reported()
    {
        var fw = FrameworkV1.Replace("    unit: count\n", "    unit: rate\n", StringComparison.Ordinal)
            .Replace("    aggregation: sum\n", "    aggregation: none\n", StringComparison.Ordinal);

        Assert.That(Single(Load(frameworkV1: fw), "measure.rate-per.missing").Message, Does.Contain("'PAR'"));
    }

    [Test]
    public void A_measure_that_changes_meaning_between_versions_needs_a_new_code()
    {
        var v2 = FrameworkV2.Replace("polarity: higher", "polarity: lower", StringComparison.Ordinal);

        var problem = Single(Load(frameworkV2: v2), "version.measure.meaning-changed");

        Assert.That(problem.File, Is.EqualTo("tst/framework.v2.yaml"));
        Assert.That(problem.Line, Is.EqualTo(LineOf(v2, "polarity: lower")));
    }

    [Test]
    public void A_misspelt_field_is_reported_rather_than_ignored()
    {
        var fw = FrameworkV1.Replace("frequency: quarterly", "frequency: quarterly\n    polarty: lower", StringComparison.Ordinal);

        var problem = Single(Load(frameworkV1: fw), "yaml.unknown-field");

        Assert.That(problem.Line, Is.EqualTo(LineOf(fw, "polarty:")));
        Assert.That(problem.Message, Does.Contain("'polarty'"));
    }

    [Test]
    public void An_authority_GSS_code_outside_the_English_LA_pattern_is_reported()
    {
        var org = Organisation.Replace("gss_code: E10000099", "gss_code: E12000003", StringComparison.Ordinal);

        var problem = Single(Load(organisation: org), "org.gss.pattern");

        Assert.That(problem.Line, Is.EqualTo(LineOf(org, "gss_code:")));
    }

    [Test]
    public void Targets_must_name_known_measures_and_units_and_percentages_stay_within_0_to_100()
    {
        var targets = Targets.Replace("value: 70.7", "value: 107", StringComparison.Ordinal)
            .Replace("org_unit: TST-CL1", "org_unit: TST-CL7", StringComparison.Ordinal)
            + "\n  - measure: XYZ\n    value: 1\n";

        var result = Load(targets: targets);

        Assert.That(Single(result, "target.percentage.range").Line, Is.EqualTo(LineOf(targets, "value: 107")));
        Assert.That(Single(result, "target.org-unit.unknown").Line, Is.EqualTo(LineOf(targets, "org_unit: TST-CL7")));
        Assert.That(Single(result, "target.measure.unknown").Line, Is.EqualTo(LineOf(targets, "- measure: XYZ")));
    }

    [Test]
    public void A_target_for_a_measure_outside_its_versions_is_reported()
    {
        var targets = Targets.Replace("to: 2017-09-30", "from: 2017-10-01", StringComparison.Ordinal);

        Assert.That(Single(Load(targets: targets), "target.dates.outside-measure").Message, Does.Contain("'PAR'"));
    }

    [Test]
    public void A_successor_that_does_not_exist_is_reported()
    {
        var org = Organisation.Replace("successor: TST-CL1-C01", "successor: TST-CL1-C09", StringComparison.Ordinal);

        Assert.That(Single(Load(organisation: org), "org.successor.unknown").Line, Is.EqualTo(LineOf(org, "successor:")));
    }

    [Test]
    public void A_missing_folder_or_file_is_a_problem_too()
    {
        Assert.That(FrameworkPackageLoader.Load(Path.Combine(_root, "nowhere")).Problems.Single().Rule, Is.EqualTo("folder.missing"));

        var folder = Path.Combine(_root, "empty");
        Directory.CreateDirectory(folder);
        Assert.That(FrameworkPackageLoader.Load(folder).Problems.Select(p => p.Rule), Is.EquivalentTo(new[] { "file.missing", "file.missing" }));
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

    private FrameworkLoadResult Load(
        string organisation = Organisation, string frameworkV1 = FrameworkV1, string? frameworkV2 = FrameworkV2, string targets = Targets)
    {
        var folder = Path.Combine(_root, "tst");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "organisation.yaml"), organisation);
        File.WriteAllText(Path.Combine(folder, "framework.v1.yaml"), frameworkV1);
        if (frameworkV2 is not null)
        {
            File.WriteAllText(Path.Combine(folder, "framework.v2.yaml"), frameworkV2);
        }

        File.WriteAllText(Path.Combine(folder, "targets.yaml"), targets);
        return FrameworkPackageLoader.Load(folder);
    }
}
