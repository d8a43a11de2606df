using System.Globalization;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Numbers;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Targets;
using Outcomes.Scoring.Rag;

namespace Outcomes.Scoring.Targets;

/// <summary>
/// A trajectory: the target moves in a straight line from the baseline (value, date) to the target value by the target
/// date, read at the end of the period being scored, then holds at the target value; before the baseline date it is the
/// baseline value. Time is counted in months (each day its fraction of its month), so quarter ends fall on whole months,
/// as councils set trajectories: 55% in March 2017 to 70% by March 2020 gives 61.25% at the end of June 2018, printed
/// 61.3%. The value is rounded to the measure's decimals, as printed. A stretch keeps its distance from the target; the
/// tolerance is unchanged.
/// </summary>
public static class TargetTrajectory
{
    /// <summary>
    /// The target for <paramref name="period"/> with a note such as "On the trajectory from 55.0% (March 2017) to 70.0% by
    /// March 2020: 61.3% for 2018-19 Q1."; the target unchanged (note null) when it has no trajectory.
    /// </summary>
    public static (Target Target, string? Note) Interpolate(Measure measure, Target target, Period period)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(target);
        if (!target.HasTrajectory)
        {
            return (target, null);
        }

        var value = OfficialRounding.Round(ValueOn(target, period.End), measure.Decimals);
        var moved = target with
        {
            Value = value,
            Stretch = target.Stretch is { } s ? value + (s - target.Value) : null,
            BaselineValue = null,
            BaselineDate = null,
            TargetDate = null,
        };

        var start = MeasureValueFormatter.Value(measure, target.BaselineValue!.Value);
        var end = MeasureValueFormatter.Value(measure, target.Value);
        var from = MonthYear(target.BaselineDate!.Value);
        var by = MonthYear(target.TargetDate!.Value);
        var now = MeasureValueFormatter.Value(measure, value);
        var note = period.End < target.BaselineDate
            ? $"The trajectory from {start} ({from}) to {end} by {by} has not started: {now}, the baseline, for {period.Key}."
            : period.End > target.TargetDate
                ? $"The trajectory from {start} ({from}) reached {end} in {by} and holds there: {now} for {period.Key}."
                : $"On the trajectory from {start} ({from}) to {end} by {by}: {now} for {period.Key}.";
        return (moved, note);
    }

    /// <summary>The unrounded value of the trajectory on <paramref name="date"/>; the target's value when it has no trajectory.</summary>
    public static decimal ValueOn(Target target, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.HasTrajectory)
        {
            return target.Value;
        }

        var baseline = target.BaselineValue!.Value;
        var start = MonthPosition(target.BaselineDate!.Value);
        var fraction = (MonthPosition(date) - start) / (MonthPosition(target.TargetDate!.Value) - start);
        return baseline + ((target.Value - baseline) * Math.Clamp(fraction, 0m, 1m));
    }

    /// <summary>Months since year 0, each day counting as its share of its month: 31 March and 1 April are a day apart, 31 March and 30 June three months.</summary>
    private static decimal MonthPosition(DateOnly date) =>
        (date.Year * 12m) + date.Month + ((decimal)date.Day / DateTime.DaysInMonth(date.Year, date.Month));

    private static string MonthYear(DateOnly date) => date.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
}
