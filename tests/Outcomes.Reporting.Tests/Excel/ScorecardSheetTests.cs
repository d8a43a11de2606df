using ClosedXML.Excel;

namespace Outcomes.Reporting.Tests.Excel;

public class ScorecardSheetTests
{
    private static IXLRow Row(IXLWorksheet sheet, string code) => SheetRows.ByCode(sheet, 2, code);

    [Test]
    public void Figures_are_numbers_in_their_units_format()
    {
        using var workbook = ExcelSamplePack.Open();
        var sheet = workbook.Worksheet("Scorecard");
        var reg = Row(sheet, "REG-U5");

        Assert.Multiple(() =>
        {
            Assert.That(sheet.Cell(4, 5).GetString(), Is.EqualTo("Actual"));
            Assert.That(reg.Cell(5).GetDouble(), Is.EqualTo(64.0));
            Assert.That(reg.Cell(5).Style.NumberFormat.Format, Is.EqualTo("0.0\"%\""), "percentage");
            Assert.That(reg.Cell(4).GetDouble(), Is.EqualTo(60.0));
            Assert.That(reg.Cell(4).Style.NumberFormat.Format, Is.EqualTo("0.0\"%\""), "target in the same format");
            Assert.That(reg.Cell(11).GetDouble(), Is.EqualTo(62.5), "England");
            Assert.That(Row(sheet, "ENG-U5").Cell(5).GetDouble(), Is.EqualTo(71.3), "rounded as printed");
            Assert.That(Row(sheet, "LOWINC").Cell(5).GetDouble(), Is.EqualTo(1234));
            Assert.That(Row(sheet, "LOWINC").Cell(5).Style.NumberFormat.Format, Is.EqualTo("#,##0"), "count");
            Assert.That(Row(sheet, "CONT").Cell(5).GetDouble(), Is.EqualTo(412.3));
            Assert.That(Row(sheet, "CONT").Cell(5).Style.NumberFormat.Format, Is.EqualTo("#,##0.0"), "rate");
            Assert.That(Row(sheet, "CONT").Cell(13).GetString(), Is.EqualTo("per 1,000"));
        });
    }

    [Test]
    public void Figures_not_shown_say_why_as_text()
    {
        using var workbook = ExcelSamplePack.Open();
        var sheet = workbook.Worksheet("Scorecard");

        Assert.Multiple(() =>
        {
            Assert.That(Row(sheet, "TEEN").Cell(5).DataType, Is.EqualTo(XLDataType.Text));
            Assert.That(Row(sheet, "TEEN").Cell(5).GetString(), Is.EqualTo("c"));
            Assert.That(Row(sheet, "NEWREG").Cell(5).GetString(), Is.EqualTo("No data"));
            Assert.That(Row(sheet, "NEWREG").Cell(4).GetString(), Is.EqualTo("No target"));
        });
    }

    [Test]
    public void Status_letters_have_their_own_column_with_direction_and_spc_in_words()
    {
        using var workbook = ExcelSamplePack.Open();
        var sheet = workbook.Worksheet("Scorecard");

        Assert.Multiple(() =>
        {
            Assert.That(sheet.Cell(4, 7).GetString(), Is.EqualTo("RAG"));
            Assert.That(new[] { "REG-U5", "GLD", "REREF", "TEEN", "LOWINC", "NEWREG" }.Select(c => Row(sheet, c).Cell(7).GetString()),
                Is.EqualTo(new[] { "G", "A", "R", "A", "B", "–" }));
            Assert.That(Row(sheet, "REREF").Cell(8).GetString(), Is.EqualTo("Red"));
            Assert.That(Row(sheet, "REREF").Cell(10).GetString(), Is.EqualTo("Worsening"));
            Assert.That(Row(sheet, "REREF").Cell(14).GetString(), Does.StartWith("Special cause: concern"));
            Assert.That(Row(sheet, "TEEN").Cell(14).GetString(), Is.EqualTo("–"), "no SPC words for a hidden figure");
        });
    }

    [Test]
    public void Status_letters_are_coloured_by_conditional_formatting_on_the_status_column()
    {
        using var workbook = ExcelSamplePack.Open();
        var sheet = workbook.Worksheet("Scorecard");
        var lastRow = Row(sheet, "NEWREG").RowNumber();
        var rules = sheet.ConditionalFormats
            .Where(cf => cf.ConditionalFormatType == XLConditionalFormatType.CellIs && cf.Operator == XLCFOperator.Equal)
            .ToDictionary(cf => cf.Values[1].Value.Trim('"'), cf => cf);

        Assert.Multiple(() =>
        {
            Assert.That(rules.Keys, Is.EquivalentTo(new[] { "R", "AR", "A", "AG", "G", "B", "–" }));
            foreach (var rule in rules.Values)
            {
                Assert.That(rule.Range.RangeAddress.ToStringRelative(), Is.EqualTo($"G5:G{lastRow}"));
            }

            Assert.That(rules["R"].Style.Fill.BackgroundColor.Color.ToArgb() & 0xFFFFFF, Is.EqualTo(0xD4351C));
            Assert.That(rules["R"].Style.Font.FontColor.Color.ToArgb() & 0xFFFFFF, Is.EqualTo(0xFFFFFF));
            Assert.That(rules["A"].Style.Fill.BackgroundColor.Color.ToArgb() & 0xFFFFFF, Is.EqualTo(0xF47738));
            Assert.That(rules["G"].Style.Fill.BackgroundColor.Color.ToArgb() & 0xFFFFFF, Is.EqualTo(0x00703C));
            Assert.That(rules["B"].Style.Fill.BackgroundColor.Color.ToArgb() & 0xFFFFFF, Is.EqualTo(0x1D70B8));
        });
    }

    [Test]
    public void Keeps_the_summary_above_the_header()
    {
        using var workbook = ExcelSamplePack.Open();
        var sheet = workbook.Worksheet("Scorecard");

        Assert.Multiple(() =>
        {
            Assert.That(sheet.Cell(1, 1).GetString(), Is.EqualTo("Bradford North Cluster: scorecard, 2025-26 Q1"));
            Assert.That(sheet.Cell(2, 1).GetString(), Does.StartWith("4 of 9 measures green or better"));
        });
    }
}
