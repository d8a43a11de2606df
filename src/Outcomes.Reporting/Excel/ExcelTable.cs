using ClosedXML.Excel;

namespace Outcomes.Reporting.Excel;

/// <summary>Turns a header row and the rows under it into a filtered Excel table.</summary>
public static class ExcelTable
{
    public static IXLTable Create(IXLWorksheet ws, int headerRow, int columns, int dataRows, string name)
    {
        ArgumentNullException.ThrowIfNull(ws);
        // A table needs a data row; an empty sheet gets one blank row rather than no table.
        var lastRow = headerRow + Math.Max(1, dataRows);
        var table = ws.Range(headerRow, 1, lastRow, columns).CreateTable(name);
        table.ShowAutoFilter = true;
        table.Theme = XLTableTheme.TableStyleLight9;
        return table;
    }
}
