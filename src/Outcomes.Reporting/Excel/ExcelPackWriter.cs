using ClosedXML.Excel;
using Outcomes.Reporting.BoardPack;

namespace Outcomes.Reporting.Excel;

/// <summary>
/// Writes the board pack as a workbook: Cover, Scorecard, Data (long format, an Excel table) and Definitions.
/// Every text is written as text (a commentary "=SUM(A1)" stays those characters); widths are set here because
/// measuring text needs GDI+, which Linux hosts lack.
/// </summary>
public static class ExcelPackWriter
{
    public const string CoverSheet = "Cover";
    public const string ScorecardSheet = "Scorecard";
    public const string DataSheet = "Data";
    public const string DefinitionsSheet = "Definitions";

    private const int ScorecardHeaderRow = 4;

    private static readonly Dictionary<string, (string Fill, string Font)> StatusColours = new(StringComparer.Ordinal)
    {
        ["R"] = ("#D4351C", "#FFFFFF"),
        ["A"] = ("#F47738", "#000000"),
        ["G"] = ("#00703C", "#FFFFFF"),
        ["B"] = ("#1D70B8", "#FFFFFF"),
    };

    public static void Write(BoardPackModel model, string path)
    {
        using var stream = File.Create(path);
        Write(model, stream);
    }

    public static void Write(BoardPackModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = model.DocumentTitle;
        workbook.Properties.Author = model.CouncilName;
        workbook.Properties.Subject = $"{model.OrgUnitName} {model.PeriodKey}";
        workbook.Properties.Created = model.GeneratedOn.ToDateTime(TimeOnly.MinValue);

        WriteCover(workbook.Worksheets.Add(CoverSheet), model);
        WriteScorecard(workbook.Worksheets.Add(ScorecardSheet), model);
        WriteData(workbook.Worksheets.Add(DataSheet), model);
        WriteDefinitions(workbook.Worksheets.Add(DefinitionsSheet), model);
        workbook.SaveAs(stream);
    }

    private static void WriteCover(IXLWorksheet ws, BoardPackModel m)
    {
        Text(ws.Cell(1, 1), m.CouncilName).Style.Font.SetBold().Font.SetFontSize(14);
        Text(ws.Cell(2, 1), m.FrontSheet.Title).Style.Font.SetBold().Font.SetFontSize(12);
        var f = m.FrontSheet;
        var rows = new (string Label, string Value)[]
        {
            ("Agenda item", f.AgendaItem),
            ("Report to", f.To),
            ("Date of meeting", f.MeetingDateText),
            ("Report of", f.From),
            ("Electoral divisions", f.ElectoralDivisions),
            ("Key decision", f.KeyDecision),
            ("Org unit", $"{m.OrgUnitName} ({m.OrgUnitCode}, {m.OrgUnitType.ToLowerInvariant()})"),
            ("Period", m.PeriodLabel),
            ("Framework", m.FrameworkLabel),
            ("Data as at", m.GeneratedOnText),
            ("Purpose", f.Purpose),
            ("Recommendation", f.Recommendation),
            ("Executive summary", m.ExecutiveSummary),
            ("Contact", string.Join(", ", new[] { f.ContactName, f.ContactPost, f.ContactEmail, f.ContactPhone }.Where(s => s.Length > 0))),
        };
        var r = 4;
        foreach (var (label, value) in rows)
        {
            Text(ws.Cell(r, 1), label).Style.Font.SetBold();
            Text(ws.Cell(r, 2), value).Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            ws.Cell(r, 1).Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            r++;
        }

        ws.Column(1).Width = 22;
        ws.Column(2).Width = 100;
        PageSetup(ws, repeatRow: null);
        ws.PageSetup.PageOrientation = XLPageOrientation.Portrait;
    }

    private static void WriteScorecard(IXLWorksheet ws, BoardPackModel m)
    {
        Text(ws.Cell(1, 1), $"{m.OrgUnitName}: scorecard, {m.PeriodKey}").Style.Font.SetBold().Font.SetFontSize(13);
        Text(ws.Cell(2, 1), m.ExecutiveSummary);
        var headers = new (string Name, double Width)[]
        {
            ("Group", 18), ("Code", 12), ("Measure", 44), ("Target", 11), ("Actual", 11), ("Numerator / denominator", 14),
            ("RAG", 6), ("Status", 11), ("Direction", 9), ("Direction of travel", 15), ("England", 11), ("Compared with England", 20),
            ("Explanation", 60), ("Commentary", 60),
        };
        Header(ws, ScorecardHeaderRow, headers);

        var r = ScorecardHeaderRow + 1;
        foreach (var row in m.Rows)
        {
            Text(ws.Cell(r, 1), row.Group);
            Text(ws.Cell(r, 2), row.Code);
            Text(ws.Cell(r, 3), row.Title);
            Number(ws.Cell(r, 4), row.TargetValue, row.TargetText, row.ExcelNumberFormat);
            Number(ws.Cell(r, 5), row.ActualValue, row.ActualText, row.ExcelNumberFormat);
            Text(ws.Cell(r, 6), row.NumeratorDenominatorText);
            var letter = Text(ws.Cell(r, 7), row.StatusLetter);
            letter.Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center).Font.SetBold();
            if (StatusColours.TryGetValue(row.StatusLetter, out var colour))
            {
                letter.Style.Fill.SetBackgroundColor(XLColor.FromHtml(colour.Fill)).Font.SetFontColor(XLColor.FromHtml(colour.Font));
            }

            Text(ws.Cell(r, 8), row.StatusName);
            Text(ws.Cell(r, 9), row.DirectionArrow).Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
            Text(ws.Cell(r, 10), row.DirectionWord);
            Number(ws.Cell(r, 11), row.EnglandValue, row.EnglandText, row.ExcelNumberFormat);
            Text(ws.Cell(r, 12), row.EnglandComparisonText);
            Text(ws.Cell(r, 13), row.Explanation).Style.Alignment.SetWrapText();
            Text(ws.Cell(r, 14), row.Commentary).Style.Alignment.SetWrapText();
            ws.Row(r).Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            r++;
        }

