namespace Outcomes.Ingestion.Returns;

public enum RawCellKind
{
    Blank,
    Number,
    Text,
    Boolean,
    Date,

    /// <summary>An Excel error value such as #DIV/0! or #N/A (typed, or the cached result of a formula).</summary>
    Error,
}

/// <summary>
/// A cell exactly as the workbook holds it, with its address. For a formula this is the cached result Excel saved,
/// never a recalculation. <see cref="Text"/> is the text for text and error cells and the invariant spelling otherwise.
/// </summary>
public sealed record RawCell(string Sheet, string Address, int Row, RawCellKind Kind, double? Number, string Text, string NumberFormat = "", bool IsFormula = false)
{
    public bool IsBlank => Kind == RawCellKind.Blank || (Kind == RawCellKind.Text && string.IsNullOrWhiteSpace(Text));

    public string Place => $"{Sheet}!{Address}";

    /// <summary>True when Excel would show the number as a percentage (typing "45%" stores 0.45 with a % format).</summary>
    public bool HasPercentFormat => NumberFormat.Contains('%', StringComparison.Ordinal);

    public static RawCell Empty(string sheet, string address, int row) => new(sheet, address, row, RawCellKind.Blank, null, string.Empty);
}
