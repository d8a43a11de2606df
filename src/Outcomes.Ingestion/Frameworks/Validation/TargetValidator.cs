using FluentValidation;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Targets;

namespace Outcomes.Ingestion.Frameworks.Validation;

/// <summary>What a target may refer to: the measures of each version (with its dates) and the org units by type.</summary>
internal sealed class TargetContext
{
    public TargetContext(IEnumerable<VersionDocument> versions, IEnumerable<UnitDocument> units)
    {
        foreach (var v in versions)
        {
            var from = Vocabulary.Date(v.EffectiveFrom) ?? DateOnly.MinValue;
            var to = Vocabulary.Date(v.EffectiveTo) ?? DateOnly.MaxValue;
            foreach (var m in v.Measures.Where(m => m.Code is not null))
            {
                if (!Measures.TryGetValue(m.Code!, out var list))
                {
                    Measures[m.Code!] = list = [];
                }

                list.Add((from, to, m));
            }
        }

        foreach (var u in units.Where(u => u.Code is not null))
        {
            UnitTypes.TryAdd(u.Code!, Vocabulary.Level.TryParse(u.Type, out var t) ? t : null);
        }
    }

    public Dictionary<string, List<(DateOnly From, DateOnly To, MeasureDocument Measure)>> Measures { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, OrgUnitType?> UnitTypes { get; } = new(StringComparer.OrdinalIgnoreCase);

    public MeasureDocument? Latest(string? code) =>
        code is not null && Measures.TryGetValue(code, out var list) ? list[^1].Measure : null;
}

/// <summary>
/// One target: it names a known measure and org unit, its dates fall where the measure exists, its value fits the
/// measure's unit (a percentage is 0–100), the stretch lies beyond the target in the measure's good direction,
/// and tolerance and source are spelled right.
/// </summary>
internal sealed class TargetValidator : AbstractValidator<TargetDocument>
{
    public TargetValidator(TargetContext context)
    {
        RuleFor(t => t.Measure).NotEmpty().WithErrorCode("target.measure.missing").WithMessage("a target has no measure");
        RuleFor(t => t.Measure).Must(m => context.Measures.ContainsKey(m!)).When(t => !string.IsNullOrEmpty(t.Measure))
            .WithErrorCode("target.measure.unknown")
            .WithMessage(t => $"target for measure '{t.Measure}': no version of the framework has that measure");
        RuleFor(t => t.OrgUnit).Must(u => context.UnitTypes.ContainsKey(u!)).When(t => !t.IsDefault)
            .WithErrorCode("target.org-unit.unknown")
            .WithMessage(t => $"target for '{t.Measure}' names org unit '{t.OrgUnit}', which organisation.yaml does not have");

        RuleFor(t => t.From).Must(Vocabulary.IsDateOrBlank).WithErrorCode("target.from")
            .WithMessage(t => $"target for '{t.Measure}' from '{t.From}' is not a date written yyyy-mm-dd");
        RuleFor(t => t.To).Must(Vocabulary.IsDateOrBlank).WithErrorCode("target.to")
            .WithMessage(t => $"target for '{t.Measure}' to '{t.To}' is not a date written yyyy-mm-dd");
        RuleFor(t => t.To).Must((t, to) => Vocabulary.Date(to) >= Vocabulary.Date(t.From))
            .When(t => Vocabulary.Date(t.To) is not null && Vocabulary.Date(t.From) is not null)
            .WithErrorCode("target.dates.order")
            .WithMessage(t => $"target for '{t.Measure}' ends ({t.To}) before it starts ({t.From})");
        RuleFor(t => t.From).Must((t, _) => OverlapsAVersionWithTheMeasure(t, context))
            .When(t => t.Measure is not null && context.Measures.ContainsKey(t.Measure) && Vocabulary.IsDateOrBlank(t.From) && Vocabulary.IsDateOrBlank(t.To))
            .WithErrorCode("target.dates.outside-measure")
            .WithMessage(t => $"target for '{t.Measure}' ({t.From ?? "any time"} to {t.To ?? "open-ended"}) falls outside every version that has that measure");

        RuleFor(t => t.Value).NotEmpty().WithErrorCode("target.value.missing").WithMessage(t => $"target for '{t.Measure}' has no value");
        RuleFor(t => t.Value).Must(v => Vocabulary.TryDecimal(v, out _)).When(t => t.Value is not null).WithErrorCode("target.value")
            .WithMessage(t => $"target for '{t.Measure}' value '{t.Value}' is not a number");
        RuleFor(t => t.Stretch).Must(Vocabulary.IsDecimalOrBlank).WithErrorCode("target.stretch")
            .WithMessage(t => $"target for '{t.Measure}' stretch '{t.Stretch}' is not a number");
        RuleFor(t => t.Value).Must(v => Vocabulary.Decimal(v) is >= 0 and <= 100)
            .When(t => Vocabulary.Decimal(t.Value) is not null && UnitOf(t, context) == MeasureUnit.Percentage)
            .WithErrorCode("target.percentage.range")
            .WithMessage(t => $"target for '{t.Measure}' is {t.Value}, but a percentage target must be between 0 and 100");
        RuleFor(t => t.Stretch).Must(v => Vocabulary.Decimal(v) is >= 0 and <= 100)
            .When(t => Vocabulary.Decimal(t.Stretch) is not null && UnitOf(t, context) == MeasureUnit.Percentage)
            .WithErrorCode("target.percentage.range")
            .WithMessage(t => $"target for '{t.Measure}' stretch is {t.Stretch}, but a percentage must be between 0 and 100");
        RuleFor(t => t.Stretch).Must((t, s) => StretchIsBeyondTarget(t, context))
            .When(t => Vocabulary.Decimal(t.Stretch) is not null && Vocabulary.Decimal(t.Value) is not null)
            .WithErrorCode("target.stretch.direction")
            .WithMessage(t => $"target for '{t.Measure}' stretch {t.Stretch} is not beyond the target {t.Value} in the direction that is better for this measure");

        RuleFor(t => t.Tolerance).Must(v => v is null || Vocabulary.Decimal(v) is >= 0).WithErrorCode("target.tolerance")
            .WithMessage(t => $"target for '{t.Measure}' tolerance '{t.Tolerance}' should be a number, 0 or more");
        RuleFor(t => t.ToleranceKind).Must(Vocabulary.ToleranceKind.IsValid).When(t => t.ToleranceKind is not null)
            .WithErrorCode("target.tolerance-kind")
            .WithMessage(t => $"target for '{t.Measure}' tolerance_kind '{t.ToleranceKind}' is not one of {Vocabulary.ToleranceKind.OneOf}");
        RuleFor(t => t.Tolerance).Must(v => Vocabulary.Decimal(v) <= 100)
            .When(t => Vocabulary.ToleranceKind.TryParse(t.ToleranceKind, out var k) && k == ToleranceKind.Relative && Vocabulary.Decimal(t.Tolerance) is not null)
            .WithErrorCode("target.tolerance.relative-range")
            .WithMessage(t => $"target for '{t.Measure}' has a relative tolerance of {t.Tolerance}%; it should be 0 to 100");

        RuleFor(t => t.Source).Must(Vocabulary.Source.IsValid).When(t => t.Source is not null).WithErrorCode("target.source")
            .WithMessage(t => $"target for '{t.Measure}' source '{t.Source}' is not one of {Vocabulary.Source.OneOf}");
        RuleFor(t => t.SetOn).Must(Vocabulary.IsDateOrBlank).WithErrorCode("target.set-on")
            .WithMessage(t => $"target for '{t.Measure}' set_on '{t.SetOn}' is not a date written yyyy-mm-dd");
        RuleFor(t => t.SetOn).NotEmpty().When(t => Vocabulary.Source.TryParse(t.Source, out var s) && s == TargetSource.AdvisoryBoard)
            .WithErrorCode("target.advisory-board.set-on")
            .WithMessage(t => $"target for '{t.Measure}' at '{t.OrgUnit}' was set by an advisory board but says not when (set_on)");

        RuleFor(t => t.OrgUnit).Must((t, u) => IsAtOrAboveReportingLevel(context.UnitTypes[u!], context.Latest(t.Measure)!.ReportedAt))
            .When(t => !t.IsDefault && context.UnitTypes.ContainsKey(t.OrgUnit!) && context.Latest(t.Measure)?.ReportedAt is not null)
            .WithErrorCode("target.org-unit.below-reported-at")
            .WithMessage(t => $"target for '{t.Measure}' is set on '{t.OrgUnit}', but that measure is only reported at {context.Latest(t.Measure)!.ReportedAt} level");

        Include(new TargetScheduleValidator(context));
    }

