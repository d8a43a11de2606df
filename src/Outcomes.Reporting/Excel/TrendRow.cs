using Outcomes.Reporting.BoardPack;

namespace Outcomes.Reporting.Excel;

/// <summary>A figure for one period: the number when shown, else the text saying why not ("c", "x", "No data").</summary>
public sealed record PeriodFigure(string PeriodKey, decimal? Value, string Text);

/// <summary>One measure (for one org unit) across periods: a line of the Trends sheet.</summary>
public sealed record TrendRow
{
    public required string OrgUnitCode { get; init; }

    public required string Code { get; init; }

    public required string Title { get; init; }

    public required string UnitText { get; init; }

    public required string NumberFormat { get; init; }

    /// <summary>Figures by period; periods not listed are left blank.</summary>
    public required IReadOnlyList<PeriodFigure> Figures { get; init; }

    /// <summary>One row per org unit × measure in the long data, in the order they first appear.</summary>
    public static IReadOnlyList<TrendRow> FromData(IEnumerable<DataRow> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data
            .GroupBy(d => (d.OrgUnitCode, d.MeasureCode))
            .Select(g =>
            {
                var first = g.First();
                return new TrendRow
                {
                    OrgUnitCode = first.OrgUnitCode,
                    Code = first.MeasureCode,
                    Title = first.MeasureTitle,
                    UnitText = first.UnitText,
                    NumberFormat = first.ExcelNumberFormat,
                    Figures = g.Select(d => new PeriodFigure(d.PeriodKey, d.Value, d.ValueText)).ToList(),
                };
            })
            .ToList();
    }
}
