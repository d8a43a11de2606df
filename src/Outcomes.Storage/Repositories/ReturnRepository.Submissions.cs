using Dapper;
using Outcomes.Domain.Periods;

namespace Outcomes.Storage.Repositories;

public sealed partial class ReturnRepository
{
    internal static readonly ProviderSql SelectSubmissionsForPeriod = new(
        "return-versions.select-for-period",
        """
        SELECT r.org_unit_code AS OrgUnitCode, rv.submitted_at AS SubmittedAt
        FROM returns r
        JOIN return_versions rv ON rv.return_id = r.id
        WHERE r.framework_code = @FrameworkCode
          AND r.period_type = @PeriodType AND r.period_start = @PeriodStart AND r.period_end = @PeriodEnd;
        """);

    /// <summary>
    /// When each org unit first submitted its return for a period (its first version, however many followed): what
    /// decides whether a return was on time. Units with no return are absent.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> FirstSubmissionsAsync(
        string frameworkCode, Period period, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string OrgUnitCode, DateTimeOffset SubmittedAt)>(new CommandDefinition(
            store.Sql(SelectSubmissionsForPeriod),
            new { FrameworkCode = frameworkCode, PeriodType = period.Type.ToString(), PeriodStart = period.Start, PeriodEnd = period.End },
            cancellationToken: cancellationToken));

        // The earliest instant, compared as instants (offsets may differ), not as stored text.
        return rows
            .GroupBy(r => r.OrgUnitCode, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Min(r => r.SubmittedAt), StringComparer.OrdinalIgnoreCase);
    }
}
