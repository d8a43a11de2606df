using ClosedXML.Excel;
using Outcomes.Reporting.Excel;

namespace Outcomes.Reporting.Tests.Excel;

public class TrendsSheetTests
{
    private static readonly string[] Periods = ["2024-25 Q2", "2024-25 Q3", "2024-25 Q4", "2025-26 Q1"];

    [Test]
    public void Has_one_row_per_measure_in_framework_order_with_the_periods_as_columns_oldest_first()
    {
        using var workbook = ExcelSamplePack.Open();
        var sheet = workbook.Worksheet("Trends");
        var header = sheet.Row(TrendsSheetWriter.HeaderRow);

        Assert.Multiple(() =>
        {
            Assert.That(Enumerable.Range(1, 8).Select(c => header.Cell(c).GetString()),
                Is.EqualTo((string[])["Code", "Measure", "Unit", "Trend", .. Periods]));
            Assert.That(Enumerable.Range(5, 9).Select(r => sheet.Cell(r, 1).GetString()),
                Is.EqualTo(ExcelSamplePack.Version.Measures.Select(m => m.Code)));
            Assert.That(sheet.Cell(14, 1).IsEmpty(), Is.True);
        });
    }

    [Test]
    public void Every_figure_matches_the_model_period_by_period_in_the_units_format()
    {
        var model = ExcelSamplePack.Model();
        using var workbook = ExcelSamplePack.Open();
        var sheet = workbook.Worksheet("Trends");
        var checkedFigures = 0;

        Assert.Multiple(() =>
        {
            foreach (var d in model.Data)
            {
                var row = SheetRows.ByCode(sheet, 1, d.MeasureCode);
                var cell = row.Cell(SheetRows.Column(sheet, TrendsSheetWriter.HeaderRow, d.PeriodKey));
                if (d.Value is { } v)
                {
                    Assert.That(cell.DataType, Is.EqualTo(XLDataType.Number), $"{d.MeasureCode} {d.PeriodKey}");
                    Assert.That(cell.GetDouble(), Is.EqualTo((double)v), $"{d.MeasureCode} {d.PeriodKey}");
                    Assert.That(cell.Style.NumberFormat.Format, Is.EqualTo(d.ExcelNumberFormat), $"{d.MeasureCode} {d.PeriodKey}");
                }
                else
                {
                    Assert.That(cell.GetString(), Is.EqualTo(d.ValueText), $"{d.MeasureCode} {d.PeriodKey}");
                }

                checkedFigures++;
            }
        });
        Assert.That(checkedFigures, Is.EqualTo(8 * 4), "every measure with figures, four quarters each");
    }

    [Test]
    public void Spot_figures_read_as_the_pack_prints_them()
    {
        using var workbook = ExcelSamplePack.Open();
        var sheet = workbook.Worksheet("Trends");

        Assert.Multiple(() =>
        {
            Assert.That(SheetRows.ByCode(sheet, 1, "REG-U5").Cell(5).GetDouble(), Is.EqualTo(55.0));
            Assert.That(SheetRows.ByCode(sheet, 1, "REG-U5").Cell(8).GetDouble(), Is.EqualTo(64.0));
            Assert.That(SheetRows.ByCode(sheet, 1, "TEEN").Cell(5).GetDouble(), Is.EqualTo(12));
            Assert.That(SheetRows.ByCode(sheet, 1, "TEEN").Cell(8).GetString(), Is.EqualTo("c"), "disclosive this quarter");
            Assert.That(SheetRows.ByCode(sheet, 1, "CONT").Cell(7).GetDouble(), Is.EqualTo(409.8), "rounded half away from zero");
            Assert.That(SheetRows.ByCode(sheet, 1, "CONT").Cell(7).Style.NumberFormat.Format, Is.EqualTo("#,##0.0"));
            Assert.That(SheetRows.ByCode(sheet, 1, "NEWREG").Cells(5, 8).All(c => c.IsEmpty()), Is.True, "no figures yet");
        });
    }

    [Test]
    public void Rows_for_several_org_units_get_an_org_unit_column()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Trends");
        TrendRow Row(string unit, decimal value) => new()
        {
            OrgUnitCode = unit, Code = "GLD", Title = "Good level of development", UnitText = "%", NumberFormat = "0.0\"%\"",
            Figures = [new PeriodFigure("2024-25 Q4", value, "x"), new PeriodFigure("2025-26 Q1", null, "c")],
        };

        var sparklines = TrendsSheetWriter.Write(sheet, "Clusters", ["2024-25 Q4", "2025-26 Q1"], [Row("BRD-C1", 61m), Row("BRD-C2", 58.5m)]);

        Assert.Multiple(() =>
        {
            Assert.That(sheet.Cell(4, 1).GetString(), Is.EqualTo("Org unit"));
            Assert.That(sheet.Cell(6, 1).GetString(), Is.EqualTo("BRD-C2"));
            Assert.That(sheet.Cell(6, 6).GetDouble(), Is.EqualTo(58.5));
            Assert.That(sheet.Cell(6, 7).GetString(), Is.EqualTo("c"));
            Assert.That(sparklines, Is.EqualTo(new[] { new SparklineSpec("E5", "F5:G5"), new SparklineSpec("E6", "F6:G6") }));
        });
    }

    [Test]
    public void A_figure_for_a_period_not_on_the_sheet_is_refused()
    {
        using var workbook = new XLWorkbook();
        var row = new TrendRow
        {
            OrgUnitCode = "BRD", Code = "GLD", Title = "GLD", UnitText = "%", NumberFormat = "0.0",
            Figures = [new PeriodFigure("2019-20 Q1", 1m, "1.0")],
        };

        Assert.That(() => TrendsSheetWriter.Write(workbook.Worksheets.Add("Trends"), "T", ["2025-26 Q1"], [row]),
            Throws.ArgumentException.With.Message.Contains("2019-20 Q1"));
    }
}
