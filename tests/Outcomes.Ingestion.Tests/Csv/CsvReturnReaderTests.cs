using System.Text;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Ingestion.Csv;
using Outcomes.Ingestion.Frameworks;
using Outcomes.Ingestion.Issues;
using Outcomes.Ingestion.Tests.Frameworks;

namespace Outcomes.Ingestion.Tests.Csv;

[TestFixture]
public sealed class CsvReturnReaderTests
{
    private static readonly DateOnly Today = new(2025, 1, 1);

    private static readonly Lazy<(Framework Framework, OrgUnitHierarchy Hierarchy)> Bradford = new(() =>
    {
        var bradford = FrameworkPackageLoader.Load(Path.Combine(RepoPaths.SampleFrameworks, "bradford")).Package!;
        var leeds = FrameworkPackageLoader.Load(Path.Combine(RepoPaths.SampleFrameworks, "leeds")).Package!;
        return (bradford.Framework, new OrgUnitHierarchy(bradford.OrgUnits.Concat(leeds.OrgUnits), bradford.Links.Concat(leeds.Links)));
    });

    private static string SampleCsv => Path.Combine(RepoPaths.Root, "samples", "csv", "bradford_BRD-CL1_2018-19_Q1-Q2.csv");

    private static string Sample1252 => Path.Combine(RepoPaths.Root, "samples", "csv", "bradford_BRD-CL2_2018-19_Q3_windows-1252.csv");

