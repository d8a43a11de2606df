using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Outcomes.Domain.Frameworks;
using Outcomes.Ingestion.OpenData;

namespace Outcomes.Ingestion.Returns;

public enum ParsedKind
{
    Blank,
    Number,
    Suppressed,
    Invalid,
}

/// <summary>A typed cell: a number, a suppression code with no value, blank, or invalid with a plain-English reason.</summary>
public readonly record struct ParsedValue(ParsedKind Kind, decimal? Number = null, string? SuppressionCode = null, string? Problem = null, string? RuleCode = null)
{
    public static ParsedValue Blank { get; } = new(ParsedKind.Blank);

    public bool IsNumber => Kind == ParsedKind.Number;

    public static ParsedValue Of(decimal number) => new(ParsedKind.Number, number);

    public static ParsedValue Suppressed(string code) => new(ParsedKind.Suppressed, SuppressionCode: code);

    public static ParsedValue Invalid(string rule, string problem) => new(ParsedKind.Invalid, Problem: problem, RuleCode: rule);
}

/// <summary>
/// Turns a cell into a typed value. Accepts what people really type: "1,234", "45%" for a percentage, "£1,234" for
/// currency, and the suppression codes. Refuses abbreviations ("1.2k") and words ("approx 40") rather than guessing.
/// It never judges ranges; validators do that.
/// </summary>
public static partial class ReturnValueParser
{
    /// <summary>Parses a Value cell for <paramref name="measure"/> (null when the code is unknown: read as a plain number).</summary>
    public static ParsedValue ParseValue(RawCell cell, Measure? measure)
    {
        var unit = measure?.Unit;
        switch (cell.Kind)
        {
            case RawCellKind.Blank:
                return ParsedValue.Blank;
            case RawCellKind.Error:
                return ParsedValue.Invalid("value.excel-error", $"is the Excel error {cell.Text}; enter a number or a suppression code ({SuppressionCodes.ListForMessages})");
            case RawCellKind.Boolean:
            case RawCellKind.Date:
                return ParsedValue.Invalid("value.not-a-number", $"'{cell.Text}' is a {(cell.Kind == RawCellKind.Date ? "date" : "TRUE/FALSE value")}, not a number");
            case RawCellKind.Number:
                var n = ToDecimal(cell.Number!.Value);

                // Typing "45%" into Excel stores 0.45 with a percentage format; the measure means 45.
                return ParsedValue.Of(unit == MeasureUnit.Percentage && cell.HasPercentFormat ? n * 100m : n);
        }

        var text = Clean(cell.Text);
        if (text.Length == 0)
        {
            return ParsedValue.Blank;
        }

        if (SuppressionCodes.TryRead(text, out var code))
        {
            return ParsedValue.Suppressed(code);
        }

        if (ReturnWorkbookReaderErrors.IsExcelError(text))
        {
            return ParsedValue.Invalid("value.excel-error", $"is the Excel error {text}; enter a number or a suppression code ({SuppressionCodes.ListForMessages})");
        }

        if (DateLike().IsMatch(text))
        {
            return ParsedValue.Invalid("value.not-a-number", $"'{text}' is a date, not a number; enter the figure for the period");
        }

        var body = text;
        var percent = body.EndsWith('%');
        if (percent)
        {
            if (unit is not (MeasureUnit.Percentage or null))
            {
                return ParsedValue.Invalid("value.percent-sign", $"'{text}' has a % sign but the measure is {Describe(unit)}; enter the number only");
            }

            body = body[..^1].TrimEnd();
        }

        var pound = body.StartsWith('£') || body.StartsWith("-£", StringComparison.Ordinal);
        if (pound)
        {
            if (unit is not (MeasureUnit.Currency or null))
            {
                return ParsedValue.Invalid("value.currency-sign", $"'{text}' has a £ sign but the measure is {Describe(unit)}; enter the number only");
            }

            body = body.Replace("£", string.Empty, StringComparison.Ordinal).Trim();
        }

        if (TryNumber(body, out var number))
        {
            return ParsedValue.Of(number);
        }

        return ParsedValue.Invalid("value.not-a-number", Refusal(text));
    }

