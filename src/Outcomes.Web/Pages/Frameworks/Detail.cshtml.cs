using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outcomes.Domain.Access;
using Outcomes.Domain.Targets;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Accounts;
using Outcomes.Web.Frameworks;

namespace Outcomes.Web.Pages.Frameworks;

/// <summary>
/// One framework: its versions, the current version's measures, and its targets by org unit and span of dates, filtered
/// by unit and financial year (a GET form, so it works without JavaScript). A reader below the authority sees the
/// framework's defaults and the targets of the units in their scope; another authority's framework is a 404.
/// </summary>
public sealed class DetailModel(FrameworkCatalogue catalogue, OutcomesStore store, TimeProvider clock) : PageModel
{
    public FrameworkAccess Access { get; private set; } = null!;

    public IReadOnlyList<Target> Targets { get; private set; } = [];

    /// <summary>Units the user may see that have targets, for the filter: code and name.</summary>
    public IReadOnlyList<(string Code, string Name)> Units { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public int TargetsInScope { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var roles = SignedInUser.Roles(HttpContext);
        if (await catalogue.FindAsync(roles, code, ct) is not { } access)
        {
            return NotFound();
        }

        Access = access;
        var visible = (await new TargetRepository(store).ListAsync(access.Framework.Code, ct))
            .Where(t => t.OrgUnitCode is null || access.Policy.May(roles, Permission.View, t.OrgUnitCode))
            .ToList();
        TargetsInScope = visible.Count;
        Units = visible.Where(t => t.OrgUnitCode is not null).Select(t => t.OrgUnitCode!).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(c => (c, access.Policy.Hierarchy.TryGet(c, out var u) ? u.Name : c)).OrderBy(u => u.c, StringComparer.Ordinal).ToList();
        var firstYear = access.Framework.Versions.Select(v => v.EffectiveFrom).DefaultIfEmpty(new DateOnly(2016, 4, 1)).Min();
        var start = firstYear.Month >= 4 ? firstYear.Year : firstYear.Year - 1;
        var now = clock.GetUtcNow().UtcDateTime;
        var end = Math.Max(start, now.Month >= 4 ? now.Year : now.Year - 1);
        Years = Enumerable.Range(start, end - start + 1).ToList();

        Targets = visible
            .Where(t => Unit is not { Length: > 0 } u || (u == "default" ? t.OrgUnitCode is null : string.Equals(t.OrgUnitCode, u, StringComparison.OrdinalIgnoreCase)))
            .Where(t => Year is not { } y || ((t.From ?? DateOnly.MinValue) <= new DateOnly(y + 1, 3, 31) && (t.To ?? DateOnly.MaxValue) >= new DateOnly(y, 4, 1)))
            .OrderBy(t => t.OrgUnitCode is null ? 0 : 1).ThenBy(t => t.OrgUnitCode, StringComparer.Ordinal)
            .ThenBy(t => t.MeasureCode, StringComparer.Ordinal).ThenBy(t => t.From ?? DateOnly.MinValue)
            .ToList();
        return Page();
    }

    public string UnitName(string? code) =>
        code is null ? "Framework default" : Access.Policy.Hierarchy.TryGet(code, out var u) ? $"{u.Name} ({u.Code})" : code;

    public static string YearLabel(int year) => $"{year}-{(year + 1) % 100:00}";
}
