using System.Data.Common;
using Dapper;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Storage.Returns;

namespace Outcomes.Storage.Repositories;

/// <summary>
/// A return that a closing moved to the next framework version: the version it was and is now recorded against, its
/// status before and after, and how its latest file fits the new version (measures it lacks that the version requires,
/// measures it carries that the version does not ask for of this unit in this period).
/// </summary>
public sealed record MovedReturn(
    string OrgUnitCode, Period Period, int FromVersion, int ToVersion, ReturnStatus From, ReturnStatus To,
    IReadOnlyList<string> Missing, IReadOnlyList<string> NotAsked)
{
    public bool NeedsResubmission => Missing.Count > 0 || NotAsked.Count > 0;

    /// <summary>"2018-19 Q1 for BRD-CL1".</summary>
    public string Label => ReturnWorkflow.Label(OrgUnitCode, Period);

    /// <summary>"lacks VIS (required by version 2) and carries ENG (not asked for by version 2)"; empty when the file fits.</summary>
    public string Mismatch => string.Join(" and ", new[]
    {
        Missing.Count == 0 ? null : $"lacks {string.Join(", ", Missing)} (required by version {ToVersion})",
        NotAsked.Count == 0 ? null : $"carries {string.Join(", ", NotAsked)} (not asked for by version {ToVersion})",
    }.OfType<string>());
}

/// <summary>
/// Closing a version moves every period after its closing date to the next version. In the load's own transaction,
/// each return there that is not locked is recorded against the version that now covers its period and checked
/// against that version's measures (<see cref="ReturnSchedule"/>, as an upload would be): a file that fits keeps its
/// status, and its figures are scored under the new rules; one that lacks a required measure or carries one the
/// version does not ask for becomes <see cref="ReturnStatus.NeedsResubmission"/>, naming them. Every move is audited
/// on the return (table "returns", as status changes are). What was submitted (return_versions) is never rewritten.
/// </summary>
public sealed partial class FrameworkRepository
{
    // SQL Server: UPDLOCK + HOLDLOCK holds these returns until the load commits, so none is locked or resubmitted meanwhile.
    internal static readonly ProviderSql ReturnsAfterClosing = new(
        "returns.after-closing",
        """
        SELECT r.id AS Id, r.org_unit_code AS OrgUnitCode, u.type AS UnitType, r.period_type AS PeriodType,
               r.period_start AS PeriodStart, r.period_end AS PeriodEnd, r.status AS Status, r.framework_version AS FrameworkVersion,
               (SELECT v.id FROM return_versions v WHERE v.return_id = r.id
                  AND v.version_number = (SELECT MAX(w.version_number) FROM return_versions w WHERE w.return_id = r.id)) AS LatestVersionId
        FROM returns r
        JOIN org_units u ON u.code = r.org_unit_code
        WHERE r.framework_code = @FrameworkCode AND r.period_start > @ClosesOn
        ORDER BY r.period_start, r.org_unit_code;
        """,
        """
        SELECT r.id AS Id, r.org_unit_code AS OrgUnitCode, u.type AS UnitType, r.period_type AS PeriodType,
               r.period_start AS PeriodStart, r.period_end AS PeriodEnd, r.status AS Status, r.framework_version AS FrameworkVersion,
               (SELECT v.id FROM return_versions v WHERE v.return_id = r.id
                  AND v.version_number = (SELECT MAX(w.version_number) FROM return_versions w WHERE w.return_id = r.id)) AS LatestVersionId
        FROM returns r WITH (UPDLOCK, HOLDLOCK)
        JOIN org_units u ON u.code = r.org_unit_code
        WHERE r.framework_code = @FrameworkCode AND r.period_start > @ClosesOn
        ORDER BY r.period_start, r.org_unit_code;
        """);

    internal static readonly ProviderSql MoveReturn = new(
        "returns.move-framework-version",
        "UPDATE returns SET framework_version = @ToVersion, status = @To, updated_at = @At WHERE id = @Id AND status = @From;");

