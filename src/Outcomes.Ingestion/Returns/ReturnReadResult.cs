using Outcomes.Domain.Returns;
using Outcomes.Ingestion.Issues;

namespace Outcomes.Ingestion.Returns;

/// <summary>
/// The outcome of reading one return file. <see cref="Return"/> is null only when the file is not a usable template
/// (not a spreadsheet, not ours, stale framework version, wrong unit or period); otherwise it holds every observation
/// that could be read, and <see cref="Issues"/> says what is wrong with the rest. Accept it only when
/// <see cref="HasErrors"/> is false.
/// </summary>
public sealed record ReturnReadResult(QuarterlyReturn? Return, IReadOnlyList<ImportIssue> Issues)
{
    public bool HasErrors => Issues.Any(i => i.IsError);

    public IEnumerable<ImportIssue> Errors => Issues.Where(i => i.IsError);

    public IEnumerable<ImportIssue> Warnings => Issues.Where(i => !i.IsError);
}
