using System.Text.RegularExpressions;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using X14 = DocumentFormat.OpenXml.Office2010.Excel;
using Xm = DocumentFormat.OpenXml.Office.Excel;

namespace Outcomes.Reporting.Excel;

/// <summary>
/// Adds line sparklines to a saved workbook. ClosedXML 0.95.4 has no sparkline API, so after it saves, the package
/// is opened with the OpenXML SDK and an Excel 2010 (x14) sparklineGroups extension is added to the sheet's extLst:
/// one group, one sparkline per row, gaps left for empty cells and the latest point marked.
/// </summary>
public static partial class SparklineInjector
{
    /// <summary>The extension URI Excel uses for sparkline groups in a worksheet's extLst.</summary>
    public const string ExtensionUri = "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}";

    private const string X14Namespace = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
    private const string XmNamespace = "http://schemas.microsoft.com/office/excel/2006/main";

    /// <summary>Saves the workbook to <paramref name="output"/> with the sparklines of each named sheet added.</summary>
    public static void Save(XLWorkbook workbook, Stream output, IReadOnlyDictionary<string, IReadOnlyList<SparklineSpec>> sparklinesBySheet)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sparklinesBySheet);
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        foreach (var (sheet, sparklines) in sparklinesBySheet)
        {
            Inject(buffer, sheet, sparklines);
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    /// <summary>Adds the sparklines to the named sheet of the .xlsx package in <paramref name="package"/> (readable, writable, seekable).</summary>
    public static void Inject(Stream package, string sheetName, IReadOnlyList<SparklineSpec> sparklines)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(sheetName);
        ArgumentNullException.ThrowIfNull(sparklines);
        if (sparklines.Count == 0)
        {
            return;
        }

        package.Position = 0;
        using var document = SpreadsheetDocument.Open(package, isEditable: true);
        var workbookPart = document.WorkbookPart ?? throw new InvalidOperationException("The package has no workbook.");
        var sheet = workbookPart.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == sheetName)
            ?? throw new ArgumentException($"The workbook has no sheet named {sheetName}.", nameof(sheetName));
        var worksheet = ((WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!)).Worksheet;

        var extensions = worksheet.GetFirstChild<WorksheetExtensionList>() ?? worksheet.AppendChild(new WorksheetExtensionList());
        var extension = new WorksheetExtension { Uri = ExtensionUri };
        extension.AddNamespaceDeclaration("x14", X14Namespace);
        var groups = new X14.SparklineGroups();
        groups.AddNamespaceDeclaration("xm", XmNamespace);
        groups.Append(Group(SheetReference(sheetName), sparklines));
        extension.Append(groups);
        extensions.Append(extension);
        worksheet.Save();
    }

    private static X14.SparklineGroup Group(string sheetPrefix, IReadOnlyList<SparklineSpec> sparklines)
    {
        var group = new X14.SparklineGroup
        {
            DisplayEmptyCellsAs = X14.DisplayBlanksAsValues.Gap,
            LineWeight = 1.25,
            Markers = false,
            Last = true,
        };
        group.Append(
            new X14.SeriesColor { Rgb = "FF0072B2" },
            new X14.NegativeColor { Rgb = "FFD55E00" },
            new X14.AxisColor { Rgb = "FF000000" },
            new X14.MarkersColor { Rgb = "FF0072B2" },
            new X14.FirstMarkerColor { Rgb = "FF0072B2" },
            new X14.LastMarkerColor { Rgb = "FF0B0C0C" },
            new X14.HighMarkerColor { Rgb = "FF0072B2" },
            new X14.LowMarkerColor { Rgb = "FF0072B2" });
        var lines = new X14.Sparklines();
        foreach (var s in sparklines)
        {
            lines.Append(new X14.Sparkline(new Xm.Formula(sheetPrefix + s.DataRange), new Xm.ReferenceSequence(s.Location)));
        }

        group.Append(lines);
        return group;
    }

    /// <summary>"Trends!" for a plain name; "'Gap measures'!" (quotes doubled) for anything else.</summary>
    public static string SheetReference(string sheetName) =>
        PlainName().IsMatch(sheetName) ? sheetName + "!" : "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'!";

    [GeneratedRegex("^[A-Za-z]+$")]
    private static partial Regex PlainName();
}
