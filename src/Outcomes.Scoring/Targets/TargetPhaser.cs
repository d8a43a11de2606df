using System.Globalization;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Numbers;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Targets;
using Outcomes.Scoring.Rag;

namespace Outcomes.Scoring.Targets;

/// <summary>
/// Turns an annual target into a quarter's (or month's) target. A phased target's value is the annual total; the
/// period's part is its share (equal, or from the profile). For a cumulative (year-to-date) measure the part is the sum
/// of the shares from Q1 (April) to the period: Q1 25%, Q2 50% … with equal phasing. Only counts and money are split;
/// a percentage, rate or score target applies in every quarter as it stands. The financial year runs April–March
/// (Q1 = April–June); a financial-year period takes the whole value. Values are rounded to the measure's decimals, as
/// printed. Stretch and an absolute tolerance are phased with the value; a relative tolerance needs no phasing.
/// </summary>
public static class TargetPhaser
{
    /// <summary>The target for <paramref name="period"/> and a note such as "Quarter 2 of the annual target of 400: 200 year to date."; the target unchanged (note null) when it is not phased.</summary>
    public static (Target Target, string? Note) Phase(Measure measure, Target target, Period period)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(target);
        if (target.Phasing == TargetPhasing.None)
        {
            return (target, null);
        }

        var annual = MeasureValueFormatter.Value(measure, target.Value);
        if (measure.Unit is not (MeasureUnit.Count or MeasureUnit.Currency))
        {
            return (target, $"The annual target of {annual} applies in every quarter; a {measure.Unit.ToString().ToLowerInvariant()} is not split between quarters.");
        }

        var (part, parts, word) = period.Type switch
        {
            PeriodType.FinancialQuarter => (period.Quarter, 4, "Quarter"),
            PeriodType.Month => ((period.Start.Month + 8) % 12 + 1, 12, "Month"),
            _ => (0, 0, string.Empty),
        };
        if (parts == 0)
        {
            return (target, null);
        }

        if (Shares(target, parts) is not { } shares)
        {
            var why = target.Profile is null
                ? "no phasing profile is set"
                : $"the phasing profile {target.Profile} has {target.Profile.Shares.Count} shares, not 4 (quarters) or 12 (months)";
            return (target, $"The annual target of {annual} is not phased because {why}.");
        }

        var total = shares.Sum();
        var share = measure.Cumulative ? shares.Take(part).Sum() : shares[part - 1];
        var fraction = share / total;
        var phased = target with
        {
            Value = OfficialRounding.Round(target.Value * fraction, measure.Decimals),
            Stretch = target.Stretch is { } s ? OfficialRounding.Round(s * fraction, measure.Decimals) : null,
            Tolerance = target.ToleranceKind == ToleranceKind.Absolute ? OfficialRounding.Round(target.Tolerance * fraction, measure.Decimals) : target.Tolerance,
            Phasing = TargetPhasing.None,
            Profile = null,
        };

        var how = target.Phasing == TargetPhasing.Profile ? $", phased {ProfileText(target.Profile!)}" : string.Empty;
        var span = measure.Cumulative ? "year to date" : $"in the {word.ToLowerInvariant()}";
        return (phased, $"{word} {part} of the annual target of {annual}{how}: {MeasureValueFormatter.Value(measure, phased.Value)} {span}.");
    }

    /// <summary>One share per part of the year (4 quarters or 12 months); null when the profile cannot give them.</summary>
    private static decimal[]? Shares(Target target, int parts)
    {
        if (target.Phasing == TargetPhasing.Equal)
        {
            return Enumerable.Repeat(1m, parts).ToArray();
        }

        var profile = target.Profile?.Shares;
        return profile?.Count switch
        {
            null => null,
            var n when n == parts => profile.ToArray(),
            4 when parts == 12 => profile.SelectMany(q => Enumerable.Repeat(q / 3m, 3)).ToArray(),
            12 when parts == 4 => profile.Chunk(3).Select(c => c.Sum()).ToArray(),
            _ => null,
        };
    }

    /// <summary>"20/25/25/30%" when the shares are percentages, else "in the proportions 1/2/2/3".</summary>
    private static string ProfileText(PhasingProfile profile) =>
        profile.Total == 100m
            ? string.Join('/', profile.Shares.Select(s => s.ToString(CultureInfo.InvariantCulture))) + "%"
            : "in the proportions " + profile;
}
