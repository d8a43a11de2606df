using ClosedXML.Excel;

namespace Outcomes.Reporting.Excel;

/// <summary>
/// The scorecard: one line per measure with its target, actual and England figure as numbers in the unit's format,
/// the status letter in its own column coloured by conditional formatting, direction of travel and SPC in words.
/// </summary>
public static class ScorecardSheetWriter
{
    public const int HeaderRow = 4;

    /// <summary>
    /// Columns 1 to 12 keep the places they had before Unit and SPC joined (other code and tests read the status
    /// letter from column 7 and the actual from column 5).
    /// </summary>
    public static readonly IReadOnlyList<SheetColumn> Columns =
    [
        new("Group", 16), new("Code", 11), new("Measure", 40), new("Target", 11), new("Actual", 11), new("Numerator / denominator", 14),
        new("RAG", 6), new("Status", 11), new("Direction", 9), new("Direction of travel", 14), new("England", 11),
        new("Compared with England", 18), new("Unit", 9), new("SPC", 26), new("Explanation", 55), new("Commentary", 55),
    ];

    /// <summary>1-based column of the status letter.</summary>
    public const int StatusColumn = 7;

    public static void Write(IXLWorksheet ws, string title, string summary, IReadOnlyList<ScorecardLine> lines)
    {
        ArgumentNullException.ThrowIfNull(ws);
        ArgumentNullException.ThrowIfNull(lines);
        CellText.Write(ws.Cell(1, 1), title).Style.Font.SetBold().Font.SetFontSize(13);
        CellText.Write(ws.Cell(2, 1), summary);
        SheetColumn.WriteHeaderRow(ws, HeaderRow, Columns);

        var r = HeaderRow + 1;
        foreach (var line in lines)
        {
            CellText.Write(ws.Cell(r, 1), line.Group);
            CellText.Write(ws.Cell(r, 2), line.Code);
            CellText.Write(ws.Cell(r, 3), line.Title).Style.Alignment.SetWrapText();
            CellNumber.Write(ws.Cell(r, 4), line.Target, line.NumberFormat, line.TargetText);
            CellNumber.Write(ws.Cell(r, 5), line.Actual, line.NumberFormat, line.ActualText);
            CellText.Write(ws.Cell(r, 6), line.NumeratorDenominator);
            CellText.Write(ws.Cell(r, StatusColumn), line.StatusLetter);
            CellText.Write(ws.Cell(r, 8), line.StatusName);
            CellText.Write(ws.Cell(r, 9), line.DirectionArrow).Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
            CellText.Write(ws.Cell(r, 10), line.DirectionWord);
            CellNumber.Write(ws.Cell(r, 11), line.England, line.NumberFormat, line.EnglandText);
            CellText.Write(ws.Cell(r, 12), line.EnglandComparison);
            CellText.Write(ws.Cell(r, 13), line.UnitText);
            CellText.Write(ws.Cell(r, 14), line.Spc).Style.Alignment.SetWrapText();
            CellText.Write(ws.Cell(r, 15), line.Explanation).Style.Alignment.SetWrapText();
            CellText.Write(ws.Cell(r, 16), line.Commentary).Style.Alignment.SetWrapText();
            ws.Row(r).Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            r++;
        }

        if (lines.Count > 0)
        {
            StatusFormatting.Apply(ws.Range(HeaderRow + 1, StatusColumn, HeaderRow + lines.Count, StatusColumn));
        }

        PrintSetup.Apply(ws, HeaderRow, frozenColumns: 3);
    }
}
