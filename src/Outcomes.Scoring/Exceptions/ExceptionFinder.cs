using System.Globalization;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Scores;

namespace Outcomes.Scoring.Exceptions;

/// <summary>
/// The exceptions a board or scrutiny committee is shown for a period: red and worsening ("red-red"), missing and late
/// returns, reds, SPC special causes of concern, outliers found at import, and trial SPC limits. Pure: the same inputs
/// give the same list, ordered by <see cref="ExceptionKind"/>, then org unit and measure. A measure listed as red and
/// worsening is not listed again as red.
/// </summary>
public static class ExceptionFinder
{
    public static IReadOnlyList<ScoreException> Find(
        Period period,
        IEnumerable<Score> scores,
        IEnumerable<ReturnExpectation>? returns = null,
        IEnumerable<OutlierFlag>? outliers = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var found = new List<ScoreException>();
        foreach (var s in scores.Where(s => s.Period == period))
        {
            if (s.Status == RagStatus.Red)
            {
                var redRed = s.DirectionFromPrevious == Direction.Worsening;
                found.Add(new ScoreException(
                    redRed ? ExceptionKind.RedAndWorsening : ExceptionKind.Red,
                    s.OrgUnitCode,
                    s.MeasureCode,
                    period,
                    (redRed ? "Red and worsening. " : string.Empty) + s.Explanation));
            }

            if (s.Spc is { } spc)
            {
                if (spc.Variation == SpcVariation.SpecialCauseConcern)
                {
                    found.Add(new ScoreException(ExceptionKind.SpecialCauseConcern, s.OrgUnitCode, s.MeasureCode, period, spc.Explanation));
                }

                if (spc.IsTrial && spc.Variation != SpcVariation.NotCalculable)
                {
                    found.Add(new ScoreException(ExceptionKind.TrialLimits, s.OrgUnitCode, s.MeasureCode, period,
                        $"The SPC limits rest on {spc.Points} {(spc.Points == 1 ? "point" : "points")}, fewer than 13: they are trial limits and may move as data arrive."));
                }
            }
        }

        foreach (var r in returns ?? [])
        {
            if (r.Period != period)
            {
                continue;
            }

            var deadline = r.Deadline.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
            if (r.FirstSubmittedAt is not { } at)
            {
                found.Add(new ScoreException(ExceptionKind.MissingReturn, r.OrgUnitCode, null, period,
                    $"The {period.Label} return from {r.Who} was due by {deadline} and has not been received."));
            }
            else if (DateOnly.FromDateTime(at.Date) > r.Deadline)
            {
                var days = DateOnly.FromDateTime(at.Date).DayNumber - r.Deadline.DayNumber;
                found.Add(new ScoreException(ExceptionKind.LateReturn, r.OrgUnitCode, null, period,
                    $"The {period.Label} return from {r.Who} arrived {days} {(days == 1 ? "day" : "days")} after its deadline of {deadline}."));
            }
        }

        foreach (var o in outliers ?? [])
        {
            if (o.Period == period)
            {
                found.Add(new ScoreException(ExceptionKind.Outlier, o.OrgUnitCode, o.MeasureCode, period,
                    $"Data quality: {o.Detail}{(o.HasCommentary ? "; the return explains it." : "; the return gives no explanation.")}"));
            }
        }

        return found
            .OrderBy(e => e.Kind)
            .ThenBy(e => e.OrgUnitCode, StringComparer.Ordinal)
            .ThenBy(e => e.MeasureCode ?? string.Empty, StringComparer.Ordinal)
            .ToList();
    }
}
