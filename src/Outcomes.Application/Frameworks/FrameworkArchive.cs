using System.IO.Compression;
using Outcomes.Ingestion.Frameworks;

namespace Outcomes.Application.Frameworks;

/// <summary>
/// Unpacks an uploaded .zip of a council's framework folder (organisation.yaml, framework.v1.yaml…, targets.yaml) into a
/// fresh temporary folder for <see cref="FrameworkPackageLoader"/>, refusing what a framework folder never holds: other
/// kinds of file, sub-folders, paths that climb out, more than a few dozen files or megabytes. The files may sit at the
/// top of the zip or inside one folder (what "Send to > Compressed folder" makes); that folder's name, or the zip's, names
/// the files in problems ("bradford/framework.v2.yaml line 12").
/// </summary>
public static class FrameworkArchive
{
    public const int MaxFiles = 50;
    public const long MaxUnpackedBytes = 5L * 1024 * 1024;

    /// <summary>The folder holding the unpacked files (delete it when done), or null with the problems that stopped it.</summary>
    public static string? Unpack(string fileName, byte[] bytes, List<FrameworkProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(problems);
        var name = Path.GetFileName(fileName);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException)
        {
            problems.Add(new FrameworkProblem(name, null, string.Empty, "archive.not-zip", "is not a .zip file: zip the framework folder (organisation.yaml, framework.vN.yaml, targets.yaml) and upload that"));
            return null;
        }

        using (zip)
        {
            var files = zip.Entries
                .Where(e => !(e.FullName.EndsWith('/') && e.Length == 0))
                .Where(e => !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal) && !Path.GetFileName(e.FullName).StartsWith('.'))
                .ToList();
            if (files.Count == 0 || files.Count > MaxFiles)
            {
                problems.Add(new FrameworkProblem(name, null, string.Empty, "archive.file-count",
                    files.Count == 0 ? "holds no files" : $"holds {files.Count} files; a framework folder has a handful (at most {MaxFiles})"));
                return null;
            }

            var folders = files.Select(e => Path.GetDirectoryName(e.FullName.Replace('\\', '/')) ?? string.Empty).Distinct().ToList();
            if (folders.Count > 1 || files.Any(e => e.FullName.Contains("..", StringComparison.Ordinal) || e.FullName.Count(c => c is '/' or '\\') > 1))
            {
                problems.Add(new FrameworkProblem(name, null, string.Empty, "archive.folders",
                    "holds more than one folder; zip one council's framework folder, whose files sit side by side"));
                return null;
            }

            if (files.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                problems.Add(new FrameworkProblem(name, null, string.Empty, "archive.too-large", $"unpacks to more than {MaxUnpackedBytes / (1024 * 1024)} MB; a framework folder is a few KB of YAML"));
                return null;
            }

            var council = folders[0].Length > 0 ? Path.GetFileName(folders[0]) : Path.GetFileNameWithoutExtension(name);
            var target = Path.Combine(Directory.CreateTempSubdirectory("outcomes-framework-").FullName, Safe(council));
            Directory.CreateDirectory(target);
            long written = 0;
            foreach (var entry in files)
            {
                var file = Path.GetFileName(entry.FullName);
                using var input = entry.Open();
                using var output = File.Create(Path.Combine(target, Safe(file)));
                var buffer = new byte[64 * 1024];
                int n;
                while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
                {
                    written += n;
                    if (written > MaxUnpackedBytes)
                    {
                        problems.Add(new FrameworkProblem(name, null, string.Empty, "archive.too-large", $"unpacks to more than {MaxUnpackedBytes / (1024 * 1024)} MB; a framework folder is a few KB of YAML"));
                        output.Dispose();
                        Remove(target);
                        return null;
                    }

                    output.Write(buffer, 0, n);
                }
            }

            return target;
        }
    }

    /// <summary>Deletes an unpacked folder and the temporary folder around it.</summary>
    public static void Remove(string folder)
    {
        var parent = Path.GetDirectoryName(folder);
        if (parent is not null && Directory.Exists(parent))
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    private static string Safe(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var cleaned = new string(name.Select(c => invalid.Contains(c) ? '_' : c).ToArray()).Trim();
        return cleaned.Length == 0 || cleaned is "." or ".." ? "framework" : cleaned;
    }
}
