namespace Outcomes.Ingestion.OpenData;

/// <summary>
/// The suppression codes of DfE/GSS open data (METHODS §6). Each is "no value, for this reason" and is never
/// read as zero. Returns accept the same codes so a centre can say why a figure is missing.
/// </summary>
public static class SuppressionCodes
{
    private static readonly Dictionary<string, string> Meanings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["c"] = "confidential (suppressed to protect individuals)",
        ["x"] = "not available",
        ["z"] = "not applicable",
        ["u"] = "low reliability",
        ["low"] = "low (rounds to zero but is not zero)",
        [":"] = "not available",
        [".."] = "not available",
    };

    /// <summary>Codes in their canonical (lower-case) spelling.</summary>
    public static IReadOnlyCollection<string> All { get; } = ["c", "x", "z", "u", "low", ":", ".."];

    /// <summary>"c, x, z, u, low, :, .." for messages.</summary>
    public static string ListForMessages { get; } = string.Join(", ", All);

    /// <summary>True when <paramref name="text"/> (trimmed, any case) is a suppression code; gives the canonical code.</summary>
    public static bool TryRead(string? text, out string code)
    {
        var trimmed = (text ?? string.Empty).Replace('\u00A0', ' ').Trim();
        if (Meanings.ContainsKey(trimmed))
        {
            code = trimmed.ToLowerInvariant();
            return true;
        }

        code = string.Empty;
        return false;
    }

    public static string Describe(string code) =>
        Meanings.TryGetValue(code, out var meaning) ? meaning : "suppressed";
}
