namespace Outcomes.Web.Packs;

/// <summary>
/// Where a stored pack path really is, and only if it is inside the packs folder: the store keeps paths relative to
/// the folder, and a path that climbs out of it ("../", an absolute path) or runs through a link inside it is never
/// served or deleted.
/// </summary>
public static class PackFiles
{
    /// <summary>The full path of <paramref name="stored"/> under <paramref name="folder"/>, or null when it would be outside it.</summary>
    public static string? Inside(string folder, string? stored)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (string.IsNullOrWhiteSpace(stored))
        {
            return null;
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(root, stored));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }

        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        // A folder inside that is a link could lead anywhere: "5" → /etc would make "5/passwd" look inside.
        for (var dir = Path.GetDirectoryName(full); dir is not null && dir.Length > root.Length; dir = Path.GetDirectoryName(dir))
        {
            if (new DirectoryInfo(dir).LinkTarget is not null)
            {
                return null;
            }
        }

        return full;
    }
}
