using System.Globalization;
using ClosedXML.Excel;
using Outcomes.Ingestion.Issues;
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
    RawCell DataQualityFlag);

/// <summary>What a return workbook holds: the hidden key/value rows (null when the sheet is missing) and the Data rows.</summary>
public sealed record ReturnWorkbookContent(
    IReadOnlyDictionary<string, string>? Meta,
    bool HasDataSheet,
    IReadOnlyList<string> MissingHeaders,
    IReadOnlyList<ReturnRowCells> Rows);

/// <summary>
/// Reads a return workbook into addressed cells. It judges nothing except whether the bytes are a workbook at all;
/// the parser and validators decide what the cells mean.
/// </summary>
public static class ReturnWorkbookReader
{
    private static readonly HashSet<string> ExcelErrors = new(StringComparer.OrdinalIgnoreCase)
    {
        "#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA", "#SPILL!", "#CALC!",
    };

    /// <summary>Reads the workbook; on failure gives null and one file-level issue saying why in plain English.</summary>
    public static ReturnWorkbookContent? Read(string fileName, Stream xlsx, out ImportIssue? fileIssue)
    {
        fileIssue = null;
        using var buffer = new MemoryStream();
        xlsx.CopyTo(buffer);
        if (buffer.Length == 0)
        {
            fileIssue = ImportIssue.ForFile(fileName, "file.empty", "the file is empty: upload the completed return workbook (.xlsx)");
            return null;
        }

        var bytes = buffer.GetBuffer();
        if (!(buffer.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4))
        {
            fileIssue = ImportIssue.ForFile(fileName, "file.not-xlsx", NotAWorkbookMessage(bytes, (int)buffer.Length));
            return null;
        }

        buffer.Position = 0;
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(buffer);
        }
        catch (Exception)
        {
            fileIssue = ImportIssue.ForFile(
                fileName,
                "file.not-xlsx",
                "this file could not be opened as an Excel workbook (.xlsx): it may be damaged, password-protected or another kind of zip file");
            return null;
        }

        using (workbook)
        {
            var meta = workbook.TryGetWorksheet(MetaSheet, out var metaSheet) ? ReadMeta(metaSheet) : null;
            if (!workbook.TryGetWorksheet(DataSheet, out var data))
            {
                return new ReturnWorkbookContent(meta, false, [], []);
            }

            var columns = HeaderColumns(data);
            var missing = Headers.Take(Columns.DataQualityFlag)
                .Where(h => h is not "Title" and not "Unit" && !columns.ContainsKey(h))
                .ToList();
            if (missing.Count > 0)
            {
                return new ReturnWorkbookContent(meta, true, missing, []);
            }

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
                    At(Headers[Columns.DataQualityFlag - 1]));
                if (!(row.Code.IsBlank && row.Value.IsBlank && row.Numerator.IsBlank && row.Denominator.IsBlank
                      && row.Commentary.IsBlank && row.DataQualityFlag.IsBlank))
                {
                    rows.Add(row);
                }
            }

            return new ReturnWorkbookContent(meta, true, [], rows);
        }
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

    private static string NotAWorkbookMessage(byte[] bytes, int length)
    {
        bool StartsWith(params byte[] sig) => length >= sig.Length && sig.Select((b, i) => bytes[i] == b).All(x => x);

        if (StartsWith((byte)'%', (byte)'P', (byte)'D', (byte)'F'))
        {
            return "this is a PDF, not a spreadsheet: upload the return workbook (.xlsx) you downloaded and filled in";
        }

        if (StartsWith(0xD0, 0xCF, 0x11, 0xE0))
        {
            return "this is an old-style Excel file (.xls): open it in Excel and save it as an Excel Workbook (.xlsx), then upload that";
        }

        return "this is not a spreadsheet: upload the return workbook (.xlsx) you downloaded and filled in";
    }
}
