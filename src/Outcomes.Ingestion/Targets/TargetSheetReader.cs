using ClosedXML.Excel;
using Outcomes.Ingestion.Csv;
using Outcomes.Ingestion.Issues;
using Outcomes.Ingestion.OpenData;
using Outcomes.Ingestion.Returns;
using Outcomes.Ingestion.Safety;

namespace Outcomes.Ingestion.Targets;

/// <summary>One data row of a targets file: its spreadsheet row (CSV line) and the cells of the columns it has.</summary>
public sealed record TargetSheetRow(int Row, IReadOnlyDictionary<TargetColumn, RawCell> Cells)
{
    public RawCell this[TargetColumn column] =>
        Cells.TryGetValue(column, out var cell) ? cell : RawCell.Empty(string.Empty, string.Empty, Row);
}

/// <summary>What a targets file holds, read but not judged: the sheet name (null for a CSV), the columns found and the rows.</summary>
public sealed record TargetSheetContent(string? Sheet, IReadOnlyDictionary<TargetColumn, int> Columns, IReadOnlyList<TargetSheetRow> Rows);

/// <summary>
/// Reads a targets file, .xlsx (the "Targets" sheet) or .csv (the same headers), into addressed cells. A workbook's bytes
/// pass <see cref="WorkbookSafetyGate"/> before ClosedXML opens them. Problems with the file as a whole (not a
/// spreadsheet, no Targets sheet, a required column missing) come back as issues; it never throws for bad input.
/// </summary>
public static class TargetSheetReader
{
    public static bool IsCsv(string fileName) => fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public static TargetSheetContent? Read(string fileName, byte[] bytes, List<ImportIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(issues);
        return IsCsv(fileName) ? ReadCsv(fileName, bytes, issues) : ReadWorkbook(fileName, bytes, issues);
    }

    private static TargetSheetContent? ReadWorkbook(string fileName, byte[] bytes, List<ImportIssue> issues)
    {
        if (WorkbookSafetyGate.Check(fileName, bytes) is { } refused)
        {
            issues.Add(refused);
            return null;
        }

        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(bytes, writable: false));
        }
        catch (Exception)
        {
            issues.Add(ImportIssue.ForFile(fileName, WorkbookSafetyGate.Rules.NotXlsx,
                "this file could not be opened as an Excel workbook (.xlsx): download the targets template and fill that in"));
            return null;
        }

        using (workbook)
        {
            if (!workbook.TryGetWorksheet(TargetSheetLayout.Sheet, out var sheet))
            {
                issues.Add(ImportIssue.ForFile(fileName, "targets.sheet.missing",
                    $"the workbook has no sheet called '{TargetSheetLayout.Sheet}' (it has: {string.Join(", ", workbook.Worksheets.Select(w => $"'{w.Name}'"))}): use the targets template"));
                return null;
            }

            var lastColumn = sheet.Row(TargetSheetLayout.HeaderRow).LastCellUsed()?.Address.ColumnNumber ?? 0;
            var headers = Enumerable.Range(1, lastColumn).Select(c => sheet.Cell(TargetSheetLayout.HeaderRow, c).GetString()).ToList();
            var columns = MapHeader(fileName, sheet.Name, headers, issues);
            if (columns is null)
            {
                return null;
            }

            var last = sheet.LastRowUsed()?.RowNumber() ?? TargetSheetLayout.HeaderRow;
            if (last - TargetSheetLayout.HeaderRow > TargetSheetLayout.MaxRows)
            {
                issues.Add(ImportIssue.ForFile(fileName, "targets.too-many-rows",
                    $"the sheet has {last - TargetSheetLayout.HeaderRow:N0} rows, more than the {TargetSheetLayout.MaxRows:N0} a targets file may hold"));
                return null;
            }

            var rows = new List<TargetSheetRow>();
            for (var r = TargetSheetLayout.FirstDataRow; r <= last; r++)
            {
                var row = r;
                var cells = columns.ToDictionary(kv => kv.Key, kv => ReturnWorkbookReader.ReadCell(sheet, row, kv.Value));
                if (cells.Where(kv => TargetSheetLayout.Spec(kv.Key).IsRead).Any(kv => !kv.Value.IsBlank))
                {
                    rows.Add(new TargetSheetRow(r, cells));
                }
            }

            return new TargetSheetContent(sheet.Name, columns, rows);
        }
    }

    private static TargetSheetContent? ReadCsv(string fileName, byte[] bytes, List<ImportIssue> issues)
    {
        var records = CsvRecords.Read(new StringReader(CsvText.Decode(bytes, out _))).ToList();
        if (records.Count == 0)
        {
            issues.Add(ImportIssue.ForFile(fileName, "csv.empty", "the file is empty: the first line must name the columns (Org unit, Measure, From, To, Target…)"));
            return null;
        }

        var columns = MapHeader(fileName, null, records[0].Fields, issues);
        if (columns is null)
        {
            return null;
        }

        if (records.Count - 1 > TargetSheetLayout.MaxRows)
        {
            issues.Add(ImportIssue.ForFile(fileName, "targets.too-many-rows",
                $"the file has {records.Count - 1:N0} rows, more than the {TargetSheetLayout.MaxRows:N0} a targets file may hold"));
            return null;
        }

        var rows = new List<TargetSheetRow>();
        foreach (var record in records.Skip(1))
        {
            var cells = columns.ToDictionary(
                kv => kv.Key,
                kv =>
                {
                    var address = $"{TargetSheetLayout.ColumnLetters(kv.Value)}{record.Line}";
                    var text = kv.Value - 1 < record.Fields.Count ? record.Fields[kv.Value - 1] : string.Empty;
                    return string.IsNullOrWhiteSpace(text)
                        ? RawCell.Empty(string.Empty, address, record.Line)
                        : new RawCell(string.Empty, address, record.Line, RawCellKind.Text, null, text.Trim());
                });
            if (cells.Where(kv => TargetSheetLayout.Spec(kv.Key).IsRead).Any(kv => !kv.Value.IsBlank))
            {
                rows.Add(new TargetSheetRow(record.Line, cells));
            }
        }

        return new TargetSheetContent(null, columns, rows);
    }

    /// <summary>Column numbers (1-based) by meaning; null, with an issue per missing required column, when one is missing.</summary>
    private static Dictionary<TargetColumn, int>? MapHeader(string fileName, string? sheet, IReadOnlyList<string> headers, List<ImportIssue> issues)
    {
        var columns = new Dictionary<TargetColumn, int>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (TargetSheetLayout.HeaderNames.TryGetValue(TargetSheetLayout.Key(headers[i]), out var column))
            {
                columns.TryAdd(column, i + 1);
            }
        }

        var missing = TargetSheetLayout.Columns.Where(c => c.IsRequired && !columns.ContainsKey(c.Column)).ToList();
        foreach (var spec in missing)
        {
            issues.Add(ImportIssue.At(fileName, sheet, null, TargetSheetLayout.HeaderRow, null, "targets.column.missing", IssueSeverity.Error,
                $"the required column '{spec.Header}' is missing from the header row (it has: {string.Join(", ", headers.Where(h => h.Trim().Length > 0).Select(h => $"'{h.Trim()}'"))})"));
        }

        return missing.Count == 0 ? columns : null;
    }
}
