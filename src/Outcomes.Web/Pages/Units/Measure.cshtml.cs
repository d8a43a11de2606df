using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outcomes.Domain.Periods;
using Outcomes.Web.Measures;

namespace Outcomes.Web.Pages.Units;

/// <summary>
/// One measure at a unit up to a quarter: the trend chart (inline SVG with its text alternative), the values behind
/// it in a table, the quarter's score with every reading and its explanation, the definition and the commentary.
/// </summary>
public sealed class MeasureModel(MeasureDetailQuery query) : PageModel
{
    public MeasureDetailView Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string unit, string framework, string measure, string? period, CancellationToken cancellationToken)
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

        if (await query.BuildAsync(HttpContext, unit, framework, measure, asked, cancellationToken) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }

    public string ScorecardLink =>
        $"/units/{Uri.EscapeDataString(Detail.Scope.Unit.Code)}/{Uri.EscapeDataString(Detail.Scope.Framework.Code)}?period={Uri.EscapeDataString(Detail.Period.Key)}";
}
