using FluentValidation;
using Outcomes.Domain.Frameworks;

namespace Outcomes.Ingestion.Returns.Validation;

/// <summary>The value suits its unit: percentages 0–100, counts whole and not negative, nothing but scores below zero.</summary>
public sealed class ValueRangeValidator : AbstractValidator<ReturnLine>
{
    public ValueRangeValidator()
    {
        When(l => l.Measure is not null && l.Value.IsNumber, () =>
        {
            RuleFor(l => l).Custom((line, ctx) =>
            {
                var m = line.Measure!;
                var v = line.Value.Number!.Value;
                var place = IssuePlace.Of(line.Cells.Value, m.Code);
                if (v < 0 && m.Unit != MeasureUnit.Score)
                {
                    ctx.AddFailure(Failures.At(place, "value.negative", $"{m.Code} value ({v}) cannot be negative"));
                }
                else if (m.Unit == MeasureUnit.Percentage && v > 100)
                {
                    ctx.AddFailure(Failures.At(place, "value.percentage-range", $"{m.Code} value ({v}) is a percentage and must be between 0 and 100"));
                }

                if (m.Unit == MeasureUnit.Count && v != decimal.Truncate(v))
                {
                    ctx.AddFailure(Failures.At(place, "value.count-not-whole", $"{m.Code} value ({v}) is a count and must be a whole number"));
                }
            });
        });
    }
}
