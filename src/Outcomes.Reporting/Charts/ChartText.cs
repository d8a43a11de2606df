namespace Outcomes.Reporting.Charts;

/// <summary>Pieces of the charts' text alternatives.</summary>
internal static class ChartText
{
    /// <summary>"rose from 58.1% to 66.3%", "fell from …", or "unchanged at 58.1%" when both print the same.</summary>
    public static string Change(double first, double last, ValueFormat format)
    {
        var a = format.Format(first);
        var b = format.Format(last);
        return a == b ? $"unchanged at {a}" : last > first ? $"rose from {a} to {b}" : $"fell from {a} to {b}";
    }

    /// <summary>"A", "A and B", "A, B and C", or "A, B, C and 4 more" beyond <paramref name="max"/> names.</summary>
    public static string List(IReadOnlyList<string> names, int max = 5)
    {
        if (names.Count == 0)
        {
            return string.Empty;
        }

        if (names.Count > max)
        {
            return string.Join(", ", names.Take(max)) + $" and {names.Count - max} more";
        }

        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
    }

    /// <summary>Joins clauses with "; " and ends the sentence with a full stop.</summary>
    public static string Sentence(string head, IEnumerable<string> clauses)
    {
        var body = string.Join("; ", clauses.Where(c => !string.IsNullOrWhiteSpace(c)));
        var text = body.Length == 0 ? head : head + body;
        text = text.TrimEnd();
        return text.EndsWith('.') ? text : text + ".";
    }

    /// <summary>"1 point", "3 points".</summary>
    public static string Count(int n, string singular, string? plural = null) =>
        n == 1 ? $"1 {singular}" : $"{n} {plural ?? singular + "s"}";

    /// <summary>"1 cluster", "4 clusters", from the plural ("clusters" loses its final s for one).</summary>
    public static string Plural(int n, string plural) =>
        n == 1 && plural.EndsWith('s') ? $"1 {plural[..^1]}" : $"{n} {plural}";

    /// <summary>Finite values only; NaN and infinities are gaps.</summary>
    public static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
