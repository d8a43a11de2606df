using FluentValidation;

namespace Outcomes.Ingestion.Frameworks.Validation;

/// <summary>All targets together: one measure × org unit may have only one target on any date.</summary>
internal sealed class TargetSetValidator : AbstractValidator<IReadOnlyList<TargetDocument>>
{
    public TargetSetValidator()
    {
        RuleFor(ts => ts).Custom((targets, ctx) =>
        {
            var groups = targets.Where(t => t.Measure is not null && Vocabulary.IsDateOrBlank(t.From) && Vocabulary.IsDateOrBlank(t.To))
                .GroupBy(t => (Measure: t.Measure!.ToUpperInvariant(), Unit: t.IsDefault ? "default" : t.OrgUnit!.ToUpperInvariant()));
            foreach (var g in groups)
            {
                var dated = g.Select(t => (Target: t, From: Vocabulary.Date(t.From) ?? DateOnly.MinValue, To: Vocabulary.Date(t.To) ?? DateOnly.MaxValue))
                    .OrderBy(x => x.From).ToList();
                for (var i = 1; i < dated.Count; i++)
                {
                    if (dated[i].From <= dated[i - 1].To)
                    {
                        var t = dated[i].Target;
                        ctx.AddFailure(ValidationProblems.Failure(Where.Of(t, "from"), "target.overlap",
                            $"target for '{t.Measure}' at '{(t.IsDefault ? "default" : t.OrgUnit)}' overlaps the one at line {dated[i - 1].Target.Line}; " +
                            "only one target can apply on a date"));
                    }
                }
            }
        });
    }
}
