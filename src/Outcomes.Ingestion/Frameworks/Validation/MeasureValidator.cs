using FluentValidation;
using Outcomes.Domain.Frameworks;

namespace Outcomes.Ingestion.Frameworks.Validation;

/// <summary>One measure on its own: every field spelled right, and the fields its unit and aggregation need.</summary>
internal sealed class MeasureValidator : AbstractValidator<MeasureDocument>
{
    public MeasureValidator()
    {
        RuleFor(m => m.Code).NotEmpty().WithErrorCode("measure.code.missing")
            .WithMessage(m => $"a measure has no code (title '{m.Title}')");
        RuleFor(m => m.Code).Matches("^[A-Za-z][A-Za-z0-9_.-]*$").When(m => !string.IsNullOrEmpty(m.Code))
            .WithErrorCode("measure.code.pattern")
            .WithMessage(m => $"measure code '{m.Code}' should start with a letter and use only letters, digits, '-', '_' or '.'");
        RuleFor(m => m.Title).NotEmpty().WithErrorCode("measure.title.missing")
            .WithMessage(m => $"measure '{m.Code}' has no title");

        RuleFor(m => m.Unit).NotEmpty().WithErrorCode("measure.unit.missing")
            .WithMessage(m => $"measure '{m.Code}' has no unit (one of {Vocabulary.Unit.OneOf})");
        RuleFor(m => m.Unit).Must(Vocabulary.Unit.IsValid).When(m => m.Unit is not null).WithErrorCode("measure.unit")
            .WithMessage(m => $"measure '{m.Code}' unit '{m.Unit}' is not one of {Vocabulary.Unit.OneOf}");
        RuleFor(m => m.Polarity).NotEmpty().WithErrorCode("measure.polarity.missing")
            .WithMessage(m => $"measure '{m.Code}' has no polarity (one of {Vocabulary.Polarity.OneOf})");
        RuleFor(m => m.Polarity).Must(Vocabulary.Polarity.IsValid).When(m => m.Polarity is not null).WithErrorCode("measure.polarity")
            .WithMessage(m => $"measure '{m.Code}' polarity '{m.Polarity}' is not one of {Vocabulary.Polarity.OneOf}");
        RuleFor(m => m.Aggregation).NotEmpty().WithErrorCode("measure.aggregation.missing")
            .WithMessage(m => $"measure '{m.Code}' has no aggregation (one of {Vocabulary.Aggregation.OneOf})");
        RuleFor(m => m.Aggregation).Must(Vocabulary.Aggregation.IsValid).When(m => m.Aggregation is not null).WithErrorCode("measure.aggregation")
            .WithMessage(m => $"measure '{m.Code}' aggregation '{m.Aggregation}' is not one of {Vocabulary.Aggregation.OneOf}");
        RuleFor(m => m.Frequency).NotEmpty().WithErrorCode("measure.frequency.missing")
            .WithMessage(m => $"measure '{m.Code}' has no frequency (one of {Vocabulary.Frequency.OneOf})");
        RuleFor(m => m.Frequency).Must(Vocabulary.Frequency.IsValid).When(m => m.Frequency is not null).WithErrorCode("measure.frequency")
            .WithMessage(m => $"measure '{m.Code}' frequency '{m.Frequency}' is not one of {Vocabulary.Frequency.OneOf}");
        RuleFor(m => m.CiMethod).Must(Vocabulary.CiMethod.IsValid).When(m => m.CiMethod is not null).WithErrorCode("measure.ci-method")
            .WithMessage(m => $"measure '{m.Code}' ci_method '{m.CiMethod}' is not one of {Vocabulary.CiMethod.OneOf}");
        RuleFor(m => m.ReportedAt).Must(Vocabulary.Level.IsValid).When(m => m.ReportedAt is not null).WithErrorCode("measure.reported-at")
            .WithMessage(m => $"measure '{m.Code}' reported_at '{m.ReportedAt}' is not one of {Vocabulary.Level.OneOf}");

        RuleFor(m => m.Cumulative).Must(Vocabulary.IsBoolOrBlank).WithErrorCode("measure.cumulative")
            .WithMessage(m => $"measure '{m.Code}' cumulative '{m.Cumulative}' should be true or false");
        RuleFor(m => m.Required).Must(Vocabulary.IsBoolOrBlank).WithErrorCode("measure.required")
            .WithMessage(m => $"measure '{m.Code}' required '{m.Required}' should be true or false");
        RuleFor(m => m.Decimals).Must(d => d is null || Vocabulary.Int(d) is >= 0 and <= 4).WithErrorCode("measure.decimals")
            .WithMessage(m => $"measure '{m.Code}' decimals '{m.Decimals}' should be a whole number from 0 to 4");
        RuleFor(m => m.DisclosureThreshold).Must(d => d is null || Vocabulary.Int(d) is >= 0).WithErrorCode("measure.disclosure-threshold")
            .WithMessage(m => $"measure '{m.Code}' disclosure_threshold '{m.DisclosureThreshold}' should be a whole number, 0 or more");

        // A rate means nothing without "per how many".
        RuleFor(m => m.RatePer).NotEmpty().When(m => Is(m.Unit, MeasureUnit.Rate)).WithErrorCode("measure.rate-per.missing")
            .WithMessage(m => $"measure '{m.Code}' is a rate but has no rate_per (e.g. 1000 or 10000)");
        RuleFor(m => m.RatePer).Must(r => Vocabulary.Int(r) is 100 or 1000 or 10000 or 100000).When(m => m.RatePer is not null)
            .WithErrorCode("measure.rate-per")
            .WithMessage(m => $"measure '{m.Code}' rate_per '{m.RatePer}' should be 100, 1000, 10000 or 100000");
        RuleFor(m => m.RatePer).Empty().When(m => m.Unit is not null && !Is(m.Unit, MeasureUnit.Rate) && Vocabulary.Unit.IsValid(m.Unit))
            .WithErrorCode("measure.rate-per.not-a-rate")
            .WithMessage(m => $"measure '{m.Code}' has rate_per but its unit is {m.Unit}, not rate");

        // A ratio is recomputed from its parts at every level, so the return must collect both parts.
        RuleFor(m => m.NumeratorLabel).NotEmpty().When(m => IsRatio(m)).WithErrorCode("measure.ratio.numerator-label")
            .WithMessage(m => $"measure '{m.Code}' aggregates as a ratio but has no numerator_label");
        RuleFor(m => m.DenominatorLabel).NotEmpty().When(m => IsRatio(m)).WithErrorCode("measure.ratio.denominator-label")
            .WithMessage(m => $"measure '{m.Code}' aggregates as a ratio but has no denominator_label");

        // Never an average (or a sum) of percentages: METHODS §6.
        RuleFor(m => m.Aggregation).Must(a => !Is(a, Aggregation.Sum)).When(m => Is(m.Unit, MeasureUnit.Percentage) || Is(m.Unit, MeasureUnit.Rate))
            .WithErrorCode("measure.aggregation.sum-of-proportions")
            .WithMessage(m => $"measure '{m.Code}' is a {m.Unit} and cannot be summed across units; use ratio, latest-snapshot or none");

        RuleFor(m => m.CiMethod).Must(c => !Is(c, ConfidenceIntervalMethod.Wilson)).When(m => m.Unit is not null && !Is(m.Unit, MeasureUnit.Percentage))
            .WithErrorCode("measure.ci-method.wilson-needs-proportion")
            .WithMessage(m => $"measure '{m.Code}' uses a Wilson interval, which is for proportions, but its unit is {m.Unit}");
        RuleFor(m => m.CiMethod).Must(c => !Is(c, ConfidenceIntervalMethod.Byar)).When(m => Is(m.Unit, MeasureUnit.Percentage))
            .WithErrorCode("measure.ci-method.byar-needs-count")
            .WithMessage(m => $"measure '{m.Code}' uses a Byar interval, which is for counts and rates, but it is a percentage (use wilson)");

        RuleForEach(m => m.Comparators).Matches("^[a-z0-9][a-z0-9-]*$").WithErrorCode("measure.comparator")
            .WithMessage((m, c) => $"measure '{m.Code}' comparator '{c}' should be an indicator code in lower-case-with-hyphens (e.g. dfe-eyfsp-gld-percent)");
    }

    private static bool IsRatio(MeasureDocument m) => Is(m.Aggregation, Aggregation.Ratio);

    private static bool Is(string? text, MeasureUnit unit) => Vocabulary.Unit.TryParse(text, out var u) && u == unit;

    private static bool Is(string? text, Aggregation aggregation) => Vocabulary.Aggregation.TryParse(text, out var a) && a == aggregation;

    private static bool Is(string? text, ConfidenceIntervalMethod method) => Vocabulary.CiMethod.TryParse(text, out var c) && c == method;
}
