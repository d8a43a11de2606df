using FluentValidation;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Numbers;

namespace Outcomes.Ingestion.Returns.Validation;

/// <summary>
/// Numerator and denominator of a ratio measure: whole, not negative, both or neither, numerator within the denominator
/// for a percentage, and an entered value that agrees with them to within rounding at the measure's decimals
/// (±0.05 at 1 dp, ±0.5 at 0 dp).
/// </summary>
public sealed class RatioValidator : AbstractValidator<ReturnLine>
{
    public RatioValidator()
    {
        When(l => l.Measure is { HasRatio: true }, () =>
        {
            RuleFor(l => l).Custom((line, ctx) =>
            {
                var m = line.Measure!;
                var (num, den) = (line.Numerator, line.Denominator);
                var wholeOk = true;
                foreach (var (parsed, cell, what) in new[] { (num, line.Cells.Numerator, "numerator"), (den, line.Cells.Denominator, "denominator") })
                {
                    if (parsed.IsNumber && (parsed.Number < 0 || parsed.Number != decimal.Truncate(parsed.Number!.Value)))
                    {
                        wholeOk = false;
                        ctx.AddFailure(Failures.At(IssuePlace.Of(cell, m.Code), $"{what}.not-whole", $"{m.Code} {what} ({parsed.Number}) must be a whole number of 0 or more"));
                    }
                }

                if (num.IsNumber != den.IsNumber && num.Kind != ParsedKind.Invalid && den.Kind != ParsedKind.Invalid)
                {
                    var (given, missing, cell) = num.IsNumber ? ("numerator", "denominator", line.Cells.Denominator) : ("denominator", "numerator", line.Cells.Numerator);
                    ctx.AddFailure(Failures.At(IssuePlace.Of(cell, m.Code), "ratio.incomplete", $"{m.Code} has a {given} but no {missing}: give both, or neither"));
                    return;
                }

                if (!num.IsNumber || !den.IsNumber || !wholeOk)
                {
                    return;
                }

                var (n, d) = (num.Number!.Value, den.Number!.Value);
                if (m.Unit == MeasureUnit.Percentage && n > d)
                {
                    ctx.AddFailure(Failures.At(
                        IssuePlace.Of(line.Cells.Numerator, m.Code),
                        "ratio.numerator-exceeds-denominator",
                        $"{m.Code} {Label(m.NumeratorLabel, "numerator")} ({n:#,##0}) cannot exceed {Label(m.DenominatorLabel, "denominator")} ({d:#,##0})"));
                    return;
                }

                if (d == 0)
                {
                    if (n != 0 || line.Value.IsNumber)
                    {
                        ctx.AddFailure(Failures.At(
                            IssuePlace.Of(line.Cells.Denominator, m.Code),
                            "ratio.zero-denominator",
                            $"{m.Code} denominator is 0, so there is no value to give: leave numerator, denominator and value blank and enter z (not applicable) in Value"));
                    }

                    return;
                }

                if (line.Value.IsNumber)
                {
                    var exact = n / d * m.Multiplier;
                    var tolerance = 0.5m * Pow10(-m.Decimals);
                    var v = line.Value.Number!.Value;
                    if (Math.Abs(v - exact) > tolerance)
                    {
                        var expected = OfficialRounding.Format(exact, m.Decimals);
                        ctx.AddFailure(Failures.At(
                            IssuePlace.Of(line.Cells.Value, m.Code),
                            "ratio.value-disagrees",
                            $"{m.Code} value ({v}) does not agree with numerator {n:#,##0} / denominator {d:#,##0} × {m.Multiplier:0.##}, which gives {expected} (allowing ±{tolerance} for rounding): correct the figures, or leave Value blank to have it calculated"));
                    }
                }
            });
        });
    }

    private static string Label(string? label, string fallback) => string.IsNullOrWhiteSpace(label) ? fallback : label.Trim();

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result = exponent < 0 ? result / 10m : result * 10m;
        }

        return result;
    }
}
