using System.Globalization;
using ClosedXML.Excel;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Numbers;
using Outcomes.Domain.Observations;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Ingestion.OpenData;
using static Outcomes.Ingestion.Returns.ReturnTemplateLayout;

namespace Outcomes.Ingestion.Returns;

/// <summary>
/// Writes the .xlsx a centre or cluster fills in for one quarter: a Cover sheet, a protected Data sheet with one row
/// per measure due (see <see cref="ReturnSchedule"/>) and Excel validation on the input cells, and a very hidden
/// "_template" sheet that lets <see cref="ReturnTemplateReader"/> recognise the file and its framework version.
/// Column widths are set explicitly: ClosedXML's AdjustToContents needs GDI+, which Linux hosts do not have.
/// </summary>
public static class ReturnTemplateWriter
{
    private static readonly XLColor LockedFill = XLColor.FromHtml("#EDEDED");
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#1F4E79");
    private static readonly XLColor InputBorder = XLColor.FromHtml("#8EA9C1");

    public static void Write(
        FrameworkVersion version,
        OrgUnit unit,
        Period period,
        DateOnly deadline,
        IReadOnlyDictionary<string, Observation>? previous,
        Stream output,
        IReadOnlyDictionary<string, Observation>? prefill = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(output);

        var measures = ReturnSchedule.MeasuresDue(version, unit.Type, period);
        using var workbook = new XLWorkbook();
        WriteCover(workbook.Worksheets.Add(CoverSheet), version, unit, period, deadline, measures.Count);
        WriteData(workbook.Worksheets.Add(DataSheet), measures, period, previous, prefill);
        WriteMeta(workbook.Worksheets.Add(MetaSheet), version, unit, period);
        workbook.Worksheet(DataSheet).SetTabActive();
        workbook.SaveAs(output);
    }

    private static void WriteCover(IXLWorksheet ws, FrameworkVersion version, OrgUnit unit, Period period, DateOnly deadline, int measureCount)
    {
        ws.Column(1).Width = 24;
        ws.Column(2).Width = 90;
        Text(ws.Cell(1, 1), "Outcomes quarterly return").Style.Font.SetBold().Font.SetFontSize(14);

        var row = 3;
        foreach (var (label, value) in new[]
                 {
                     ("Org unit code", unit.Code),
                     ("Org unit name", unit.Name),
                     ("Period", period.Key),
                     ("Period covers", period.Label),
                     ("Framework", version.FrameworkCode),
                     ("Framework version", version.Version.ToString(CultureInfo.InvariantCulture)),
                     ("Measures in this return", measureCount.ToString(CultureInfo.InvariantCulture)),
                 })
        {
            Text(ws.Cell(row, 1), label).Style.Font.SetBold();
            Text(ws.Cell(row, 2), value);
            row++;
        }

        Text(ws.Cell(row, 1), "Deadline").Style.Font.SetBold();
        ws.Cell(row, 2).SetValue(deadline.ToDateTime(TimeOnly.MinValue)).Style.NumberFormat.SetFormat("d mmmm yyyy");
        ws.Cell(row, 2).Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Left);
        row += 2;

        Text(ws.Cell(row++, 1), "Instructions").Style.Font.SetBold();
        string[] instructions =
        [
            $"Return this workbook by {deadline.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.",
            "1. Enter figures on the Data sheet, in the white cells only. Grey cells are locked.",
            "2. Value is the figure for the period. Percentages are 0 to 100 (45.2, not 0.452). Counts are whole numbers.",
            "3. Where a measure has a numerator and denominator, enter both. Leave Value blank and it will be calculated.",
            $"4. If a figure cannot be given, enter a suppression code instead of a number: {SuppressionCodes.ListForMessages} (c = confidential, x = not available, z = not applicable, u = low reliability). Never enter 0 for a missing figure.",
            "5. Write figures in full (1200, not 1.2k) and without words (40, not approx 40): choose 'estimate' in Data quality flag instead.",
            "6. Data quality flag: choose estimate, provisional or incomplete where it applies, and explain in Commentary.",
            $"7. Annual measures appear only in the Q{ReturnSchedule.AnnualDueQuarter} return; give the figure for the academic year that ended last summer.",
            "8. Do not add, remove or reorder rows, or rename sheets. Upload the file as it is; it is checked when uploaded.",
        ];
        foreach (var line in instructions)
        {
            Text(ws.Cell(row, 2), line).Style.Alignment.SetWrapText(true);
            ws.Row(row).Height = 30;
            row++;
        }

