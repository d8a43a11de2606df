namespace Outcomes.Ingestion.Issues;

public enum IssueSeverity
{
    /// <summary>The value (or the whole file) cannot be accepted as it is.</summary>
    Error,

    /// <summary>Accepted, but someone should look (needs commentary, or a published figure looks odd).</summary>
    Warning,
}

/// <summary>
/// One problem found while importing a file. Problems are data, never exceptions: a reader returns every
/// issue it found with the place it found it, so a person can fix the file in one pass.
/// </summary>
/// <param name="File">The uploaded file's name as the user knows it.</param>
/// <param name="Sheet">Worksheet name for a workbook; null for a CSV or for the file as a whole.</param>
/// <param name="Cell">A1 address ("E14") when one cell is at fault; null otherwise.</param>
/// <param name="Row">1-based row (spreadsheet row, or CSV line with the header as row 1); null for the whole file.</param>
/// <param name="MeasureCode">The measure or indicator concerned, when there is one.</param>
/// <param name="RuleCode">Stable code for the rule that fired ("value.not-a-number", "ratio.numerator-exceeds-denominator").</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">Plain English, starting with the place: "Data!E14: re-referrals (412) cannot exceed referrals (398)".</param>
public sealed record ImportIssue(
    string File,
    string? Sheet,
    string? Cell,
    int? Row,
    string? MeasureCode,
    string RuleCode,
    IssueSeverity Severity,
    string Message)
{
    /// <summary>"Data!E14", "Data row 14", "row 14" or "" for the file as a whole.</summary>
    public string Place => DescribePlace(Sheet, Cell, Row);

    public bool IsError => Severity == IssueSeverity.Error;

    public override string ToString() => $"{File}: {Message}";

    /// <summary>An issue about the file as a whole (not a spreadsheet, wrong template, missing column).</summary>
    public static ImportIssue ForFile(string file, string ruleCode, string message, IssueSeverity severity = IssueSeverity.Error) =>
        new(file, null, null, null, null, ruleCode, severity, message);

    /// <summary>An issue at a place; the message is prefixed with the place ("Data!D7: ...").</summary>
    public static ImportIssue At(
        string file,
        string? sheet,
        string? cell,
        int? row,
        string? measureCode,
        string ruleCode,
        IssueSeverity severity,
        string message)
    {
        var place = DescribePlace(sheet, cell, row);
        return new ImportIssue(file, sheet, cell, row, measureCode, ruleCode, severity, place.Length == 0 ? message : $"{place}: {message}");
    }

    private static string DescribePlace(string? sheet, string? cell, int? row) =>
        (sheet, cell, row) switch
        {
            ({ } s, { } c, _) => $"{s}!{c}",
            ({ } s, null, { } r) => $"{s} row {r}",
            (null, { } c, _) => c,
            (null, null, { } r) => $"row {r}",
            _ => sheet ?? string.Empty,
        };
}

public static class ImportIssueListExtensions
{
    public static bool HasErrors(this IEnumerable<ImportIssue> issues) => issues.Any(i => i.IsError);
}
