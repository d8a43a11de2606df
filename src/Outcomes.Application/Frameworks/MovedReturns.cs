using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Frameworks;

/// <summary>How a load tells people about the returns it moved to the next framework version.</summary>
public static class MovedReturns
{
    /// <summary>One sentence per moved return, those needing resubmission first.</summary>
    public static IReadOnlyList<string> Describe(IReadOnlyList<MovedReturn> moved)
    {
        ArgumentNullException.ThrowIfNull(moved);
        return moved
            .OrderByDescending(m => m.NeedsResubmission)
            .ThenBy(m => m.Period.Start)
            .ThenBy(m => m.OrgUnitCode, StringComparer.Ordinal)
            .Select(m => m.NeedsResubmission
                ? $"{m.Label} needs resubmitting on the version {m.ToVersion} template: it {m.Mismatch}"
                : $"{m.Label} is now recorded against version {m.ToVersion} and has every measure it asks for")
            .ToList();
    }

    /// <summary>"3 returns moved to version 2; 1 needs resubmitting", or empty when none moved.</summary>
    public static string Summary(IReadOnlyList<MovedReturn> moved)
    {
        ArgumentNullException.ThrowIfNull(moved);
        if (moved.Count == 0)
        {
            return string.Empty;
        }

        var versions = string.Join(" and ", moved.Select(m => m.ToVersion).Distinct().Order());
        var resubmit = moved.Count(m => m.NeedsResubmission);
        return $"{moved.Count} return{(moved.Count == 1 ? "" : "s")} not locked moved to version {versions}" +
            (resubmit == 0 ? ", each with every measure it asks for" : $"; {resubmit} need{(resubmit == 1 ? "s" : "")} resubmitting");
    }
}
