using ClosedXML.Excel;
using Outcomes.Reporting.BoardPack;

namespace Outcomes.Reporting.Excel;

/// <summary>
/// The Data sheet: every org unit × measure × period in long format as an Excel table with filters, header in row 1,
/// so it can be pivoted or filtered without retyping. Hidden figures leave the value empty and say why beside it.
/// </summary>
public static class DataSheetWriter
{
    public const int HeaderRow = 1;

    public static readonly IReadOnlyList<SheetColumn> Columns =
    [
        new("Org unit", 12), new("Period", 11), new("Measure code", 13), new("Measure", 40), new("Group", 16), new("Unit", 9),
        new("Value", 11), new("Value as shown", 13), new("Numerator", 11), new("Denominator", 12), new("Target", 11),
        new("RAG", 6), new("Status", 11), new("Direction of travel", 14), new("England", 11),
    ];

    /// <summary>Columns after <see cref="Columns"/> when the SPC reading is asked for: the mean and limits each period was judged by.</summary>
    public static readonly IReadOnlyList<SheetColumn> SpcColumns =
    [
        new("SPC mean", 11), new("SPC lower limit", 11), new("SPC upper limit", 11), new("Special cause", 9), new("SPC variation", 24), new("SPC assurance", 18),
    ];

    /// <param name="ws">The sheet.</param>
    /// <param name="rows">Long-format rows.</param>
    /// <param name="tableName">The Excel table's name, unique in the workbook.</param>
    /// <param name="withSpc">Adds <see cref="SpcColumns"/>; blank where a figure has no SPC reading (too few points, or hidden).</param>
    public static IXLTable Write(IXLWorksheet ws, IReadOnlyList<DataRow> rows, string tableName = "PackData", bool withSpc = false)
    {
        ArgumentNullException.ThrowIfNull(ws);
        ArgumentNullException.ThrowIfNull(rows);
        IReadOnlyList<SheetColumn> columns = withSpc ? [.. Columns, .. SpcColumns] : Columns;
        SheetColumn.WriteHeaderRow(ws, HeaderRow, columns);
        var r = HeaderRow + 1;
        foreach (var d in rows)
        {
            CellText.Write(ws.Cell(r, 1), d.OrgUnitCode);
            CellText.Write(ws.Cell(r, 2), d.PeriodKey);
            CellText.Write(ws.Cell(r, 3), d.MeasureCode);
            CellText.Write(ws.Cell(r, 4), d.MeasureTitle);
            CellText.Write(ws.Cell(r, 5), d.Group);
            CellText.Write(ws.Cell(r, 6), d.UnitText);
            CellNumber.Write(ws.Cell(r, 7), d.Value, d.ExcelNumberFormat);
            CellText.Write(ws.Cell(r, 8), d.ValueText);
            CellNumber.Write(ws.Cell(r, 9), d.Numerator, CountFormat);
            CellNumber.Write(ws.Cell(r, 10), d.Denominator, CountFormat);
            CellNumber.Write(ws.Cell(r, 11), d.Target, d.ExcelNumberFormat);
            CellText.Write(ws.Cell(r, 12), d.StatusLetter);
            CellText.Write(ws.Cell(r, 13), d.StatusName);
            CellText.Write(ws.Cell(r, 14), d.DirectionWord);
            CellNumber.Write(ws.Cell(r, 15), d.England, d.ExcelNumberFormat);
            if (withSpc && d.Spc is { } spc)
            {
                CellNumber.Write(ws.Cell(r, 16), spc.Mean, d.ExcelNumberFormat);
                CellNumber.Write(ws.Cell(r, 17), spc.Lower, d.ExcelNumberFormat);
                CellNumber.Write(ws.Cell(r, 18), spc.Upper, d.ExcelNumberFormat);
                CellText.Write(ws.Cell(r, 19), spc.IsSpecialCause ? "Yes" : "No");
                CellText.Write(ws.Cell(r, 20), spc.Variation);
                CellText.Write(ws.Cell(r, 21), spc.Assurance);
            }

            r++;
        }

        var table = ExcelTable.Create(ws, HeaderRow, columns.Count, rows.Count, tableName);
        PrintSetup.Apply(ws, HeaderRow);
        return table;
    }

    /// <summary>Numerators and denominators are counts whatever the measure's unit.</summary>
    public const string CountFormat = "#,##0";
}
