using ClosedXML.Excel;
using Outcomes.Ingestion.Issues;
using Outcomes.Ingestion.Returns;
using static Outcomes.Ingestion.Tests.Returns.ReturnFixtures;

namespace Outcomes.Ingestion.Tests.Returns;

/// <summary>Things people do to workbooks that are not wrong values: formulas, merges, hidden rows and sheets, odd spaces.</summary>
public class ReturnWorkbookOdditiesTests
{
    private static byte[] FillWorkbook(byte[] xlsx, Action<XLWorkbook> fill)
    {
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        fill(workbook);
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    [Test]
    public void A_formula_is_read_from_its_cached_value_with_a_warning_naming_the_cell_and_value()
    {
        var xlsx = CompleteQ1();
        var address = Address(xlsx, "REG", "D");
        xlsx = WithFormula(xlsx, address, "40*3", "120", isError: false);

        var result = Read(xlsx);

        var issue = result.Issues.Single();
        Assert.Multiple(() =>
        {
            Assert.That(issue.Severity, Is.EqualTo(IssueSeverity.Warning));
            Assert.That(issue.RuleCode, Is.EqualTo("cell.formula"));
            Assert.That(issue.Cell, Is.EqualTo(address));
            Assert.That(issue.Message, Is.EqualTo($"Data!{address}: REG value holds a formula; its last calculated value 120 was used"));
            Assert.That(result.Return!.Observations.Single(o => o.MeasureCode == "REG").Value, Is.EqualTo(120m));
        });
    }

    [Test]
    public void A_formula_Excel_never_calculated_is_refused_rather_than_read_as_blank()
    {
        var xlsx = CompleteQ1();
        var address = Address(xlsx, "SPEND", "D");
        xlsx = WithFormula(xlsx, address, "SUM(Z1:Z9)", string.Empty, isError: false);

        var issue = Read(xlsx).Issues.Single();

        Assert.Multiple(() =>
        {
            Assert.That(issue.RuleCode, Is.EqualTo("cell.formula-not-calculated"));
            Assert.That(issue.Severity, Is.EqualTo(IssueSeverity.Error));
            Assert.That(issue.Message, Does.StartWith($"Data!{address}: SPEND value holds a formula with no calculated value"));
        });
    }

    [Test]
    public void Merged_cells_over_the_figures_are_refused_naming_the_range()
    {
        var row = 0;
        var xlsx = CompleteQ1(ws =>
        {
            row = RowOf(ws, "REF");
            ws.Range(row, 4, row, 5).Merge();
        });

        var result = Read(xlsx);

        var merged = result.Issues.Single(i => i.RuleCode == "cell.merged");
        Assert.Multiple(() =>
        {
            Assert.That(merged.Severity, Is.EqualTo(IssueSeverity.Error));
            Assert.That(merged.Cell, Is.EqualTo($"D{row}:E{row}"));
            Assert.That(merged.Row, Is.EqualTo(row));
            Assert.That(merged.Message, Does.StartWith($"Data!D{row}:E{row}: cells D{row}:E{row} are merged"));
            Assert.That(result.HasErrors, Is.True);
        });
    }

    [Test]
    public void Merged_read_only_cells_in_the_title_column_are_not_an_issue()
    {
        var xlsx = CompleteQ1(ws => ws.Range(RowOf(ws, "REG"), 2, RowOf(ws, "REG"), 3).Merge());

        Assert.That(Read(xlsx).Issues, Is.Empty);
    }

    [Test]
    public void A_hidden_row_with_figures_is_read_with_a_warning_naming_the_row()
    {
        var row = 0;
        var xlsx = CompleteQ1(ws =>
        {
            row = RowOf(ws, "REF");
            ws.Row(row).Hide();
            ws.Row(RowOf(ws, "SPEND")).Hide(); // hidden but empty: nothing to say
        });

        var result = Read(xlsx);

        var issue = result.Issues.Single();
        Assert.Multiple(() =>
        {
            Assert.That(issue.RuleCode, Is.EqualTo("row.hidden"));
            Assert.That(issue.Severity, Is.EqualTo(IssueSeverity.Warning));
            Assert.That(issue.Row, Is.EqualTo(row));
            Assert.That(issue.MeasureCode, Is.EqualTo("REF"));
            Assert.That(issue.Message, Does.StartWith($"Data row {row}: this row (REF) is hidden but holds figures"));
            Assert.That(result.Return!.Observations.Single(o => o.MeasureCode == "REF").Value, Is.EqualTo(40m));
        });
    }

    [Test]
    public void An_extra_hidden_sheet_is_a_warning_but_the_templates_own_is_not()
    {
        var xlsx = FillWorkbook(CompleteQ1(), wb =>
        {
            wb.Worksheets.Add("Workings").Visibility = XLWorksheetVisibility.Hidden;
            wb.Worksheets.Add("Secret").Visibility = XLWorksheetVisibility.VeryHidden;
        });

        var issues = Read(xlsx).Issues;

        Assert.That(issues.Select(i => (i.RuleCode, i.Sheet, i.Severity)), Is.EquivalentTo(new[]
        {
            ("sheet.hidden", "Workings", IssueSeverity.Warning),
            ("sheet.hidden", "Secret", IssueSeverity.Warning),
        }));
        Assert.That(issues[0].Message, Does.Contain("this sheet is hidden and was not read"));
    }

    [TestCase("D", "01/04/2018", "value.not-a-number")]
    [TestCase("D", "2018-04-01", "value.not-a-number")]
    [TestCase("D", "1.4.18", "value.not-a-number")]
    [TestCase("E", "01/04/2018", "numerator.not-a-number")]
    public void A_date_typed_as_text_into_a_figure_cell_is_refused_as_a_date(string column, string typed, string rule)
    {
        var code = column == "D" ? "REG" : "ENG";
        var xlsx = CompleteQ1(ws => Cell(ws, code, column).SetValue(typed));

        var issue = Read(xlsx).Issues.First(i => i.Cell == Address(xlsx, code, column));

        Assert.That(issue.RuleCode, Is.EqualTo(rule));
        Assert.That(issue.Message, Does.Contain($"'{typed}' is a date, not a number"));
    }

    [Test]
    public void A_real_date_in_a_numerator_is_refused_as_a_date()
    {
        // Typing a date into Excel stores the day number and gives the cell a date format.
        var xlsx = CompleteQ1(ws => Cell(ws, "ENG", "E").SetValue(new DateTime(2018, 4, 1)).Style.NumberFormat.SetFormat("dd/mm/yyyy"));

        Assert.That(Read(xlsx).Issues[0].Message, Does.Contain("'2018-04-01' is a date, not a number"));
    }

    [TestCase("\u00A0120\u00A0", 120)]
    [TestCase("\u202F120\u2009", 120)]
    [TestCase(" \u2007120\t", 120)]
    [TestCase("\u200B1,234\u00A0", 1234)]
    [TestCase("1\u202F234", 1234)]
    [TestCase("12,345,678", 12345678)]
    public void Odd_spaces_around_numbers_are_trimmed_silently(string typed, decimal expected)
    {
        var xlsx = CompleteQ1(ws => Cell(ws, "REG", "D").SetValue(typed));

        var result = Read(xlsx);

        Assert.That(result.Issues, Is.Empty, () => string.Join("\n", result.Issues));
        Assert.That(result.Return!.Observations.Single(o => o.MeasureCode == "REG").Value, Is.EqualTo(expected));
    }

    [Test]
    public void Odd_spaces_around_codes_suppression_codes_and_flags_are_trimmed_silently()
    {
        var xlsx = CompleteQ1(ws =>
        {
            Cell(ws, "REF", "D").SetValue("\u00A0c\u202F");
            Cell(ws, "REG", "H").SetValue("\u2009estimate\u00A0");
            Cell(ws, "REG", "G").SetValue("estimated from the register");
            Cell(ws, "RR", "A").SetValue("\u00A0RR\u2009");
        });

        var result = Read(xlsx);

        Assert.That(result.Issues, Is.Empty, () => string.Join("\n", result.Issues));
        var observations = result.Return!.Observations.ToDictionary(o => o.MeasureCode);
        Assert.Multiple(() =>
        {
            Assert.That(observations["REF"].SuppressionReason, Is.EqualTo("c"));
            Assert.That(observations["REG"].DataQualityFlag, Is.EqualTo("estimate"));
            Assert.That(observations["RR"].Value, Is.EqualTo(5m));
        });
    }
}
