using FluentValidation;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Ingestion.Issues;
using Outcomes.Ingestion.Returns.Validation;
using Outcomes.Ingestion.Safety;
using static Outcomes.Ingestion.Returns.ReturnTemplateLayout;

namespace Outcomes.Ingestion.Returns;

/// <summary>
/// Reads a filled-in return template: <see cref="ReturnWorkbookReader"/> reads the cells, <see cref="ReturnValueParser"/>
/// types them, the validators in <c>Returns.Validation</c> judge them, and <see cref="ReturnObservationBuilder"/>
/// makes observations. It never throws for a bad file; every problem comes back as an <see cref="ImportIssue"/>.
/// </summary>
public static class ReturnTemplateReader
{
    /// <param name="fileName">The name the user uploaded, used in every issue.</param>
    /// <param name="xlsx">The uploaded bytes.</param>
    /// <param name="version">The framework version in force for the return.</param>
    /// <param name="expectedUnit">When given, the template must be for this unit (and its type decides the measures due).</param>
    /// <param name="expectedPeriod">When given, the template must be for this period.</param>
    /// <param name="limits">Upload size limits checked before the workbook is opened; <see cref="ReturnReadLimits.Default"/> when null.</param>
    public static ReturnReadResult Read(
        string fileName, Stream xlsx, FrameworkVersion version, OrgUnit? expectedUnit = null, Period? expectedPeriod = null, ReturnReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        ArgumentNullException.ThrowIfNull(version);
        try
        {
            return ReadChecked(fileName, xlsx, version, expectedUnit, expectedPeriod, limits);
        }
        catch (Exception)
        {
            return Unreadable(fileName);
        }
    }

    // The reader and validators are written not to throw; this is the promise kept if one ever does.
    private static ReturnReadResult Unreadable(string fileName) =>
        new(null, [ImportIssue.ForFile(
            fileName,
            WorkbookSafetyGate.Rules.Unreadable,
            "this workbook could not be read: open it in Excel, save it as an Excel Workbook (.xlsx) and upload it again")]);

    private static ReturnReadResult ReadChecked(
        string fileName, Stream xlsx, FrameworkVersion version, OrgUnit? expectedUnit, Period? expectedPeriod, ReturnReadLimits? limits)
    {
        var content = ReturnWorkbookReader.Read(fileName, xlsx, out var fileIssue, limits);
        if (content is null)
        {
            return new ReturnReadResult(null, [fileIssue!]);
        }

        return JudgeChecked(fileName, content, version, expectedUnit, expectedPeriod);
    }

    /// <summary>
    /// Judges a workbook already read by <see cref="ReturnWorkbookReader"/> (the import reads it once to find its
    /// framework and period, and judges that same content rather than opening the workbook a second time).
    /// </summary>
    public static ReturnReadResult Judge(
        string fileName, ReturnWorkbookContent content, FrameworkVersion version, OrgUnit? expectedUnit = null, Period? expectedPeriod = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(version);
        try
        {
            return JudgeChecked(fileName, content, version, expectedUnit, expectedPeriod);
        }
        catch (Exception)
        {
            return Unreadable(fileName);
        }
    }

    private static ReturnReadResult JudgeChecked(
        string fileName, ReturnWorkbookContent content, FrameworkVersion version, OrgUnit? expectedUnit, Period? expectedPeriod)
    {
        var identity = new TemplateIdentityValidator(version, expectedUnit, expectedPeriod).Validate(content).ToIssues(fileName).ToList();
        if (identity.HasErrors())
        {
            return new ReturnReadResult(null, identity);
        }

        var meta = content.Meta!;
        var unitCode = expectedUnit?.Code ?? meta[Keys.OrgUnitCode];
        var unitType = expectedUnit?.Type
            ?? (Enum.TryParse<OrgUnitType>(meta.GetValueOrDefault(Keys.OrgUnitType), ignoreCase: true, out var t) ? t : OrgUnitType.Centre);
        var period = PeriodParser.Parse(meta[Keys.PeriodKey]);
        var due = ReturnSchedule.MeasuresDue(version, unitType, period);

        var lines = content.Rows.Select(r => ReturnJudge.Parse(r, ReturnValueParser.ParseText(r.Code) ?? string.Empty, version, due)).ToList();
        var (result, judged) = ReturnJudge.Judge(fileName, version, unitCode, period, due, lines);
        var issues = new List<ImportIssue>(identity);
        issues.AddRange(new WorkbookStructureValidator().Validate(content).ToIssues(fileName));
        issues.AddRange(judged);
        return new ReturnReadResult(result, issues.OrderBy(i => i.Row ?? 0).ThenBy(i => i.Cell, StringComparer.Ordinal).ToList());
    }

}
