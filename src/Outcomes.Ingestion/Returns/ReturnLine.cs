using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Numbers;
using Outcomes.Domain.Periods;

namespace Outcomes.Ingestion.Returns;

/// <summary>One Data-sheet row after parsing: what the cells mean, with the cells kept for their addresses.</summary>
public sealed record ReturnLine(
    ReturnRowCells Cells,
    string Code,
    Measure? Measure,
    bool IsDue,
    ParsedValue Value,
    ParsedValue Numerator,
    ParsedValue Denominator,
    string? Commentary,
    string? DataQualityFlag)
{
    public int Row => Cells.Row;

    /// <summary>True when the row says something about the measure: a value, a code, or a numerator/denominator.</summary>
    public bool IsAnswered => Value.Kind is ParsedKind.Number or ParsedKind.Suppressed
        || (Measure?.HasRatio == true && Numerator.IsNumber && Denominator.IsNumber);

    public bool HasInvalidCell => Value.Kind == ParsedKind.Invalid || Numerator.Kind == ParsedKind.Invalid || Denominator.Kind == ParsedKind.Invalid;

    /// <summary>The value as entered, or for a ratio measure left blank, numerator/denominator × multiplier rounded officially.</summary>
    public decimal? EffectiveValue
    {
        get
        {
            if (Value.IsNumber)
            {
                return Value.Number;
            }

            if (Value.Kind == ParsedKind.Blank && Measure is { HasRatio: true } m && Numerator.IsNumber && Denominator.IsNumber)
            {
                return OfficialRounding.Ratio(Numerator.Number!.Value, Denominator.Number!.Value, m.Multiplier, m.Decimals);
            }

            return null;
        }
    }
}

/// <summary>Everything the validators judge about one uploaded return.</summary>
public sealed record ReturnSubmission(
    string FileName,
    FrameworkVersion Version,
    string OrgUnitCode,
    Period Period,
    IReadOnlyList<Measure> MeasuresDue,
    IReadOnlyList<ReturnLine> Lines);
