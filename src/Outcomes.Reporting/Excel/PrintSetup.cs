using ClosedXML.Excel;

namespace Outcomes.Reporting.Excel;

/// <summary>
/// The same page set-up on every sheet: A4 landscape, one page wide and as many tall as needed, the header rows
/// frozen on screen and repeated at the top of every printed page, and a page-number footer.
/// </summary>
public static class PrintSetup
{
    /// <param name="ws">The sheet.</param>
    /// <param name="headerRow">The last row of the heading block (frozen and repeated from row 1, or from <paramref name="firstRepeatedRow"/>).</param>
    /// <param name="frozenColumns">Columns kept in view when scrolling across (e.g. the measure names).</param>
    /// <param name="firstRepeatedRow">The first row printed on every page; the header row alone by default.</param>
    public static void Apply(IXLWorksheet ws, int headerRow, int frozenColumns = 0, int? firstRepeatedRow = null)
    {
        ArgumentNullException.ThrowIfNull(ws);
        ws.SheetView.Freeze(headerRow, frozenColumns);
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.FitToPages(1, 0);
        ws.PageSetup.SetRowsToRepeatAtTop(firstRepeatedRow ?? headerRow, headerRow);
        ws.PageSetup.Margins.SetLeft(0.5).SetRight(0.5).SetTop(0.6).SetBottom(0.6);
        var footer = ws.PageSetup.Footer.Center;
        footer.AddText(ws.Name.Replace("&", "&&", StringComparison.Ordinal) + ": page ");
        footer.AddText(XLHFPredefinedText.PageNumber);
        footer.AddText(" of ");
        footer.AddText(XLHFPredefinedText.NumberOfPages);
    }
}
