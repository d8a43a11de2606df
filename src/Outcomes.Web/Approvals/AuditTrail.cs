using System.Globalization;
using System.Text.Json;
using Outcomes.Application.Returns;
using Outcomes.Domain.Access;
using Outcomes.Domain.Periods;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Accounts;

namespace Outcomes.Web.Approvals;

/// <summary>What the audit log is asked for: each filter optional; dates as yyyy-mm-dd, inclusive.</summary>
public sealed record AuditFilters(string? Framework, string? Unit, string? From, string? To);

/// <summary>One audit row as people read it: who, what, when, why, and the return it belongs to.</summary>
public sealed record AuditLine(AuditEntry Entry, string FrameworkCode, string OrgUnitCode, string? PeriodKey, string What, string? ReturnUrl);

/// <summary>The caller's audit rows, newest first, with the choices for the filters.</summary>
public sealed record AuditList(IReadOnlyList<AuditLine> Lines, IReadOnlyList<FilterChoice> Frameworks, IReadOnlyList<FilterChoice> Units, IReadOnlyList<FilterProblem> Problems)
{
    public const int PageSize = 100;

    public int PageCount => Math.Max(1, (Lines.Count + PageSize - 1) / PageSize);

    public IReadOnlyList<AuditLine> Page(int page) => Lines.Skip((Math.Clamp(page, 1, PageCount) - 1) * PageSize).Take(PageSize).ToList();
}

/// <summary>
/// The audit log of the frameworks of the caller's authorities, keeping only rows about org units inside the caller's
/// scopes (each row's key starts framework|org unit|period): submissions, changed values and status changes.
/// </summary>
public sealed class AuditTrail(ReturnWorkflowService workflow, AccessPolicies policies)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "d MMMM yyyy", "d MMM yyyy"];

    public async Task<AuditList> ListAsync(IReadOnlyList<RoleAssignment> roles, AuditFilters filters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var problems = new List<FilterProblem>();
        var from = Date(filters.From, "from", "From", problems);
        var to = Date(filters.To, "to", "To", problems);
        if (from is not null && to is not null && from > to)
        {
            problems.Add(new FilterProblem("to", "To: the date must be the same as or after the from date"));
        }

        var (policy, visible) = await policies.WithFrameworksAsync(roles, ct);
        var framework = string.IsNullOrWhiteSpace(filters.Framework) ? null : filters.Framework.Trim();
        var unit = string.IsNullOrWhiteSpace(filters.Unit) ? null : filters.Unit.Trim();
        var lines = new List<AuditLine>();
        foreach (var f in visible.Where(f => framework is null || string.Equals(f.Code, framework, StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var entry in await workflow.AuditAsync(f.Code, null, ct))
            {
                var key = entry.RowKey.Split('|');
                if (key.Length >= 2 && policy.May(roles, Permission.View, key[1]))
                {
                    var period = key.Length >= 3 && PeriodParser.TryParse(key[2], out var p, out _) ? p : (Period?)null;
                    lines.Add(new AuditLine(entry, f.Code, key[1], period?.Key, Describe(entry, key), period is { } at ? ReturnUrls.Detail(f.Code, key[1], at) : null));
                }
            }
        }

        var units = lines.Select(l => l.OrgUnitCode).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)
            .Select(c => new FilterChoice(c, policy.Hierarchy.TryGet(c, out var u) ? $"{u.Name} ({c})" : c)).ToList();
        var shown = problems.Count > 0
            ? []
            : lines
                .Where(l => unit is null || string.Equals(l.OrgUnitCode, unit, StringComparison.OrdinalIgnoreCase))
                .Where(l => from is null || DateOnly.FromDateTime(l.Entry.ChangedAt.UtcDateTime) >= from)
                .Where(l => to is null || DateOnly.FromDateTime(l.Entry.ChangedAt.UtcDateTime) <= to)
                .OrderByDescending(l => l.Entry.ChangedAt)
                .ThenByDescending(l => l.Entry.Id)
                .ToList();
        return new AuditList(shown, visible.Select(f => new FilterChoice(f.Code, $"{f.Name} ({f.Code})")).ToList(), units, problems);
    }

    /// <summary>"Approved (submitted → approved), as approver", "Version 2 submitted from file.xlsx", "REG changed: 12 → 15".</summary>
    public static string Describe(AuditEntry entry, IReadOnlyList<string> key)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            return entry.TableName switch
            {
                ReturnRepository.StatusAuditTable => Status(Read<StatusJson>(entry.OldValue), Read<StatusJson>(entry.NewValue)),
                ReturnRepository.VersionAuditTable when Read<VersionJson>(entry.NewValue) is { } v => $"Version {v.Version} submitted" + (v.File is null ? string.Empty : $" from {v.File}"),
                "observations" => Value(key.Count >= 4 ? key[3] : "a measure", Read<ValueJson>(entry.OldValue), Read<ValueJson>(entry.NewValue)),
                _ => $"{entry.TableName} changed",
            };
        }
        catch (JsonException)
        {
            return $"{entry.TableName} changed";
        }
    }

    private static string Status(StatusJson? was, StatusJson? now)
    {
        var change = $"{was?.Status?.ToLowerInvariant() ?? "?"} → {now?.Status?.ToLowerInvariant() ?? "?"}";
        var action = now?.Action switch
        {
            "Approve" => "Approved",
            "Lock" => "Locked",
            "Reopen" => "Reopened",
            "Submit" => "Made submitted again by a new version",
            _ => "Status changed",
        };
        return $"{action} ({change})" + (now?.Role is { } role ? $", as {role.ToLowerInvariant()}" : string.Empty) + (now?.Version is { } v ? $", version {v}" : string.Empty);
    }

    private static string Value(string measure, ValueJson? was, ValueJson? now) => (was, now) switch
    {
        (null, { } n) => $"{measure} added: {Show(n)}",
        ({ } w, null) => $"{measure} removed (was {Show(w)})",
        ({ } w, { } n) => $"{measure} changed: {Show(w)} → {Show(n)}" + (w.Commentary != n.Commentary ? " (commentary changed)" : string.Empty),
        _ => $"{measure} changed",
    };

    private static string Show(ValueJson v) =>
        v.SuppressionReason is { } why ? $"suppressed ({why})" : v.Value?.ToString("#,##0.##", CultureInfo.InvariantCulture) ?? "no value";

    private static T? Read<T>(string? json)
        where T : class => string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<T>(json, Web);

    private static DateOnly? Date(string? text, string field, string label, List<FilterProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(new FilterProblem(field, $"{label}: '{text}' is not a date; enter a date like 2026-11-23"));
        return null;
    }

    private sealed record StatusJson(string? Status, string? Action, string? Role, int? Version);

    private sealed record VersionJson(int Version, string? File);

    private sealed record ValueJson(decimal? Value, string? SuppressionReason, string? Commentary);
}
