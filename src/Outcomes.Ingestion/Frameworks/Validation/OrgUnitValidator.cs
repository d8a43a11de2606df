using System.Text.RegularExpressions;
using FluentValidation;
using Outcomes.Domain.OrgUnits;

namespace Outcomes.Ingestion.Frameworks.Validation;

/// <summary>One org unit on its own: code, type, dates, successor, its parent links, and an authority's GSS code.</summary>
internal sealed partial class OrgUnitValidator : AbstractValidator<UnitDocument>
{
    public OrgUnitValidator()
    {
        RuleFor(u => u.Code).NotEmpty().WithErrorCode("org.code.missing")
            .WithMessage(u => $"an org unit has no code (name '{u.Name}')");
        RuleFor(u => u.Code).Matches("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$").When(u => !string.IsNullOrEmpty(u.Code))
            .WithErrorCode("org.code.pattern")
            .WithMessage(u => $"org unit code '{u.Code}' should be capitals and digits in hyphenated parts, e.g. BRD-CL1-C03");
        RuleFor(u => u.Name).NotEmpty().WithErrorCode("org.name.missing").WithMessage(u => $"org unit '{u.Code}' has no name");
        RuleFor(u => u.Type).NotEmpty().WithErrorCode("org.type.missing")
            .WithMessage(u => $"org unit '{u.Code}' has no type (one of {Vocabulary.Level.OneOf})");
        RuleFor(u => u.Type).Must(Vocabulary.Level.IsValid).When(u => u.Type is not null).WithErrorCode("org.type")
            .WithMessage(u => $"org unit '{u.Code}' type '{u.Type}' is not one of {Vocabulary.Level.OneOf}");

        RuleFor(u => u.GssCode).NotEmpty().When(IsAuthority).WithErrorCode("org.gss.missing")
            .WithMessage(u => $"authority '{u.Code}' has no gss_code (its ONS code, e.g. E08000032)");
        RuleFor(u => u.GssCode).Matches(GssPattern()).When(u => IsAuthority(u) && !string.IsNullOrEmpty(u.GssCode))
            .WithErrorCode("org.gss.pattern")
            .WithMessage(u => $"authority '{u.Code}' gss_code '{u.GssCode}' is not an English upper-tier or unitary code (E06, E07, E08, E09 or E10 and six digits)");
        RuleFor(u => u.Parents).Empty().When(IsAuthority).WithErrorCode("org.authority.parent")
            .WithMessage(u => $"authority '{u.Code}' cannot have a parent");
        RuleFor(u => u.Parents).NotEmpty().When(u => u.Type is not null && !IsAuthority(u)).WithErrorCode("org.parent.missing")
            .WithMessage(u => $"org unit '{u.Code}' has no parent (give 'parent:' or a 'parents:' list with dates)");
        RuleFor(u => u.HasBothParentForms).Equal(false).WithErrorCode("org.parent.both-forms")
            .WithMessage(u => $"org unit '{u.Code}' has both 'parent:' and 'parents:'; use one");

        RuleFor(u => u.Opened).Must(Vocabulary.IsDateOrBlank).WithErrorCode("org.opened")
            .WithMessage(u => $"org unit '{u.Code}' opened '{u.Opened}' is not a date written yyyy-mm-dd");
        RuleFor(u => u.Closed).Must(Vocabulary.IsDateOrBlank).WithErrorCode("org.closed")
            .WithMessage(u => $"org unit '{u.Code}' closed '{u.Closed}' is not a date written yyyy-mm-dd");
        RuleFor(u => u.Closed).Must((u, c) => Vocabulary.Date(c) >= Vocabulary.Date(u.Opened))
            .When(u => Vocabulary.Date(u.Closed) is not null && Vocabulary.Date(u.Opened) is not null)
            .WithErrorCode("org.dates.order")
            .WithMessage(u => $"org unit '{u.Code}' closed ({u.Closed}) before it opened ({u.Opened})");
        RuleFor(u => u.Successor).Must((u, s) => !string.Equals(s, u.Code, StringComparison.OrdinalIgnoreCase))
            .When(u => u.Successor is not null).WithErrorCode("org.successor.self")
            .WithMessage(u => $"org unit '{u.Code}' names itself as its successor");
        RuleFor(u => u.Closed).NotEmpty().When(u => u.Successor is not null).WithErrorCode("org.successor.not-closed")
            .WithMessage(u => $"org unit '{u.Code}' has a successor ('{u.Successor}') but no closed date; a successor takes over from a closed unit");

        RuleForEach(u => u.Parents).Custom((link, ctx) =>
        {
            var unit = ctx.InstanceToValidate;
            if (!Vocabulary.IsDateOrBlank(link.From))
            {
                ctx.AddFailure(ValidationProblems.Failure(Where.Of(link, "from"), "org.link.from",
                    $"org unit '{unit.Code}' parent link from '{link.From}' is not a date written yyyy-mm-dd"));
            }

            if (!Vocabulary.IsDateOrBlank(link.To))
            {
                ctx.AddFailure(ValidationProblems.Failure(Where.Of(link, "to"), "org.link.to",
                    $"org unit '{unit.Code}' parent link to '{link.To}' is not a date written yyyy-mm-dd"));
            }

            if (Vocabulary.Date(link.From) is { } from && Vocabulary.Date(link.To) is { } to && to < from)
            {
                ctx.AddFailure(ValidationProblems.Failure(Where.Of(link, "to"), "org.link.dates.order",
                    $"org unit '{unit.Code}' parent link to '{link.Parent}' ends ({link.To}) before it starts ({link.From})"));
            }

            if (string.IsNullOrEmpty(link.Parent))
            {
                ctx.AddFailure(ValidationProblems.Failure(Where.Of(link), "org.link.parent.missing",
                    $"org unit '{unit.Code}' has a parent link with no parent code"));
            }
        });
    }

    private static bool IsAuthority(UnitDocument u) => Vocabulary.Level.TryParse(u.Type, out var t) && t == OrgUnitType.Authority;

    [GeneratedRegex(@"^(E0[6-9]\d{6}|E10\d{6})$")]
    private static partial Regex GssPattern();
}
