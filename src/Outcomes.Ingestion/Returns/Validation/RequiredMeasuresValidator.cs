using FluentValidation;
using Outcomes.Ingestion.OpenData;
using static Outcomes.Ingestion.Returns.ReturnTemplateLayout;

namespace Outcomes.Ingestion.Returns.Validation;

/// <summary>Every required measure due in this return has a row and a figure (or a suppression code saying why not).</summary>
public sealed class RequiredMeasuresValidator : AbstractValidator<ReturnSubmission>
{
    public RequiredMeasuresValidator()
    {
        RuleFor(s => s).Custom((submission, ctx) =>
        {
            // A row with an unreadable cell or half a ratio is already reported; saying "required" too would be noise.
            foreach (var measure in submission.MeasuresDue.Where(m => m.Required))
            {
                var line = submission.Lines.FirstOrDefault(l => string.Equals(l.Code, measure.Code, StringComparison.OrdinalIgnoreCase));
                if (line is null)
                {
                    ctx.AddFailure(Failures.At(
                        new IssuePlace(DataSheet, null, null, measure.Code),
                        "measure.missing",
                        $"required measure {measure.Code} ({measure.Title}) has no row: download a new template"));
                }
                else if (!line.IsAnswered && !line.HasInvalidCell && !line.Numerator.IsNumber && !line.Denominator.IsNumber)
                {
                    ctx.AddFailure(Failures.At(
                        IssuePlace.Of(line.Cells.Value, measure.Code),
                        "value.required",
                        $"{measure.Code} ({measure.Title}) is required: enter a figure, or a suppression code ({SuppressionCodes.ListForMessages}) saying why it cannot be given"));
                }
            }
        });
    }
}
