using ClosedXML.Excel;

namespace Outcomes.Reporting.Excel;

/// <summary>A column's header and its width in characters (set explicitly: measuring text needs GDI+, which Linux hosts lack).</summary>
public sealed record SheetColumn(string Header, double Width)
{
    /// <summary>Writes the headers in one row, bold on a tint with a rule below, and sets each column's width.</summary>
    public static void WriteHeaderRow(IXLWorksheet ws, int row, IReadOnlyList<SheetColumn> columns, int firstColumn = 1)
    {
        ArgumentNullException.ThrowIfNull(ws);
        ArgumentNullException.ThrowIfNull(columns);
        for (var i = 0; i < columns.Count; i++)
        {
            var cell = CellText.Write(ws.Cell(row, firstColumn + i), columns[i].Header);
            cell.Style.Font.SetBold().Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            cell.Style.Fill.SetBackgroundColor(XLColor.FromHtml("#E8EEF7"));
            cell.Style.Border.SetBottomBorder(XLBorderStyleValues.Thin);
            ws.Column(firstColumn + i).Width = columns[i].Width;
        }
    }
}
