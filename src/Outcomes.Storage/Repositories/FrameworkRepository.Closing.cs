using System.Data.Common;
using Dapper;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Returns;

namespace Outcomes.Storage.Repositories;

/// <summary>
/// How an offered framework meets the stored one: versions to add, versions unchanged, the one version to close, and
/// what is refused. Content (everything but effective_to) never changes. A closing date is set once, on the latest
/// stored version while it is still open, and only when the next version is saved with it; and never before a period
/// that already has a locked return, whose figures would otherwise be scored under rules they were not approved under.
/// </summary>
public sealed partial class FrameworkRepository
{
    /// <summary>changed_by of audit rows when no person is named.</summary>
    public const string SystemUser = "system";

    /// <summary>audit_log.table_name of version closings; row_key is "CODE vN" as the web upload's load rows.</summary>
    public const string AuditTable = "framework_versions";

    public static class Rules
    {
        public const string Changed = "version.changed";
        public const string EffectiveToFixed = "version.effective-to.fixed";
        public const string CloseWithoutNext = "version.close.without-next";
        public const string CloseNotLatest = "version.close.not-latest";
        public const string CloseLockedReturns = "version.close.locked-returns";
    }

    internal static readonly ProviderSql CloseVersion = new(
        "framework-versions.close",
        """
        UPDATE framework_versions
        SET effective_to = @EffectiveTo, content_sha256 = @ContentSha256, definition_sha256 = @DefinitionSha256
        WHERE framework_code = @FrameworkCode AND version = @Version AND effective_to IS NULL;
        """);

    internal static readonly ProviderSql LockedReturnsAfter = new(
        "returns.locked-after",
        """
        SELECT org_unit_code AS OrgUnitCode, period_key AS PeriodKey, period_start AS PeriodStart
        FROM returns
        WHERE framework_code = @FrameworkCode AND status = @Locked AND period_start > @ClosesOn
        ORDER BY period_start, org_unit_code;
        """);

    private static List<FrameworkVersionConflict> Offered(Framework framework)
    {
        var conflicts = new List<FrameworkVersionConflict>();
        foreach (var group in framework.Versions.GroupBy(v => v.Version).Where(g => g.Count() > 1))
        {
            conflicts.Add(new FrameworkVersionConflict(group.Key, string.Empty, string.Empty, $"Version {group.Key} of {framework.Code} is offered {group.Count()} times."));
        }

        foreach (var v in framework.Versions.Where(v => !string.Equals(v.FrameworkCode, framework.Code, StringComparison.Ordinal)))
        {
            conflicts.Add(new FrameworkVersionConflict(v.Version, string.Empty, string.Empty, $"Version {v.Version} names framework '{v.FrameworkCode}', not '{framework.Code}'."));
        }

        return conflicts;
    }

    private async Task<Plan> PlanAsync(DbConnection connection, DbTransaction? transaction, Framework framework, CancellationToken ct)
    {
        var stored = (await ReadVersionsAsync(connection, transaction, framework.Code, ct)).ToDictionary(r => r.Version);
        var offered = framework.Versions.ToDictionary(v => v.Version);
        var plan = new Plan();
        var nextNumber = Math.Max(stored.Keys.DefaultIfEmpty(0).Max(), offered.Keys.DefaultIfEmpty(0).Max()) + 1;
        foreach (var version in framework.Versions.OrderBy(v => v.Version))
        {
            var sha = Sha256(Canonical(version));
            if (!stored.TryGetValue(version.Version, out var row))
            {
                plan.ToAdd.Add((version, sha));
                continue;
            }

            // The stored hash is the fast path; re-reading the stored definition covers rows stored before 0012 and a hash
            // that moved only because the domain type gained a property since it was written.
            var definition = CanonicalDefinition(version);
            var storedVersion = row.ToVersion();
            if (!string.Equals(row.DefinitionSha256, Sha256(definition), StringComparison.Ordinal)
                && !string.Equals(CanonicalDefinition(storedVersion), definition, StringComparison.Ordinal))
            {
                plan.Conflicts.Add(new FrameworkVersionConflict(
                    version.Version,
                    row.ContentSha256,
                    sha,
                    $"Version {version.Version} of {framework.Code} is already stored with different content; a stored version is never rewritten. Save the change as version {nextNumber}."));
                continue;
            }

            if (row.EffectiveTo == version.EffectiveTo)
            {
                plan.Unchanged.Add(version.Version);
            }
            else if (await ClosingAsync(connection, transaction, framework, row, version, stored, offered, ct) is { } refusal)
            {
                plan.Conflicts.Add(refusal with { StoredSha256 = row.ContentSha256, OfferedSha256 = sha });
            }
            else
            {
                var closed = storedVersion with { EffectiveTo = version.EffectiveTo };
                plan.Closings.Add(new PlannedClosing(new FrameworkVersionClosing(version.Version, version.EffectiveTo!.Value, version.Version + 1), closed));
            }
        }

        return plan;
    }

