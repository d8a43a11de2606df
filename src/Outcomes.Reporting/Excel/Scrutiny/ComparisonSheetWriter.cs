using ClosedXML.Excel;
using Outcomes.Reporting.ScrutinyPack;

namespace Outcomes.Reporting.Excel.Scrutiny;

/// <summary>
/// The Comparison sheet: for each measure with a published comparator, the authority and its statistical neighbours
/// with their published figures, 95% intervals and the comparison with England in words, then the region (when the
/// settings name one) and England itself, as a filtered table. A measure that cannot be compared has one row whose note says why.
/// </summary>
public static class ComparisonSheetWriter
{
    public const int HeaderRow = 4;

    public static readonly IReadOnlyList<SheetColumn> Columns =
    [
        new("Code", 11), new("Measure", 32), new("Published period", 11), new("Area", 28), new("Role", 14), new("Value", 11),
        new("Lower 95%", 11), new("Upper 95%", 11), new("Compared with England", 20), new("Note", 70),
    ];

    public const int ValueColumn = 6;

    public static IXLTable Write(IXLWorksheet ws, string title, ComparisonSection section, string tableName = "ScrutinyComparison")
    {
        ArgumentNullException.ThrowIfNull(ws);
        ArgumentNullException.ThrowIfNull(section);
        CellText.Write(ws.Cell(1, 1), title).Style.Font.SetBold().Font.SetFontSize(13);
        CellText.Write(ws.Cell(2, 1), section.NeighboursText);
        CellText.Write(ws.Cell(3, 1), section.NotComparedText);
        SheetColumn.WriteHeaderRow(ws, HeaderRow, Columns);

        var r = HeaderRow + 1;
        foreach (var item in section.Items)
        {
            var note = string.Join(" ", new[] { item.Sentence, item.SourceText }.Where(s => s.Length > 0));
            if (item.Rows.Count == 0)
            {
                WriteMeasure(ws, r, item);
                CellText.Write(ws.Cell(r, 10), note).Style.Alignment.SetWrapText();
                ws.Row(r).Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
                r++;
                continue;
            }

            for (var i = 0; i < item.Rows.Count; i++)
            {
                var row = item.Rows[i];
                WriteMeasure(ws, r, item);
                CellText.Write(ws.Cell(r, 4), row.Area);
                CellText.Write(ws.Cell(r, 5), Role(row));
                CellNumber.Write(ws.Cell(r, ValueColumn), row.Value, item.ExcelNumberFormat, row.ValueText);
                CellNumber.Write(ws.Cell(r, 7), row.Lower, item.ExcelNumberFormat);
                CellNumber.Write(ws.Cell(r, 8), row.Upper, item.ExcelNumberFormat);
                CellText.Write(ws.Cell(r, 9), row.ComparisonText);
                CellText.Write(ws.Cell(r, 10), i == 0 ? note : string.Empty).Style.Alignment.SetWrapText();
                if (row.IsAuthority)
                {
                    ws.Range(r, 4, r, 9).Style.Font.SetBold();
                }

                ws.Row(r).Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
                r++;
            }
        }

        var table = ExcelTable.Create(ws, HeaderRow, Columns.Count, r - HeaderRow - 1, tableName);
        PrintSetup.Apply(ws, HeaderRow, frozenColumns: 2);
        return table;
    }

    private static string Role(ComparisonRow row) =>
        row.IsAuthority ? "Authority" : row.IsEngland ? "England" : row.IsRegion ? "Region" : "Statistical neighbour";

    private static void WriteMeasure(IXLWorksheet ws, int r, ComparisonItem item)
    {
        CellText.Write(ws.Cell(r, 1), item.Code);
        CellText.Write(ws.Cell(r, 2), item.Title).Style.Alignment.SetWrapText();
        CellText.Write(ws.Cell(r, 3), item.PeriodKey);
    }
}
