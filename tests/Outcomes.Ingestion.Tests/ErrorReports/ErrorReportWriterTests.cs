using System.Text;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Outcomes.Ingestion.ErrorReports;
using Outcomes.Ingestion.Issues;
using Outcomes.Ingestion.Returns;
using Outcomes.Ingestion.Tests.Safety;
using static Outcomes.Ingestion.Tests.Returns.ReturnFixtures;

namespace Outcomes.Ingestion.Tests.ErrorReports;

public class ErrorReportWriterTests
{
    private static readonly string[] Headers = ["Severity", "Sheet", "Cell", "Row", "Measure", "Rule", "Message"];

    private static XLWorkbook Open(byte[] report) => new(new MemoryStream(report));

    private static List<string[]> ErrorRows(IXLWorksheet errors) =>
        errors.RowsUsed().Skip(1).Select(r => Enumerable.Range(1, 7).Select(c => r.Cell(c).GetString()).ToArray()).ToList();

    [Test]
    public void The_report_marks_each_bad_cell_and_lists_every_issue_on_a_first_Errors_sheet()
    {
        var xlsx = CompleteQ1(ws => Cell(ws, "REG", "D").SetValue("1.2k"));
        var refAddress = Address(xlsx, "REF", "D");
        var regAddress = Address(xlsx, "REG", "D");
        xlsx = WithFormula(xlsx, refAddress, "20*2", "40", isError: false);
        var issues = Read(xlsx).Issues;
        Assert.That(issues.Select(i => i.RuleCode), Is.EquivalentTo(new[] { "value.not-a-number", "cell.formula" }));

        using var report = Open(ErrorReportWriter.Write(xlsx, issues));

        var errors = report.Worksheet(1);
        var data = report.Worksheet("Data");
        Assert.Multiple(() =>
        {
            Assert.That(errors.Name, Is.EqualTo(ErrorReportWriter.ErrorsSheetName));
            Assert.That(errors.TabActive, Is.True);
            Assert.That(report.Worksheets.Select(w => w.Name), Is.SupersetOf(new[] { "Cover", "Data", "_template" }));

            Assert.That(data.Cell(regAddress).Style.Fill.BackgroundColor, Is.EqualTo(ErrorReportWriter.ErrorFill));
            Assert.That(data.Cell(refAddress).Style.Fill.BackgroundColor, Is.EqualTo(ErrorReportWriter.WarningFill));
            Assert.That(data.Cell(regAddress).Comment.Text, Does.Contain($"Error: Data!{regAddress}: REG value '1.2k' is not a number"));
            Assert.That(data.Cell(refAddress).Comment.Text, Does.Contain("Warning: ").And.Contain("its last calculated value 40 was used"));
            Assert.That(data.Cell(regAddress).GetString(), Is.EqualTo("1.2k"), "the person's own entries are kept");
            Assert.That(data.IsProtected, Is.False, "protection is removed so the marks show");

            Assert.That(Enumerable.Range(1, 7).Select(c => errors.Cell(1, c).GetString()), Is.EqualTo(Headers));
            Assert.That(errors.SheetView.SplitRow, Is.EqualTo(1), "header frozen");
            Assert.That(errors.AutoFilter.IsEnabled, Is.True);
            Assert.That(Enumerable.Range(1, 7).Select(c => errors.Column(c).Width), Has.All.GreaterThan(5));
        });

        var rows = ErrorRows(errors);
        var regRow = Address(xlsx, "REG", "D")[1..];
        Assert.That(rows, Has.Count.EqualTo(issues.Count));
        Assert.That(rows, Has.Some.EqualTo(new[]
        {
            "Error", "Data", regAddress, regRow, "REG", "value.not-a-number", issues.Single(i => i.IsError).Message,
        }));
        Assert.That(rows, Has.Some.Matches<string[]>(r => r[0] == "Warning" && r[2] == refAddress && r[5] == "cell.formula"));
    }

