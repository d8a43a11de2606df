using System.Globalization;
using System.Text;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Ingestion.History;
using Outcomes.Ingestion.Issues;
using Outcomes.Ingestion.OpenData;
using Outcomes.Ingestion.Returns;

namespace Outcomes.Ingestion.Csv;

/// <summary>
/// Reads a long CSV of returns: one row per org unit × period × measure, with columns org unit code, period,
/// measure code, value and optionally numerator, denominator, commentary and data quality flag (header names in any
/// case, with a few aliases: see <see cref="Columns"/>). Rows are grouped by org unit × period into
/// <see cref="QuarterlyReturn"/>s, each judged by the template path's rules (<see cref="ReturnGroupJudge"/>) under the
/// framework version in force for its period. Every issue names the CSV line ("row 5", the header is row 1), the
/// cell as a spreadsheet shows the file ("D5") and the column's header. It never throws for a bad file and never
/// reads the clock: "today" decides which quarters have ended.
/// </summary>
public static class CsvReturnReader
{
    /// <summary>The sheet name <see cref="RawCell"/>s of a CSV carry until their issues are re-placed.</summary>
    private const string CsvSheet = "\u0001csv";

    public enum Column
    {
        OrgUnit,
        Period,
        Measure,
        Value,
        Numerator,
        Denominator,
        Commentary,
        Flag,
    }

    /// <summary>Accepted header spellings, compared lower-case with spaces, '_', '-' and '.' removed.</summary>
    public static IReadOnlyDictionary<Column, string[]> Columns { get; } = new Dictionary<Column, string[]>
    {
        [Column.OrgUnit] = ["org unit code", "org unit", "org unit id", "unit code", "unit", "organisation code", "organisation unit code", "ou code"],
        [Column.Period] = ["period", "quarter", "period key", "reporting period"],
        [Column.Measure] = ["measure code", "measure", "kpi", "kpi code", "indicator", "indicator code"],
        [Column.Value] = ["value", "figure", "result"],
        [Column.Numerator] = ["numerator", "num"],
        [Column.Denominator] = ["denominator", "denom", "den"],
        [Column.Commentary] = ["commentary", "comment", "comments", "notes"],
        [Column.Flag] = ["data quality flag", "flag", "data quality", "dq flag"],
    };

    private static readonly Column[] Required = [Column.OrgUnit, Column.Period, Column.Measure, Column.Value];

    public static CsvReadResult Read(string fileName, Stream csv, Framework framework, OrgUnitHierarchy hierarchy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(hierarchy);
        try
        {
            using var buffer = new MemoryStream();
            csv.CopyTo(buffer);
            return ReadText(fileName, CsvText.Decode(buffer.ToArray(), out _), framework, hierarchy, today);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return CsvReadResult.Refused(ImportIssue.ForFile(fileName, "csv.unreadable", $"this file could not be read as a CSV ({e.Message})"));
        }
    }

    private static CsvReadResult ReadText(string fileName, string text, Framework framework, OrgUnitHierarchy hierarchy, DateOnly today)
    {
        var records = CsvRecords.Read(new StringReader(text)).ToList();
        if (records.Count == 0)
        {
            return CsvReadResult.Refused(ImportIssue.ForFile(fileName, "csv.empty", "the file is empty: the first line must name the columns"));
        }

        var header = records[0];
        var issues = new List<ImportIssue>();
        var columns = MapHeader(fileName, header, issues);
        foreach (var missing in Required.Where(c => !columns.ContainsKey(c)))
        {
            issues.Add(ImportIssue.At(
                fileName, null, null, 1, null, "csv.missing-column",
                IssueSeverity.Error,
                $"the required column '{Columns[missing][0]}' is missing (the header row has: {string.Join(", ", header.Fields.Select(f => $"'{ReturnValueParser.ParseText(Cell(f))}'"))})"));
        }

        if (issues.HasErrors())
        {
            return new CsvReadResult([], issues);
        }

        var headerNames = header.Fields.Select(f => ReturnValueParser.ParseText(Cell(f)) ?? string.Empty).ToArray();
        var groups = new Dictionary<(string Unit, Period Period), Group>();
        var order = new List<(string, Period)>();
        var rowsRead = 0;
        var unitChecks = new Dictionary<string, ((string Rule, string Message)? Problem, OrgUnit? Unit)>(StringComparer.Ordinal);
        var periodChecks = new Dictionary<string, ((string Rule, string Message)? Problem, Period Period, FrameworkVersion? Version)>(StringComparer.Ordinal);
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.All(f => ReturnValueParser.ParseText(Cell(f)) is null))
            {
                continue;
            }

