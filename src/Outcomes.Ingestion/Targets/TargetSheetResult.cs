using Outcomes.Domain.Targets;
using Outcomes.Ingestion.Issues;

namespace Outcomes.Ingestion.Targets;

/// <summary>
/// What a targets file says: every problem with its place (sheet, cell, row) and rule, and, only when there are none,
/// the targets it sets, ready to replace the framework's targets as one set.
/// </summary>
public sealed record TargetSheetResult(IReadOnlyList<Target> Targets, IReadOnlyList<ImportIssue> Issues, int RowsRead)
{
    public bool HasErrors => Issues.HasErrors();
}
