using System.Globalization;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Targets;

namespace Outcomes.Scoring.Baselines;

/// <summary>A value to measure change from, and when it was, as a sentence names it ("2015-16", "March 2017").</summary>
public sealed record Baseline(decimal Value, string When)
{
    /// <summary>The value of a period: When is its key ("2015-16", "2017-18 Q4").</summary>
    public static Baseline At(Period period, decimal value) => new(value, period.Key);

    /// <summary>A value measured on a date: When is its month ("March 2017").</summary>
    public static Baseline On(DateOnly date, decimal value) => new(value, date.ToString("MMMM yyyy", CultureInfo.InvariantCulture));

    /// <summary>The baseline a trajectory target starts from; null when the target has none.</summary>
    public static Baseline? Of(Target target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target is { BaselineValue: { } value, BaselineDate: { } date } ? On(date, value) : null;
    }
}
