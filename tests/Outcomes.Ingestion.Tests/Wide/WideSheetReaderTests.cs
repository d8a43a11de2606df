using ClosedXML.Excel;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Ingestion.Csv;
using Outcomes.Ingestion.Frameworks;
using Outcomes.Ingestion.Tests.Frameworks;
using Outcomes.Ingestion.Wide;

namespace Outcomes.Ingestion.Tests.Wide;

[TestFixture]
public sealed class WideSheetReaderTests
{
    private static readonly DateOnly Today = new(2025, 1, 1);

    private static readonly Lazy<(Framework Framework, OrgUnitHierarchy Hierarchy)> Bradford = new(() =>
    {
        var p = FrameworkPackageLoader.Load(Path.Combine(RepoPaths.SampleFrameworks, "bradford")).Package!;
        return (p.Framework, p.Hierarchy());
    });

    private static string Samples => Path.Combine(RepoPaths.Root, "samples", "wide");

    private static string Workbook => Path.Combine(Samples, "bradford_BRD-CL1_kpi-tracker_2018-19.xlsx");

    private static WideMapping Mapping()
    {
        var mapping = WideMapping.Load(Path.Combine(Samples, "bradford_BRD-CL1_kpi-tracker.mapping.yaml"), out var problems);
        Assert.That(problems, Is.Empty);
        return mapping!;
    }

    private string _dir = string.Empty;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("outcomes-wide-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private CsvReadResult ReadEdited(Action<IXLWorksheet> edit, WideMapping? mapping = null, DateOnly? today = null)
    {
        var path = Path.Combine(_dir, "tracker.xlsx");
        using (var wb = new XLWorkbook(Workbook))
        {
            edit(wb.Worksheet("KPI tracker"));
            wb.SaveAs(path);
        }

        using var stream = File.OpenRead(path);
        return WideSheetReader.Read("tracker.xlsx", stream, mapping ?? Mapping(), Bradford.Value.Framework, Bradford.Value.Hierarchy, today ?? Today);
    }

    [Test]
    public void The_sample_tracker_reads_clean_into_four_quarters()
    {
        using var stream = File.OpenRead(Workbook);
        var result = WideSheetReader.Read("t.xlsx", stream, Mapping(), Bradford.Value.Framework, Bradford.Value.Hierarchy, Today);

        Assert.That(result.Issues, Is.Empty, () => string.Join(Environment.NewLine, result.Issues));
        Assert.That(result.Returns.Select(r => $"{r.OrgUnitCode} {r.Period.Key} {r.Observations.Count}"),
            Is.EqualTo(new[] { "BRD-CL1 2018-19 Q1 5", "BRD-CL1 2018-19 Q2 5", "BRD-CL1 2018-19 Q3 6", "BRD-CL1 2018-19 Q4 5" }));
        var br4 = result.Returns[0].Observations.Single(o => o.MeasureCode == "BR4");
        Assert.That((br4.Numerator, br4.Denominator), Is.Not.EqualTo(((decimal?)null, (decimal?)null)));
    }

    [Test]
    public void A_hostile_workbook_is_refused_by_the_safety_gate_before_it_is_opened()
    {
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("xl/workbook.xml").Open());
            writer.Write("<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY lol \"lol\">]><workbook>&lol;</workbook>");
        }

