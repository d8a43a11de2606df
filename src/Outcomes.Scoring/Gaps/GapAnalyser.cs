using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Numbers;
using Outcomes.Domain.Periods;
using Outcomes.Scoring.Rag;

namespace Outcomes.Scoring.Gaps;

/// <summary>
/// Gaps between two groups of the same measure ("the 30% most disadvantaged areas and the rest", "boys and girls"):
/// the gap each period (A − B, values rounded as printed), whether it narrowed, widened or reversed since a base period
/// and since the previous one, and a sentence: "The gap between boys and girls narrowed by 5.0 points to 13.0 points
/// over four years." Narrowing is about size, whichever group is ahead; the measure's polarity decides which group is
/// "ahead" (the higher for higher-is-better, the lower for lower-is-better; "higher" when there is no judgement).
/// A change in size smaller than <c>materiality</c> is no change, as for direction of travel. Pure.
/// </summary>
public static class GapAnalyser
{
    /// <summary>
    /// The gap between <paramref name="a"/> and <paramref name="b"/> in every period either has, in <paramref name="current"/>,
    /// and its change since <paramref name="basePeriod"/> and since the latest earlier period where both groups have a value.
    /// </summary>
    public static GapAnalysis Analyse(Measure measure, GroupSeries a, GroupSeries b, Period basePeriod, Period current, decimal materiality = 0m)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);

        var aValues = Rounded(measure, a);
        var bValues = Rounded(measure, b);
        var points = aValues.Keys.Union(bValues.Keys).Append(current).Append(basePeriod).Distinct().Order()
            .Select(p => Point(measure, a.Label, b.Label, p, aValues.GetValueOrDefault(p), bValues.GetValueOrDefault(p)))
            .ToList();
        var now = points.Single(p => p.Period == current);
        var then = points.Single(p => p.Period == basePeriod);
        var previous = points.LastOrDefault(p => p.Period < current && p.Gap is not null);

        var sinceBase = Change(measure, a.Label, b.Label, then, now, materiality);
        var sincePrevious = previous is null
            ? new GapChange(null, current, null, now.Gap, null, GapTrend.NotComparable,
                $"The gap between {a.Label} and {b.Label} has no earlier period to compare with.")
            : Change(measure, a.Label, b.Label, previous, now, materiality);
        var explanation = sinceBase.Trend != GapTrend.NotComparable ? sinceBase.Explanation
            : sincePrevious.Trend != GapTrend.NotComparable ? sincePrevious.Explanation
            : now.Explanation;
        return new GapAnalysis(points, now, sinceBase, sincePrevious, explanation);
    }

    /// <summary>How the gap moved from <paramref name="from"/> to <paramref name="to"/>, with the sentence.</summary>
    public static GapChange Change(Measure measure, string labelA, string labelB, GapPoint from, GapPoint to, decimal materiality = 0m)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var between = $"The gap between {labelA} and {labelB}";
        var span = PeriodSpan.Describe(from.Period, to.Period);
        if (from.Gap is not { } before || to.Gap is not { } after)
        {
            var missing = from.Gap is null ? from.Period.Key : to.Period.Key;
            return new GapChange(from.Period, to.Period, from.Gap, to.Gap, null, GapTrend.NotComparable,
                $"{between} cannot be compared {span}: a value for {missing} is missing.");
        }

        string Diff(decimal d) => MeasureValueFormatter.Difference(measure, d);
        var change = Math.Abs(after) - Math.Abs(before);
        var material = change != 0 && Math.Abs(change) >= materiality;
        if (before != 0 && after != 0 && Math.Sign(before) != Math.Sign(after) && Math.Abs(after - before) >= materiality)
        {
            return new GapChange(from.Period, to.Period, before, after, change, GapTrend.Reversed,
                $"{between} reversed {span}: from {Leader(measure, labelA, labelB, before)} by {Diff(before)} to {Leader(measure, labelA, labelB, after)} by {Diff(after)}.");
        }

        if (!material)
        {
            var text = change == 0
                ? $"{between} stayed at {Diff(after)} {span}."
                : $"{between} stayed at about {Diff(after)} {span}: it {(change < 0 ? "narrowed" : "widened")} by {Diff(change)}, less than the {Diff(materiality)} that counts as a change.";
            return new GapChange(from.Period, to.Period, before, after, change, GapTrend.NoChange, text);
        }

        if (change < 0)
        {
            var text = after == 0
                ? $"{between} closed {span} (it was {Diff(before)})."
                : $"{between} narrowed by {Diff(change)} to {Diff(after)} {span}.";
            return new GapChange(from.Period, to.Period, before, after, change, GapTrend.Narrowed, text);
        }

        return new GapChange(from.Period, to.Period, before, after, change, GapTrend.Widened,
            $"{between} widened by {Diff(change)} to {Diff(after)} {span}.");
    }

    private static GapPoint Point(Measure measure, string labelA, string labelB, Period period, decimal? a, decimal? b)
    {
        string Value(decimal? v) => v is { } x ? MeasureValueFormatter.Value(measure, x) : "no value";
        var values = $"({labelA} {Value(a)}, {labelB} {Value(b)})";
        var text = a is not { } x || b is not { } y
            ? $"The gap between {labelA} and {labelB} cannot be given for {period.Key} {values}."
            : x == y
                ? $"There is no gap between {labelA} and {labelB} in {period.Key} {values}."
                : $"The gap between {labelA} and {labelB} is {MeasureValueFormatter.Difference(measure, x - y)} in {period.Key}, with {Leader(measure, labelA, labelB, x - y)} {values}.";
        return new GapPoint(period, a, b, text);
    }

    /// <summary>"girls ahead" for a gap A − B: the group on the good side of the other (or "girls higher" with no judgement).</summary>
    private static string Leader(Measure measure, string labelA, string labelB, decimal gap)
    {
        var aHigher = gap > 0;
        return measure.Polarity switch
        {
            Polarity.HigherIsBetter => $"{(aHigher ? labelA : labelB)} ahead",
            Polarity.LowerIsBetter => $"{(aHigher ? labelB : labelA)} ahead",
            _ => $"{(aHigher ? labelA : labelB)} higher",
        };
    }

    private static Dictionary<Period, decimal?> Rounded(Measure measure, GroupSeries series)
    {
        var byPeriod = new Dictionary<Period, decimal?>();
        foreach (var v in series.Values)
        {
            byPeriod[v.Period] = v.Value is { } x ? OfficialRounding.Round(x, measure.Decimals) : null;
        }

        return byPeriod;
    }
}
