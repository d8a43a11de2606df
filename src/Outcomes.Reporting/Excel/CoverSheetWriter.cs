using ClosedXML.Excel;

namespace Outcomes.Reporting.Excel;

/// <summary>What a pack's cover says: the council, the report's title, then labelled lines (agenda item, meeting…).</summary>
public sealed record CoverContent(string Heading, string Title, IReadOnlyList<(string Label, string Value)> Lines);

/// <summary>The cover: heading and title above a two-column list of labels and values, no merged cells.</summary>
public static class CoverSheetWriter
{
    /// <summary>The heading and title rows, frozen and printed at the top of each page.</summary>
    public const int HeaderRows = 2;

    public const int FirstLineRow = 4;

    public static void Write(IXLWorksheet ws, CoverContent content)
    {
        ArgumentNullException.ThrowIfNull(ws);
        ArgumentNullException.ThrowIfNull(content);
        CellText.Write(ws.Cell(1, 1), content.Heading).Style.Font.SetBold().Font.SetFontSize(14);
        CellText.Write(ws.Cell(2, 1), content.Title).Style.Font.SetBold().Font.SetFontSize(12);
        var r = FirstLineRow;
        foreach (var (label, value) in content.Lines)
        {
            CellText.Write(ws.Cell(r, 1), label).Style.Font.SetBold().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            CellText.Write(ws.Cell(r, 2), value).Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            r++;
        }

        ws.Column(1).Width = 22;
        ws.Column(2).Width = 110;
        PrintSetup.Apply(ws, HeaderRows, firstRepeatedRow: 1);
    }
}