        zip.Position = 0;
        var result = WideSheetReader.Read("tracker.xlsx", zip, Mapping(), Bradford.Value.Framework, Bradford.Value.Hierarchy, Today);
        Assert.That(result.Returns, Is.Empty);
        Assert.That(result.Issues.Single().RuleCode, Is.EqualTo("file.xml-doctype"));
    }

    [Test]
    public void A_bad_value_names_sheet_and_cell()
    {
        var result = ReadEdited(ws => ws.Cell("D5").Value = "approx 40");

        var issue = result.Issues.Single(i => i.IsError);
        Assert.That((issue.RuleCode, issue.Sheet, issue.Cell), Is.EqualTo(("value.not-a-number", "KPI tracker", "D5")));
        Assert.That(issue.Message, Does.StartWith("KPI tracker!D5: "));
    }

    [Test]
    public void An_unmapped_title_is_an_unknown_measure_at_its_label_cell()
    {
        var result = ReadEdited(ws => ws.Cell("A9").Value = "Parenting courses");

        Assert.That(result.Issues.Where(i => i.RuleCode == "measure.unknown").Select(i => $"{i.Sheet}!{i.Cell}").Distinct(), Is.EqualTo(new[] { "KPI tracker!A9" }));
        Assert.That(result.Issues.Where(i => i.RuleCode == "measure.missing").Select(i => i.MeasureCode).Distinct(), Is.EqualTo(new[] { "BR5" }));
    }

    [Test]
    public void A_numerator_above_its_denominator_names_the_numerator_block_cell()
    {
        var result = ReadEdited(ws => ws.Cell("C15").Value = 100000);

        var issue = result.Issues.First(i => i.IsError);
        Assert.That((issue.RuleCode, issue.Cell), Is.EqualTo(("ratio.numerator-exceeds-denominator", "C15")));
    }

    [Test]
    public void An_unreadable_header_in_the_span_and_a_quarter_not_yet_ended_name_their_header_cells()
    {
        var unreadable = ReadEdited(ws => ws.Cell("E4").Value = "Quarter three");
        var future = ReadEdited(_ => { }, today: new DateOnly(2019, 1, 15));

        Assert.That(unreadable.Issues.Where(i => i.IsError).Select(i => (i.RuleCode, i.Cell)), Is.EqualTo(new[] { ("period.unreadable", "E4") }));
        Assert.That(future.Issues.Where(i => i.IsError).Select(i => (i.RuleCode, i.Cell)), Is.EqualTo(new[] { ("period.future", "F4") }));
    }

    [Test]
    public void Without_a_span_the_target_column_is_skipped_with_a_warning()
    {
        var mapping = Mapping();
        mapping.Values!.Span = null;

        var result = ReadEdited(_ => { }, mapping);

        Assert.That(result.Issues.Select(i => (i.RuleCode, i.Cell, i.IsError)), Is.EqualTo(new[] { ("period.header-ignored", "G4", false) }));
        Assert.That(result.Returns, Has.Count.EqualTo(4));
    }

    [Test]
    public void An_unknown_org_unit_in_the_org_unit_cell_is_refused_there()
    {
        var result = ReadEdited(ws => ws.Cell("B2").Value = "BRD-CL9");

        Assert.That(result.Issues.Select(i => (i.RuleCode, i.Cell)), Is.EqualTo(new[] { ("org-unit.unknown", "B2") }));
        Assert.That(result.Returns, Is.Empty);
    }

    [Test]
    public void Measures_in_columns_read_the_same_way()
    {
        var path = Path.Combine(_dir, "columns.xlsx");
        using (var wb = new XLWorkbook())
        {
            var ws = wb.AddWorksheet("Sheet1");
            ws.Cell("B1").Value = "BR5";
            ws.Cell("A2").Value = "2018-19 Q1";
            ws.Cell("B2").Value = 12;
            ws.Cell("A3").Value = "2018-19 Q2";
            ws.Cell("B3").Value = "x";
            wb.SaveAs(path);
        }

        var mapping = WideMapping.Parse("""{ "orientation": "measures-in-columns", "org_unit": "BRD-CL1", "measure_labels": "1", "values": { "periods": "A", "measures": "B:B" } }""", out var problems);
        using var stream = File.OpenRead(path);
        var result = WideSheetReader.Read("columns.xlsx", stream, mapping!, Bradford.Value.Framework, Bradford.Value.Hierarchy, Today);

        Assert.That(problems, Is.Empty);
        Assert.That(result.Returns.Select(r => r.Observations.Single(o => o.MeasureCode == "BR5").Value), Is.EqualTo(new decimal?[] { 12m, null }));
        Assert.That(result.Issues.Where(i => i.RuleCode == "measure.missing").Select(i => i.Sheet).Distinct(), Is.EqualTo(new[] { "Sheet1" }));
    }

    [Test]
    public void A_mapping_with_problems_says_what_is_wrong()
    {
        var mapping = WideMapping.Parse("orientation: sideways\nmeasure_labels: 3x\nvalues: { periods: 4, measures: 'nine' }\n", out var problems);

        Assert.That(mapping, Is.Null);
        Assert.That(problems, Has.Some.Contains("orientation").And.Some.Contains("org_unit").And.Some.Contains("measure_labels").And.Some.Contains("values.measures"));
    }
}
