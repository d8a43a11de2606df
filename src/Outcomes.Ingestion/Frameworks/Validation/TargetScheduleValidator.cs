using FluentValidation;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Targets;

namespace Outcomes.Ingestion.Frameworks.Validation;

/// <summary>
/// How a target varies and is judged: phasing is spelled right and only splits an annual count or sum of money of a
/// measure reported more often than yearly; a profile comes only with <c>phasing: profile</c>, has 4 (quarters) or 12
/// (months) shares, none negative, adding up to 100; a trajectory has all of baseline_value, baseline_date and a later
/// target_date, with a baseline that fits the measure's unit; use_confidence_interval is true or false, and true only for a
/// measure with a confidence-interval method.
/// </summary>
internal sealed class TargetScheduleValidator : AbstractValidator<TargetDocument>
{
    public TargetScheduleValidator(TargetContext context)
    {
        RuleFor(t => t.Phasing).Must(Vocabulary.Phasing.IsValid).When(t => t.Phasing is not null).WithErrorCode("target.phasing")
            .WithMessage(t => $"target for '{t.Measure}' phasing '{t.Phasing}' is not one of {Vocabulary.Phasing.OneOf}");
        RuleFor(t => t.Phasing).Must((t, _) => Unit(t, context) is MeasureUnit.Count or MeasureUnit.Currency)
            .When(t => IsPhased(t) && Unit(t, context) is not null).WithErrorCode("target.phasing.unit")
            .WithMessage(t => $"target for '{t.Measure}' is phased, but only a count or money is split between quarters; " +
                $"a {context.Latest(t.Measure)!.Unit} target applies in every quarter as it stands (remove phasing)");
        RuleFor(t => t.Phasing).Must((t, _) => Frequency(t, context) != Domain.Frameworks.Frequency.Annual)
            .When(t => IsPhased(t)).WithErrorCode("target.phasing.annual-measure")
            .WithMessage(t => $"target for '{t.Measure}' is phased, but the measure is reported once a year, so there are no quarters to phase into");

        RuleFor(t => t.Phasing).Must((t, _) => t.Profile.Count > 0).When(t => PhasingIs(t, TargetPhasing.Profile)).WithErrorCode("target.profile.missing")
            .WithMessage(t => $"target for '{t.Measure}' is phased by profile but has no profile (e.g. profile: [20, 25, 25, 30])");
        RuleFor(t => t.Profile).Empty().When(t => !PhasingIs(t, TargetPhasing.Profile) && Vocabulary.Phasing.IsValid(t.Phasing ?? "none"))
            .WithErrorCode("target.profile.unused")
            .WithMessage(t => $"target for '{t.Measure}' has a profile, but its phasing is not 'profile'");
        RuleFor(t => t.Profile).Must(p => p.All(s => Vocabulary.Decimal(s) is >= 0)).When(t => t.Profile.Count > 0)
            .WithErrorCode("target.profile.share")
            .WithMessage(t => $"target for '{t.Measure}' profile [{string.Join(", ", t.Profile)}] should hold numbers, 0 or more");
        RuleFor(t => t.Profile).Must(p => p.Count is 4 or 12).When(t => t.Profile.Count > 0)
            .WithErrorCode("target.profile.count")
            .WithMessage(t => $"target for '{t.Measure}' profile has {t.Profile.Count} shares; it needs 4 (Q1–Q4, April first) or 12 (April–March)");
        RuleFor(t => t.Profile).Must(p => p.Sum(s => Vocabulary.Decimal(s)!.Value) == 100m)
            .When(t => t.Profile.Count > 0 && t.Profile.All(s => Vocabulary.Decimal(s) is >= 0))
            .WithErrorCode("target.profile.total")
            .WithMessage(t => $"target for '{t.Measure}' profile adds up to {t.Profile.Sum(s => Vocabulary.Decimal(s)!.Value)}, not 100");

        RuleFor(t => t.BaselineValue).Must(v => Vocabulary.TryDecimal(v, out _)).When(t => t.BaselineValue is not null)
            .WithErrorCode("target.baseline-value")
            .WithMessage(t => $"target for '{t.Measure}' baseline_value '{t.BaselineValue}' is not a number");
        RuleFor(t => t.BaselineValue).Must(v => Vocabulary.Decimal(v) is >= 0 and <= 100)
            .When(t => Vocabulary.Decimal(t.BaselineValue) is not null && Unit(t, context) == MeasureUnit.Percentage)
            .WithErrorCode("target.percentage.range")
            .WithMessage(t => $"target for '{t.Measure}' baseline_value is {t.BaselineValue}, but a percentage must be between 0 and 100");
        RuleFor(t => t.BaselineDate).Must(Vocabulary.IsDateOrBlank).WithErrorCode("target.baseline-date")
            .WithMessage(t => $"target for '{t.Measure}' baseline_date '{t.BaselineDate}' is not a date written yyyy-mm-dd");
        RuleFor(t => t.TargetDate).Must(Vocabulary.IsDateOrBlank).WithErrorCode("target.target-date")
            .WithMessage(t => $"target for '{t.Measure}' target_date '{t.TargetDate}' is not a date written yyyy-mm-dd");
        RuleFor(t => t).Custom((t, ctx) =>
        {
            var missing = Missing(t).ToList();
            if (t.MentionsTrajectory && missing.Count > 0)
            {
                ctx.AddFailure(ValidationProblems.Failure(Where.Of(t, FirstWritten(t)), "target.trajectory.incomplete",
                    $"target for '{t.Measure}' has part of a trajectory; it needs all of baseline_value, baseline_date and target_date (missing: {string.Join(", ", missing)})"));
            }
        });
        RuleFor(t => t.TargetDate).Must((t, to) => Vocabulary.Date(to) > Vocabulary.Date(t.BaselineDate))
            .When(t => Vocabulary.Date(t.TargetDate) is not null && Vocabulary.Date(t.BaselineDate) is not null)
            .WithErrorCode("target.trajectory.dates-order")
            .WithMessage(t => $"target for '{t.Measure}' target_date {t.TargetDate} is not after its baseline_date {t.BaselineDate}");

        RuleFor(t => t.UseConfidenceInterval).Must(Vocabulary.IsBoolOrBlank).WithErrorCode("target.use-confidence-interval")
            .WithMessage(t => $"target for '{t.Measure}' use_confidence_interval '{t.UseConfidenceInterval}' should be true or false");
        RuleFor(t => t.UseConfidenceInterval).Must((t, _) => HasIntervalMethod(t, context))
            .When(t => Vocabulary.TryBool(t.UseConfidenceInterval, out var b) && b && context.Latest(t.Measure) is not null)
            .WithErrorCode("target.use-confidence-interval.no-method")
            .WithMessage(t => $"target for '{t.Measure}' is to be judged on the confidence interval, but the measure has no ci_method");
    }