    private string _dir = string.Empty;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("outcomes-csv-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    /// <summary>Header + the five Q1 rows of the sample (BR1..BR5 of BRD-CL1, 2018-19 Q1), rows 2..6.</summary>
    private static List<string> Q1Lines() =>
        File.ReadAllLines(SampleCsv, Encoding.UTF8).Take(6).ToList();

    private CsvReadResult Read(IEnumerable<string> lines, Encoding? encoding = null, DateOnly? today = null, Framework? framework = null) =>
        ReadBytes((encoding ?? new UTF8Encoding(false)).GetBytes(string.Join("\r\n", lines) + "\r\n"), today, framework);

    private CsvReadResult ReadBytes(byte[] bytes, DateOnly? today = null, Framework? framework = null)
    {
        var path = Path.Combine(_dir, "upload.csv");
        File.WriteAllBytes(path, bytes);
        using var stream = File.OpenRead(path);
        return CsvReturnReader.Read("upload.csv", stream, framework ?? Bradford.Value.Framework, Bradford.Value.Hierarchy, today ?? Today);
    }

    private static List<string> With(int row, string line)
    {
        var lines = Q1Lines();
        lines[row - 1] = line;
        return lines;
    }

    private static ImportIssue Single(CsvReadResult result, string rule)
    {
        var matching = result.Issues.Where(i => i.RuleCode == rule).ToList();
        Assert.That(matching, Has.Count.EqualTo(1), () => string.Join(Environment.NewLine, result.Issues));
        return matching[0];
    }

    [Test]
    public void The_sample_long_csv_reads_clean_into_one_return_per_quarter()
    {
        using var stream = File.OpenRead(SampleCsv);
        var result = CsvReturnReader.Read("s.csv", stream, Bradford.Value.Framework, Bradford.Value.Hierarchy, Today);

        Assert.That(result.Issues, Is.Empty, () => string.Join(Environment.NewLine, result.Issues));
        Assert.That(result.Returns.Select(r => $"{r.OrgUnitCode} {r.Period.Key} {r.Observations.Count}"), Is.EqualTo(new[] { "BRD-CL1 2018-19 Q1 5", "BRD-CL1 2018-19 Q2 5" }));
        Assert.That(result.RowsRead, Is.EqualTo(10));
        var br1 = result.Returns[0].Observations.Single(o => o.MeasureCode == "BR1");
        Assert.That((br1.Value, br1.Numerator, br1.Denominator), Is.EqualTo((94.2m, 517m, 549m)));
    }

    [Test]
    public void The_windows_1252_sample_reads_the_pound_sign_quotes_and_nbsp()
    {
        using var stream = File.OpenRead(Sample1252);
        var result = CsvReturnReader.Read("s.csv", stream, Bradford.Value.Framework, Bradford.Value.Hierarchy, Today);

        Assert.That(result.Issues, Is.Empty, () => string.Join(Environment.NewLine, result.Issues));
        var ret = result.Returns.Single();
        Assert.That(ret.Period.Key, Is.EqualTo("2018-19 Q3"));
        Assert.That(ret.Observations.Single(o => o.MeasureCode == "BR1").Commentary,
            Is.EqualTo("Holiday activities funded by £1,234 from the HAF grant; stay-and-play \"Busy Bees\" restarted"));
    }

    private static Framework WithCurrencyMeasure()
    {
        var fw = Bradford.Value.Framework;
        var v = fw.Versions[0];
        var spend = new Measure { Code = "SPEND", Title = "Spend on outreach", Unit = MeasureUnit.Currency, Required = false };
        return fw with { Versions = [v with { Measures = [.. v.Measures, spend] }] };
    }

    [TestCase("utf-8 with BOM")]
    [TestCase("utf-8")]
    [TestCase("windows-1252")]
    public void A_pound_value_reads_as_1234_in_every_encoding(string encoding)
    {
        var lines = Q1Lines();
        lines.Add("BRD-CL1,2018-19 Q1,SPEND,\"£1,234\",,,outreach £ spent");
        var bytes = encoding switch
        {
            "utf-8 with BOM" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines))],
            "utf-8" => Encoding.UTF8.GetBytes(string.Join("\r\n", lines)),
            _ => CsvText.Windows1252.GetBytes(string.Join("\r\n", lines)),
        };
        if (encoding == "windows-1252")
        {
            Assert.That(bytes, Does.Contain((byte)0xA3));
        }

        var result = ReadBytes(bytes, framework: WithCurrencyMeasure());

        Assert.That(result.Issues, Is.Empty, () => string.Join(Environment.NewLine, result.Issues));
        var spend = result.Returns.Single().Observations.Single(o => o.MeasureCode == "SPEND");
        Assert.That(spend.Value, Is.EqualTo(1234m));
        Assert.That(spend.Commentary, Is.EqualTo("outreach £ spent"));
    }

    [Test]
    public void Headers_are_matched_in_any_case_with_aliases_and_quoted_fields_with_nbsp_are_read()
    {
        var lines = Q1Lines();
        lines[0] = "\"ORG_UNIT\",Quarter,KPI,Figure,Numerator,Denominator,Notes";
        lines[1] = "BRD-CL1\u00A0,\"2018-19 Q1\",\"BR1\",\"94.2 \",\"517\",549,\"reach, as \"\"planned\"\"\"";

        var result = Read(lines);

        Assert.That(result.Issues, Is.Empty, () => string.Join(Environment.NewLine, result.Issues));
        var br1 = result.Returns.Single().Observations.Single(o => o.MeasureCode == "BR1");
        Assert.That((br1.Value, br1.Commentary), Is.EqualTo(((decimal?)94.2m, "reach, as \"planned\"")));
    }

    [Test]
    public void A_missing_required_column_is_named()
    {
        var lines = Q1Lines().Select(l => string.Join(',', l.Split(',').Where((_, i) => i != 3))).ToList();

        var result = Read(lines);

        var issue = Single(result, "csv.missing-column");
        Assert.That(issue.Row, Is.EqualTo(1));
        Assert.That(issue.Message, Does.Contain("'value'"));
        Assert.That(result.Returns, Is.Empty);
    }

    [Test]
    public void An_unknown_org_unit_names_row_and_column()
    {
        var issue = Single(Read(With(3, "BRD-CL9,2018-19 Q1,BR2,63.1,334,529,")), "org-unit.unknown");

        Assert.That((issue.Row, issue.Cell, issue.Severity), Is.EqualTo(((int?)3, "A3", IssueSeverity.Error)));
        Assert.That(issue.Message, Does.StartWith("row 3, Org Unit Code (A3): "));
    }

    [Test]
    public void A_unit_of_another_authority_is_refused()
    {
        var leedsUnit = Bradford.Value.Hierarchy.Units.First(u => u.AuthorityCode != "BRD").Code;

        var issue = Single(Read(With(2, $"{leedsUnit},2018-19 Q1,BR1,94.2,517,549,")), "org-unit.other-authority");

        Assert.That((issue.Row, issue.Cell), Is.EqualTo(((int?)2, "A2")));
    }

    [TestCase("2018-19 Q7", "period.unreadable")]
    [TestCase("next quarter", "period.unreadable")]
    [TestCase("2018-19", "period.not-a-quarter")]
    public void A_period_that_is_not_a_quarter_names_row_and_column(string period, string rule)
    {
        var issue = Single(Read(With(4, $"BRD-CL1,{period},BR3,72.7,352,484,")), rule);

        Assert.That((issue.Row, issue.Cell), Is.EqualTo(((int?)4, "B4")));
    }

    [Test]
    public void A_quarter_that_has_not_ended_by_today_is_in_the_future()
    {
        var lines = Q1Lines().Select(l => l.Replace("2018-19 Q1", "2019-20 Q1", StringComparison.Ordinal)).ToList();

        var result = Read(lines, today: new DateOnly(2019, 6, 29));
        var ended = Read(lines, today: new DateOnly(2019, 6, 30));

        Assert.That(result.Issues.Where(i => i.RuleCode == "period.future").Select(i => i.Cell), Is.EqualTo(new[] { "B2", "B3", "B4", "B5", "B6" }));
        Assert.That(ended.HasErrors, Is.False, () => string.Join(Environment.NewLine, ended.Issues));
    }

    [Test]
    public void An_unknown_measure_code_names_row_and_column()
    {
        var issue = Single(Read(With(6, "BRD-CL1,2018-19 Q1,BR99,12,,,")), "measure.unknown");

        Assert.That((issue.Row, issue.Cell, issue.MeasureCode), Is.EqualTo(((int?)6, "C6", "BR99")));
    }

    [Test]
    public void A_duplicate_org_period_measure_row_is_refused()
    {
        var lines = Q1Lines();
        lines.Add("brd-cl1,Q1 2018/19,br1,94.2,517,549,again");

        var result = Read(lines);

        var issue = Single(result, "measure.duplicate");
        Assert.That((issue.Row, issue.Cell), Is.EqualTo(((int?)7, "C7")));
        Assert.That(issue.Message, Does.Contain("first in row 2"));
    }

    [TestCase("1.2k", "value.not-a-number", "D")]
    [TestCase("approx 40", "value.not-a-number", "D")]
    [TestCase("120", "value.percentage-range", "D")]
    [TestCase("-3", "value.negative", "D")]
    [TestCase("#DIV/0!", "value.excel-error", "D")]
    [TestCase("50.0", "ratio.value-disagrees", "D")]
    public void Every_value_rule_of_the_template_applies(string value, string rule, string column)
    {
        var issue = Single(Read(With(2, $"BRD-CL1,2018-19 Q1,BR1,{value},517,549,")), rule);

        Assert.That((issue.Row, issue.Cell, issue.MeasureCode), Is.EqualTo(((int?)2, $"{column}2", "BR1")));
        Assert.That(issue.Message, Does.StartWith($"row 2, Value ({column}2): "));
    }

    [Test]
    public void Numerator_rules_apply_with_their_column()
    {
        var exceeds = Single(Read(With(2, "BRD-CL1,2018-19 Q1,BR1,,600,549,")), "ratio.numerator-exceeds-denominator");
        var halfRatio = Single(Read(With(2, "BRD-CL1,2018-19 Q1,BR1,94.2,517,,")), "ratio.incomplete");
        var count = Single(Read(With(6, "BRD-CL1,2018-19 Q1,BR5,12.5,,,")), "value.count-not-whole");

        Assert.That((exceeds.Cell, halfRatio.Cell, count.Cell), Is.EqualTo(("E2", "F2", "D6")));
    }

    [Test]
    public void A_required_measure_missing_from_a_return_is_reported_for_that_unit_and_quarter()
    {
        var lines = Q1Lines();
        lines.RemoveAt(5);

        var issue = Single(Read(lines), "measure.missing");

        Assert.That((issue.MeasureCode, issue.Row), Is.EqualTo(("BR5", (int?)null)));
        Assert.That(issue.Message, Does.StartWith("BRD-CL1 2018-19 Q1: required measure BR5"));
    }

    [Test]
    public void Suppression_codes_are_no_value_with_a_reason()
    {
        var result = Read(With(6, "BRD-CL1,2018-19 Q1,BR5,c,,,fewer than five"));

        Assert.That(result.HasErrors, Is.False, () => string.Join(Environment.NewLine, result.Issues));
        var br5 = result.Returns.Single().Observations.Single(o => o.MeasureCode == "BR5");
        Assert.That((br5.Value, br5.SuppressionReason), Is.EqualTo(((decimal?)null, "c")));
    }

    [Test]
    public void Several_units_and_quarters_make_one_return_each_and_round_trip_through_the_writer()
    {
        using var a = File.OpenRead(SampleCsv);
        using var b = File.OpenRead(Sample1252);
        var first = CsvReturnReader.Read("a.csv", a, Bradford.Value.Framework, Bradford.Value.Hierarchy, Today);
        var second = CsvReturnReader.Read("b.csv", b, Bradford.Value.Framework, Bradford.Value.Hierarchy, Today);
        var combined = LongCsvWriter.Write(first.Returns.Concat(second.Returns));

        var again = ReadBytes(combined);

        Assert.That(again.Issues, Is.Empty, () => string.Join(Environment.NewLine, again.Issues));
        Assert.That(again.Returns.Select(r => $"{r.OrgUnitCode} {r.Period.Key}"), Is.EqualTo(new[] { "BRD-CL1 2018-19 Q1", "BRD-CL1 2018-19 Q2", "BRD-CL2 2018-19 Q3" }));
        Assert.That(again.Returns.SelectMany(r => r.Observations), Is.EqualTo(first.Returns.Concat(second.Returns).SelectMany(r => r.Observations.OrderBy(o => o.MeasureCode, StringComparer.Ordinal))));
        Assert.That(LongCsvWriter.Write(again.Returns), Is.EqualTo(combined));
    }

    [Test]
    public void An_empty_file_and_a_row_with_extra_fields_are_reported()
    {
        var empty = ReadBytes([]);
        var extra = Read(With(3, "BRD-CL1,2018-19 Q1,BR2,63.1,334,529,,comma, in commentary"));

        Assert.That(empty.Issues.Single().RuleCode, Is.EqualTo("csv.empty"));
        var issue = Single(extra, "csv.extra-fields");
        Assert.That(issue.Row, Is.EqualTo(3));
    }
}
