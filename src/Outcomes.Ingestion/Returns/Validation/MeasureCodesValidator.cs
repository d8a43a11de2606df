using FluentValidation;
using Outcomes.Ingestion.Issues;

namespace Outcomes.Ingestion.Returns.Validation;

/// <summary>Every code is a measure of this framework version, due in this return, and appears once.</summary>
public sealed class MeasureCodesValidator : AbstractValidator<ReturnSubmission>
{
    public MeasureCodesValidator()
    {
        RuleFor(s => s).Custom((submission, ctx) =>
        {
            var firstRow = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in submission.Lines.Where(l => l.Code.Length > 0))
            {
                var place = IssuePlace.Of(line.Cells.Code, line.Code);
                if (firstRow.TryGetValue(line.Code, out var first))
                {
                    ctx.AddFailure(Failures.At(place, "measure.duplicate", $"{line.Code} appears more than once (first in row {first}): keep one row per measure"));
                    continue;
                }

                firstRow[line.Code] = line.Row;
                if (line.Measure is null)
                {
                    ctx.AddFailure(Failures.At(
                        place,
                        "measure.unknown",
                        $"'{line.Code}' is not a measure in {submission.Version.FrameworkCode} framework version {submission.Version.Version}: do not add or rename rows"));
                }
                else if (!line.IsDue)
                {
                    ctx.AddFailure(Failures.At(
                        place,
                        "measure.not-due",
                        $"{line.Code} is not due from this unit in {submission.Period.Key}; its figures were ignored",
                        IssueSeverity.Warning));
                }
            }
        });
    }
}
