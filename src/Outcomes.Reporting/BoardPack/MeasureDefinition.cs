using Outcomes.Domain.Frameworks;

namespace Outcomes.Reporting.BoardPack;

/// <summary>A measure's line in a pack's definitions appendix: what it counts, its unit, polarity, calculation and disclosure rule.</summary>
public static class MeasureDefinition
{
    public static DefinitionItem Of(Measure m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new DefinitionItem
        {
            Code = m.Code,
            Title = m.Title,
            Definition = string.IsNullOrWhiteSpace(m.Definition) ? m.Title : m.Definition,
            UnitText = MeasureFormat.UnitText(m),
            PolarityText = m.Polarity switch
            {
                Polarity.HigherIsBetter => "Higher is better",
                Polarity.LowerIsBetter => "Lower is better",
                _ => "No judgement",
            },
            Calculation = m.HasRatio
                ? $"{m.NumeratorLabel ?? "Numerator"} ÷ {m.DenominatorLabel ?? "denominator"}"
                  + (m.Multiplier == 1 ? string.Empty : $" × {MeasureFormat.Count(m.Multiplier)}")
                : string.Empty,
            DisclosureText = m.DisclosureThreshold is { } t ? $"Counts below {t} shown as c" : string.Empty,
        };
    }
}
