using Outcomes.Domain.Frameworks;
using Outcomes.Reporting.BoardPack;

namespace Outcomes.Reporting.ScrutinyPack;

/// <summary>
/// The scrutiny pack's figures in long format for the workbook: one row per unit × measure × quarter held, measures in
/// framework order, the units in the overview's order and the authority last, quarters oldest first. Disclosure control
/// is the PDF's (<see cref="MeasureFigures.Hidden"/>): a hidden figure keeps no value, numerator, denominator or SPC
/// reading, and its text says why.
/// </summary>
internal static class DataRowsBuilder
{
    public static List<DataRow> Build(IReadOnlyList<Measure> measures, IReadOnlyList<ScrutinyUnit> units, IReadOnlyList<Score> scores)
    {
        var byUnitAndMeasure = scores
            .GroupBy(s => (Unit: s.OrgUnitCode.ToUpperInvariant(), Measure: s.MeasureCode.ToUpperInvariant()))
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Period).ToList());
        var rows = new List<DataRow>();
        foreach (var m in measures)
        {
            foreach (var unit in units)
            {
                foreach (var s in byUnitAndMeasure.GetValueOrDefault((unit.Code.ToUpperInvariant(), m.Code.ToUpperInvariant())) ?? [])
                {
                    rows.Add(Row(m, unit.Code, s));
                }
            }
        }

        return rows;
    }

    private static DataRow Row(Measure m, string unitCode, Score s)
    {
        var hidden = MeasureFigures.Hidden(m, s);
        return new DataRow
        {
            OrgUnitCode = unitCode,
            PeriodKey = s.Period.Key,
            MeasureCode = m.Code,
            MeasureTitle = m.Title,
            Group = string.IsNullOrWhiteSpace(m.Group) ? "Measures" : m.Group,
            UnitText = MeasureFormat.UnitText(m),
            ExcelNumberFormat = MeasureFormat.ExcelFormat(m),
            Value = MeasureFigures.ShownValue(m, s),
            ValueText = MeasureFigures.Text(m, s),
            Numerator = hidden ? null : s.Numerator,
            Denominator = hidden ? null : s.Denominator,
            Target = s.Target is { } t ? MeasureFormat.Rounded(m, t) : null,
            StatusLetter = s.StatusLetter,
            StatusName = MeasureFigures.StatusName(s.Status),
            DirectionWord = MeasureFigures.DirectionWord(s.DirectionFromPrevious),
            England = s.Comparator is { } e ? MeasureFormat.Rounded(m, e) : null,
            Spc = !hidden && s.Spc is { } spc ? SpcReading.From(spc) : null,
        };
    }
}
