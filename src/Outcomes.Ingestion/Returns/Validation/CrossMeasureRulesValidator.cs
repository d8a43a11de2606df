using FluentValidation;
using Outcomes.Domain.Frameworks;
using Outcomes.Ingestion.Issues;

namespace Outcomes.Ingestion.Returns.Validation;

/// <summary>
/// The framework version's cross-measure rules (left operator right), judged on the values given or calculated.
/// A rule is skipped when either side has no number: missing figures are reported by other validators.
/// </summary>
public sealed class CrossMeasureRulesValidator : AbstractValidator<ReturnSubmission>
{
    public CrossMeasureRulesValidator()
    {
        RuleFor(s => s).Custom((submission, ctx) =>
        {
            var byCode = submission.Lines
                .Where(l => l.Measure is not null && l.IsDue)
                .GroupBy(l => l.Code, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            foreach (var rule in submission.Version.Rules)
            {
                if (!byCode.TryGetValue(rule.LeftMeasure, out var left) || !byCode.TryGetValue(rule.RightMeasure, out var right)
                    || left.EffectiveValue is not { } lv || right.EffectiveValue is not { } rv || Holds(lv, rule.Operator, rv))
                {
                    continue;
                }

                var severity = rule.Importance == RuleImportance.Error ? IssueSeverity.Error : IssueSeverity.Warning;
                var cell = left.Value.IsNumber ? left.Cells.Value : left.Cells.Numerator;
                var description = string.IsNullOrWhiteSpace(rule.Description) ? string.Empty : $" ({rule.Description.Trim()})";
                ctx.AddFailure(Failures.At(
                    IssuePlace.Of(cell, left.Code),
                    $"rule.{rule.Code}",
                    $"{Name(left)} ({lv:#,##0.##}) {Phrase(rule.Operator)} {Name(right)} ({rv:#,##0.##}){description}",
                    severity));
            }
        });
    }

    private static string Name(ReturnLine line) => line.Measure!.Title;

    private static bool Holds(decimal l, RuleOperator op, decimal r) => op switch
    {
        RuleOperator.LessThan => l < r,
        RuleOperator.LessThanOrEqual => l <= r,
        RuleOperator.Equal => l == r,
        RuleOperator.NotEqual => l != r,
        RuleOperator.GreaterThanOrEqual => l >= r,
        RuleOperator.GreaterThan => l > r,
        _ => true,
    };

    private static string Phrase(RuleOperator op) => op switch
    {
        RuleOperator.LessThan => "must be less than",
        RuleOperator.LessThanOrEqual => "cannot exceed",
        RuleOperator.Equal => "must equal",
        RuleOperator.NotEqual => "must differ from",
        RuleOperator.GreaterThanOrEqual => "cannot be less than",
        _ => "must be more than",
    };
}
