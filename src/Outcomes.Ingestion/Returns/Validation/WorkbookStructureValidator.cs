using FluentValidation;
using Outcomes.Ingestion.Issues;

namespace Outcomes.Ingestion.Returns.Validation;

/// <summary>
/// Oddities in how the workbook is laid out rather than in any one value: hidden sheets (not read), merged ranges
/// over cells that are read (refused: a merged range has one value for several cells), and hidden Data rows that
/// hold figures (read, but the person should see them).
/// </summary>
public sealed class WorkbookStructureValidator : AbstractValidator<ReturnWorkbookContent>
{
    public WorkbookStructureValidator()
    {
        RuleFor(c => c).Custom((content, ctx) =>
        {
            foreach (var sheet in content.HiddenSheets ?? [])
            {
                ctx.AddFailure(Failures.At(
                    new IssuePlace(sheet, null, null, null),
                    "sheet.hidden",
                    "this sheet is hidden and was not read; only the Data sheet is read, so check nothing you meant to return is on it",
                    IssueSeverity.Warning));
            }

            foreach (var area in content.MergedAreas ?? [])
            {
                ctx.AddFailure(Failures.At(
                    new IssuePlace(area.Sheet, area.Range, area.FirstRow, null),
                    "cell.merged",
                    $"cells {area.Range} are merged, so only one of them has a value: unmerge them (Home > Merge & Center > Unmerge Cells) so each figure has its own cell, and upload again"));
            }

            foreach (var row in content.Rows.Where(r => r.IsHidden && r.Inputs.Any(c => !c.IsBlank)))
            {
                var code = ReturnValueParser.ParseText(row.Code);
                ctx.AddFailure(Failures.At(
                    new IssuePlace(row.Code.Sheet, null, row.Row, code),
                    "row.hidden",
                    $"this row{(code is null ? string.Empty : $" ({code})")} is hidden but holds figures; they were read: unhide it (select the rows around it, right-click > Unhide) and check them",
                    IssueSeverity.Warning));
            }
        });
    }
}
