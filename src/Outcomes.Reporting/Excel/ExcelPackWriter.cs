using ClosedXML.Excel;
using Outcomes.Reporting.BoardPack;

namespace Outcomes.Reporting.Excel;

/// <summary>
/// Writes the board pack as a workbook: Cover, Scorecard, Trends (with sparklines), Data (a filtered table), SPC and
/// Definitions. The sheets are laid out by the sheet writers beside this file, which take plain rows so other packs
/// can use them; this class only maps the board-pack model onto them.
/// </summary>
public static class ExcelPackWriter
{
    public const string CoverSheet = "Cover";
    public const string ScorecardSheet = "Scorecard";
    public const string TrendsSheet = "Trends";
    public const string DataSheet = "Data";
    public const string SpcSheet = "SPC";
    public const string DefinitionsSheet = "Definitions";

    public static void Write(BoardPackModel model, string path)
    {
        using var stream = File.Create(path);
        Write(model, stream);
    }

    public static void Write(BoardPackModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = model.DocumentTitle;
        workbook.Properties.Author = model.CouncilName;
        workbook.Properties.Subject = $"{model.OrgUnitName} {model.PeriodKey}";
        workbook.Properties.Created = model.GeneratedOn.ToDateTime(TimeOnly.MinValue);

        CoverSheetWriter.Write(workbook.Worksheets.Add(CoverSheet), Cover(model));
        ScorecardSheetWriter.Write(
            workbook.Worksheets.Add(ScorecardSheet), $"{model.OrgUnitName}: scorecard, {model.PeriodKey}", model.ExecutiveSummary, model.Rows.Select(Line).ToList());
        var sparklines = TrendsSheetWriter.Write(
            workbook.Worksheets.Add(TrendsSheet), $"{model.OrgUnitName}: trends to {model.PeriodKey}", model.Periods, Trends(model));
        DataSheetWriter.Write(workbook.Worksheets.Add(DataSheet), model.Data);
        SpcSheetWriter.Write(workbook.Worksheets.Add(SpcSheet), $"{model.OrgUnitName}: statistical process control to {model.PeriodKey}", model.Data);
        DefinitionsSheetWriter.Write(workbook.Worksheets.Add(DefinitionsSheet), model.Definitions);
        SparklineInjector.Save(workbook, stream, new Dictionary<string, IReadOnlyList<SparklineSpec>> { [TrendsSheet] = sparklines });
    }

    private static CoverContent Cover(BoardPackModel m)
    {
        var f = m.FrontSheet;
        return new CoverContent(m.CouncilName, f.Title,
        [
            .. FrontSheetLines.Committee(f),
            ("Org unit", $"{m.OrgUnitName} ({m.OrgUnitCode}, {m.OrgUnitType.ToLowerInvariant()})"),
            ("Period", m.PeriodLabel),
            ("Framework", m.FrameworkLabel),
            ("Data as at", m.GeneratedOnText),
            ("Purpose", f.Purpose),
            ("Recommendation", f.Recommendation),
            ("Executive summary", m.ExecutiveSummary),
            FrontSheetLines.Contact(f),
        ]);
    }

    private static ScorecardLine Line(ScorecardRow row) => new()
    {
        Group = row.Group,
        Code = row.Code,
        Title = row.Title,
        UnitText = row.UnitText,
        NumberFormat = row.ExcelNumberFormat,
        Target = row.TargetValue,
        TargetText = row.TargetText,
        Actual = row.ActualValue,
        ActualText = row.ActualText,
        NumeratorDenominator = row.NumeratorDenominatorText,
        StatusLetter = row.StatusLetter,
        StatusName = row.StatusName,
        DirectionArrow = row.DirectionArrow,
        DirectionWord = row.DirectionWord,
        England = row.EnglandValue,
        EnglandText = row.EnglandText,
        EnglandComparison = row.EnglandComparisonText,
        Spc = row.SpcText,
        Explanation = row.Explanation,
        Commentary = row.Commentary,
    };

    /// <summary>Every measure on the scorecard gets a Trends row, in framework order, even with no figures yet.</summary>
    private static List<TrendRow> Trends(BoardPackModel m)
    {
        var byCode = TrendRow.FromData(m.Data).ToDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);
        return m.Rows
            .Select(r => byCode.GetValueOrDefault(r.Code) ?? new TrendRow
            {
                OrgUnitCode = m.OrgUnitCode,
                Code = r.Code,
                Title = r.Title,
                UnitText = r.UnitText,
                NumberFormat = r.ExcelNumberFormat,
                Figures = [],
            })
            .ToList();
    }
}
