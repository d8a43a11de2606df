using ClosedXML.Excel;

namespace Outcomes.Reporting.Excel;

/// <summary>Writes a number with its unit's format, or the text saying why there is none ("c", "No target").</summary>
public static class CellNumber
{
    public static IXLCell Write(IXLCell cell, decimal? value, string format, string textWhenNone = "")
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (value is { } v)
        {
            cell.SetValue(v);
            cell.Style.NumberFormat.Format = format;
        }
        else if (textWhenNone.Length > 0)
        {
            CellText.Write(cell, textWhenNone);
        }

        cell.Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Right);
        return cell;
    }
}
