using ClosedXML.Excel;
using Outcomes.Reporting.BoardPack;

namespace Outcomes.Reporting.Excel;

/// <summary>The Definitions sheet: what each measure counts, its unit, which way is better, how it is calculated and disclosure control.</summary>
public static class DefinitionsSheetWriter
{
    public const int HeaderRow = 1;

    public static readonly IReadOnlyList<SheetColumn> Columns =
    [
        new("Code", 11), new("Measure", 40), new("Definition", 70), new("Unit", 9), new("Polarity", 16), new("Calculation", 36), new("Disclosure", 24),
    ];

    public static void Write(IXLWorksheet ws, IReadOnlyList<DefinitionItem> definitions)
    {
        ArgumentNullException.ThrowIfNull(ws);
        ArgumentNullException.ThrowIfNull(definitions);
        SheetColumn.WriteHeaderRow(ws, HeaderRow, Columns);
        var r = HeaderRow + 1;
        foreach (var d in definitions)
        {
            CellText.Write(ws.Cell(r, 1), d.Code);
            CellText.Write(ws.Cell(r, 2), d.Title).Style.Alignment.SetWrapText();
            CellText.Write(ws.Cell(r, 3), d.Definition).Style.Alignment.SetWrapText();
            CellText.Write(ws.Cell(r, 4), d.UnitText);
            CellText.Write(ws.Cell(r, 5), d.PolarityText);
            CellText.Write(ws.Cell(r, 6), d.Calculation).Style.Alignment.SetWrapText();
            CellText.Write(ws.Cell(r, 7), d.DisclosureText);
            ws.Row(r).Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            r++;
        }

        PrintSetup.Apply(ws, HeaderRow, frozenColumns: 2);
    }
}