        ws.Protect().AllowElement(XLSheetProtectionElements.FormatColumns);
    }

    private static void WriteData(
        IXLWorksheet ws,
        IReadOnlyList<Measure> measures,
        Period period,
        IReadOnlyDictionary<string, Observation>? previous,
        IReadOnlyDictionary<string, Observation>? prefill)
    {
        double[] widths = [12, 48, 20, 14, 14, 14, 44, 18, 18, 60];
        for (var c = 0; c < Headers.Count; c++)
        {
            ws.Column(c + 1).Width = widths[c];
            var header = Text(ws.Cell(HeaderRow, c + 1), Headers[c]);
            header.Style.Font.SetBold().Font.SetFontColor(XLColor.White).Fill.SetBackgroundColor(HeaderFill);
            header.Style.Alignment.SetWrapText(true);
        }

        ws.Row(HeaderRow).Height = 30;
        ws.SheetView.FreezeRows(HeaderRow);

        var row = FirstDataRow;
        foreach (var m in measures)
        {
            Text(ws.Cell(row, Columns.Code), m.Code);
            Text(ws.Cell(row, Columns.Title), m.Title);
            Text(ws.Cell(row, Columns.Unit), UnitLabel(m));
            Text(ws.Cell(row, Columns.Previous), PreviousText(m, previous));
            Text(ws.Cell(row, Columns.Guidance), Guidance(m, period));
            foreach (var c in new[] { Columns.Code, Columns.Title, Columns.Unit, Columns.Previous, Columns.Guidance })
            {
                ws.Cell(row, c).Style.Fill.SetBackgroundColor(LockedFill).Alignment.SetWrapText(true);
            }

            Input(ws.Cell(row, Columns.Value));
            ws.Cell(row, Columns.Value).Style.NumberFormat.SetFormat(NumberFormat(m));
            ValueValidation(ws.Cell(row, Columns.Value), m);

            foreach (var c in new[] { Columns.Numerator, Columns.Denominator })
            {
                var cell = ws.Cell(row, c);
                if (m.HasRatio)
                {
                    Input(cell);
                    cell.Style.NumberFormat.SetFormat("#,##0");
                    var dv = cell.SetDataValidation();
                    dv.WholeNumber.EqualOrGreaterThan(0);
                    Explain(dv, c == Columns.Numerator ? "Numerator" : "Denominator", "Enter a whole number of 0 or more.");
                }
                else
                {
                    cell.Style.Fill.SetBackgroundColor(LockedFill);
                }
            }

            Input(ws.Cell(row, Columns.Commentary)).Style.Alignment.SetWrapText(true);
            var flag = Input(ws.Cell(row, Columns.DataQualityFlag)).SetDataValidation();
            flag.List("\"" + string.Join(",", DataQualityFlags) + "\"", true);
            flag.IgnoreBlanks = true;
            Explain(flag, "Data quality flag", "Leave blank, or choose estimate, provisional or incomplete.");

            if (prefill is not null && prefill.TryGetValue(m.Code, out var obs))
            {
                Prefill(ws, row, m, obs);
            }

            ws.Row(row).Height = 30;
            row++;
        }

        ws.Protect()
            .AllowElement(XLSheetProtectionElements.FormatColumns)
            .AllowElement(XLSheetProtectionElements.FormatRows);
    }

    private static void WriteMeta(IXLWorksheet ws, FrameworkVersion version, OrgUnit unit, Period period)
    {
        var rows = new (string Key, string Value)[]
        {
            (Keys.TemplateId, TemplateId),
            (Keys.TemplateVersion, TemplateVersion.ToString(CultureInfo.InvariantCulture)),
            (Keys.FrameworkCode, version.FrameworkCode),
            (Keys.FrameworkVersion, version.Version.ToString(CultureInfo.InvariantCulture)),
            (Keys.OrgUnitCode, unit.Code),
            (Keys.OrgUnitType, unit.Type.ToString()),
            (Keys.PeriodKey, period.Key),
        };
        for (var i = 0; i < rows.Length; i++)
        {
            Text(ws.Cell(i + 1, 1), rows[i].Key);
            Text(ws.Cell(i + 1, 2), rows[i].Value);
        }

        ws.Column(1).Width = 20;
        ws.Column(2).Width = 30;
        ws.Protect();
        ws.Visibility = XLWorksheetVisibility.VeryHidden;
    }

    private static void Prefill(IXLWorksheet ws, int row, Measure m, Observation obs)
    {
        if (obs.SuppressionReason is { } reason)
        {
            Text(ws.Cell(row, Columns.Value), reason);
        }
        else if (obs.Value is { } value)
        {
            ws.Cell(row, Columns.Value).SetValue(value);
        }

        if (m.HasRatio && obs.Numerator is { } n)
        {
            ws.Cell(row, Columns.Numerator).SetValue(n);
        }

        if (m.HasRatio && obs.Denominator is { } d)
        {
            ws.Cell(row, Columns.Denominator).SetValue(d);
        }

        if (!string.IsNullOrEmpty(obs.Commentary))
        {
            Text(ws.Cell(row, Columns.Commentary), obs.Commentary);
        }

        if (!string.IsNullOrEmpty(obs.DataQualityFlag))
        {
            Text(ws.Cell(row, Columns.DataQualityFlag), obs.DataQualityFlag);
        }
    }

    // Excel's own checks. A custom formula rather than "decimal between" so a suppression code is still accepted.
    private static void ValueValidation(IXLCell cell, Measure m)
    {
        var a = cell.Address.ToStringRelative();
        var codes = string.Join(",", SuppressionCodes.All.Select(code => $"LOWER(TRIM({a}))=\"{code}\""));
        var (test, rule) = m.Unit switch
        {
            MeasureUnit.Percentage => ($"AND({a}>=0,{a}<=100)", "a percentage from 0 to 100"),
            MeasureUnit.Count => ($"AND({a}>=0,{a}=INT({a}))", "a whole number of 0 or more"),
            MeasureUnit.Score => ("TRUE", "a number"),
            _ => ($"{a}>=0", "a number of 0 or more"),
        };
        var dv = cell.SetDataValidation();
        dv.Custom($"OR(AND(ISNUMBER({a}),{test}),{codes})");
        dv.IgnoreBlanks = true;
        Explain(dv, "Value", $"Enter {rule}, or a suppression code ({SuppressionCodes.ListForMessages}).");
    }

    private static void Explain(IXLDataValidation dv, string title, string message)
    {
        dv.ErrorStyle = XLErrorStyle.Stop;
        dv.ShowErrorMessage = true;
        dv.ErrorTitle = title;
        dv.ErrorMessage = message;
        dv.ShowInputMessage = true;
        dv.InputTitle = title;
        dv.InputMessage = message;
    }

    private static IXLCell Input(IXLCell cell)
    {
        cell.Style.Protection.SetLocked(false);
        cell.Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetOutsideBorderColor(InputBorder);
        return cell;
    }

    // SetValue keeps text as text; the Value setter would turn "2016/17" or "1,234" into a number or a date.
    private static IXLCell Text(IXLCell cell, string text) => cell.SetValue(text);

    private static string UnitLabel(Measure m) => m.Unit switch
    {
        MeasureUnit.Percentage => $"Percentage (0–100, {m.Decimals} dp)",
        MeasureUnit.Count => "Count (whole number)",
        MeasureUnit.Rate => $"Rate per {m.Multiplier:#,##0}",
        MeasureUnit.Currency => "£",
        _ => "Score",
    };

    private static string NumberFormat(Measure m) => m.Unit switch
    {
        MeasureUnit.Count => "#,##0",
        MeasureUnit.Currency => "£#,##0.00",
        _ => m.Decimals > 0 ? "#,##0." + new string('0', m.Decimals) : "#,##0",
    };

    private static string PreviousText(Measure m, IReadOnlyDictionary<string, Observation>? previous)
    {
        if (previous is null || !previous.TryGetValue(m.Code, out var obs))
        {
            return string.Empty;
        }

        if (obs.SuppressionReason is { } reason)
        {
            return reason;
        }

        return obs.Value is { } v ? OfficialRounding.Format(v, m.Unit == MeasureUnit.Count ? 0 : m.Decimals) : string.Empty;
    }

    private static string Guidance(Measure m, Period period)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(m.Definition))
        {
            parts.Add(m.Definition.Trim());
        }

        if (m.HasRatio)
        {
            parts.Add($"Numerator: {m.NumeratorLabel ?? "the count"}. Denominator: {m.DenominatorLabel ?? "the population"}.");
        }

        if (m.Frequency == Frequency.Annual && period.Type == PeriodType.FinancialQuarter)
        {
            parts.Add($"Annual: give the figure for academic year {ReturnSchedule.AnnualAcademicYearFor(period).Key}.");
        }

        if (m.Cumulative)
        {
            parts.Add("Year to date.");
        }

        if (!m.Required)
        {
            parts.Add("Optional.");
        }

        return string.Join(" ", parts);
    }
}