    [Test]
    public void A_merged_range_is_filled_as_a_whole()
    {
        var xlsx = CompleteQ1(ws => ws.Range(RowOf(ws, "REF"), 4, RowOf(ws, "REF"), 5).Merge());
        var issues = Read(xlsx).Issues;
        var range = issues.Single(i => i.RuleCode == "cell.merged").Cell!;

        using var report = Open(ErrorReportWriter.Write(xlsx, issues));

        var data = report.Worksheet("Data");
        Assert.That(data.Range(range).Cells().Select(c => c.Style.Fill.BackgroundColor), Has.All.EqualTo(ErrorReportWriter.ErrorFill));
        Assert.That(data.Range(range).FirstCell().Comment.Text, Does.Contain("are merged"));
    }

    [Test]
    public void A_file_that_cannot_be_opened_gets_a_report_of_just_the_Errors_sheet()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF");
        var issues = Read(pdf).Issues;

        using var report = Open(ErrorReportWriter.Write(pdf, issues));

        Assert.That(report.Worksheets.Select(w => w.Name), Is.EqualTo(new[] { "Errors" }));
        var rows = ErrorRows(report.Worksheet("Errors"));
        Assert.That(rows, Has.Count.EqualTo(1));
        Assert.That(rows[0][0], Is.EqualTo("Error"));
        Assert.That(rows[0][5], Is.EqualTo("file.not-xlsx"));
        Assert.That(rows[0][6], Does.Contain("PDF, not a spreadsheet"));
    }

    [Test]
    public void A_hostile_workbook_is_never_opened_to_be_copied()
    {
        var xlsx = HostileFiles.Edit(CompleteQ1(), zip =>
        {
            using var vba = zip.CreateEntry("xl/vbaProject.bin").Open();
            vba.WriteByte(1);
        });
        var issues = Read(xlsx).Issues;

        using var report = Open(ErrorReportWriter.Write(xlsx, issues));

        Assert.That(report.Worksheets.Select(w => w.Name), Is.EqualTo(new[] { "Errors" }));
        Assert.That(ErrorRows(report.Worksheet("Errors")).Single()[5], Is.EqualTo("file.macros"));
    }

    [TestCase("=HYPERLINK(\"http://example.com\",\"click\")")]
    [TestCase("+1+1")]
    [TestCase("-3 is negative")]
    [TestCase("@SUM(A1)")]
    public void Text_that_looks_like_a_formula_is_written_as_text(string message)
    {
        var issue = new ImportIssue("return.xlsx", "=Sheet", "A1", 2, "+M", "=rule", IssueSeverity.Error, message);

        using var report = Open(ErrorReportWriter.Write([], [issue]));

        var row = report.Worksheet("Errors").Row(2);
        Assert.Multiple(() =>
        {
            Assert.That(row.Cells(1, 7).Where(c => c.HasFormula), Is.Empty);
            Assert.That(row.Cell(7).GetString(), Is.EqualTo(message));
            Assert.That(row.Cell(2).GetString(), Is.EqualTo("=Sheet"));
            Assert.That(row.Cell(5).GetString(), Is.EqualTo("+M"));
            Assert.That(row.Cell(6).GetString(), Is.EqualTo("=rule"));
        });
    }

    [Test]
    public void A_clean_return_still_gets_an_Errors_sheet_with_just_its_header()
    {
        var xlsx = CompleteQ1();

        using var report = Open(ErrorReportWriter.Write(xlsx, Read(xlsx).Issues));

        Assert.That(report.Worksheet(1).Name, Is.EqualTo("Errors"));
        Assert.That(ErrorRows(report.Worksheet(1)), Is.Empty);
    }

    [Test]
    public void Password_protected_sheets_are_unprotected_in_the_copy_and_the_report_is_valid_Open_XML()
    {
        var xlsx = CompleteQ1(ws =>
        {
            ws.Unprotect();
            ws.Protect("secret");
            Cell(ws, "REG", "D").SetValue("lots");
        });
        var issues = Read(xlsx).Issues;

        var bytes = ErrorReportWriter.Write(xlsx, issues);

        using (var report = Open(bytes))
        {
            Assert.That(report.Worksheets.Where(w => w.IsProtected), Is.Empty);
            Assert.That(report.Worksheet("Data").Cell(Address(xlsx, "REG", "D")).Style.Fill.BackgroundColor, Is.EqualTo(ErrorReportWriter.ErrorFill));
        }

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var problems = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }
}