    private async Task<IReadOnlyList<MovedReturn>> MoveReturnsAsync(
        DbConnection connection, DbTransaction transaction, string frameworkCode, IReadOnlyList<PlannedClosing> closings, string changedBy, DateTimeOffset at,
        CancellationToken ct)
    {
        if (closings.Count == 0)
        {
            return [];
        }

        var versions = (await ReadVersionsAsync(connection, transaction, frameworkCode, ct)).Select(v => v.ToVersion()).ToList();
        var now = new Framework { Code = frameworkCode, Name = frameworkCode, AuthorityCode = string.Empty, ReturningLevel = string.Empty, Versions = versions };
        var moved = new List<MovedReturn>();
        var audit = new List<AuditEntry>();
        foreach (var (closing, _) in closings)
        {
            var rows = await connection.QueryAsync<MovingRow>(new CommandDefinition(
                store.Sql(ReturnsAfterClosing), new { FrameworkCode = frameworkCode, ClosesOn = closing.EffectiveTo }, transaction, cancellationToken: ct));
            foreach (var row in rows)
            {
                var period = row.ToPeriod();
                var status = Enum.Parse<ReturnStatus>(row.Status);
                if (status == ReturnStatus.Locked)
                {
                    // Checked when the load was planned; a return locked since then must not be moved under its approver.
                    throw new InvalidOperationException(
                        $"{ReturnWorkflow.Label(row.OrgUnitCode, period)} of {frameworkCode} was locked while version {closing.Version} was being closed; nothing was stored. Load again.");
                }

                if (now.VersionOn(period.Start) is not { } version || version.Version == row.FrameworkVersion)
                {
                    continue;
                }

                var move = await JudgeAsync(connection, transaction, row, period, status, version, ct);
                var changed = await connection.ExecuteAsync(new CommandDefinition(
                    store.Sql(MoveReturn),
                    new { row.Id, move.ToVersion, To = move.To.ToString(), From = status.ToString(), At = at },
                    transaction,
                    cancellationToken: ct));
                if (changed != 1)
                {
                    throw new InvalidOperationException($"{move.Label} of {frameworkCode} changed status meanwhile; nothing was stored. Load again.");
                }

                moved.Add(move);
                audit.Add(MoveAudit(frameworkCode, closing, move, changedBy, at));
            }
        }

        await AuditRepository.WriteAsync(store, connection, transaction, audit, ct);
        return moved;
    }

    /// <summary>How the return's latest file fits <paramref name="version"/>, and the status that follows.</summary>
    private async Task<MovedReturn> JudgeAsync(
        DbConnection connection, DbTransaction transaction, MovingRow row, Period period, ReturnStatus status, FrameworkVersion version, CancellationToken ct)
    {
        var observations = row.LatestVersionId is { } latest
            ? await ObservationRepository.ListForVersionAsync(store, connection, transaction, latest, ct)
            : [];
        var carried = observations.Select(o => o.MeasureCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var due = ReturnSchedule.MeasuresDue(version, Enum.Parse<OrgUnitType>(row.UnitType), period);
        var asked = due.Select(m => m.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = due.Where(m => m.Required && !carried.Contains(m.Code)).Select(m => m.Code).ToList();
        var notAsked = carried.Where(c => !asked.Contains(c)).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var fits = missing.Count == 0 && notAsked.Count == 0;
        return new MovedReturn(
            row.OrgUnitCode, period, row.FrameworkVersion ?? 0, version.Version, status, fits ? status : ReturnStatus.NeedsResubmission, missing, notAsked);
    }

    private static AuditEntry MoveAudit(string frameworkCode, FrameworkVersionClosing closing, MovedReturn move, string changedBy, DateTimeOffset at)
    {
        var to = move.ToVersion;
        var why = move.NeedsResubmission
            ? $"; it needs resubmitting on the version {to} template: it {move.Mismatch}"
            : $" and has every measure version {to} asks for; its figures are scored under version {to}'s rules";
        return new AuditEntry(
            0,
            changedBy,
            at,
            ReturnRepository.StatusAuditTable,
            ReturnRepository.ReturnKey(frameworkCode, move.OrgUnitCode, move.Period),
            Json.Write(new { Status = move.From.ToString(), FrameworkVersion = move.FromVersion }),
            Json.Write(new { Status = move.To.ToString(), FrameworkVersion = to, move.Missing, move.NotAsked }),
            $"Framework version {closing.Version} closed on {closing.EffectiveTo:yyyy-MM-dd}: {move.Label} is now recorded against version {to}{why}");
    }

    private sealed class MovingRow : PeriodRow
    {
        public long Id { get; set; }

        public string OrgUnitCode { get; set; } = string.Empty;

        public string UnitType { get; set; } = string.Empty;

        public string Status { get; set; } = string.Empty;

        public int? FrameworkVersion { get; set; }

        public long? LatestVersionId { get; set; }
    }
}
