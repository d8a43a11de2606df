using ClosedXML.Excel;
using Outcomes.Reporting.Excel;

namespace Outcomes.Reporting.Tests.Excel;

public class SpcSheetTests
{
    private static List<IXLTableRow> Rows(XLWorkbook workbook) => workbook.Worksheet("SPC").Tables.Single().DataRange.Rows().ToList();

    private static int Column(XLWorkbook workbook, string header) => SheetRows.Column(workbook.Worksheet("SPC"), SpcSheetWriter.HeaderRow, header);

    [Test]
    public void Mean_and_limits_are_the_ones_scoring_stored_for_each_period()
    {
        using var workbook = ExcelSamplePack.Open();
        var (mean, lower, upper) = (Column(workbook, "Mean"), Column(workbook, "Lower limit"), Column(workbook, "Upper limit"));
        var compared = 0;

        Assert.Multiple(() =>
        {
            foreach (var row in Rows(workbook))
            {
                var code = row.Cell(1).GetString();
                var period = row.Cell(3).GetString();
                var spc = ExcelSamplePack.Scores().Single(s => s.MeasureCode == code && s.Period.Key == period).Spc;
                if (spc is null || (code == "TEEN" && period == "2025-26 Q1"))
                {
                    Assert.That(row.Cell(mean).IsEmpty(), Is.True, $"{code} {period}");
                    continue;
                }

                Assert.That(row.Cell(mean).GetDouble(), Is.EqualTo((double)spc.Mean).Within(1e-9), $"{code} {period} mean");
                Assert.That(row.Cell(lower).GetDouble(), Is.EqualTo((double)spc.Lower).Within(1e-9), $"{code} {period} lower");
                Assert.That(row.Cell(upper).GetDouble(), Is.EqualTo((double)spc.Upper).Within(1e-9), $"{code} {period} upper");
                compared++;
            }
        });
        Assert.That(compared, Is.EqualTo((8 * 3) - 1), "three readings per measure after its first point, less TEEN's hidden quarter");
    }

    [Test]
    public void Known_limits_read_back_in_the_measures_format()
    {
        using var workbook = ExcelSamplePack.Open();
        var reg = Rows(workbook).Single(r => r.Cell(1).GetString() == "REG-U5" && r.Cell(3).GetString() == "2025-26 Q1");
        var cell = reg.Cell(Column(workbook, "Upper limit"));

        Assert.Multiple(() =>
        {
            // 55, 58, 61, 64: mean 59.5, mean moving range 3, upper limit 59.5 + 2.66 × 3.
            Assert.That(reg.Cell(Column(workbook, "Mean")).GetDouble(), Is.EqualTo(59.5));
            Assert.That(cell.GetDouble(), Is.EqualTo(67.48).Within(1e-9));
            Assert.That(cell.Style.NumberFormat.Format, Is.EqualTo("0.0\"%\""));
            Assert.That(reg.Cell(Column(workbook, "Value")).GetDouble(), Is.EqualTo(64.0));
        });
    }

    [Test]
    public void Special_causes_variation_and_assurance_are_flagged_per_period()
    {
        using var workbook = ExcelSamplePack.Open();
        var rows = Rows(workbook);
        var flag = Column(workbook, "Special cause");
        var flagged = rows.Where(r => r.Cell(flag).GetString() == "Yes").Select(r => $"{r.Cell(1).GetString()} {r.Cell(3).GetString()}").ToList();
        var rerefNow = rows.Single(r => r.Cell(1).GetString() == "REREF" && r.Cell(3).GetString() == "2025-26 Q1");
        var rerefFirst = rows.Single(r => r.Cell(1).GetString() == "REREF" && r.Cell(3).GetString() == "2024-25 Q2");

        Assert.Multiple(() =>
        {
            Assert.That(flagged, Is.EqualTo(new[] { "REREF 2025-26 Q1" }));
            Assert.That(rerefNow.Cell(Column(workbook, "Variation")).GetString(), Is.EqualTo("Special cause: concern"));
            Assert.That(rerefNow.Cell(Column(workbook, "Assurance")).GetString(), Is.EqualTo("Hit and miss"));
            Assert.That(rerefNow.Cell(Column(workbook, "Limits")).GetString(), Is.EqualTo("Trial"));
            Assert.That(rerefNow.Cell(Column(workbook, "Explanation")).GetString(), Is.EqualTo("REREF mean 20.00 over 4 points."));
            Assert.That(rerefFirst.Cell(flag).GetString(), Is.Empty, "one point: no limits yet");
            Assert.That(rerefFirst.Cell(Column(workbook, "Variation")).GetString(), Is.EqualTo("Not calculable"));
            Assert.That(rows.Where(r => r.Cell(flag).GetString() == "No"), Is.Not.Empty);
        });
    }

    [Test]
    public void Is_a_filtered_table_leaving_out_measures_without_any_reading()
    {
        using var workbook = ExcelSamplePack.Open();
        var table = workbook.Worksheet("SPC").Tables.Single();

        Assert.Multiple(() =>
        {
            Assert.That(table.Name, Is.EqualTo("PackSpc"));
            Assert.That(table.ShowAutoFilter, Is.True);
            Assert.That(table.RangeAddress.FirstAddress.RowNumber, Is.EqualTo(SpcSheetWriter.HeaderRow));
            Assert.That(table.DataRange.RowCount(), Is.EqualTo(8 * 4));
            Assert.That(table.DataRange.Rows().Select(r => r.Cell(1).GetString()), Has.None.EqualTo("NEWREG"));
        });
    }
}