    /// <summary>True for a measure whose latest version names a Wilson or Byar interval.</summary>
    public static bool HasIntervalMethod(TargetDocument t, TargetContext context) =>
        Vocabulary.CiMethod.TryParse(context.Latest(t.Measure)?.CiMethod, out var method) && method != ConfidenceIntervalMethod.None;

    private static bool IsPhased(TargetDocument t) =>
        Vocabulary.Phasing.TryParse(t.Phasing, out var p) && p != TargetPhasing.None;

    private static bool PhasingIs(TargetDocument t, TargetPhasing phasing) =>
        Vocabulary.Phasing.TryParse(t.Phasing, out var p) && p == phasing;

    private static MeasureUnit? Unit(TargetDocument t, TargetContext context) =>
        Vocabulary.Unit.TryParse(context.Latest(t.Measure)?.Unit, out var u) ? u : null;

    private static Frequency? Frequency(TargetDocument t, TargetContext context) =>
        Vocabulary.Frequency.TryParse(context.Latest(t.Measure)?.Frequency, out var f) ? f : null;

    private static IEnumerable<string> Missing(TargetDocument t) =>
        new[] { ("baseline_value", t.BaselineValue), ("baseline_date", t.BaselineDate), ("target_date", t.TargetDate) }
            .Where(x => x.Item2 is null).Select(x => x.Item1);

    /// <summary>The first trajectory field the target does write, so the problem points at a line that exists.</summary>
    private static string FirstWritten(TargetDocument t) =>
        t.BaselineValue is not null ? "baseline_value" : t.BaselineDate is not null ? "baseline_date" : "target_date";
}
