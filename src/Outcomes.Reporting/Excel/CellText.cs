using ClosedXML.Excel;

namespace Outcomes.Reporting.Excel;

/// <summary>
/// Writes a string as a string. Text that Excel would take for a formula (= + - @) keeps a quote prefix as well, so
/// a commentary "=SUM(A1)" stays those characters and editing the cell later does not turn it into a formula.
/// </summary>
public static class CellText
{
    public static IXLCell Write(IXLCell cell, string? text)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var value = text ?? string.Empty;
        cell.SetValue(value);
        cell.DataType = XLDataType.Text;
        if (LooksLikeFormula(value))
        {
            cell.Style.IncludeQuotePrefix = true;
        }

        return cell;
    }

    /// <summary>True for text a spreadsheet would read as a formula if typed: it starts with = + - or @.</summary>
    public static bool LooksLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@';
}
