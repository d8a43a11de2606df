using System.Globalization;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Targets;

namespace Outcomes.Ingestion.Frameworks;

/// <summary>The spellings a framework file may use for an enum, and the words to list when it uses another.</summary>
internal sealed class Spellings<T>
    where T : struct, Enum
{
    private readonly (string Word, T Value)[] _words;

    public Spellings(params (string Word, T Value)[] words) => _words = words;

    /// <summary>"higher, lower, none": the canonical words, for messages.</summary>
    public string OneOf => string.Join(", ", _words.Select(w => w.Word).Distinct());

    public bool IsValid(string? text) => TryParse(text, out _);

    public bool TryParse(string? text, out T value)
    {
        var t = (text ?? string.Empty).Trim();
        foreach (var (word, v) in _words)
        {
            if (string.Equals(word, t, StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }

    public T Parse(string? text) =>
        TryParse(text, out var v) ? v : throw new InvalidOperationException($"'{text}' was not validated as one of {OneOf}.");
}

/// <summary>Every word the framework YAML format accepts, and the scalar readers the validators and builder share.</summary>
internal static class Vocabulary
{
    public static readonly Spellings<MeasureUnit> Unit = new(
        ("percentage", MeasureUnit.Percentage), ("count", MeasureUnit.Count), ("rate", MeasureUnit.Rate),
        ("currency", MeasureUnit.Currency), ("score", MeasureUnit.Score));

    public static readonly Spellings<Polarity> Polarity = new(
        ("higher", Domain.Frameworks.Polarity.HigherIsBetter), ("lower", Domain.Frameworks.Polarity.LowerIsBetter),
        ("none", Domain.Frameworks.Polarity.NoJudgement));

    public static readonly Spellings<Aggregation> Aggregation = new(
        ("sum", Domain.Frameworks.Aggregation.Sum), ("ratio", Domain.Frameworks.Aggregation.Ratio),
        ("latest-snapshot", Domain.Frameworks.Aggregation.LatestSnapshot), ("none", Domain.Frameworks.Aggregation.None));

    public static readonly Spellings<Frequency> Frequency = new(
        ("monthly", Domain.Frameworks.Frequency.Monthly), ("quarterly", Domain.Frameworks.Frequency.Quarterly),
        ("annual", Domain.Frameworks.Frequency.Annual));

    public static readonly Spellings<ConfidenceIntervalMethod> CiMethod = new(
        ("wilson", ConfidenceIntervalMethod.Wilson), ("byar", ConfidenceIntervalMethod.Byar), ("none", ConfidenceIntervalMethod.None));

    public static readonly Spellings<RagScheme> Scheme = new(
        ("rag", RagScheme.Rag), ("brag", RagScheme.Brag), ("five-level", RagScheme.FiveLevel));

    public static readonly Spellings<OrgUnitType> Level = new(
        ("authority", OrgUnitType.Authority), ("cluster", OrgUnitType.Cluster), ("district", OrgUnitType.District),
        ("locality", OrgUnitType.Locality), ("centre", OrgUnitType.Centre), ("family-hub", OrgUnitType.FamilyHub),
        ("delivery-site", OrgUnitType.DeliverySite), ("outreach-point", OrgUnitType.OutreachPoint));

    public static readonly Spellings<ToleranceKind> ToleranceKind = new(
        ("absolute", Domain.Targets.ToleranceKind.Absolute), ("relative", Domain.Targets.ToleranceKind.Relative));

    public static readonly Spellings<TargetPhasing> Phasing = new(
        ("none", TargetPhasing.None), ("equal", TargetPhasing.Equal), ("profile", TargetPhasing.Profile));

    public static readonly Spellings<TargetSource> Source = new(
        ("national", TargetSource.National), ("local", TargetSource.Local), ("stretch", TargetSource.Stretch),
        ("advisory-board", TargetSource.AdvisoryBoard));

    public static readonly Spellings<RuleOperator> Operator = new(
        ("<", RuleOperator.LessThan), ("<=", RuleOperator.LessThanOrEqual), ("==", RuleOperator.Equal),
        ("!=", RuleOperator.NotEqual), (">=", RuleOperator.GreaterThanOrEqual), (">", RuleOperator.GreaterThan),
        ("less-than", RuleOperator.LessThan), ("at-most", RuleOperator.LessThanOrEqual), ("equal", RuleOperator.Equal),
        ("not-equal", RuleOperator.NotEqual), ("at-least", RuleOperator.GreaterThanOrEqual), ("greater-than", RuleOperator.GreaterThan));

    public static readonly Spellings<RuleImportance> Importance = new(
        ("error", RuleImportance.Error), ("warning", RuleImportance.Warning));

    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact((text ?? string.Empty).Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool IsDateOrBlank(string? text) => text is null || TryDate(text, out _);

    public static DateOnly? Date(string? text) => TryDate(text, out var d) ? d : null;

    public static bool TryDecimal(string? text, out decimal value) =>
        decimal.TryParse((text ?? string.Empty).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public static bool IsDecimalOrBlank(string? text) => text is null || TryDecimal(text, out _);

    public static decimal? Decimal(string? text) => TryDecimal(text, out var d) ? d : null;

    public static bool TryInt(string? text, out int value) =>
        int.TryParse((text ?? string.Empty).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    public static bool IsIntOrBlank(string? text) => text is null || TryInt(text, out _);

    public static int? Int(string? text) => TryInt(text, out var i) ? i : null;

    public static bool TryBool(string? text, out bool value)
    {
        switch ((text ?? string.Empty).Trim().ToLowerInvariant())
        {
            case "true" or "yes":
                value = true;
                return true;
            case "false" or "no":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    public static bool IsBoolOrBlank(string? text) => text is null || TryBool(text, out _);

    public static bool Bool(string? text, bool whenBlank) => TryBool(text, out var b) ? b : whenBlank;
}
