using System.Globalization;
using ClosedXML.Excel;
using Outcomes.Ingestion.Issues;
using Outcomes.Ingestion.Safety;
using static Outcomes.Ingestion.Returns.ReturnTemplateLayout;

namespace Outcomes.Ingestion.Returns;

/// <summary>The cells of one Data-sheet row, by column meaning.</summary>
public sealed record ReturnRowCells(
    int Row,
    RawCell Code,
    RawCell Value,
    RawCell Numerator,
    RawCell Denominator,
    RawCell Commentary,
    RawCell DataQualityFlag,
    bool IsHidden = false)
{
    /// <summary>The cells someone fills in (everything but the code).</summary>
    public IEnumerable<RawCell> Inputs => [Value, Numerator, Denominator, Commentary, DataQualityFlag];
}

/// <summary>A merged range that covers cells the reader reads ("D5:E5" on Data).</summary>
public sealed record MergedArea(string Sheet, string Range, int FirstRow);

/// <summary>
/// What a return workbook holds: the hidden key/value rows (null when the sheet is missing), the Data rows, and the
/// oddities a validator should hear about: hidden sheets other than the template's own, merged ranges over read cells.
/// </summary>
public sealed record ReturnWorkbookContent(
    IReadOnlyDictionary<string, string>? Meta,
    bool HasDataSheet,
    IReadOnlyList<string> MissingHeaders,
    IReadOnlyList<ReturnRowCells> Rows,
    IReadOnlyList<string>? HiddenSheets = null,
    IReadOnlyList<MergedArea>? MergedAreas = null);

/// <summary>
/// Reads a return workbook into addressed cells. It judges nothing except whether the bytes are a safe workbook at all;
/// the parser and validators decide what the cells mean.
/// </summary>
public static class ReturnWorkbookReader
{
    private static readonly HashSet<string> ExcelErrors = new(StringComparer.OrdinalIgnoreCase)
    {
        "#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA", "#SPILL!", "#CALC!",
    };

