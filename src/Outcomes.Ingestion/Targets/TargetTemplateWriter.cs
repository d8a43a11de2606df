using ClosedXML.Excel;
using Outcomes.Domain.Targets;

namespace Outcomes.Ingestion.Targets;

/// <summary>
/// Writes the targets template for a framework: the "Targets" sheet pre-filled with every current target (one row per
/// org unit × measure × span of dates, the default first), so editing it and uploading it back changes exactly what was
/// edited; and a "Measures and units" sheet listing what the rows may name. Widths are set by hand (ClosedXML 0.95's
/// AdjustToContents needs fonts this server does not have).
/// </summary>
public static class TargetTemplateWriter
{
    public static byte[] Write(TargetSheetContext context, IEnumerable<Target> targets)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(targets);
        using var workbook = new XLWorkbook();
        WriteTargets(workbook.AddWorksheet(TargetSheetLayout.Sheet), context, targets);
        WriteLists(workbook.AddWorksheet(TargetSheetLayout.ListsSheet), context);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void WriteTargets(IXLWorksheet ws, TargetSheetContext context, IEnumerable<Target> targets)
    {
        var columns = TargetSheetLayout.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            var header = ws.Cell(TargetSheetLayout.HeaderRow, c + 1);
            header.Value = columns[c].Header;
            header.Style.Font.Bold = true;
            header.Style.Fill.BackgroundColor = columns[c].IsRead ? XLColor.FromHtml("#DDE4EE") : XLColor.FromHtml("#F3F2F1");
            header.Comment.AddText(columns[c].Hint);
            ws.Column(c + 1).Width = columns[c].Width;
        }

        var order = context.Measures.Select((m, i) => (m.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.OrdinalIgnoreCase);
        var row = TargetSheetLayout.FirstDataRow;
        foreach (var t in targets
                     .OrderBy(t => t.OrgUnitCode is null ? 0 : 1)
                     .ThenBy(t => t.OrgUnitCode, StringComparer.Ordinal)
                     .ThenBy(t => order.TryGetValue(t.MeasureCode, out var i) ? i : int.MaxValue)
                     .ThenBy(t => t.From ?? DateOnly.MinValue))
        {
            void Set(TargetColumn column, object? value)
            {
                var cell = ws.Cell(row, (int)column + 1);
                switch (value)
                {
                    case null:
                        break;
                    case DateOnly d:
                        cell.Value = d.ToDateTime(TimeOnly.MinValue);
                        cell.Style.DateFormat.Format = "yyyy-mm-dd";
                        break;
                    case decimal m:
                        cell.Value = m;
                        break;
                    default:
                        cell.SetValue(value.ToString());
                        break;
                }
            }

            var unitName = t.OrgUnitCode is null ? "Framework default" : context.TryUnit(t.OrgUnitCode, out var unit) ? unit.Name : string.Empty;
            Set(TargetColumn.OrgUnit, t.OrgUnitCode ?? TargetSheetLayout.DefaultUnit);
            Set(TargetColumn.OrgUnitName, unitName);
            Set(TargetColumn.Measure, t.MeasureCode);
            Set(TargetColumn.MeasureTitle, context.Latest(t.MeasureCode)?.Title);
            Set(TargetColumn.From, t.From);
            Set(TargetColumn.To, t.To);
            Set(TargetColumn.Value, t.Value);
            Set(TargetColumn.Stretch, t.Stretch);
            Set(TargetColumn.Tolerance, t.Tolerance);
            Set(TargetColumn.ToleranceKind, t.ToleranceKind == ToleranceKind.Relative ? "relative" : "absolute");
            Set(TargetColumn.Source, SourceWord(t.Source));
            Set(TargetColumn.Phasing, t.Phasing == TargetPhasing.None ? null : t.Phasing.ToString().ToLowerInvariant());
            Set(TargetColumn.Profile, t.Profile?.ToString());
            Set(TargetColumn.BaselineValue, t.BaselineValue);
            Set(TargetColumn.BaselineDate, t.BaselineDate);
            Set(TargetColumn.TargetDate, t.TargetDate);
            Set(TargetColumn.UseConfidenceInterval, t.UseConfidenceInterval ? "yes" : null);
            Set(TargetColumn.SetOn, t.SetOn);
            Set(TargetColumn.SetBy, t.SetBy);
            row++;
        }

        foreach (var info in new[] { TargetColumn.OrgUnitName, TargetColumn.MeasureTitle })
        {
            ws.Column((int)info + 1).Style.Font.FontColor = XLColor.FromHtml("#505A5F");
        }

        ws.SheetView.FreezeRows(TargetSheetLayout.HeaderRow);
    }

    private static void WriteLists(IXLWorksheet ws, TargetSheetContext context)
    {
        ws.Cell(1, 1).Value = "Measure";
        ws.Cell(1, 2).Value = "Title";
        ws.Cell(1, 3).Value = "Unit";
        ws.Cell(1, 4).Value = "Polarity";
        ws.Cell(1, 6).Value = "Org unit";
        ws.Cell(1, 7).Value = "Name";
        ws.Cell(1, 8).Value = "Type";
        ws.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var m in context.Measures)
        {
            ws.Cell(r, 1).Value = m.Code;
            ws.Cell(r, 2).Value = m.Title;
            ws.Cell(r, 3).Value = m.Unit.ToString().ToLowerInvariant();
            ws.Cell(r, 4).Value = m.Polarity switch { Domain.Frameworks.Polarity.HigherIsBetter => "higher is better", Domain.Frameworks.Polarity.LowerIsBetter => "lower is better", _ => "no judgement" };
            r++;
        }

        r = 2;
        ws.Cell(r, 6).Value = TargetSheetLayout.DefaultUnit;
        ws.Cell(r, 7).Value = "The framework's default (applies where a unit has no target of its own)";
        r++;
        foreach (var u in context.Units.OrderBy(u => u.Type).ThenBy(u => u.Code, StringComparer.Ordinal))
        {
            ws.Cell(r, 6).SetValue(u.Code);
            ws.Cell(r, 7).Value = u.Name;
            ws.Cell(r, 8).Value = u.Type.ToString();
            r++;
        }

        double[] widths = [12, 60, 12, 16, 3, 16, 44, 14];
        for (var c = 0; c < widths.Length; c++)
        {
            ws.Column(c + 1).Width = widths[c];
        }

        ws.SheetView.FreezeRows(1);
    }

    private static string SourceWord(TargetSource source) => source switch
    {
        TargetSource.National => "national",
        TargetSource.Stretch => "stretch",
        TargetSource.AdvisoryBoard => "advisory-board",
        _ => "local",
    };
}
