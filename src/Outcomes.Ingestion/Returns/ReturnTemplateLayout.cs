namespace Outcomes.Ingestion.Returns;

/// <summary>
/// The shape of the quarterly return workbook, shared by the writer and the reader so they cannot drift apart.
/// Raise <see cref="TemplateVersion"/> whenever a sheet, column or key changes meaning.
/// </summary>
public static class ReturnTemplateLayout
{
    public const string TemplateId = "outcomes-return";

    public const int TemplateVersion = 1;

    public const string CoverSheet = "Cover";

    public const string DataSheet = "Data";

    /// <summary>Very hidden sheet of key/value rows (column A key, column B value) that identifies the template.</summary>
    public const string MetaSheet = "_template";

    public const int HeaderRow = 1;

    public const int FirstDataRow = 2;

    public static class Keys
    {
        public const string TemplateId = "template_id";
        public const string TemplateVersion = "template_version";
        public const string FrameworkCode = "framework_code";
        public const string FrameworkVersion = "framework_version";
        public const string OrgUnitCode = "org_unit_code";
        public const string OrgUnitType = "org_unit_type";
        public const string PeriodKey = "period_key";
    }

    public static class Columns
    {
        public const int Code = 1;
        public const int Title = 2;
        public const int Unit = 3;
        public const int Value = 4;
        public const int Numerator = 5;
        public const int Denominator = 6;
        public const int Commentary = 7;
        public const int DataQualityFlag = 8;
        public const int Previous = 9;
        public const int Guidance = 10;
    }

    /// <summary>Data sheet headers in column order (column 1 first).</summary>
    public static IReadOnlyList<string> Headers { get; } =
    [
        "Code", "Title", "Unit", "Value", "Numerator", "Denominator", "Commentary", "Data quality flag",
        "Previous quarter (read-only)", "Guidance (read-only)",
    ];

    /// <summary>Allowed data-quality flags; blank means none.</summary>
    public static IReadOnlyList<string> DataQualityFlags { get; } = ["estimate", "provisional", "incomplete"];

    public static string ColumnLetter(int column) => column switch
    {
        >= 1 and <= 26 => ((char)('A' + column - 1)).ToString(),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "The template uses columns A to Z."),
    };
}
