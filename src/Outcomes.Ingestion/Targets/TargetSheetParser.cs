using Outcomes.Domain.Targets;
using Outcomes.Ingestion.Issues;

namespace Outcomes.Ingestion.Targets;

/// <summary>
/// Reads a targets file (.xlsx from the targets template, or a .csv with the same headers) and judges every row by the
/// rules targets.yaml follows (see <see cref="TargetRowJudge"/>), then the rows together: a row repeating another, or
/// two targets for the same measure and unit on the same date. Every problem is reported, each with its cell; the
/// targets come back only when there is none, so a caller stores all of them or nothing.
/// </summary>
public static class TargetSheetParser
{
    public static TargetSheetResult Parse(string fileName, byte[] bytes, TargetSheetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        fileName = Path.GetFileName(fileName);
        var issues = new List<ImportIssue>();
        var content = TargetSheetReader.Read(fileName, bytes, issues);
        if (content is null)
        {
            return new TargetSheetResult([], issues, 0);
        }

        if (content.Rows.Count == 0)
        {
            issues.Add(ImportIssue.At(fileName, content.Sheet, null, TargetSheetLayout.FirstDataRow, null, "targets.none", IssueSeverity.Error,
                "there are no targets below the header row; a framework's targets are replaced as a whole, so the file must hold every target"));
            return new TargetSheetResult([], issues, 0);
        }

        var judged = content.Rows.Select(row => new TargetRowJudge(fileName, content.Sheet, row, context, issues).Judge()).ToList();
        CheckTogether(fileName, content.Sheet, judged, issues);
        var ordered = issues.OrderBy(i => i.Row ?? 0).ThenBy(i => ColumnNumber(i.Cell)).ToList();
        return ordered.HasErrors()
            ? new TargetSheetResult([], ordered, content.Rows.Count)
            : new TargetSheetResult(judged.Select(j => j.Target!).ToList(), ordered, content.Rows.Count);
    }

    /// <summary>One measure × unit may have one target on any date: an identical span is a duplicate row, any other shared day an overlap.</summary>
    private static void CheckTogether(string fileName, string? sheet, List<JudgedRow> rows, List<ImportIssue> issues)
    {
        var comparable = rows.Where(r => r.Measure is not null && r.Unit is not null && r.DatesValid);
        foreach (var group in comparable.GroupBy(r => (Measure: r.Measure!.ToUpperInvariant(), Unit: r.Unit!.ToUpperInvariant())))
        {
            var seen = new List<JudgedRow>();
            foreach (var row in group.OrderBy(r => r.Row.Row))
            {
                var from = row.From ?? DateOnly.MinValue;
                var to = row.To ?? DateOnly.MaxValue;
                if (seen.FirstOrDefault(s => s.From == row.From && s.To == row.To) is { } same)
                {
                    issues.Add(Issue(fileName, sheet, row, "target.duplicate",
                        $"this row repeats row {same.Row.Row}: {row.Measure} at {row.Unit} from {Describe(row.From, "the start")} to {Describe(row.To, "open-ended")} appears twice; keep one"));
                }
                else if (seen.FirstOrDefault(s => (s.From ?? DateOnly.MinValue) <= to && from <= (s.To ?? DateOnly.MaxValue)) is { } other)
                {
                    issues.Add(Issue(fileName, sheet, row, "target.overlap",
                        $"the target for {row.Measure} at {row.Unit} ({Describe(row.From, "the start")} to {Describe(row.To, "open-ended")}) overlaps row {other.Row.Row} " +
                        $"({Describe(other.From, "the start")} to {Describe(other.To, "open-ended")}); only one target can apply on a date"));
                }

                seen.Add(row);
            }
        }
    }

    private static ImportIssue Issue(string fileName, string? sheet, JudgedRow row, string rule, string message)
    {
        var cell = row.Row[TargetColumn.From].Address is { Length: > 0 } from ? from : row.Row[TargetColumn.Measure].Address;
        return ImportIssue.At(fileName, sheet, cell, row.Row.Row, row.Measure, rule, IssueSeverity.Error, message);
    }

    private static string Describe(DateOnly? date, string whenNull) =>
        date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? whenNull;

    private static int ColumnNumber(string? cell)
    {
        var n = 0;
        foreach (var c in (cell ?? string.Empty).TakeWhile(char.IsLetter))
        {
            n = (n * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return n;
    }
}

/// <summary>A row as judged: what could be read of it for the checks across rows, and its target when it had no problem.</summary>
internal sealed record JudgedRow(TargetSheetRow Row, string? Unit, string? Measure, DateOnly? From, DateOnly? To, bool DatesValid, Target? Target);