        ws.SheetView.FreezeRows(ScorecardHeaderRow);
        PageSetup(ws, ScorecardHeaderRow);
    }

    private static void WriteData(IXLWorksheet ws, BoardPackModel m)
    {
        var headers = new (string Name, double Width)[]
        {
            ("Org unit", 12), ("Period", 11), ("Measure code", 13), ("Measure", 44), ("Group", 18), ("Unit", 10),
            ("Value", 11), ("Value as shown", 13), ("Numerator", 11), ("Denominator", 12), ("Target", 11),
            ("RAG", 6), ("Status", 11), ("Direction of travel", 15), ("England", 11),
        };
        Header(ws, 1, headers);
        var r = 2;
        foreach (var d in m.Data)
        {
            Text(ws.Cell(r, 1), d.OrgUnitCode);
            Text(ws.Cell(r, 2), d.PeriodKey);
            Text(ws.Cell(r, 3), d.MeasureCode);
            Text(ws.Cell(r, 4), d.MeasureTitle);
            Text(ws.Cell(r, 5), d.Group);
            Text(ws.Cell(r, 6), d.UnitText);
            Number(ws.Cell(r, 7), d.Value, string.Empty, d.ExcelNumberFormat);
            Text(ws.Cell(r, 8), d.ValueText);
            Number(ws.Cell(r, 9), d.Numerator, string.Empty, "#,##0");
            Number(ws.Cell(r, 10), d.Denominator, string.Empty, "#,##0");
            Number(ws.Cell(r, 11), d.Target, string.Empty, d.ExcelNumberFormat);
            Text(ws.Cell(r, 12), d.StatusLetter);
            Text(ws.Cell(r, 13), d.StatusName);
            Text(ws.Cell(r, 14), d.DirectionWord);
            Number(ws.Cell(r, 15), d.England, string.Empty, d.ExcelNumberFormat);
            r++;
        }

        // A table needs a data row; an empty pack gets one blank row rather than no table.
        var lastRow = Math.Max(2, r - 1);
        var table = ws.Range(1, 1, lastRow, headers.Length).CreateTable("PackData");
        table.ShowAutoFilter = true;
        table.Theme = XLTableTheme.TableStyleLight9;
        ws.SheetView.FreezeRows(1);
        PageSetup(ws, 1);
    }

    private static void WriteDefinitions(IXLWorksheet ws, BoardPackModel m)
    {
        var headers = new (string Name, double Width)[]
        {
            ("Code", 12), ("Measure", 40), ("Definition", 70), ("Unit", 10), ("Polarity", 16), ("Calculation", 36), ("Disclosure", 24),
        };
        Header(ws, 1, headers);
        var r = 2;
        foreach (var d in m.Definitions)
        {
            Text(ws.Cell(r, 1), d.Code);
            Text(ws.Cell(r, 2), d.Title);
            Text(ws.Cell(r, 3), d.Definition).Style.Alignment.SetWrapText();
            Text(ws.Cell(r, 4), d.UnitText);
            Text(ws.Cell(r, 5), d.PolarityText);
            Text(ws.Cell(r, 6), d.Calculation).Style.Alignment.SetWrapText();
            Text(ws.Cell(r, 7), d.DisclosureText);
            ws.Row(r).Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            r++;
        }

        ws.SheetView.FreezeRows(1);
        PageSetup(ws, 1);
    }

    private static void Header(IXLWorksheet ws, int row, (string Name, double Width)[] headers)
    {
        for (var c = 0; c < headers.Length; c++)
        {
            var cell = Text(ws.Cell(row, c + 1), headers[c].Name);
            cell.Style.Font.SetBold().Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            cell.Style.Fill.SetBackgroundColor(XLColor.FromHtml("#E8EEF7"));
            cell.Style.Border.SetBottomBorder(XLBorderStyleValues.Thin);
            ws.Column(c + 1).Width = headers[c].Width;
        }
    }

    private static void PageSetup(IXLWorksheet ws, int? repeatRow)
    {
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.FitToPages(1, 0);
        if (repeatRow is { } r)
        {
            ws.PageSetup.SetRowsToRepeatAtTop(r, r);
        }
    }

    /// <summary>Writes a number with its format, or the text saying why there is none ("c", "No target").</summary>
    private static void Number(IXLCell cell, decimal? value, string textWhenNone, string format)
    {
        if (value is { } v)
        {
            cell.SetValue(v);
            cell.Style.NumberFormat.Format = format;
            cell.Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Right);
        }
        else if (textWhenNone.Length > 0)
        {
            Text(cell, textWhenNone).Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Right);
        }
    }

    /// <summary>
    /// Writes a string as a string. Text that Excel would take for a formula or a number (= + - @) keeps a
    /// quote prefix, so editing the cell later does not turn it into one either.
    /// </summary>
    private static IXLCell Text(IXLCell cell, string? text)
    {
        var value = text ?? string.Empty;
        cell.SetValue(value);
        cell.DataType = XLDataType.Text;
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            cell.Style.IncludeQuotePrefix = true;
        }

        return cell;
    }
}
