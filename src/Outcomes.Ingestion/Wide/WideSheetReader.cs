using ClosedXML.Excel;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Ingestion.Csv;
using Outcomes.Ingestion.History;
using Outcomes.Ingestion.Issues;
using Outcomes.Ingestion.OpenData;
using Outcomes.Ingestion.Returns;

namespace Outcomes.Ingestion.Wide;

/// <summary>
/// Reads a council's own wide spreadsheet through a saved <see cref="WideMapping"/>: measures on one axis (codes, or
/// titles mapped to codes), quarters on the other (headers read with <see cref="PeriodParser"/>), optional numerator,
/// denominator and commentary blocks laid out the same way. Each quarter with any figure becomes a
/// <see cref="QuarterlyReturn"/> judged by the template path's rules (<see cref="ReturnGroupJudge"/>) under the
/// framework version in force for it; quarters whose cells are all blank (the rest of the year) are skipped. Every
/// issue names sheet!cell. It never throws for a bad file and never reads the clock.
/// </summary>
public static class WideSheetReader
{
    public static CsvReadResult Read(string fileName, Stream xlsx, WideMapping mapping, Framework framework, OrgUnitHierarchy hierarchy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(hierarchy);

        // The same gate as the template path: size, zip bombs, macros, entity tricks are refused before ClosedXML parses anything.
        if (Safety.WorkbookSafetyGate.Check(fileName, xlsx, out var bytes) is { } refused)
        {
            return CsvReadResult.Refused(refused);
        }

        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(bytes, writable: false));
        }
#pragma warning disable CA1031 // Any failure to open is the same answer to the user: not a workbook we can read.
        catch (Exception)
