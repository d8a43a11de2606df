using ClosedXML.Excel;
using Outcomes.Reporting.ScrutinyPack;

namespace Outcomes.Reporting.Excel.Scrutiny;

/// <summary>
/// The Overview sheet: the scrutiny pack's tartan rug, one row per measure and, for each unit and then the authority,
/// a status-letter column coloured by conditional formatting beside a figure column in the measure's number format.
/// The letter carries the meaning; the fill only reinforces it. Hidden figures are text saying why ("c").
/// </summary>
public static class OverviewSheetWriter
{
    public const int HeaderRow = 4;

    /// <summary>Columns before the first unit: code and measure.</summary>
    public const int LeadingColumns = 2;

    /// <summary>1-based column of the status letter for the overview's <paramref name="unitIndex"/>th column (0-based); its figure is the next column.</summary>
    public static int LetterColumn(int unitIndex) => LeadingColumns + 1 + (2 * unitIndex);

    public static void Write(IXLWorksheet ws, string title, RugOverview overview)
    {
        ArgumentNullException.ThrowIfNull(ws);
        ArgumentNullException.ThrowIfNull(overview);
        CellText.Write(ws.Cell(1, 1), title).Style.Font.SetBold().Font.SetFontSize(13);
        CellText.Write(ws.Cell(2, 1),
            "Each cell's letter is its status: R red, A amber, G green, B better than target"
            + (overview.HasBands ? ", AG amber nearer green, AR amber nearer red" : string.Empty)
            + ", – not rated. The colour repeats the letter. The figure is beside it; c hides a small number, x a suppressed figure.");
        CellText.Write(ws.Cell(3, 1), overview.Summary);

        var columns = new List<SheetColumn> { new("Code", 11), new("Measure", 40) };
        foreach (var heading in overview.Columns)
        {
            columns.Add(new SheetColumn(heading, 9));
            columns.Add(new SheetColumn(heading + " figure", 11));
        }

        SheetColumn.WriteHeaderRow(ws, HeaderRow, columns);
        var r = HeaderRow + 1;
        foreach (var row in overview.Rows)
        {
            CellText.Write(ws.Cell(r, 1), row.Code);
            CellText.Write(ws.Cell(r, 2), row.Title).Style.Alignment.SetWrapText();
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var cell = row.Cells[i];
                CellText.Write(ws.Cell(r, LetterColumn(i)), cell.Letter);
                CellNumber.Write(ws.Cell(r, LetterColumn(i) + 1), cell.Value, cell.ExcelNumberFormat, cell.ValueText);
            }

            ws.Row(r).Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            r++;
        }

        if (overview.Rows.Count > 0)
        {
            for (var i = 0; i < overview.Columns.Count; i++)
            {
                StatusFormatting.Apply(ws.Range(HeaderRow + 1, LetterColumn(i), HeaderRow + overview.Rows.Count, LetterColumn(i)));
            }
        }

        PrintSetup.Apply(ws, HeaderRow, frozenColumns: LeadingColumns);
    }
}
