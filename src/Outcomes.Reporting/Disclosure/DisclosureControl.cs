using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Observations;

namespace Outcomes.Reporting.Disclosure;

/// <summary>
/// Statistical disclosure control for everything published from a score (packs, workbooks, web pages, API): a figure
/// suppressed by its return shows its code, a disclosive one (a count below the measure's threshold) shows "c", and
/// neither may leak through anything worked out from it, including the explanation sentences, which quote the figure
/// itself and, when the direction of travel is given, the previous figure ("Improving from 42.9% the previous quarter").
/// </summary>
public static class DisclosureControl
{
    /// <summary>What a disclosive figure prints as.</summary>
    public const string Withheld = "c";

    /// <summary>Printed in place of an explanation that would quote a withheld figure.</summary>
    public const string ExplanationWithheld = "Not shown: it would quote a figure withheld to protect confidentiality (shown as c).";

    /// <summary>True when the score has a figure the return did not suppress but which is below the measure's disclosure threshold.</summary>
    public static bool IsDisclosive(Measure measure, Score score)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(score);
        return score.SuppressionReason is null && score.Actual is not null && measure.IsDisclosive(score.Actual, score.Numerator, score.Denominator);
    }

    /// <summary>True when a figure exists but may not be shown: suppressed by the return, or disclosive.</summary>
    public static bool IsWithheld(Measure measure, Score score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return score.SuppressionReason is not null || IsDisclosive(measure, score);
    }

    /// <summary>
    /// True when the score's explanation quotes, as the previous value, a figure that is withheld: one of the earlier
    /// scores with that value is suppressed or disclosive, or the value is itself a count below the threshold.
    /// </summary>
    /// <param name="measure">The measure.</param>
    /// <param name="score">The score whose explanation is to be printed.</param>
    /// <param name="earlier">The unit's earlier scores for the measure (at least the one before it).</param>
    public static bool QuotesWithheldPrevious(Measure measure, Score score, IEnumerable<Score> earlier)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(earlier);
        return score.DirectionFromPrevious != Direction.NotComparable && score.PreviousValue is { } before
            && (measure.IsDisclosive(before, null, null)
                || earlier.Any(e => e.Actual == before && e.Period != score.Period && (e.SuppressionReason is not null || IsDisclosive(measure, e))));
    }

    /// <summary>The score's explanation, or null when it would quote a withheld figure (its own or the previous one).</summary>
    public static string? PublishableExplanation(Measure measure, Score score, IEnumerable<Score> earlier) =>
        IsDisclosive(measure, score) || QuotesWithheldPrevious(measure, score, earlier) ? null : score.Explanation;

    /// <summary>
    /// True when a history finding about a returned figure (an outlier against the unit's earlier values, or a jump from
    /// last quarter) would quote a withheld figure: the figure itself, or any earlier one of the unit's it was judged
    /// against (the median or the previous value quoted may be one of them).
    /// </summary>
    public static bool QuotesWithheldObservation(Measure measure, Observation now, IEnumerable<Observation> earlier)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(earlier);
        return measure.IsDisclosive(now.Value, now.Numerator, now.Denominator)
            || earlier.Any(o => o.HasValue && o.Period.Type == now.Period.Type && o.Period < now.Period
                && string.Equals(o.OrgUnitCode, now.OrgUnitCode, StringComparison.OrdinalIgnoreCase)
                && string.Equals(o.MeasureCode, now.MeasureCode, StringComparison.OrdinalIgnoreCase)
                && measure.IsDisclosive(o.Value, o.Numerator, o.Denominator));
    }
}
