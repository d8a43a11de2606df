using Outcomes.Domain.Returns;
using Outcomes.Ingestion.Issues;

namespace Outcomes.Ingestion.Csv;

/// <summary>
/// The outcome of reading a file that may hold several returns (a long CSV, a wide sheet): one
/// <see cref="QuarterlyReturn"/> per org unit × period that could be read, and every issue found. Accept the
/// returns only when <see cref="HasErrors"/> is false; all of a file or none.
/// </summary>
public sealed record CsvReadResult(IReadOnlyList<QuarterlyReturn> Returns, IReadOnlyList<ImportIssue> Issues)
{
    /// <summary>Data rows read (CSV records after the header, or measure × period cells blocks for a wide sheet).</summary>
    public int RowsRead { get; init; }

    public bool HasErrors => Issues.Any(i => i.IsError);

    public IEnumerable<ImportIssue> Errors => Issues.Where(i => i.IsError);

    public IEnumerable<ImportIssue> Warnings => Issues.Where(i => !i.IsError);

    public static CsvReadResult Refused(ImportIssue issue) => new([], [issue]);
}
