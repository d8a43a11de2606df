using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Ingestion.History;
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

    /// <summary>Where each observation's value was read, by <see cref="PlaceKey"/>: so a later finding (a history warning) can name the cell.</summary>
    public IReadOnlyDictionary<string, CellPlace> ValuePlaces { get; init; } = new Dictionary<string, CellPlace>();

    public static CsvReadResult Refused(ImportIssue issue) => new([], [issue]);

    /// <summary>The key of <see cref="ValuePlaces"/>: org unit, period and measure, case-insensitive.</summary>
    public static string PlaceKey(string orgUnitCode, Period period, string measureCode) =>
        $"{orgUnitCode.ToUpperInvariant()}|{period.Key}|{measureCode.ToUpperInvariant()}";
}
