using ClosedXML.Excel;
using Outcomes.Reporting.BoardPack;

namespace Outcomes.Reporting.Excel;

/// <summary>
/// The SPC sheet: for every measure with an SPC reading, each period's value with the mean and process limits it was
/// judged by, whether it is a special cause, and the variation and assurance readings, in the unit's number format.
/// A filtered table, so a reader can pick out the special causes.
/// </summary>
public static class SpcSheetWriter
{
    public const int HeaderRow = 4;

    private static readonly SheetColumn[] Labels =
    [
        new("Code", 11), new("Measure", 40), new("Period", 11), new("Value", 11), new("Mean", 11), new("Lower limit", 11),
        new("Upper limit", 11), new("Special cause", 9), new("Variation", 24), new("Assurance", 18), new("Limits", 9), new("Explanation", 70),
    ];

    /// <param name="ws">The sheet.</param>
    /// <param name="title">The sheet's title line.</param>
    /// <param name="data">Long-format rows, ordered by measure then period; measures with no SPC reading at any period are left out.</param>
    /// <param name="tableName">The Excel table's name, unique in the workbook.</param>
    public static IXLTable Write(IXLWorksheet ws, string title, IReadOnlyList<DataRow> data, string tableName = "PackSpc")
    {
        ArgumentNullException.ThrowIfNull(ws);
        ArgumentNullException.ThrowIfNull(data);
        CellText.Write(ws.Cell(1, 1), title).Style.Font.SetBold().Font.SetFontSize(13);
        CellText.Write(ws.Cell(2, 1),
            "Statistical process control (XmR): each period's mean and limits are those it was judged by, from the figures up to it. "
            + "Trial limits rest on fewer than 13 points.");

        var withSpc = data.Where(d => d.Spc is not null).Select(d => (d.OrgUnitCode, d.MeasureCode)).ToHashSet();
        var rows = data.Where(d => withSpc.Contains((d.OrgUnitCode, d.MeasureCode))).ToList();
        var showOrgUnit = rows.Select(r => r.OrgUnitCode).Distinct(StringComparer.Ordinal).Skip(1).Any();
        var columns = (showOrgUnit ? [new SheetColumn("Org unit", 12), .. Labels] : Labels).ToList();
        SheetColumn.WriteHeaderRow(ws, HeaderRow, columns);

        var r = HeaderRow + 1;
        foreach (var d in rows)
        {
            var c = 1;
            if (showOrgUnit)
            {
                CellText.Write(ws.Cell(r, c++), d.OrgUnitCode);
            }

            CellText.Write(ws.Cell(r, c++), d.MeasureCode);
            CellText.Write(ws.Cell(r, c++), d.MeasureTitle);
            CellText.Write(ws.Cell(r, c++), d.PeriodKey);
            CellNumber.Write(ws.Cell(r, c++), d.Value, d.ExcelNumberFormat, d.ValueText);
            var spc = d.Spc;
            CellNumber.Write(ws.Cell(r, c++), spc?.Mean, d.ExcelNumberFormat);
            CellNumber.Write(ws.Cell(r, c++), spc?.Lower, d.ExcelNumberFormat);
            CellNumber.Write(ws.Cell(r, c++), spc?.Upper, d.ExcelNumberFormat);
            var flag = CellText.Write(ws.Cell(r, c++), spc is null ? string.Empty : spc.IsSpecialCause ? "Yes" : "No");
            if (spc?.IsSpecialCause == true)
            {
                flag.Style.Font.SetBold();
            }

            CellText.Write(ws.Cell(r, c++), spc?.Variation ?? "Not calculable");
            CellText.Write(ws.Cell(r, c++), spc?.Assurance ?? string.Empty);
            CellText.Write(ws.Cell(r, c++), spc is null ? string.Empty : spc.IsTrial ? "Trial" : "Fixed");
            CellText.Write(ws.Cell(r, c), spc?.Explanation ?? string.Empty).Style.Alignment.SetWrapText();
            ws.Row(r).Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            r++;
        }

        var table = ExcelTable.Create(ws, HeaderRow, columns.Count, rows.Count, tableName);
        PrintSetup.Apply(ws, HeaderRow, frozenColumns: showOrgUnit ? 3 : 2);
        return table;
    }
}
