using System.Globalization;
using Outcomes.Domain.Periods;
using Outcomes.Scoring.Exceptions;

namespace Outcomes.Reporting.BoardPack;

/// <summary>A return that is missing, outstanding or late, as the exceptions section lists it.</summary>
public sealed record ReturnIssue(string Unit, string Status, string Explanation);

/// <summary>
/// What a board is told about the quarter's returns: how many of those owed arrived by their deadline, and each that
/// is missing or late (from <see cref="ExceptionFinder"/>). A return not received is "missing" once the deadline has
/// passed by the pack's data date, and "outstanding" before it: the pack is dated from the data, not the clock.
/// </summary>
public sealed record ReturnsReport(string Summary, IReadOnlyList<ReturnIssue> Issues)
{
    /// <summary>No returns were listed as owed (e.g. a pack made without the returns register).</summary>
    public static ReturnsReport None { get; } = new(string.Empty, []);

    public int Missing => Issues.Count(i => i.Status == "Missing");

    public int Late => Issues.Count(i => i.Status == "Late");

    public static ReturnsReport From(Period period, IReadOnlyList<ReturnExpectation> owed, DateOnly dataDate)
    {
        ArgumentNullException.ThrowIfNull(owed);
        if (owed.Count == 0)
        {
            return None;
        }

        var byCode = owed.ToDictionary(r => r.OrgUnitCode, StringComparer.OrdinalIgnoreCase);
        var issues = new List<ReturnIssue>();
        foreach (var e in ExceptionFinder.Find(period, [], owed))
        {
            var r = byCode[e.OrgUnitCode];
            if (e.Kind == ExceptionKind.MissingReturn && dataDate <= r.Deadline)
            {
                issues.Add(new ReturnIssue(r.Who, "Outstanding",
                    $"Not received by {Day(dataDate)}, the date of the latest data in this pack; it is due by {Day(r.Deadline)}."));
            }
            else if (e.Kind is ExceptionKind.MissingReturn or ExceptionKind.LateReturn)
            {
                issues.Add(new ReturnIssue(r.Who, e.Kind == ExceptionKind.MissingReturn ? "Missing" : "Late", e.Explanation));
            }
        }

        var deadline = Day(owed[0].Deadline);
        var summary = (owed.Count, issues.Count) switch
        {
            (1, 0) => $"The return due for {period.Label} arrived by the deadline of {deadline}.",
            (1, _) => $"The return due for {period.Label} is {issues[0].Status.ToLowerInvariant()} (deadline {deadline}).",
            (_, 0) => $"All {owed.Count} returns due for {period.Label} arrived by the deadline of {deadline}.",
            _ => $"{owed.Count - issues.Count} of the {owed.Count} returns due for {period.Label} arrived by the deadline of {deadline}; "
                 + string.Join(", ", issues.GroupBy(i => i.Status).Select(g => $"{g.Count()} {g.Key.ToLowerInvariant()}")) + ".",
        };
        return new ReturnsReport(summary, issues);
    }

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
