using ClosedXML.Excel;

namespace Outcomes.Reporting.Excel;

/// <summary>
/// The Trends sheet: one row per measure (per org unit when there are several), periods as columns oldest first,
/// and a Trend column that holds each row's sparkline. ClosedXML 0.95.4 cannot write sparklines, so this returns
/// where they go and <see cref="SparklineInjector"/> adds them to the saved package.
/// </summary>
public static class TrendsSheetWriter
{
    public const int HeaderRow = 4;

    private const double PeriodWidth = 11;

    /// <returns>A sparkline for each row with at least one figure shown, over that row's period cells.</returns>
    public static IReadOnlyList<SparklineSpec> Write(IXLWorksheet ws, string title, IReadOnlyList<string> periods, IReadOnlyList<TrendRow> rows)
    {
        ArgumentNullException.ThrowIfNull(ws);
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(rows);
        CellText.Write(ws.Cell(1, 1), title).Style.Font.SetBold().Font.SetFontSize(13);
        CellText.Write(ws.Cell(2, 1), "Figures as shown in the pack: c hides a small number, x a suppressed figure; the trend line passes over them.");

        var showOrgUnit = rows.Select(r => r.OrgUnitCode).Distinct(StringComparer.Ordinal).Skip(1).Any();
        var labels = new List<SheetColumn>();
        if (showOrgUnit)
        {
            labels.Add(new SheetColumn("Org unit", 12));
        }

        labels.AddRange([new("Code", 11), new("Measure", 40), new("Unit", 9), new("Trend", 18)]);
        var columns = labels.Concat(periods.Select(p => new SheetColumn(p, PeriodWidth))).ToList();
        SheetColumn.WriteHeaderRow(ws, HeaderRow, columns);
        var trendColumn = labels.Count;
        var firstPeriodColumn = trendColumn + 1;
        var periodIndex = periods.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);

        var sparklines = new List<SparklineSpec>();
        var r = HeaderRow + 1;
        foreach (var row in rows)
        {
            var c = 1;
            if (showOrgUnit)
            {
                CellText.Write(ws.Cell(r, c++), row.OrgUnitCode);
            }

            CellText.Write(ws.Cell(r, c++), row.Code);
            CellText.Write(ws.Cell(r, c++), row.Title).Style.Alignment.SetWrapText();
            CellText.Write(ws.Cell(r, c), row.UnitText);
            foreach (var figure in row.Figures)
            {
                if (!periodIndex.TryGetValue(figure.PeriodKey, out var i))
                {
                    throw new ArgumentException($"{row.Code} has a figure for {figure.PeriodKey}, which is not one of the sheet's periods.", nameof(rows));
                }

                CellNumber.Write(ws.Cell(r, firstPeriodColumn + i), figure.Value, row.NumberFormat, figure.Text);
            }

            if (periods.Count > 0 && row.Figures.Any(f => f.Value is not null))
            {
                sparklines.Add(new SparklineSpec(
                    ws.Cell(r, trendColumn).Address.ToStringRelative(),
                    ws.Range(r, firstPeriodColumn, r, firstPeriodColumn + periods.Count - 1).RangeAddress.ToStringRelative()));
            }

            ws.Row(r).Height = 30;
            ws.Row(r).Style.Alignment.SetVertical(XLAlignmentVerticalValues.Center);
            r++;
        }

        PrintSetup.Apply(ws, HeaderRow, frozenColumns: trendColumn);
        return sparklines;
    }
}
