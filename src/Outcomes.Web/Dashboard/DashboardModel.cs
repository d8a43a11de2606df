using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Scores;
using Outcomes.Scoring.Exceptions;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Dashboard;

/// <summary>What the dashboard shows: each org unit the user's roles name, with each of its authority's frameworks.</summary>
public sealed record DashboardModel(IReadOnlyList<DashboardUnit> Units, DateOnly Today);

public sealed record DashboardUnit(OrgUnit Unit, IReadOnlyList<DashboardFramework> Frameworks);

/// <summary>A framework at one unit: the latest scored quarter's measures, and that quarter's returns.</summary>
public sealed record DashboardFramework(string Code, string Name, Period? Latest, IReadOnlyList<DashboardMeasure> Measures, ReturnsPanel? Returns);

public sealed record DashboardMeasure(string Code, string Title, string Value, RagStatus Status, string Letter, Direction Direction);

/// <summary>
/// The returns the unit's subtree owed for the quarter: how many came in, which are overdue (deadline passed, nothing
/// received), which are still due, and which are submitted and awaiting approval.
/// </summary>
public sealed record ReturnsPanel(
    Period Period,
    DateOnly Deadline,
    int Owed,
    int Received,
    IReadOnlyList<ReturnExpectation> Overdue,
    IReadOnlyList<ReturnExpectation> Due,
    IReadOnlyList<ReturnSummary> AwaitingApproval);
