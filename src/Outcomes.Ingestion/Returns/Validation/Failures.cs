using FluentValidation;
using FluentValidation.Results;
using Outcomes.Ingestion.Issues;

namespace Outcomes.Ingestion.Returns.Validation;

/// <summary>Where a validation failure points; carried in <see cref="ValidationFailure.CustomState"/>.</summary>
public sealed record IssuePlace(string? Sheet, string? Cell, int? Row, string? MeasureCode)
{
    public static IssuePlace Of(RawCell cell, string? measureCode) => new(cell.Sheet, cell.Address, cell.Row, measureCode);

    public static IssuePlace File { get; } = new(null, null, null, null);
}

/// <summary>Builds FluentValidation failures that carry an issue's place, rule code and severity, and turns them back into issues.</summary>
public static class Failures
{
    public static ValidationFailure At(IssuePlace place, string ruleCode, string message, IssueSeverity severity = IssueSeverity.Error) =>
        new(place.Cell ?? string.Empty, message)
        {
            ErrorCode = ruleCode,
            CustomState = place,
            Severity = severity == IssueSeverity.Error ? Severity.Error : Severity.Warning,
        };

    public static IEnumerable<ImportIssue> ToIssues(this ValidationResult result, string fileName) =>
        result.Errors.Select(f =>
        {
            var place = f.CustomState as IssuePlace ?? IssuePlace.File;
            var severity = f.Severity == Severity.Error ? IssueSeverity.Error : IssueSeverity.Warning;
            return ImportIssue.At(fileName, place.Sheet, place.Cell, place.Row, place.MeasureCode, f.ErrorCode, severity, f.ErrorMessage);
        });
}
