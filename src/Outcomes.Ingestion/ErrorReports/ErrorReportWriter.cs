using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Outcomes.Ingestion.Issues;
using Outcomes.Ingestion.Safety;

namespace Outcomes.Ingestion.ErrorReports;

/// <summary>
/// Gives a person their upload back with the problems marked on it: a copy of the workbook with every cell an issue
/// names filled light red (error) or amber (warning) and a cell comment holding the message(s), and an
/// <see cref="ErrorsSheetName"/> sheet, placed first and made the active tab, listing every issue (severity, sheet,
/// cell, row, measure, rule, message). Sheet protection is removed from the copy so the marks show and can be
/// cleared. When the upload is refused by <see cref="WorkbookSafetyGate"/> or will not open, the report holds the
/// Errors sheet alone: a hostile file is never opened to be copied.
/// </summary>
public static class ErrorReportWriter
{
    public const string ErrorsSheetName = "Errors";

    public static readonly XLColor ErrorFill = XLColor.FromHtml("#FFC7CE");
    public static readonly XLColor WarningFill = XLColor.FromHtml("#FFEB9C");

    private static readonly XLColor HeaderFill = XLColor.FromHtml("#1F4E79");

    private static readonly (string Header, double Width)[] Columns =
    [
        ("Severity", 10), ("Sheet", 14), ("Cell", 10), ("Row", 7), ("Measure", 12), ("Rule", 34), ("Message", 110),
    ];

    /// <summary>Writes the report for <paramref name="uploaded"/> and <paramref name="issues"/> and returns its bytes.</summary>
    public static byte[] Write(byte[] uploaded, IReadOnlyList<ImportIssue> issues, ReturnReadLimits? limits = null)
    {
        using var output = new MemoryStream();
        Write(uploaded, issues, output, limits);
        return output.ToArray();
    }

    /// <summary>Writes the report to <paramref name="output"/>.</summary>
    /// <param name="limits">The limits the upload was read with, so the copy is opened only when the reader would open it.</param>
    public static void Write(byte[] uploaded, IReadOnlyList<ImportIssue> issues, Stream output, ReturnReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(uploaded);
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(output);

        var copy = OpenCopy(uploaded, limits);
        if (copy is not null)
        {
            try
            {
                using (copy)
                {
                    Mark(copy, issues);
                    AddErrorsSheet(copy, issues);
                    using var buffer = new MemoryStream();
                    copy.SaveAs(buffer);
                    buffer.Position = 0;
                    buffer.CopyTo(output);
                    return;
                }
            }
            catch (Exception)
            {
                // Some workbooks open but cannot be saved again by ClosedXML; the list of issues still has to reach the person.
            }
        }

        using var alone = new XLWorkbook();
        AddErrorsSheet(alone, issues);
        alone.SaveAs(output);
    }

    /// <summary>The uploaded workbook with sheet and workbook protection removed, or null when it must not or cannot be opened.</summary>
    private static XLWorkbook? OpenCopy(byte[] uploaded, ReturnReadLimits? limits)
    {
        if (WorkbookSafetyGate.Check("upload", uploaded, limits) is not null)
        {
            return null;
        }

        try
        {
            var unprotected = new MemoryStream();
            unprotected.Write(uploaded);
            using (var document = SpreadsheetDocument.Open(unprotected, true))
            {
                var workbookPart = document.WorkbookPart;
                workbookPart?.Workbook?.RemoveAllChildren<WorkbookProtection>();
                foreach (var sheet in workbookPart?.WorksheetParts ?? [])
                {
                    sheet.Worksheet.RemoveAllChildren<SheetProtection>();
                    sheet.Worksheet.RemoveAllChildren<ProtectedRanges>();
                }
            }

            unprotected.Position = 0;
            return new XLWorkbook(unprotected);
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static void Mark(XLWorkbook workbook, IReadOnlyList<ImportIssue> issues)
    {
        var byPlace = issues
            .Where(i => i.Sheet is not null && i.Cell is not null)
            .GroupBy(i => (Sheet: i.Sheet!, Cell: i.Cell!.ToUpperInvariant()));
        foreach (var place in byPlace)
        {
            if (!workbook.TryGetWorksheet(place.Key.Sheet, out var sheet))
            {
                continue;
            }

            IXLRange range;
            try
            {
                range = sheet.Range(place.Key.Cell);
            }
            catch (Exception)
            {
                continue; // not an address this sheet has; the issue is still listed on the Errors sheet
            }

            var isError = place.Any(i => i.IsError);
            range.Style.Fill.SetBackgroundColor(isError ? ErrorFill : WarningFill);

            var comment = range.FirstCell().Comment;
            if (comment.Text.Length > 0)
            {
                comment.AddNewLine();
            }

            comment.SetAuthor("Outcomes");
            var first = true;
            foreach (var issue in place.OrderBy(i => i.Severity))
            {
                if (!first)
                {
                    comment.AddNewLine();
                }

                comment.AddText($"{(issue.IsError ? "Error" : "Warning")}: {issue.Message}");
                first = false;
            }

            comment.Style.Size.SetWidth(60).Size.SetHeight(8 * Math.Max(1, place.Count()));
        }
    }

    private static void AddErrorsSheet(XLWorkbook workbook, IReadOnlyList<ImportIssue> issues)
    {
        var name = ErrorsSheetName;
        for (var n = 2; workbook.Worksheets.Contains(name); n++)
        {
            name = $"{ErrorsSheetName} {n}";
        }

        foreach (var other in workbook.Worksheets)
        {
            other.TabActive = false;
            other.TabSelected = false;
        }

        var ws = workbook.Worksheets.Add(name, 1);
        for (var c = 0; c < Columns.Length; c++)
        {
            ws.Column(c + 1).Width = Columns[c].Width;
            var header = Text(ws.Cell(1, c + 1), Columns[c].Header);
            header.Style.Font.SetBold().Font.SetFontColor(XLColor.White).Fill.SetBackgroundColor(HeaderFill);
        }

        ws.Column(Columns.Length).Style.Alignment.SetWrapText(true);
        var row = 2;
        foreach (var issue in issues)
        {
            Text(ws.Cell(row, 1), issue.IsError ? "Error" : "Warning")
                .Style.Fill.SetBackgroundColor(issue.IsError ? ErrorFill : WarningFill);
            Text(ws.Cell(row, 2), issue.Sheet);
            Text(ws.Cell(row, 3), issue.Cell);
            if (issue.Row is { } r)
            {
                ws.Cell(row, 4).SetValue(r);
            }

            Text(ws.Cell(row, 5), issue.MeasureCode);
            Text(ws.Cell(row, 6), issue.RuleCode);
            Text(ws.Cell(row, 7), issue.Message);
            row++;
        }

        ws.Range(1, 1, Math.Max(1, row - 1), Columns.Length).SetAutoFilter();
        ws.SheetView.FreezeRows(1);
        ws.SetTabActive().SetTabSelected();
    }

    /// <summary>
    /// Writes text as text: a message such as "=SUM(A1)" or "-3 is negative" must never become a formula, in this
    /// workbook or when the person pastes it elsewhere, so anything starting with = + - @ also gets Excel's quote prefix.
    /// </summary>
    private static IXLCell Text(IXLCell cell, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return cell;
        }

        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
        if (text[0] is '=' or '+' or '-' or '@')
        {
            cell.Style.IncludeQuotePrefix = true;
        }

        return cell;
    }
}
