using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Numbers;
using Outcomes.Domain.Periods;
using Outcomes.Scoring.Rag;

namespace Outcomes.Scoring.Baselines;

/// <summary>
/// Change since a baseline, as councils report it ("re-referrals down 75% since 2015-16"): the absolute change, the
/// percentage change (change ÷ |baseline| × 100; none from a baseline of zero, which is said rather than divided by),
/// improved or worsened by the measure's polarity, and a sentence. Values are compared as printed (rounded to the
/// measure's decimals); a change smaller than <c>materiality</c> is no change, as for direction of travel. Pure.
/// </summary>
public static class BaselineComparer
{
    /// <summary>The change from <paramref name="baseline"/> to <paramref name="current"/> (the value for <paramref name="currentPeriod"/>), judged and explained.</summary>
    public static BaselineChange Compare(Measure measure, Baseline baseline, decimal? current, Period currentPeriod, decimal materiality = 0m)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(baseline);
        var baseValue = OfficialRounding.Round(baseline.Value, measure.Decimals);
        var baseText = $"the baseline of {MeasureValueFormatter.Value(measure, baseValue)} in {baseline.When}";
        if (current is null)
        {
            return new BaselineChange(null, null, BaselineOutcome.NotComparable,
                $"Not comparable: there is no value for {currentPeriod.Key} to compare with {baseText}.");
        }

        var now = OfficialRounding.Round(current.Value, measure.Decimals);
        var change = now - baseValue;
        decimal? percent = baseValue == 0 ? null : change / Math.Abs(baseValue) * 100m;
        var shown = $"{MeasureValueFormatter.Value(measure, now)} in {currentPeriod.Key}";
        var difference = MeasureValueFormatter.Difference(measure, change);
        var direction = change > 0 ? "up" : "down";

        if (change == 0)
        {
            return new BaselineChange(change, percent, BaselineOutcome.NoChange, $"No change: {shown} is the same as {baseText}.");
        }

        if (Math.Abs(change) < materiality)
        {
            return new BaselineChange(change, percent, BaselineOutcome.NoChange,
                $"No change: {shown} is {direction} {difference} on {baseText}, less than the {MeasureValueFormatter.Difference(measure, materiality)} that counts as a change.");
        }

        var outcome = measure.Polarity switch
        {
            Polarity.HigherIsBetter => change > 0 ? BaselineOutcome.Improved : BaselineOutcome.Worsened,
            Polarity.LowerIsBetter => change < 0 ? BaselineOutcome.Improved : BaselineOutcome.Worsened,
            _ => change > 0 ? BaselineOutcome.Increased : BaselineOutcome.Decreased,
        };
        var text = percent is { } p
            ? $"{Describe(outcome)}: {shown} is {direction} {OfficialRounding.Format(Math.Abs(p), 1)}%, or {difference}, on {baseText}."
            : $"{Describe(outcome)}: {shown} is {direction} {difference} on {baseText} (no percentage change can be given from a baseline of zero).";
        return new BaselineChange(change, percent, outcome, text);
    }

    /// <summary>"Improved", "Worsened", "No change", "Increased", "Decreased", "Not comparable".</summary>
    public static string Describe(BaselineOutcome outcome) => outcome switch
    {
        BaselineOutcome.Improved => "Improved",
        BaselineOutcome.Worsened => "Worsened",
        BaselineOutcome.NoChange => "No change",
        BaselineOutcome.Increased => "Increased",
        BaselineOutcome.Decreased => "Decreased",
        _ => "Not comparable",
    };
}