            rowsRead++;
            if (record.Fields.Count > header.Fields.Count
                && record.Fields.Skip(header.Fields.Count).Any(f => ReturnValueParser.ParseText(Cell(f)) is not null))
            {
                issues.Add(ImportIssue.At(
                    fileName, null, Address(header.Fields.Count, record.Line), record.Line, null, "csv.extra-fields", IssueSeverity.Error,
                    $"row {record.Line} has {record.Fields.Count} fields but the header names {header.Fields.Count}: is there an unquoted comma in a value or commentary? Put such text in double quotes"));
                continue;
            }

            RawCell At(Column column) => columns.TryGetValue(column, out var index)
                ? RawAt(record, index)
                : RawCell.Empty(CsvSheet, string.Empty, record.Line);

            var unitCell = At(Column.OrgUnit);
            var unitCode = ReturnValueParser.ParseText(unitCell) ?? string.Empty;
            var ok = true;
            if (!unitChecks.TryGetValue(unitCode, out var unitCheck))
            {
                unitCheck = unitChecks[unitCode] = (ReturnGroupJudge.CheckUnit(unitCode, framework, hierarchy, out var found), found);
            }

            var unit = unitCheck.Unit;
            if (unitCheck.Problem is { } unitProblem)
            {
                issues.Add(Place(fileName, unitCell, headerNames, null, unitProblem.Rule, unitProblem.Message));
                ok = false;
            }

            // A file repeats a handful of units and quarters many times: each distinct spelling is judged once.
            var periodCell = At(Column.Period);
            var periodText = ReturnValueParser.ParseText(periodCell) ?? string.Empty;
            if (!periodChecks.TryGetValue(periodText, out var periodCheck))
            {
                periodCheck = periodChecks[periodText] = (ReturnGroupJudge.CheckPeriod(periodText, framework, today, out var p, out var v), p, v);
            }

            var (_, period, version) = periodCheck;
            if (periodCheck.Problem is { } periodProblem)
            {
                issues.Add(Place(fileName, periodCell, headerNames, null, periodProblem.Rule, periodProblem.Message));
                ok = false;
            }

            if (!ok)
            {
                continue;
            }

            var key = (unit!.Code, period);
            if (!groups.TryGetValue(key, out var group))
            {
                group = new Group(unit, period, version!, ReturnGroupJudge.Due(version!, unit, period));
                groups[key] = group;
                order.Add(key);
            }