    /// <summary>Parses a numerator or denominator: a plain number ("1,234" allowed), never a code or a percentage.</summary>
    public static ParsedValue ParseCount(RawCell cell, string what)
    {
        switch (cell.Kind)
        {
            case RawCellKind.Blank:
                return ParsedValue.Blank;
            case RawCellKind.Number:
                return ParsedValue.Of(ToDecimal(cell.Number!.Value));
            case RawCellKind.Error:
                return ParsedValue.Invalid($"{what}.excel-error", $"is the Excel error {cell.Text}; enter a whole number");
            case RawCellKind.Boolean:
                return ParsedValue.Invalid($"{what}.not-a-number", $"'{cell.Text}' is not a number");
            case RawCellKind.Date:
                return ParsedValue.Invalid($"{what}.not-a-number", $"'{cell.Text}' is a date, not a number");
        }

        var text = Clean(cell.Text);
        if (text.Length == 0)
        {
            return ParsedValue.Blank;
        }

        if (TryNumber(text, out var number))
        {
            return ParsedValue.Of(number);
        }

        if (DateLike().IsMatch(text))
        {
            return ParsedValue.Invalid($"{what}.not-a-number", $"'{text}' is a date, not a number");
        }

        if (SuppressionCodes.TryRead(text, out var code))
        {
            return ParsedValue.Invalid($"{what}.suppressed", $"cannot be a suppression code ('{code}'); leave it blank and put the code in Value");
        }

        return ParsedValue.Invalid($"{what}.not-a-number", Refusal(text));
    }

    /// <summary>A free-text cell (commentary, flag): trimmed, null when blank.</summary>
    public static string? ParseText(RawCell cell)
    {
        var text = Clean(cell.Text);
        return text.Length == 0 ? null : text;
    }

    private static bool TryNumber(string text, out decimal number)
    {
        number = 0;
        var s = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!PlainNumber().IsMatch(s))
        {
            return false;
        }

        return decimal.TryParse(s.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    private static string Refusal(string text)
    {
        if (Abbreviated().IsMatch(text))
        {
            return $"'{text}' is not a number; write the figure in full (e.g. 1200, not 1.2k)";
        }

        if (WordsAroundNumber().Match(text) is { Success: true } m)
        {
            return $"'{text}' is not a number; enter {m.Groups["n"].Value} on its own, choose 'estimate' in Data quality flag and explain in Commentary";
        }

        return $"'{text}' is not a number or a suppression code ({SuppressionCodes.ListForMessages})";
    }

    // Excel doubles carry binary noise (0.1+0.2); 15 significant digits is what Excel itself shows.
    private static decimal ToDecimal(double d) => decimal.Parse(d.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// Text as a person meant it: every kind of space (non-breaking U+00A0, narrow U+202F, thin, figure, ideographic,
    /// tabs) becomes a plain space, zero-width characters and byte-order marks go, the minus sign U+2212 becomes '-',
    /// and the ends are trimmed. Spaces inside a number ("1 234") are dropped later by the number rules.
    /// </summary>
    internal static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                    break;
                case '\u2212':
                    builder.Append('-');
                    break;
                case '\t' or '\r' or '\n':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator ? ' ' : c);
                    break;
            }
        }

        return builder.ToString().Trim();
    }

    private static string Describe(MeasureUnit? unit) => unit switch
    {
        MeasureUnit.Percentage => "a percentage",
        MeasureUnit.Count => "a count",
        MeasureUnit.Rate => "a rate",
        MeasureUnit.Currency => "an amount of money",
        _ => "a score",
    };

    // 1234, 1,234, 1,234.5, -3, .5 — thousands separators only in groups of three.
    [GeneratedRegex(@"^-?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$")]
    private static partial Regex PlainNumber();

    // 01/04/2018, 1-4-18, 01.04.2018, 2018-04-01: a date typed into a figure cell.
    [GeneratedRegex(@"^(\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4})|\d{4}[/.-]\d{1,2}[/.-]\d{1,2})$")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"^-?£?\d+(\.\d+)?\s*(k|m|bn|thousand|million)$", RegexOptions.IgnoreCase)]
    private static partial Regex Abbreviated();

    [GeneratedRegex(@"(?<n>-?\d[\d,]*(\.\d+)?)")]
    private static partial Regex WordsAroundNumber();
}

internal static class ReturnWorkbookReaderErrors
{
    public static bool IsExcelError(string text) =>
        text.StartsWith('#') && (text.EndsWith('!') || text.EndsWith('?') || text.Equals("#N/A", StringComparison.OrdinalIgnoreCase) || text.StartsWith("#GETTING", StringComparison.OrdinalIgnoreCase));
}
