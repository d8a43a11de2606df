using ClosedXML.Excel;
using Outcomes.Reporting.ScrutinyPack;

namespace Outcomes.Reporting.Excel.Scrutiny;

/// <summary>
/// The Gaps sheet: each published breakdown's two groups by year, the gap between them (the group ahead in the latest
/// year first, so a positive gap is that group's lead) and England's gap, with the pack's sentence beside the first
/// year. With no gap data the sheet says so in a line instead of an empty table.
/// </summary>
public static class GapsSheetWriter
{
    public const int HeaderRow = 4;

    public static readonly IReadOnlyList<SheetColumn> Columns =
    [
        new("Code", 11), new("Measure", 32), new("Period", 11), new("Group A", 10), new("Group A figure", 11), new("Group B", 10),
        new("Group B figure", 11), new("Gap (A ahead by)", 11), new("England gap", 11), new("Note", 70),
    ];

    public const string NoneText = "None: no gap between groups can be reported from the data held.";

    /// <returns>The table, or null when there is no gap data.</returns>
    public static IXLTable? Write(IXLWorksheet ws, string title, GapSection section, string tableName = "ScrutinyGaps")
    {
        ArgumentNullException.ThrowIfNull(ws);
        ArgumentNullException.ThrowIfNull(section);
        CellText.Write(ws.Cell(1, 1), title).Style.Font.SetBold().Font.SetFontSize(13);
        CellText.Write(ws.Cell(2, 1), section.CoverageText);
        SheetColumn.WriteHeaderRow(ws, HeaderRow, Columns);
        if (section.Items.Count == 0)
        {
            CellText.Write(ws.Cell(HeaderRow + 1, 1), NoneText);
            PrintSetup.Apply(ws, HeaderRow, frozenColumns: 2);
            return null;
        }

        var r = HeaderRow + 1;
        foreach (var item in section.Items)
        {
            var note = string.Join(" ", new[] { item.Sentence, item.EnglandSentence, item.SourceText }.Where(s => s.Length > 0));
            for (var i = 0; i < item.Rows.Count; i++)
            {
                var row = item.Rows[i];
                CellText.Write(ws.Cell(r, 1), item.Code);
                CellText.Write(ws.Cell(r, 2), item.Title).Style.Alignment.SetWrapText();
                CellText.Write(ws.Cell(r, 3), row.PeriodKey);
                CellText.Write(ws.Cell(r, 4), item.GroupA);
                CellNumber.Write(ws.Cell(r, 5), row.A, item.ExcelNumberFormat, row.AText);
                CellText.Write(ws.Cell(r, 6), item.GroupB);
                CellNumber.Write(ws.Cell(r, 7), row.B, item.ExcelNumberFormat, row.BText);
                CellNumber.Write(ws.Cell(r, 8), row.Gap, item.GapNumberFormat, row.GapText);
                CellNumber.Write(ws.Cell(r, 9), row.EnglandGap, item.GapNumberFormat, row.EnglandGapText);
                CellText.Write(ws.Cell(r, 10), i == 0 ? note : string.Empty).Style.Alignment.SetWrapText();
                ws.Row(r).Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
                r++;
            }
        }

        var table = ExcelTable.Create(ws, HeaderRow, Columns.Count, r - HeaderRow - 1, tableName);
        PrintSetup.Apply(ws, HeaderRow, frozenColumns: 2);
        return table;
    }
}
