using System.Globalization;
using FluentValidation;
using Outcomes.Ingestion.Issues;

namespace Outcomes.Ingestion.Returns.Validation;

/// <summary>
/// A cell holding a formula is read from the result Excel last saved, never recalculated. That is said as a warning per
/// cell, so the person knows which figure was taken; a formula Excel never calculated (no saved result) is refused,
/// because its figure is unknown. A formula whose saved result is an Excel error is left to the value rules.
/// </summary>
public sealed class FormulaCellsValidator : AbstractValidator<ReturnLine>
{
    public FormulaCellsValidator()
    {
        RuleFor(l => l).Custom((line, ctx) =>
        {
            var code = line.Code.Length > 0 ? line.Code : null;
            var prefix = code is null ? string.Empty : code + " ";
            var cells = new (RawCell Cell, string What)[]
            {
                (line.Cells.Code, "code"), (line.Cells.Value, "value"), (line.Cells.Numerator, "numerator"),
                (line.Cells.Denominator, "denominator"), (line.Cells.Commentary, "commentary"), (line.Cells.DataQualityFlag, "data quality flag"),
            };
            foreach (var (cell, what) in cells.Where(c => c.Cell.IsFormula && c.Cell.Kind != RawCellKind.Error))
            {
                if (cell.IsBlank)
                {
                    ctx.AddFailure(Failures.At(
                        IssuePlace.Of(cell, code),
                        "cell.formula-not-calculated",
                        $"{prefix}{what} holds a formula with no calculated value saved, so its figure is unknown: open the file in Excel, let it calculate and save it, or type the figure in"));
                    continue;
                }

                // A cached number may come back as text; show it as the number it is.
                var isNumber = cell.Kind == RawCellKind.Number
                    || double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
                var shown = isNumber ? cell.Text : $"'{cell.Text}'";
                ctx.AddFailure(Failures.At(
                    IssuePlace.Of(cell, code),
                    "cell.formula",
                    $"{prefix}{what} holds a formula; its last calculated value {shown} was used",
                    IssueSeverity.Warning));
            }
        });
    }
}
