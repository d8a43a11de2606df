using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outcomes.Domain.Periods;
using Outcomes.Web.Measures;
using Outcomes.Web.Scoring;

namespace Outcomes.Web.Pages.Units;

/// <summary>A unit's scorecard for a quarter (?period=, default the latest scored): measure, target, actual, status, direction, England.</summary>
public sealed class ScorecardModel(UnitScorecardQuery query, ScoringRequests scoring) : PageModel
{
    public UnitScorecard Scorecard { get; private set; } = null!;

    /// <summary>This framework, if it is being scored again after an import (asked only once the user's scope is checked).</summary>
    public IReadOnlyList<string> ScoringPending { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string unit, string framework, string? period, CancellationToken cancellationToken)
    {
        Period? asked = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (!PeriodParser.TryParse(period, out var p, out _))
            {
                return NotFound();
            }

            asked = p;
        }

        if (await query.BuildAsync(HttpContext, unit, framework, asked, cancellationToken) is not { } scorecard)
        {
            return NotFound();
        }

        Scorecard = scorecard;
        ScoringPending = await scoring.PendingAmongAsync([scorecard.Scope.Framework.Code], cancellationToken);
        return Page();
    }

    public string MeasureLink(string measureCode) =>
        $"/units/{Uri.EscapeDataString(Scorecard.Scope.Unit.Code)}/{Uri.EscapeDataString(Scorecard.Scope.Framework.Code)}/measures/{Uri.EscapeDataString(measureCode)}?period={Uri.EscapeDataString(Scorecard.Period.Key)}";
}
