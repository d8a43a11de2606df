using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Periods;
using Outcomes.Scoring.Exceptions;

namespace Outcomes.Reporting.BoardPack;

/// <summary>
/// The pack's data-quality notes for the quarter, one per measure that needs one, in framework order: figures not
/// published (suppressed) or shown as "c" (disclosure control), figures the return or a roll-up flagged ("incomplete:
/// 5 of 7 units reported a usable value"), and measures with no figure at all.
/// </summary>
public static class DataQualityNotes
{
    public static IReadOnlyList<string> For(FrameworkVersion version, Period period, IReadOnlyDictionary<string, Score> current)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(current);
        var notes = new List<string>();
        foreach (var m in version.Measures)
        {
            var name = $"{m.Title} ({m.Code})";
            if (!current.TryGetValue(m.Code, out var s) || (s.Actual is null && s.SuppressionReason is null))
            {
                notes.Add($"{name}: no figure was returned for {period.Key}.");
                continue;
            }

            if (s.SuppressionReason is { } reason)
            {
                notes.Add($"{name}: not published for {period.Key} ({reason}).");
            }
            else if (m.IsDisclosive(s.Actual, s.Numerator, s.Denominator))
            {
                notes.Add($"{name}: shown as \"c\" because a count is below {m.DisclosureThreshold}, which could identify families.");
            }

            if (s.DataQualityFlag is { Length: > 0 } flag)
            {
                notes.Add($"{name}: {Sentence(flag)}");
            }
        }

        return notes;
    }

    /// <summary>
    /// Figures the history checks flag in the quarter's returns (outliers and jumps, from <see cref="ExceptionFinder"/>),
    /// each naming the unit that returned it and whether its return explains it; without its figures when it would quote one
    /// withheld by disclosure control (<see cref="OutlierFlag.Withheld"/>).
    /// </summary>
    public static IReadOnlyList<string> ForOutliers(Period period, IReadOnlyList<OutlierFlag> outliers, IReadOnlyList<ReturnExpectation> owed)
    {
        ArgumentNullException.ThrowIfNull(outliers);
        ArgumentNullException.ThrowIfNull(owed);
        var names = owed.ToDictionary(r => r.OrgUnitCode, r => r.Who, StringComparer.OrdinalIgnoreCase);
        var publishable = outliers
            .Select(o => o.Withheld ? o with { Detail = $"{o.MeasureCode} was flagged against its own history (the figures are not shown: a count is below the disclosure threshold)" } : o)
            .ToList();
        return ExceptionFinder.Find(period, [], outliers: publishable)
            .Where(e => e.Kind == ExceptionKind.Outlier)
            .Select(e => $"{names.GetValueOrDefault(e.OrgUnitCode, e.OrgUnitCode)}: {WithoutHeading(e.Explanation)}")
            .ToList();
    }

    /// <summary>The section is headed "Data quality" already: "Data quality: REG = 30 is …" reads "REG = 30 is …".</summary>
    private static string WithoutHeading(string explanation) =>
        explanation.StartsWith(OutlierHeading, StringComparison.Ordinal) ? explanation[OutlierHeading.Length..] : explanation;

    private const string OutlierHeading = "Data quality: ";

    private static string Sentence(string flag)
    {
        var text = char.ToUpperInvariant(flag[0]) + flag[1..];
        return text.EndsWith('.') ? text : text + ".";
    }
}