    /// <summary>
    /// Reads the workbook; on failure gives null and one file-level issue saying why in plain English. The raw bytes
    /// pass <see cref="WorkbookSafetyGate"/> (size, zip bombs, macros, XML entity tricks) before ClosedXML sees them,
    /// and nothing a workbook holds makes this throw.
    /// </summary>
    /// <param name="limits">Size limits for the upload; <see cref="ReturnReadLimits.Default"/> when null.</param>
    public static ReturnWorkbookContent? Read(string fileName, Stream xlsx, out ImportIssue? fileIssue, ReturnReadLimits? limits = null)
    {
        fileIssue = WorkbookSafetyGate.Check(fileName, xlsx, out var bytes, limits);
        if (fileIssue is not null)
        {
            return null;
        }

        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(bytes, writable: false));
        }
        catch (Exception)
        {
            fileIssue = ImportIssue.ForFile(
                fileName,
                WorkbookSafetyGate.Rules.NotXlsx,
                "this file could not be opened as an Excel workbook (.xlsx): it may be damaged, password-protected or another kind of zip file");
            return null;
        }

        try
        {
            using (workbook)
            {
                return ReadContent(workbook);
            }
        }
        catch (Exception)
        {
            fileIssue = ImportIssue.ForFile(
                fileName,
                WorkbookSafetyGate.Rules.Unreadable,
                "this workbook opened but its sheets could not be read: open it in Excel, save it as an Excel Workbook (.xlsx) and upload it again");
            return null;
        }
    }

    private static ReturnWorkbookContent ReadContent(XLWorkbook workbook)
    {
        var meta = workbook.TryGetWorksheet(MetaSheet, out var metaSheet) ? ReadMeta(metaSheet) : null;
        var hiddenSheets = workbook.Worksheets
            .Where(w => w.Visibility != XLWorksheetVisibility.Visible && !w.Name.Equals(MetaSheet, StringComparison.OrdinalIgnoreCase))
            .Select(w => w.Name)
            .ToList();
        if (!workbook.TryGetWorksheet(DataSheet, out var data))
        {
            return new ReturnWorkbookContent(meta, false, [], [], hiddenSheets);
        }

        var columns = HeaderColumns(data);
        var missing = Headers.Take(Columns.DataQualityFlag)
            .Where(h => h is not "Title" and not "Unit" && !columns.ContainsKey(h))
            .ToList();
        if (missing.Count > 0)
        {
            return new ReturnWorkbookContent(meta, true, missing, [], hiddenSheets);
        }

        int[] read =
        [
            columns[Headers[Columns.Code - 1]], columns[Headers[Columns.Value - 1]], columns[Headers[Columns.Numerator - 1]],
            columns[Headers[Columns.Denominator - 1]], columns[Headers[Columns.Commentary - 1]], columns[Headers[Columns.DataQualityFlag - 1]],
        ];
        var merged = data.MergedRanges
            .Where(m => m.RangeAddress.LastAddress.RowNumber >= FirstDataRow
                        && read.Any(c => c >= m.RangeAddress.FirstAddress.ColumnNumber && c <= m.RangeAddress.LastAddress.ColumnNumber))
            .Select(m => new MergedArea(data.Name, m.RangeAddress.ToStringRelative(), Math.Max(FirstDataRow, m.RangeAddress.FirstAddress.RowNumber)))
            .OrderBy(m => m.FirstRow)
            .ToList();

        var rows = new List<ReturnRowCells>();
        var last = data.LastRowUsed()?.RowNumber() ?? HeaderRow;
        for (var r = FirstDataRow; r <= last; r++)
        {
            RawCell At(string header) => ReadCell(data, r, columns[header]);
            var row = new ReturnRowCells(
                r,
                At(Headers[Columns.Code - 1]),
                At(Headers[Columns.Value - 1]),
                At(Headers[Columns.Numerator - 1]),
                At(Headers[Columns.Denominator - 1]),
                At(Headers[Columns.Commentary - 1]),
                At(Headers[Columns.DataQualityFlag - 1]),
                data.Row(r).IsHidden);
            if (!(row.Code.IsBlank && row.Value.IsBlank && row.Numerator.IsBlank && row.Denominator.IsBlank
                  && row.Commentary.IsBlank && row.DataQualityFlag.IsBlank))
            {
                rows.Add(row);
            }
        }

        return new ReturnWorkbookContent(meta, true, [], rows, hiddenSheets, merged);
    }

    /// <summary>One cell as the workbook stores it; a formula gives its cached result.</summary>
    public static RawCell ReadCell(IXLWorksheet sheet, int row, int column)
    {
        var cell = sheet.Cell(row, column);
        var address = cell.Address.ToStringRelative();
        var format = cell.Style.NumberFormat.Format ?? string.Empty;
        if (string.IsNullOrEmpty(format) && cell.Style.NumberFormat.NumberFormatId is 9 or 10)
        {
            format = "0%";
        }

        var isFormula = cell.HasFormula;
        object? value;
        try
        {
            value = isFormula ? cell.CachedValue : cell.Value;
        }
        catch (Exception)
        {
            // A value ClosedXML cannot convert is still a value the user should hear about.
            value = cell.GetString();
        }

        var kind = cell.DataType;
        return value switch
        {
            null => RawCell.Empty(sheet.Name, address, row) with { IsFormula = isFormula },
            string s when s.Length == 0 => RawCell.Empty(sheet.Name, address, row) with { IsFormula = isFormula },
            string s when ExcelErrors.Contains(s.Trim()) =>
                new RawCell(sheet.Name, address, row, RawCellKind.Error, null, s.Trim(), format, isFormula),
            string s when kind == XLDataType.Number && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) =>
                new RawCell(sheet.Name, address, row, RawCellKind.Number, n, s, format, isFormula),
            string s => new RawCell(sheet.Name, address, row, RawCellKind.Text, null, s, format, isFormula),
            double d => Number(d),
            int i => Number(i),
            long l => Number(l),
            decimal m => Number((double)m),
            bool b => new RawCell(sheet.Name, address, row, RawCellKind.Boolean, null, b ? "TRUE" : "FALSE", format, isFormula),
            DateTime dt => new RawCell(sheet.Name, address, row, RawCellKind.Date, null, dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), format, isFormula),
            TimeSpan ts => new RawCell(sheet.Name, address, row, RawCellKind.Date, null, ts.ToString("c", CultureInfo.InvariantCulture), format, isFormula),
            _ => new RawCell(sheet.Name, address, row, RawCellKind.Text, null, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, format, isFormula),
        };

        RawCell Number(double d) =>
            new(sheet.Name, address, row, RawCellKind.Number, d, d.ToString("R", CultureInfo.InvariantCulture), format, isFormula);
    }

    private static Dictionary<string, string> ReadMeta(IXLWorksheet sheet)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var last = sheet.LastRowUsed()?.RowNumber() ?? 0;
        for (var r = 1; r <= last; r++)
        {
            var key = sheet.Cell(r, 1).GetString().Trim();
            if (key.Length > 0)
            {
                meta[key] = sheet.Cell(r, 2).GetString().Trim();
            }
        }

        return meta;
    }

    private static Dictionary<string, int> HeaderColumns(IXLWorksheet sheet)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var last = sheet.Row(HeaderRow).LastCellUsed()?.Address.ColumnNumber ?? 0;
        for (var c = 1; c <= last; c++)
        {
            var header = sheet.Cell(HeaderRow, c).GetString().Trim();
            if (header.Length > 0)
            {
                columns.TryAdd(header, c);
            }
        }

        return columns;
    }
}