#pragma warning restore CA1031
        {
            return CsvReadResult.Refused(ImportIssue.ForFile(fileName, "wide.unreadable",
                "this file could not be opened as an Excel workbook (.xlsx): open it in Excel, save it as an Excel Workbook and try again"));
        }

        using (workbook)
        {
            return ReadWorkbook(fileName, workbook, mapping, framework, hierarchy, today);
        }
    }

    private static CsvReadResult ReadWorkbook(string fileName, XLWorkbook workbook, WideMapping mapping, Framework framework, OrgUnitHierarchy hierarchy, DateOnly today)
    {
        IXLWorksheet? sheet;
        if (mapping.Sheet is { } sheetName)
        {
            workbook.TryGetWorksheet(sheetName, out sheet);
        }
        else
        {
            sheet = workbook.Worksheets.FirstOrDefault();
        }

        if (sheet is null || mapping.Values is null)
        {
            return CsvReadResult.Refused(ImportIssue.ForFile(fileName, "wide.sheet-missing",
                $"the workbook has no sheet '{mapping.Sheet}' (it has {string.Join(", ", workbook.Worksheets.Select(w => $"'{w.Name}'"))}): check the mapping's sheet"));
        }

        var issues = new List<ImportIssue>();
        var layout = new Layout(sheet, mapping.MeasuresInRows);

        // The org unit: fixed by the mapping, or read from a cell.
        RawCell? unitCell = null;
        var unitCode = mapping.OrgUnit?.Trim() ?? string.Empty;
        if (mapping.OrgUnitCell is { } address && WideAxes.TryCell(address, out var ur, out var uc))
        {
            unitCell = ReturnWorkbookReader.ReadCell(sheet, ur, uc);
            unitCode = ReturnValueParser.ParseText(unitCell) ?? string.Empty;
        }

        if (ReturnGroupJudge.CheckUnit(unitCode, framework, hierarchy, out var unit) is { } unitProblem)
        {
            issues.Add(unitCell is null
                ? ImportIssue.ForFile(fileName, unitProblem.Rule, $"the mapping's org_unit: {unitProblem.Message}")
                : ImportIssue.At(fileName, sheet.Name, unitCell.Address, unitCell.Row, null, unitProblem.Rule, IssueSeverity.Error, unitProblem.Message));
            return new CsvReadResult([], issues);
        }

        WideAxes.TryPosition(mapping.MeasureLabels, out var labelsAt);
        var blocks = new Dictionary<string, BlockCells>(StringComparer.Ordinal);
        foreach (var (name, block) in mapping.Blocks())
        {
            blocks[name] = ReadBlock(fileName, layout, name, block, labelsAt, mapping, framework, issues);
        }

        var values = blocks["values"];
        var rowsRead = 0;
        var returns = new List<QuarterlyReturn>();
        var places = new Dictionary<string, CellPlace>(StringComparer.Ordinal);
        foreach (var (period, header) in values.Periods)
        {
            var lines = values.Lines.Select(l => (Line: l, Value: layout.Cell(l.Position, header.Across))).ToList();
            RawCell Other(string block, string code, int line)
            {
                if (blocks.TryGetValue(block, out var b) && b.Positions.TryGetValue(code, out var position) && b.PeriodAt(period) is { } across)
                {
                    return layout.Cell(position, across);
                }

                return RawCell.Empty(sheet.Name, string.Empty, line);
            }

            var cells = lines.Select(x => new ReturnRowCells(
                x.Value.Row,
                x.Line.Label,
                x.Value,
                Other("numerators", x.Line.Code, x.Value.Row),
                Other("denominators", x.Line.Code, x.Value.Row),
                Other("commentary", x.Line.Code, x.Value.Row),
                RawCell.Empty(sheet.Name, string.Empty, x.Value.Row))).ToList();
            var answered = cells.Where(c => c.Inputs.Any(i => !i.IsBlank)).ToList();
            if (answered.Count == 0)
            {
                continue;
            }

            rowsRead += answered.Count;
            if (ReturnGroupJudge.CheckPeriod(period.Text, framework, today, out var p, out var version) is { } periodProblem)
            {
                issues.Add(ImportIssue.At(fileName, sheet.Name, header.Cell.Address, header.Cell.Row, null, periodProblem.Rule, IssueSeverity.Error, periodProblem.Message));
                continue;
            }

            var due = ReturnGroupJudge.Due(version!, unit!, p);

            // Lines with nothing in them are not rows of this return (a measure due in another quarter, a spacer).
            var parsed = cells.Zip(lines)
                .Where(x => x.First.Inputs.Any(i => !i.IsBlank) || due.Any(m => string.Equals(m.Code, x.Second.Line.Code, StringComparison.OrdinalIgnoreCase)))
                .Select(x => ReturnGroupJudge.Parse(x.First, x.Second.Line.Code, version!, due))
                .ToList();
            var (ret, judged) = ReturnGroupJudge.Judge(fileName, version!, unit!, p, due, parsed);
            returns.Add(ret);
            foreach (var line in parsed.Where(l => l.Cells.Value.Address.Length > 0))
            {
                places.TryAdd(CsvReadResult.PlaceKey(unit!.Code, p, line.Code), new CellPlace(line.Cells.Value.Sheet, line.Cells.Value.Address, line.Cells.Value.Row));
            }

            issues.AddRange(judged.Select(i => i.RuleCode == "measure.missing" && i.Cell is null
                ? ImportIssue.At(fileName, sheet.Name, null, null, i.MeasureCode, i.RuleCode, i.Severity,
                    $"{p.Key}: required measure {i.MeasureCode} ({version!.Find(i.MeasureCode ?? string.Empty)?.Title}) has no line in the values block: add it, or map its title under 'titles'")
                : i));
        }

        if (values.Periods.Count == 0)
        {
            issues.Add(ImportIssue.ForFile(fileName, "wide.no-periods", $"no period headers were found on {sheet.Name} at {mapping.Values.Periods}: check the mapping's values.periods"));
        }

        return new CsvReadResult(returns, issues) { RowsRead = rowsRead, ValuePlaces = places };
    }

    private static BlockCells ReadBlock(
        string fileName, Layout layout, string name, WideBlock block, int labelsAt, WideMapping mapping, Framework framework, List<ImportIssue> issues)
    {
        WideAxes.TryPosition(block.Periods, out var headerLine);
        WideAxes.TryRange(block.Measures, out var firstLine, out var lastLine);
        var explicitSpan = block.Span is { } span && WideAxes.TryRange(span, out _, out _);
        int firstAcross, lastAcross;
        if (explicitSpan)
        {
            WideAxes.TryRange(block.Span, out firstAcross, out lastAcross);
        }
        else
        {
            (firstAcross, lastAcross) = (labelsAt + 1, layout.LastAcross(headerLine));
        }

        var result = new BlockCells();
        for (var across = firstAcross; across <= lastAcross; across++)
        {
            var cell = layout.Cell(headerLine, across);
            var text = cell.Kind == RawCellKind.Date ? cell.Text : ReturnValueParser.ParseText(cell);
            if (text is null)
            {
                continue;
            }

            if (!PeriodParser.TryParse(text, out var period, out var error))
            {
                // A "Total" or "Target" column beside the quarters is common; only an explicit span insists on periods.
                issues.Add(ImportIssue.At(fileName, cell.Sheet, cell.Address, cell.Row, null,
                    explicitSpan ? "period.unreadable" : "period.header-ignored",
                    explicitSpan ? IssueSeverity.Error : IssueSeverity.Warning,
                    explicitSpan ? $"the {name} header cannot be read as a period: {error}" : $"'{text}' in the {name} header row is not a period; its column was not read"));
                continue;
            }

            if (result.Periods.Any(x => x.Period.Key == period.Key))
            {
                issues.Add(ImportIssue.At(fileName, cell.Sheet, cell.Address, cell.Row, null, "period.duplicate", IssueSeverity.Error,
                    $"{period.Key} appears twice in the {name} headers: keep one"));
                continue;
            }

            result.Periods.Add((new PeriodHeader(period.Key, text), new Header(cell, across)));
        }

        var latest = framework.Versions.OrderByDescending(v => v.Version).ToList();
        for (var line = firstLine; line <= lastLine; line++)
        {
            var label = layout.Cell(line, labelsAt);
            var text = ReturnValueParser.ParseText(label);
            if (text is null)
            {
                // A spacer line; figures on it are still reported by the row rules.
                if (name == "values")
                {
                    result.Lines.Add(new LabelledLine(line, label, string.Empty));
                }

                continue;
            }

            var code = ResolveCode(text, mapping, latest);
            result.Positions.TryAdd(code, line);
            if (name == "values")
            {
                result.Lines.Add(new LabelledLine(line, label, code));
            }
        }

        return result;
    }

    /// <summary>A code of any version, a title listed in the mapping, or a framework title; otherwise the text as given.</summary>
    private static string ResolveCode(string label, WideMapping mapping, IReadOnlyList<FrameworkVersion> versions)
    {
        if (versions.Select(v => v.Find(label)).FirstOrDefault(m => m is not null) is { } byCode)
        {
            return byCode.Code;
        }

        var mapped = mapping.Titles.FirstOrDefault(kv => string.Equals(Normalise(kv.Key), Normalise(label), StringComparison.OrdinalIgnoreCase));
        if (mapped.Value is { } code)
        {
            return code.Trim();
        }

        var byTitle = versions.SelectMany(v => v.Measures).FirstOrDefault(m => string.Equals(Normalise(m.Title), Normalise(label), StringComparison.OrdinalIgnoreCase));
        return byTitle?.Code ?? label;
    }

    private static string Normalise(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed record PeriodHeader(string Key, string Text);

    private sealed record Header(RawCell Cell, int Across);

    private sealed record LabelledLine(int Position, RawCell Label, string Code);

    private sealed class BlockCells
    {
        public List<(PeriodHeader Period, Header Header)> Periods { get; } = [];

        public List<LabelledLine> Lines { get; } = [];

        public Dictionary<string, int> Positions { get; } = new(StringComparer.OrdinalIgnoreCase);

        public int? PeriodAt(PeriodHeader period) =>
            Periods.Where(p => p.Period.Key == period.Key).Select(p => (int?)p.Header.Across).FirstOrDefault();
    }

    /// <summary>Maps (measure line, period position) to a cell for either orientation.</summary>
    private sealed class Layout(IXLWorksheet sheet, bool measuresInRows)
    {
        public RawCell Cell(int line, int across) =>
            measuresInRows ? ReturnWorkbookReader.ReadCell(sheet, line, across) : ReturnWorkbookReader.ReadCell(sheet, across, line);

        public int LastAcross(int line) => measuresInRows
            ? sheet.Row(line).LastCellUsed()?.Address.ColumnNumber ?? 0
            : sheet.Column(line).LastCellUsed()?.Address.RowNumber ?? 0;
    }
}
