using FluentValidation;
using static Outcomes.Ingestion.Returns.ReturnTemplateLayout;

namespace Outcomes.Ingestion.Returns.Validation;

/// <summary>Each cell of a row could be read: values are numbers or codes, flags are from the list, figures have a code.</summary>
public sealed class LineCellsValidator : AbstractValidator<ReturnLine>
{
    public LineCellsValidator()
    {
        RuleFor(l => l).Custom((line, ctx) =>
        {
            var code = line.Code.Length > 0 ? line.Code : null;
            if (code is null)
            {
                ctx.AddFailure(Failures.At(IssuePlace.Of(line.Cells.Code, null), "row.no-code", "this row has figures but no measure code: do not add rows to the template"));
                return;
            }

            Check(line.Value, line.Cells.Value, "value");
            Check(line.Numerator, line.Cells.Numerator, "numerator");
            Check(line.Denominator, line.Cells.Denominator, "denominator");

            if (line.DataQualityFlag is { } flag && !DataQualityFlags.Contains(flag, StringComparer.OrdinalIgnoreCase))
            {
                ctx.AddFailure(Failures.At(
                    IssuePlace.Of(line.Cells.DataQualityFlag, code),
                    "flag.unknown",
                    $"{code} data quality flag '{flag}' is not one of {string.Join(", ", DataQualityFlags)} (or blank)"));
            }

            void Check(ParsedValue parsed, RawCell cell, string what)
            {
                if (parsed.Kind == ParsedKind.Invalid)
                {
                    ctx.AddFailure(Failures.At(IssuePlace.Of(cell, code), parsed.RuleCode ?? $"{what}.invalid", $"{code} {what} {parsed.Problem}"));
                }
            }
        });
    }
}
