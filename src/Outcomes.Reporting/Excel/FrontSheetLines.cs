using Outcomes.Reporting.BoardPack;

namespace Outcomes.Reporting.Excel;

/// <summary>The cover lines every pack's workbook takes from its committee front sheet, in the order it prints them.</summary>
public static class FrontSheetLines
{
    /// <summary>Agenda item, committee, meeting date, officer, electoral divisions and key decision.</summary>
    public static IEnumerable<(string Label, string Value)> Committee(FrontSheet f)
    {
        ArgumentNullException.ThrowIfNull(f);
        yield return ("Agenda item", f.AgendaItem);
        yield return ("Report to", f.To);
        yield return ("Date of meeting", f.MeetingDateText);
        yield return ("Report of", f.From);
        yield return ("Electoral divisions", f.ElectoralDivisions);
        yield return ("Key decision", f.KeyDecision);
    }

    /// <summary>The officer to contact: name, post, email and phone, those that are given.</summary>
    public static (string Label, string Value) Contact(FrontSheet f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return ("Contact", string.Join(", ", new[] { f.ContactName, f.ContactPost, f.ContactEmail, f.ContactPhone }.Where(s => s.Length > 0)));
    }
}