    /// <summary>A target on a centre for a measure reported only at authority level could never be met or missed.</summary>
    private static bool IsAtOrAboveReportingLevel(OrgUnitType? unitType, string? reportedAt) =>
        unitType is null || !Vocabulary.Level.TryParse(reportedAt, out var level) || Rank(unitType.Value) <= Rank(level);

    private static int Rank(OrgUnitType type) => type switch
    {
        OrgUnitType.Authority => 0,
        OrgUnitType.Cluster or OrgUnitType.District or OrgUnitType.Locality => 1,
        OrgUnitType.Centre or OrgUnitType.FamilyHub => 2,
        _ => 3,
    };

    private static MeasureUnit? UnitOf(TargetDocument t, TargetContext context) =>
        Vocabulary.Unit.TryParse(context.Latest(t.Measure)?.Unit, out var u) ? u : null;

    private static bool OverlapsAVersionWithTheMeasure(TargetDocument t, TargetContext context)
    {
        var from = Vocabulary.Date(t.From) ?? DateOnly.MinValue;
        var to = Vocabulary.Date(t.To) ?? DateOnly.MaxValue;
        return context.Measures[t.Measure!].Any(v => v.From <= to && from <= v.To);
    }

    private static bool StretchIsBeyondTarget(TargetDocument t, TargetContext context)
    {
        var value = Vocabulary.Decimal(t.Value)!.Value;
        var stretch = Vocabulary.Decimal(t.Stretch)!.Value;
        return Vocabulary.Polarity.TryParse(context.Latest(t.Measure)?.Polarity, out var p) ? p switch
        {
            Polarity.HigherIsBetter => stretch >= value,
            Polarity.LowerIsBetter => stretch <= value,
            _ => true,
        } : true;
    }
}
