using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using Outcomes.Ingestion.Issues;
using Outcomes.Ingestion.Returns;
using static Outcomes.Ingestion.Tests.Returns.ReturnFixtures;

namespace Outcomes.Ingestion.Tests.Returns;

public class ReturnTemplateIssueTests
{
    private static ImportIssue SingleIssue(ReturnReadResult result)
    {
        Assert.That(result.Issues, Has.Count.EqualTo(1), () => string.Join("\n", result.Issues));
        return result.Issues[0];
    }

    private static void AssertAt(ImportIssue issue, byte[] xlsx, string code, string column, string rule, string messagePart)
    {
        var address = Address(xlsx, code, column);
        Assert.Multiple(() =>
        {
            Assert.That(issue.Sheet, Is.EqualTo("Data"));
            Assert.That(issue.Cell, Is.EqualTo(address));
            Assert.That(issue.RuleCode, Is.EqualTo(rule));
            Assert.That(issue.MeasureCode, Is.EqualTo(code));
            Assert.That(issue.Severity, Is.EqualTo(IssueSeverity.Error));
            Assert.That(issue.Message, Does.StartWith($"Data!{address}: "));
            Assert.That(issue.Message, Does.Contain(messagePart));
        });
    }

    [TestCase("REG", "1.2k", "value.not-a-number", "write the figure in full")]
    [TestCase("REG", "approx 40", "value.not-a-number", "enter 40 on its own")]
    [TestCase("REG", "lots", "value.not-a-number", "not a number or a suppression code")]
    [TestCase("REG", "12%", "value.percent-sign", "% sign")]
    [TestCase("REG", "£12", "value.currency-sign", "£ sign")]
    [TestCase("REG", "#DIV/0!", "value.excel-error", "#DIV/0!")]
    public void Text_that_is_not_a_figure_is_refused_at_its_cell(string code, string typed, string rule, string messagePart)
    {
        var xlsx = CompleteQ1(ws => Cell(ws, code, "D").SetValue(typed));

        var result = Read(xlsx);

        AssertAt(SingleIssue(result), xlsx, code, "D", rule, messagePart);
        Assert.That(result.Return!.Observations.Select(o => o.MeasureCode), Does.Not.Contain(code), "no observation from a bad cell");
    }

    [TestCase("REG", -3.0, "value.negative", "cannot be negative")]
    [TestCase("REG", 2.5, "value.count-not-whole", "whole number")]
    [TestCase("ENG", 120.0, "value.percentage-range", "between 0 and 100")]
    public void Numbers_out_of_range_for_their_unit_are_refused(string code, double typed, string rule, string messagePart)
    {
        var xlsx = CompleteQ1(ws =>
        {
            Cell(ws, "ENG", "E").Clear(XLClearOptions.Contents);
            Cell(ws, "ENG", "F").Clear(XLClearOptions.Contents);
            Cell(ws, "ENG", "D").SetValue(25);
            Cell(ws, code, "D").SetValue(typed);
        });

        AssertAt(SingleIssue(Read(xlsx)), xlsx, code, "D", rule, messagePart);
    }

    [Test]
    public void An_Excel_error_cached_from_a_formula_is_an_error_at_its_cell()
    {
        var xlsx = CompleteQ1();
        xlsx = WithFormula(xlsx, Address(xlsx, "REG", "D"), "1/0", "#DIV/0!", isError: true);

        AssertAt(SingleIssue(Read(xlsx)), xlsx, "REG", "D", "value.excel-error", "#DIV/0!");
    }

    [Test]
    public void A_numerator_larger_than_its_denominator_is_refused()
    {
        var xlsx = CompleteQ1(ws => Cell(ws, "ENG", "E").SetValue(130));

        AssertAt(SingleIssue(Read(xlsx)), xlsx, "ENG", "E", "ratio.numerator-exceeds-denominator", "families engaged (130) cannot exceed families registered (120)");
    }

    [Test]
    public void A_value_that_disagrees_with_its_numerator_and_denominator_is_refused()
    {
        var xlsx = CompleteQ1(ws => Cell(ws, "ENG", "D").SetValue(30));

        AssertAt(SingleIssue(Read(xlsx)), xlsx, "ENG", "D", "ratio.value-disagrees", "which gives 25.0");
    }

    [TestCase(51.1)]
    [TestCase(51.0)]
    public void A_value_within_rounding_of_its_numerator_and_denominator_is_accepted(double typed)
    {
        // 1021 / 2000 = 51.05%: both 51.1 and 51.0 are within ±0.05.
        var xlsx = CompleteQ1(ws =>
        {
            Cell(ws, "ENG", "E").SetValue(1021);
            Cell(ws, "ENG", "F").SetValue(2000);
            Cell(ws, "ENG", "D").SetValue(typed);
        });

        Assert.That(Read(xlsx).Issues, Is.Empty);
    }

    [Test]
    public void A_numerator_without_a_denominator_is_refused()
    {
        var xlsx = CompleteQ1(ws => Cell(ws, "ENG", "F").Clear(XLClearOptions.Contents));

        AssertAt(SingleIssue(Read(xlsx)), xlsx, "ENG", "F", "ratio.incomplete", "no denominator");
    }

