using Outcomes.Domain.Access;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Accounts;

namespace Outcomes.Web.Approvals;

/// <summary>What the returns list is asked for: each filter optional, as typed in the query string.</summary>
public sealed record ReturnFilters(string? Framework, string? Quarter, string? Unit, string? Status);

/// <summary>A filter the list could not use: the field it came from and what is wrong with it.</summary>
public sealed record FilterProblem(string Field, string Message);

/// <summary>One row of the list.</summary>
public sealed record ReturnListRow(ReturnSummary Summary, string FrameworkName, string UnitName, string Url);

/// <summary>A choice in a filter's select: its code and what people read.</summary>
public sealed record FilterChoice(string Code, string Text);

/// <summary>
/// The returns a caller may see, newest quarter first, with the choices for each filter (drawn from those returns).
/// <see cref="OutOfScope"/> is set when the framework or unit asked for is unknown or not the caller's: the API answers
/// that with 404, the page with an empty list.
/// </summary>
public sealed record ReturnList(
    IReadOnlyList<ReturnListRow> Rows,
    IReadOnlyList<FilterChoice> Frameworks,
    IReadOnlyList<string> Quarters,
    IReadOnlyList<FilterChoice> Units,
    IReadOnlyList<FilterProblem> Problems,
    bool OutOfScope)
{
    public const int PageSize = 50;

    public int PageCount => Math.Max(1, (Rows.Count + PageSize - 1) / PageSize);

    public IReadOnlyList<ReturnListRow> Page(int page) => Rows.Skip((Math.Clamp(page, 1, PageCount) - 1) * PageSize).Take(PageSize).ToList();
}

/// <summary>Lists the returns of every framework of the caller's authorities, only for org units inside their scopes.</summary>
public sealed class ReturnsList(OutcomesStore store, AccessPolicies policies)
{
    public async Task<ReturnList> ListAsync(IReadOnlyList<RoleAssignment> roles, ReturnFilters filters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var (policy, visible) = await policies.WithFrameworksAsync(roles, ct);
        var repository = new ReturnRepository(store);
        var all = new List<ReturnListRow>();
        foreach (var f in visible)
        {
            foreach (var summary in await repository.ListAsync(f.Code, null, null, ct))
            {
                if (policy.Hierarchy.TryGet(summary.OrgUnitCode, out var unit) && policy.May(roles, Permission.View, unit.Code))
                {
                    all.Add(new ReturnListRow(summary, f.Name, unit.Name, ReturnUrls.Detail(f.Code, unit.Code, summary.Period)));
                }
            }
        }

        var problems = new List<FilterProblem>();
        Period? quarter = null;
        if (!string.IsNullOrWhiteSpace(filters.Quarter))
        {
            if (PeriodParser.TryParse(filters.Quarter, out var p, out var error))
            {
                quarter = p;
            }
            else
            {
                problems.Add(new FilterProblem("quarter", $"Quarter: {error}; enter a quarter like 2018-19 Q4"));
            }
        }

        ReturnStatus? status = null;
        if (!string.IsNullOrWhiteSpace(filters.Status))
        {
            if (StatusTags.TryParse(filters.Status, out var s))
            {
                status = s;
            }
            else
            {
                problems.Add(new FilterProblem("status", $"Status: '{filters.Status}' is not a status; choose draft, submitted, approved or locked"));
            }
        }

        var framework = Blank(filters.Framework);
        var unitCode = Blank(filters.Unit);
        var outOfScope = (framework is not null && !visible.Any(f => Same(f.Code, framework)))
            || (unitCode is not null && !(policy.Hierarchy.TryGet(unitCode, out var asked) && policy.May(roles, Permission.View, asked.Code)));
        var rows = all
            .Where(r => framework is null || Same(r.Summary.FrameworkCode, framework))
            .Where(r => unitCode is null || Same(r.Summary.OrgUnitCode, unitCode))
            .Where(r => quarter is null || r.Summary.Period == quarter)
            .Where(r => status is null || r.Summary.Status == status)
            .OrderByDescending(r => r.Summary.Period.End)
            .ThenBy(r => r.Summary.FrameworkCode, StringComparer.Ordinal)
            .ThenBy(r => r.Summary.OrgUnitCode, StringComparer.Ordinal)
            .ToList();

        return new ReturnList(
            outOfScope || problems.Count > 0 ? [] : rows,
            visible.Select(f => new FilterChoice(f.Code, $"{f.Name} ({f.Code})")).ToList(),
            all.Select(r => r.Summary.Period).Distinct().OrderDescending().Select(p => p.Key).ToList(),
            all.DistinctBy(r => r.Summary.OrgUnitCode).OrderBy(r => r.Summary.OrgUnitCode, StringComparer.Ordinal).Select(r => new FilterChoice(r.Summary.OrgUnitCode, $"{r.UnitName} ({r.Summary.OrgUnitCode})")).ToList(),
            problems,
            outOfScope);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
