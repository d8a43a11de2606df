using FluentValidation;

namespace Outcomes.Ingestion.Frameworks.Validation;

/// <summary>One cross-measure rule: both sides name measures of the same version; operator and importance spelled right.</summary>
internal sealed class CrossMeasureRuleValidator : AbstractValidator<RuleDocument>
{
    public CrossMeasureRuleValidator(IReadOnlySet<string> measureCodes)
    {
        RuleFor(r => r.Code).NotEmpty().WithErrorCode("rule.code.missing")
            .WithMessage(r => $"a cross-measure rule ({r.Left} {r.Operator} {r.Right}) has no code");
        RuleFor(r => r.Left).NotEmpty().WithErrorCode("rule.left.missing").WithMessage(r => $"rule '{r.Code}' has no left measure");
        RuleFor(r => r.Right).NotEmpty().WithErrorCode("rule.right.missing").WithMessage(r => $"rule '{r.Code}' has no right measure");
        RuleFor(r => r.Left).Must(c => measureCodes.Contains(c!)).When(r => !string.IsNullOrEmpty(r.Left)).WithErrorCode("rule.left.unknown")
            .WithMessage(r => $"rule '{r.Code}' compares measure '{r.Left}', which this version does not have");
        RuleFor(r => r.Right).Must(c => measureCodes.Contains(c!)).When(r => !string.IsNullOrEmpty(r.Right)).WithErrorCode("rule.right.unknown")
            .WithMessage(r => $"rule '{r.Code}' compares with measure '{r.Right}', which this version does not have");
        RuleFor(r => r.Operator).NotEmpty().WithErrorCode("rule.operator.missing").WithMessage(r => $"rule '{r.Code}' has no operator");
        RuleFor(r => r.Operator).Must(Vocabulary.Operator.IsValid).When(r => r.Operator is not null).WithErrorCode("rule.operator")
            .WithMessage(r => $"rule '{r.Code}' operator '{r.Operator}' is not one of {Vocabulary.Operator.OneOf}");
        RuleFor(r => r.Importance).Must(Vocabulary.Importance.IsValid).When(r => r.Importance is not null).WithErrorCode("rule.importance")
            .WithMessage(r => $"rule '{r.Code}' importance '{r.Importance}' is not one of {Vocabulary.Importance.OneOf}");
    }
}
