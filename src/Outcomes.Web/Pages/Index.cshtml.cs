using Microsoft.AspNetCore.Mvc.RazorPages;
using Outcomes.Domain.Scores;
using Outcomes.Web.Accounts;
using Outcomes.Web.Dashboard;
using Outcomes.Web.Scoring;

namespace Outcomes.Web.Pages;

/// <summary>The dashboard: the user's org units, the latest scored quarter's status and direction, and that quarter's returns.</summary>
public sealed class IndexModel(DashboardQuery query, ScoringRequests scoring) : PageModel
{
    public DashboardModel Dashboard { get; private set; } = new([], DateOnly.MinValue);

    /// <summary>The user's frameworks being scored again after an import (asked each time: the dashboard itself is cached).</summary>
    public IReadOnlyList<string> ScoringPending { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Dashboard = await query.BuildAsync(SignedInUser.Roles(HttpContext), cancellationToken);
        ScoringPending = await scoring.PendingAmongAsync(Dashboard.Units.SelectMany(u => u.Frameworks).Select(f => f.Code), cancellationToken);
    }

    /// <summary>GOV.UK tag colour for a status: colour is never alone, the letter is in the tag.</summary>
    public static string TagClass(RagStatus status) => status switch
    {
        RagStatus.Red => "govuk-tag--red",
        RagStatus.Amber => "govuk-tag--orange",
        RagStatus.Green => "govuk-tag--green",
        RagStatus.Blue => "govuk-tag--blue",
        _ => "govuk-tag--grey",
    };

    public static (string Arrow, string Words) Arrow(Direction direction) => direction switch
    {
        Direction.Improving => ("▲", "Improving"),
        Direction.Worsening => ("▼", "Worsening"),
        Direction.NoChange => ("▶", "No change"),
        Direction.Increased => ("↑", "Increased"),
        Direction.Decreased => ("↓", "Decreased"),
        _ => ("–", "Not comparable"),
    };
}
