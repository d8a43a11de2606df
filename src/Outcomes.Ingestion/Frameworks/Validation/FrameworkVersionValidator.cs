using FluentValidation;

namespace Outcomes.Ingestion.Frameworks.Validation;

/// <summary>One framework.vN.yaml on its own: its header, and measure codes unique within it.</summary>
internal sealed class FrameworkVersionValidator : AbstractValidator<VersionDocument>
{
    public FrameworkVersionValidator()
    {
        RuleFor(v => v.Framework).NotEmpty().WithErrorCode("version.framework.missing")
            .WithMessage("the file does not say which framework it is ('framework: <code>')");
        RuleFor(v => v.Name).NotEmpty().WithErrorCode("version.name.missing")
            .WithMessage(v => $"framework '{v.Framework}' has no name");
        RuleFor(v => v.Version).NotEmpty().WithErrorCode("version.number.missing")
            .WithMessage("the file has no version number ('version: 1')");
        RuleFor(v => v.Version).Must(n => Vocabulary.Int(n) is >= 1).When(v => v.Version is not null).WithErrorCode("version.number")
            .WithMessage(v => $"version '{v.Version}' should be a whole number, 1 or more");
        RuleFor(v => v.Version).Must((v, n) => Vocabulary.Int(n) == v.VersionInFileName)
            .When(v => v.VersionInFileName is not null && Vocabulary.Int(v.Version) is not null)
            .WithErrorCode("version.number.file-name")
            .WithMessage(v => $"the file name says version {v.VersionInFileName} but the file says version {v.Version}");

        RuleFor(v => v.EffectiveFrom).NotEmpty().WithErrorCode("version.effective-from.missing")
            .WithMessage(v => $"version {v.Version} has no effective_from date");
        RuleFor(v => v.EffectiveFrom).Must(d => Vocabulary.TryDate(d, out _)).When(v => v.EffectiveFrom is not null)
            .WithErrorCode("version.effective-from")
            .WithMessage(v => $"version {v.Version} effective_from '{v.EffectiveFrom}' is not a date written yyyy-mm-dd");
        RuleFor(v => v.EffectiveTo).Must(Vocabulary.IsDateOrBlank).WithErrorCode("version.effective-to")
            .WithMessage(v => $"version {v.Version} effective_to '{v.EffectiveTo}' is not a date written yyyy-mm-dd");
        RuleFor(v => v.EffectiveTo).Must((v, to) => Vocabulary.Date(to) >= Vocabulary.Date(v.EffectiveFrom))
            .When(v => Vocabulary.Date(v.EffectiveTo) is not null && Vocabulary.Date(v.EffectiveFrom) is not null)
            .WithErrorCode("version.dates.order")
            .WithMessage(v => $"version {v.Version} ends ({v.EffectiveTo}) before it starts ({v.EffectiveFrom})");

        RuleFor(v => v.Scheme).NotEmpty().WithErrorCode("version.scheme.missing")
            .WithMessage(v => $"version {v.Version} has no scheme (one of {Vocabulary.Scheme.OneOf})");
        RuleFor(v => v.Scheme).Must(Vocabulary.Scheme.IsValid).When(v => v.Scheme is not null).WithErrorCode("version.scheme")
            .WithMessage(v => $"version {v.Version} scheme '{v.Scheme}' is not one of {Vocabulary.Scheme.OneOf}");
        RuleFor(v => v.ReturningLevel).NotEmpty().WithErrorCode("version.returning-level.missing")
            .WithMessage(v => $"version {v.Version} has no returning_level (one of {Vocabulary.Level.OneOf})");
        RuleFor(v => v.ReturningLevel).Must(Vocabulary.Level.IsValid).When(v => v.ReturningLevel is not null)
            .WithErrorCode("version.returning-level")
            .WithMessage(v => $"version {v.Version} returning_level '{v.ReturningLevel}' is not one of {Vocabulary.Level.OneOf}");

        RuleFor(v => v.ReturnDeadlineDays).Must(d => Vocabulary.Int(d) is >= 0 and <= 366).When(v => !string.IsNullOrWhiteSpace(v.ReturnDeadlineDays))
            .WithErrorCode("version.return-deadline-days")
            .WithMessage(v => $"version {v.Version} return_deadline_days '{v.ReturnDeadlineDays}' is not a whole number of days from 0 to 366");

        RuleFor(v => v.Measures).NotEmpty().WithErrorCode("version.measures.missing")
            .WithMessage(v => $"version {v.Version} has no measures");
        RuleFor(v => v.Measures).Custom((measures, ctx) =>
        {
            foreach (var duplicate in measures.Where(m => !string.IsNullOrEmpty(m.Code))
                         .GroupBy(m => m.Code!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                var first = duplicate.First();
                foreach (var again in duplicate.Skip(1))
                {
                    ctx.AddFailure(ValidationProblems.Failure(Where.Of(again, "code"), "measure.code.duplicate",
                        $"measure code '{again.Code}' is used twice in this version (first at line {first.LineOf("code")})"));
                }
            }
        });
        RuleFor(v => v.Rules).Custom((rules, ctx) =>
        {
            foreach (var duplicate in rules.Where(r => !string.IsNullOrEmpty(r.Code))
                         .GroupBy(r => r.Code!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                foreach (var again in duplicate.Skip(1))
                {
                    ctx.AddFailure(ValidationProblems.Failure(Where.Of(again, "code"), "rule.code.duplicate",
                        $"rule code '{again.Code}' is used twice in this version"));
                }
            }
        });
    }
}