    [Test]
    public void A_fractional_numerator_is_refused()
    {
        var xlsx = CompleteQ1(ws => Cell(ws, "ENG", "E").SetValue(2.5));

        AssertAt(SingleIssue(Read(xlsx)), xlsx, "ENG", "E", "numerator.not-whole", "whole number");
    }

    [Test]
    public void An_unknown_measure_code_is_refused()
    {
        var xlsx = CompleteQ1(ws => Cell(ws, "SPEND", "A").SetValue("XYZ9"));

        AssertAt(SingleIssue(Read(xlsx)), xlsx, "XYZ9", "A", "measure.unknown", "'XYZ9' is not a measure in BRD-CC framework version 1");
    }

    [Test]
    public void A_duplicated_measure_code_is_refused_at_the_second_row()
    {
        var xlsx = CompleteQ1(ws =>
        {
            Cell(ws, "SPEND", "A").SetValue("REF");
            ws.Cell(RowOf(ws, "ENG") + 1, "D").SetValue(41);
        });

        var issue = SingleIssue(Read(xlsx));

        Assert.That(issue.RuleCode, Is.EqualTo("measure.duplicate"));
        Assert.That(issue.Message, Does.Match(@"^Data!A\d+: REF appears more than once \(first in row \d+\)"));
    }

    [Test]
    public void A_required_measure_left_blank_is_refused_at_its_value_cell()
    {
        var xlsx = CompleteQ1(ws => Cell(ws, "REF", "D").Clear(XLClearOptions.Contents));

        var result = Read(xlsx);

        AssertAt(SingleIssue(result), xlsx, "REF", "D", "value.required", "REF (Referrals) is required");
    }

    [Test]
    public void An_optional_measure_may_be_left_blank()
    {
        Assert.That(Read(CompleteQ1()).Issues, Is.Empty);
    }

    [Test]
    public void A_required_measure_whose_row_was_deleted_is_refused()
    {
        // Clearing rather than deleting: ClosedXML 0.95 cannot save a sheet whose validated rows were deleted.
        var xlsx = CompleteQ1(ws => ws.Range(RowOf(ws, "RR"), 1, RowOf(ws, "RR"), 10).Clear(XLClearOptions.Contents));

        var issue = SingleIssue(Read(xlsx));

        Assert.That(issue.RuleCode, Is.EqualTo("measure.missing"));
        Assert.That(issue.MeasureCode, Is.EqualTo("RR"));
    }

    [Test]
    public void A_flag_outside_the_list_is_refused()
    {
        var xlsx = CompleteQ1(ws => Cell(ws, "REG", "H").SetValue("guess"));

        AssertAt(SingleIssue(Read(xlsx)), xlsx, "REG", "H", "flag.unknown", "'guess'");
    }

    [Test]
    public void A_cross_measure_rule_from_the_framework_is_judged()
    {
        var xlsx = CompleteQ1(ws =>
        {
            Cell(ws, "REF", "D").SetValue(398);
            Cell(ws, "RR", "D").SetValue(412);
        });

        AssertAt(SingleIssue(Read(xlsx)), xlsx, "RR", "D", "rule.RR_LE_REF", "Re-referrals (412) cannot exceed Referrals (398)");
    }

    [Test]
    public void A_template_for_an_older_framework_version_is_refused_as_stale()
    {
        var xlsx = CompleteQ1();

        var result = Read(xlsx, Version(2));

        Assert.That(result.Return, Is.Null);
        var issue = SingleIssue(result);
        Assert.Multiple(() =>
        {
            Assert.That(issue.RuleCode, Is.EqualTo("template.stale-framework-version"));
            Assert.That(issue.Message, Does.Contain("stale").And.Contain("version 1").And.Contain("version 2"));
            Assert.That(issue.Cell, Is.Null);
        });
    }

    [Test]
    public void Any_other_workbook_is_not_an_Outcomes_return_template()
    {
        using var workbook = new XLWorkbook();
        workbook.Worksheets.Add("Sheet1").Cell(1, 1).SetValue("Code");
        workbook.Worksheet("Sheet1").Cell(2, 1).SetValue("REG");
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var result = Read(stream.ToArray());

        Assert.That(result.Return, Is.Null);
        Assert.That(SingleIssue(result).Message, Does.Contain("this is not an Outcomes return template"));
    }

    [Test]
    public void A_pdf_is_not_a_spreadsheet()
    {
        var result = Read(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"));

        Assert.That(result.Return, Is.Null);
        Assert.That(SingleIssue(result).RuleCode, Is.EqualTo("file.not-xlsx"));
        Assert.That(result.Issues[0].Message, Does.Contain("PDF, not a spreadsheet"));
    }

    [Test]
    public void An_empty_file_is_refused_plainly()
    {
        var result = Read([]);

        Assert.That(result.Return, Is.Null);
        Assert.That(SingleIssue(result).Message, Does.StartWith("the file is empty"));
    }

    [Test]
    public void A_zip_that_is_not_a_workbook_is_refused_plainly()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("hello");
        }

        var result = Read(stream.ToArray());

        Assert.That(result.Return, Is.Null);
        Assert.That(SingleIssue(result).Message, Does.Contain("could not be opened as an Excel workbook"));
    }
}
