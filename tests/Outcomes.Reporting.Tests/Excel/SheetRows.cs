using ClosedXML.Excel;

namespace Outcomes.Reporting.Tests.Excel;

/// <summary>Finding a measure's row on a sheet read back from the workbook.</summary>
internal static class SheetRows
{
    public static IXLRow ByCode(IXLWorksheet sheet, int codeColumn, string code) =>
        sheet.RowsUsed().Single(r => r.Cell(codeColumn).GetString() == code);

    /// <summary>The column whose header (in <paramref name="headerRow"/>) is <paramref name="header"/>.</summary>
    public static int Column(IXLWorksheet sheet, int headerRow, string header) =>
        sheet.Row(headerRow).CellsUsed().Single(c => c.GetString() == header).Address.ColumnNumber;
}
