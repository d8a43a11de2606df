namespace Outcomes.Ingestion.Targets;

/// <summary>A column of the targets sheet.</summary>
public enum TargetColumn
{
    OrgUnit,
    OrgUnitName,
    Measure,
    MeasureTitle,
    From,
    To,
    Value,
    Stretch,
    Tolerance,
    ToleranceKind,
    Source,
    Phasing,
    Profile,
    BaselineValue,
    BaselineDate,
    TargetDate,
    UseConfidenceInterval,
    SetOn,
    SetBy,
}

/// <summary>One column as the template writes it: header, width, what goes in it, and whether it is read back.</summary>
public sealed record TargetColumnSpec(TargetColumn Column, string Header, double Width, string Hint, bool IsRead = true, bool IsRequired = false);

/// <summary>
/// The targets sheet: one row per org unit × measure × span of dates, saying exactly what a target in targets.yaml
/// says (value, stretch, tolerance, source, phasing of an annual count, trajectory, judging on the interval). Row 1 holds
/// the headers and data starts on row 2, so a problem's cell (Targets!G7) is the row a person sees. Headers are matched
/// by name in any order and case; the name and title columns are there to read and are never read back.
/// </summary>
public static class TargetSheetLayout
{
    public const string Sheet = "Targets";
    public const string ListsSheet = "Measures and units";
    public const int HeaderRow = 1;
    public const int FirstDataRow = 2;
    public const string DefaultUnit = "default";

    /// <summary>The most data rows a targets file may hold (a large council has a few thousand).</summary>
    public const int MaxRows = 20_000;

    public static IReadOnlyList<TargetColumnSpec> Columns { get; } =
    [
        new(TargetColumn.OrgUnit, "Org unit", 14, "An org-unit code, or 'default' for the framework's default target", IsRequired: true),
        new(TargetColumn.OrgUnitName, "Org unit name", 34, "For reading only; not read back", IsRead: false),
        new(TargetColumn.Measure, "Measure", 12, "A measure code of the framework", IsRequired: true),
        new(TargetColumn.MeasureTitle, "Measure title", 46, "For reading only; not read back", IsRead: false),
        new(TargetColumn.From, "From", 13, "First day the target applies (a date, or a period: 2018-19, 2018-19 Q2); blank: from the start"),
        new(TargetColumn.To, "To", 13, "Last day it applies (a date, or a period: 2018-19 ends 31 March 2019); blank: open-ended"),
        new(TargetColumn.Value, "Target", 11, "The target (a percentage as 45 or 45%); an annual total when phased", IsRequired: true),
        new(TargetColumn.Stretch, "Stretch", 11, "Blue (BRAG) when met; beyond the target in the good direction"),
        new(TargetColumn.Tolerance, "Tolerance", 11, "Amber band: points (absolute) or % of the target (relative)"),
        new(TargetColumn.ToleranceKind, "Tolerance kind", 15, "absolute or relative"),
        new(TargetColumn.Source, "Source", 15, "national, local, stretch or advisory-board"),
        new(TargetColumn.Phasing, "Phasing", 11, "none, equal or profile: how an annual count is split over the quarters"),
        new(TargetColumn.Profile, "Profile", 16, "With phasing 'profile': shares adding up to 100, e.g. 20/25/25/30"),
        new(TargetColumn.BaselineValue, "Baseline value", 15, "A trajectory's starting value"),
        new(TargetColumn.BaselineDate, "Baseline date", 14, "When the baseline was measured"),
        new(TargetColumn.TargetDate, "Target date", 13, "When the target is to be reached"),
        new(TargetColumn.UseConfidenceInterval, "Judge on interval", 17, "yes: judge the whole confidence interval (measures with a CI method only)"),
        new(TargetColumn.SetOn, "Set on", 13, "When the target was agreed (needed for advisory-board targets)"),
        new(TargetColumn.SetBy, "Set by", 22, "Who agreed it"),
    ];

    public static TargetColumnSpec Spec(TargetColumn column) => Columns[(int)column];

    /// <summary>Header spellings compared without case, spaces, '_', '-' or '.'; a few aliases for hand-made CSVs.</summary>
    public static IReadOnlyDictionary<string, TargetColumn> HeaderNames { get; } = BuildHeaderNames();

    public static string Key(string header) =>
        new string(header.Where(c => !char.IsWhiteSpace(c) && c is not '_' and not '-' and not '.').ToArray()).ToLowerInvariant();

    /// <summary>"A" for 1, "AA" for 27.</summary>
    public static string ColumnLetters(int column)
    {
        var letters = string.Empty;
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters;
    }

    private static Dictionary<string, TargetColumn> BuildHeaderNames()
    {
        var names = Columns.ToDictionary(c => Key(c.Header), c => c.Column, StringComparer.Ordinal);
        names.TryAdd(Key("org unit code"), TargetColumn.OrgUnit);
        names.TryAdd(Key("org_unit"), TargetColumn.OrgUnit);
        names.TryAdd(Key("measure code"), TargetColumn.Measure);
        names.TryAdd(Key("value"), TargetColumn.Value);
        names.TryAdd(Key("tolerance_kind"), TargetColumn.ToleranceKind);
        names.TryAdd(Key("use_confidence_interval"), TargetColumn.UseConfidenceInterval);
        return names;
    }
}
