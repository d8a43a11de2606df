using ClosedXML.Excel;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.ScrutinyPack;

namespace Outcomes.Reporting.Excel.Scrutiny;

/// <summary>
/// Writes the scrutiny trend pack as a workbook: Cover, Overview (the tartan rug), Trends (every measure × unit over
/// the quarters, with sparklines), Data (a filtered long table with SPC), SPC, Comparison (England and neighbours),
/// Gaps and Definitions. The board workbook's sheet writers lay out Cover, Trends, Data, SPC and Definitions; this
/// class maps the scrutiny model onto them. Figures the PDF hides are hidden here too (the model has no number for them).
/// </summary>
public static class ScrutinyExcelWriter
{
    public const string CoverSheet = "Cover";
    public const string OverviewSheet = "Overview";
    public const string TrendsSheet = "Trends";
    public const string DataSheet = "Data";
    public const string SpcSheet = "SPC";
    public const string ComparisonSheet = "Comparison";
    public const string GapsSheet = "Gaps";
    public const string DefinitionsSheet = "Definitions";

    public static readonly IReadOnlyList<string> SheetNames =
        [CoverSheet, OverviewSheet, TrendsSheet, DataSheet, SpcSheet, ComparisonSheet, GapsSheet, DefinitionsSheet];

    public static void Write(ScrutinyPackModel model, string path)
    {
        using var stream = File.Create(path);
        Write(model, stream);
    }

    public static void Write(ScrutinyPackModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = model.DocumentTitle;
        workbook.Properties.Author = model.CouncilName;
        workbook.Properties.Subject = $"{model.AuthorityName} {model.PeriodKey}";
        workbook.Properties.Created = model.GeneratedOn.ToDateTime(TimeOnly.MinValue);

        // Trends and SPC name each row's unit as the overview heads its column ("North", "Authority"); Data keeps codes.
        var headings = model.Units.ToDictionary(u => u.Code, u => u.Heading, StringComparer.OrdinalIgnoreCase);
        var labelled = model.Data.Select(d => d with { OrgUnitCode = headings.GetValueOrDefault(d.OrgUnitCode, d.OrgUnitCode) }).ToList();
        var noun = OverviewBuilder.Singular(model.Overview.ColumnNoun);

        CoverSheetWriter.Write(workbook.Worksheets.Add(CoverSheet), Cover(model));
        OverviewSheetWriter.Write(
            workbook.Worksheets.Add(OverviewSheet), $"{model.AuthorityName}: status of each measure by {noun}, {model.PeriodKey}", model.Overview);
        var sparklines = TrendsSheetWriter.Write(
            workbook.Worksheets.Add(TrendsSheet), $"{model.AuthorityName}: trends by {noun}, {model.PeriodsText}", model.DataPeriods, TrendRow.FromData(labelled));
        DataSheetWriter.Write(workbook.Worksheets.Add(DataSheet), model.Data, "ScrutinyData", withSpc: true);
        SpcSheetWriter.Write(
            workbook.Worksheets.Add(SpcSheet), $"{model.AuthorityName}: statistical process control by {noun}, to {model.PeriodKey}", labelled, "ScrutinySpc");
        ComparisonSheetWriter.Write(
            workbook.Worksheets.Add(ComparisonSheet), $"{model.AuthorityName}: compared with England and statistical neighbours", model.Comparisons);
        GapsSheetWriter.Write(workbook.Worksheets.Add(GapsSheet), $"{model.AuthorityName}: gaps between groups", model.Gaps);
        DefinitionsSheetWriter.Write(workbook.Worksheets.Add(DefinitionsSheet), model.Definitions);
        SparklineInjector.Save(workbook, stream, new Dictionary<string, IReadOnlyList<SparklineSpec>> { [TrendsSheet] = sparklines });
    }

    private static CoverContent Cover(ScrutinyPackModel m)
    {
        var f = m.FrontSheet;
        return new CoverContent(m.CouncilName, f.Title,
        [
            .. FrontSheetLines.Committee(f),
            ("Authority", $"{m.AuthorityName} ({m.AuthorityCode})"),
            ("Period", m.PeriodLabel),
            ("Quarters", m.PeriodsText),
            ("Framework", m.FrameworkLabel),
            ("Data as at", m.GeneratedOnText),
            ("Purpose", f.Purpose),
            ("Recommendation", f.Recommendation),
            ("Summary", string.Join(" ", m.Summary)),
            ("Units", string.Join("; ", m.Units.Select(u => $"{u.Heading}: {u.Name} ({u.Code})"))),
            ("Sheets", "Overview: status of each measure by unit for the quarter. Trends: every quarter's figure by measure and unit. "
                + "Data: the same in long format with targets, status and SPC, as a filtered table. SPC: means, limits and readings by quarter. "
                + "Comparison: England and statistical neighbours. Gaps: differences between groups. Definitions: what each measure counts."),
            FrontSheetLines.Contact(f),
        ]);
    }
}
