using ClosedXML.Excel;

namespace Outcomes.Reporting.Tests.Excel;

public class DataSheetTests
{
    [Test]
    public void Is_a_filtered_table_in_long_format_with_history()
    {
        using var workbook = ExcelSamplePack.Open();
        var table = workbook.Worksheet("Data").Tables.Single();

        Assert.Multiple(() =>
        {
            Assert.That(table.Name, Is.EqualTo("PackData"));
            Assert.That(table.ShowAutoFilter, Is.True);
            Assert.That(table.AutoFilter, Is.Not.Null);
            Assert.That(table.RangeAddress.FirstAddress.RowNumber, Is.EqualTo(1));
            Assert.That(table.DataRange.RowCount(), Is.EqualTo(8 * 4), "eight measures with figures, four quarters each");
            Assert.That(table.HeadersRow().Cell(7).GetString(), Is.EqualTo("Value"));
        });
    }

    [Test]
    public void Values_are_numbers_in_their_units_format_and_hidden_ones_are_empty_with_the_reason_beside()
    {
        using var workbook = ExcelSamplePack.Open();
        var rows = workbook.Worksheet("Data").Tables.Single().DataRange.Rows().ToList();
        IXLTableRow Row(string code, string period) => rows.Single(r => r.Cell(3).GetString() == code && r.Cell(2).GetString() == period);

        Assert.Multiple(() =>
        {
            var teenNow = Row("TEEN", "2025-26 Q1");
            Assert.That(teenNow.Cell(7).IsEmpty(), Is.True);
            Assert.That(teenNow.Cell(8).GetString(), Is.EqualTo("c"));
            var reg = Row("REG-U5", "2025-26 Q1");
            Assert.That(reg.Cell(7).GetDouble(), Is.EqualTo(64.0));
            Assert.That(reg.Cell(7).Style.NumberFormat.Format, Is.EqualTo("0.0\"%\""));
            Assert.That(reg.Cell(9).GetDouble(), Is.EqualTo(32));
            Assert.That(reg.Cell(9).Style.NumberFormat.Format, Is.EqualTo("#,##0"), "numerators are counts");
            Assert.That(Row("LOWINC", "2024-25 Q4").Cell(7).Style.NumberFormat.Format, Is.EqualTo("#,##0"));
            Assert.That(Row("CONT", "2024-25 Q2").Cell(7).GetDouble(), Is.EqualTo(418.5));
            Assert.That(Row("CONT", "2024-25 Q2").Cell(7).Style.NumberFormat.Format, Is.EqualTo("#,##0.0"));
        });
    }
}