    /// <summary>Null when the offered effective_to may close the stored version; otherwise why not.</summary>
    private async Task<FrameworkVersionConflict?> ClosingAsync(
        DbConnection connection, DbTransaction? transaction, Framework framework, VersionRow row, FrameworkVersion version,
        Dictionary<int, VersionRow> stored, Dictionary<int, FrameworkVersion> offered, CancellationToken ct)
    {
        var n = version.Version;
        FrameworkVersionConflict Refuse(string rule, string message) => new(n, string.Empty, string.Empty, message) { Field = "effective_to", Rule = rule };

        if (row.EffectiveTo is { } set)
        {
            var now = version.EffectiveTo is { } to ? $"to {to:yyyy-MM-dd}" : "by removing it";
            return Refuse(Rules.EffectiveToFixed,
                $"version {n} is stored closed on {set:yyyy-MM-dd}; a closing date once set is never changed, so effective_to cannot change {now}. Put effective_to: {set:yyyy-MM-dd} back");
        }

        var closesOn = version.EffectiveTo!.Value;
        if (stored.Keys.Max() != n)
        {
            return Refuse(Rules.CloseNotLatest,
                $"version {n} is not the latest stored version ({stored.Keys.Max()} is); only the latest open version can be closed. Remove effective_to: {closesOn:yyyy-MM-dd}");
        }

        if (!offered.TryGetValue(n + 1, out var next))
        {
            return Refuse(Rules.CloseWithoutNext,
                $"version {n} is stored open-ended and is closed only when version {n + 1} is loaded with it; add framework.v{n + 1}.yaml starting {closesOn.AddDays(1):yyyy-MM-dd}, or remove effective_to: {closesOn:yyyy-MM-dd}");
        }

        if (next.EffectiveFrom != closesOn.AddDays(1))
        {
            return Refuse(Rules.CloseWithoutNext,
                $"version {n} would close on {closesOn:yyyy-MM-dd} but version {n + 1} starts on {next.EffectiveFrom:yyyy-MM-dd}; close it the day before the next starts");
        }

        var locked = (await connection.QueryAsync<LockedReturnRow>(new CommandDefinition(
            store.Sql(LockedReturnsAfter),
            new { FrameworkCode = framework.Code, Locked = nameof(ReturnStatus.Locked), ClosesOn = closesOn },
            transaction,
            cancellationToken: ct))).ToList();
        if (locked.Count > 0)
        {
            var named = string.Join(", ", locked.Take(5).Select(r => $"{r.PeriodKey} for {r.OrgUnitCode}")) + (locked.Count > 5 ? $" and {locked.Count - 5} more" : string.Empty);
            return Refuse(Rules.CloseLockedReturns,
                $"version {n} cannot close on {closesOn:yyyy-MM-dd}: {locked.Count} locked return{(locked.Count == 1 ? " is" : "s are")} under it after that date ({named}), " +
                $"and would be scored under version {n + 1}'s rules. Start version {n + 1} after {locked[^1].PeriodStart:yyyy-MM-dd}'s quarter, or reopen those returns first");
        }

        return null;
    }

    private async Task CloseAsync(
        DbConnection connection, DbTransaction transaction, string frameworkCode, IReadOnlyList<PlannedClosing> closings, string changedBy, DateTimeOffset at,
        CancellationToken ct)
    {
        foreach (var (closing, closed) in closings)
        {
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                store.Sql(CloseVersion),
                new
                {
                    FrameworkCode = frameworkCode,
                    closing.Version,
                    closing.EffectiveTo,
                    ContentSha256 = Sha256(Canonical(closed)),
                    DefinitionSha256 = DefinitionSha256(closed),
                },
                transaction,
                cancellationToken: ct));
            if (changed != 1)
            {
                throw new InvalidOperationException($"Version {closing.Version} of {frameworkCode} was closed by another load meanwhile; load again.");
            }
        }

        await AuditRepository.WriteAsync(store, connection, transaction, closings.Select(c => new AuditEntry(
            0,
            changedBy,
            at,
            AuditTable,
            $"{frameworkCode} v{c.Closing.Version}",
            Json.Write(new { EffectiveTo = (DateOnly?)null }),
            Json.Write(new { c.Closing.EffectiveTo }),
            $"Version {c.Closing.Version} closed on {c.Closing.EffectiveTo:yyyy-MM-dd}: version {c.Closing.ClosedBy} starts on {c.Closing.EffectiveTo.AddDays(1):yyyy-MM-dd}")), ct);
    }

    private sealed record PlannedClosing(FrameworkVersionClosing Closing, FrameworkVersion Closed);

    private sealed class Plan
    {
        public List<(FrameworkVersion Version, string Sha)> ToAdd { get; } = [];

        public List<int> Unchanged { get; } = [];

        public List<PlannedClosing> Closings { get; } = [];

        public List<FrameworkVersionConflict> Conflicts { get; } = [];
    }

    private sealed class LockedReturnRow
    {
        public string OrgUnitCode { get; set; } = string.Empty;

        public string PeriodKey { get; set; } = string.Empty;

        public DateOnly PeriodStart { get; set; }
    }
}