            var cells = new ReturnRowCells(
                record.Line, At(Column.Measure), At(Column.Value), At(Column.Numerator), At(Column.Denominator), At(Column.Commentary), At(Column.Flag));
            var code = ReturnValueParser.ParseText(cells.Code) ?? string.Empty;
            group.Lines.Add(ReturnGroupJudge.Parse(cells, code, group.Version, group.Due));
        }

        var returns = new List<QuarterlyReturn>();
        var places = new Dictionary<string, CellPlace>(StringComparer.Ordinal);
        foreach (var key in order)
        {
            var group = groups[key];
            var (ret, judged) = ReturnGroupJudge.Judge(fileName, group.Version, group.Unit, group.Period, group.Due, group.Lines);
            returns.Add(ret);
            issues.AddRange(judged.Select(i => Replace(i, headerNames, group)));
            foreach (var line in group.Lines)
            {
                var value = line.Cells.Value;
                places.TryAdd(
                    CsvReadResult.PlaceKey(group.Unit.Code, group.Period, line.Code),
                    new CellPlace(null, value.Address, value.Row, PlaceWording(value, headerNames)));
            }
        }

        var sorted = issues.OrderBy(i => i.Row ?? 0).ThenBy(i => ColumnIndex(i.Cell)).ToList();
        return new CsvReadResult(returns, sorted) { RowsRead = rowsRead, ValuePlaces = places };
    }

    private static Dictionary<Column, int> MapHeader(string fileName, CsvRecord header, List<ImportIssue> issues)
    {
        var lookup = Columns.SelectMany(kv => kv.Value.Select(alias => (Alias: Key(alias), Column: kv.Key)))
            .ToDictionary(x => x.Alias, x => x.Column, StringComparer.Ordinal);
        var columns = new Dictionary<Column, int>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = ReturnValueParser.ParseText(Cell(header.Fields[i])) ?? string.Empty;
            if (name.Length == 0)
            {
                continue;
            }

            if (!lookup.TryGetValue(Key(name), out var column))
            {
                issues.Add(ImportIssue.At(fileName, null, Address(i, 1), 1, null, "csv.unknown-column", IssueSeverity.Warning,
                    $"column '{name}' is not one this import reads; it was ignored"));
                continue;
            }

            if (!columns.TryAdd(column, i))
            {
                issues.Add(ImportIssue.At(fileName, null, Address(i, 1), 1, null, "csv.duplicate-column", IssueSeverity.Error,
                    $"column '{name}' repeats the {Columns[column][0]} column ({Address(columns[column], 1)}): keep one"));
            }
        }

        return columns;
    }

    private static string Key(string header)
    {
        var builder = new StringBuilder(header.Length);
        foreach (var c in header.ToLowerInvariant())
        {
            if (c is not (' ' or '_' or '-' or '.'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static RawCell Cell(string text) => new(CsvSheet, string.Empty, 0, RawCellKind.Text, null, text);

    private static RawCell RawAt(CsvRecord record, int index)
    {
        var address = Address(index, record.Line);
        var text = index < record.Fields.Count ? record.Fields[index] : string.Empty;
        return string.IsNullOrWhiteSpace(text)
            ? RawCell.Empty(CsvSheet, address, record.Line)
            : new RawCell(CsvSheet, address, record.Line, RawCellKind.Text, null, text);
    }

    /// <summary>"D5" for the fourth field of line 5: where Excel shows the field when it opens the CSV.</summary>
    public static string Address(int zeroBasedColumn, int line) => $"{ColumnLetters(zeroBasedColumn + 1)}{line}";

    private static string ColumnLetters(int column)
    {
        var letters = string.Empty;
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private static int ColumnIndex(string? cell)
    {
        var n = 0;
        foreach (var c in cell ?? string.Empty)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                break;
            }

            n = (n * 26) + (c - 'A' + 1);
        }

        return n;
    }

    private static ImportIssue Place(string fileName, RawCell cell, string[] headers, string? measure, string rule, string message, IssueSeverity severity = IssueSeverity.Error) =>
        new(fileName, null, cell.Address, cell.Row, measure, rule, severity, $"{PlaceWording(cell, headers)}: {message}");

    /// <summary>"row 12, value (D12)": the line, the column's header and the cell.</summary>
    private static string PlaceWording(RawCell cell, string[] headers)
    {
        var header = ColumnIndex(cell.Address) is var i and > 0 && i <= headers.Length ? headers[i - 1] : "?";
        return $"row {cell.Row}, {header} ({cell.Address})";
    }

    /// <summary>Re-places an issue the shared validators worded with the CSV marker sheet, or about the whole return.</summary>
    private static ImportIssue Replace(ImportIssue issue, string[] headers, Group group)
    {
        if (issue.Sheet == CsvSheet && issue.Cell is { Length: > 0 } cell && issue.Row is { } row)
        {
            var prefix = $"{CsvSheet}!{cell}: ";
            var message = issue.Message.StartsWith(prefix, StringComparison.Ordinal) ? issue.Message[prefix.Length..] : issue.Message;
            return Place(issue.File, RawCell.Empty(CsvSheet, cell, row), headers, issue.MeasureCode, issue.RuleCode, message, issue.Severity);
        }

        if (issue.RuleCode == "measure.missing" && issue.MeasureCode is { } code)
        {
            var title = group.Version.Find(code)?.Title ?? code;
            return new ImportIssue(issue.File, null, null, null, code, issue.RuleCode, issue.Severity,
                $"{group.Unit.Code} {group.Period.Key}: required measure {code} ({title}) has no row: add a row with its figure, or a suppression code ({SuppressionCodes.ListForMessages}) saying why it cannot be given");
        }

        return issue with { Sheet = issue.Sheet == CsvSheet ? null : issue.Sheet };
    }

    private sealed record Group(OrgUnit Unit, Period Period, FrameworkVersion Version, IReadOnlyList<Measure> Due)
    {
        public List<ReturnLine> Lines { get; } = [];
    }

    internal static string Invariant(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
