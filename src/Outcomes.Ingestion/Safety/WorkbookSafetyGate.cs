using System.IO.Compression;
using System.Text;
using Outcomes.Ingestion.Issues;

namespace Outcomes.Ingestion.Safety;

/// <summary>
/// Looks at an upload's raw bytes before any spreadsheet library opens them, and refuses what should never reach one:
/// files that are too big, empty, not a zip (PDF, legacy .xls, password-protected workbooks), damaged or cut-off zips,
/// zip bombs (by declared sizes, by entry count, and again while actually unpacking every part through a capped
/// counter, because declared sizes can lie), macro workbooks, and XML parts carrying a DOCTYPE or ENTITY declaration
/// (external entities, "billion laughs"). It reads entries through <see cref="ZipArchive"/> only; nothing is parsed
/// as XML. Each refusal is one file-level <see cref="ImportIssue"/> in plain English; it never throws for bad bytes.
/// </summary>
public static class WorkbookSafetyGate
{
    public static class Rules
    {
        public const string TooLarge = "file.too-large";
        public const string Empty = "file.empty";
        public const string NotXlsx = "file.not-xlsx";
        public const string LegacyXls = "file.legacy-xls";
        public const string PasswordProtected = "file.password-protected";
        public const string Damaged = "file.damaged";
        public const string TooManyParts = "file.too-many-parts";
        public const string UnpacksTooLarge = "file.unpacks-too-large";
        public const string SuspiciousCompression = "file.suspicious-compression";
        public const string Macros = "file.macros";
        public const string XmlDoctype = "file.xml-doctype";
        public const string Unreadable = "file.unreadable";
    }

    private const int ChunkSize = 64 * 1024;

    private static readonly byte[] ZipSignature = [(byte)'P', (byte)'K', 3, 4];
    private static readonly byte[] CfbSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] PdfSignature = "%PDF"u8.ToArray();

    // CFB directory entries hold stream names in UTF-16LE; an encrypted OOXML package has these two streams.
    private static readonly byte[] EncryptionInfoName = Encoding.Unicode.GetBytes("EncryptionInfo");
    private static readonly byte[] EncryptedPackageName = Encoding.Unicode.GetBytes("EncryptedPackage");

    /// <summary>
    /// Reads <paramref name="input"/> (never more than <see cref="ReturnReadLimits.MaxFileBytes"/> + 1 bytes) and checks it.
    /// </summary>
    /// <param name="bytes">What was read; empty when the upload was refused for its size.</param>
    /// <returns>Null when the bytes are safe to give to a spreadsheet library; otherwise the reason they are not.</returns>
    public static ImportIssue? Check(string fileName, Stream input, out byte[] bytes, ReturnReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        limits ??= ReturnReadLimits.Default;
        bytes = [];
        try
        {
            if (input.CanSeek && input.Length - input.Position > limits.MaxFileBytes)
            {
                return TooLarge(fileName, input.Length - input.Position, limits);
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[ChunkSize];
            int n;
            while ((n = input.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > limits.MaxFileBytes)
                {
                    return TooLarge(fileName, null, limits);
                }
            }

            bytes = buffer.ToArray();
        }
        catch (IOException)
        {
            return ImportIssue.ForFile(fileName, Rules.Unreadable, "the upload could not be read to the end: upload the file again");
        }

        return Check(fileName, bytes, limits);
    }

    /// <summary>Checks bytes already in memory. Null when they are safe to give to a spreadsheet library.</summary>
    public static ImportIssue? Check(string fileName, byte[] bytes, ReturnReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        limits ??= ReturnReadLimits.Default;
        try
        {
            return Inspect(fileName, bytes, limits);
        }
        catch (Exception)
        {
            // Every expected failure is handled below; anything else still means "do not open this".
            return Damaged(fileName);
        }
    }

    private static ImportIssue? Inspect(string fileName, byte[] bytes, ReturnReadLimits limits)
    {
        if (bytes.Length > limits.MaxFileBytes)
        {
            return TooLarge(fileName, bytes.Length, limits);
        }

        if (bytes.Length == 0)
        {
            return ImportIssue.ForFile(fileName, Rules.Empty, "the file is empty: upload the completed return workbook (.xlsx)");
        }

        if (!bytes.AsSpan().StartsWith(ZipSignature))
        {
            return NotAZip(fileName, bytes);
        }

        using var zip = OpenZip(bytes);
        if (zip is null)
        {
            return Damaged(fileName);
        }

        var entries = zip.Entries;
        if (entries.Count > limits.MaxEntries)
        {
            return ImportIssue.ForFile(
                fileName,
                Rules.TooManyParts,
                $"the file holds {entries.Count:N0} parts, more than the {limits.MaxEntries:N0} a return workbook could need, so it was not opened: upload the return template you downloaded");
        }

        long declared = 0;
        foreach (var entry in entries)
        {
            if (IsMacroPart(entry.FullName))
            {
                return Macros(fileName);
            }

            declared += entry.Length;
            if (entry.Length < 0 || declared > limits.MaxUncompressedBytes)
            {
                return UnpacksTooLarge(fileName, limits);
            }
        }

        long total = 0;
        string? contentTypes = null;
        var chunk = new byte[ChunkSize];
        var scanner = new MarkupScanner();
        foreach (var entry in entries)
        {
            if (entry.FullName.EndsWith('/') && entry.Length == 0)
            {
                continue; // a folder
            }

            scanner.Reset();
            var capture = IsContentTypes(entry.FullName) ? new MemoryStream() : null;
            long read = 0;
            using (var stream = entry.Open())
            {
                int n;
                while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    read += n;
                    total += n;
                    if (total > limits.MaxUncompressedBytes)
                    {
                        return UnpacksTooLarge(fileName, limits);
                    }

                    if (read > entry.Length)
                    {
                        // The part unpacks to more than its header says: a forged header, never something Excel writes.
                        return ImportIssue.ForFile(
                            fileName,
                            Rules.SuspiciousCompression,
                            $"part '{entry.FullName}' of the file unpacks to more than its header declares, which Excel never writes, so the file was not opened: save the return again from Excel and upload that copy");
                    }

                    if (read > limits.RatioFloorBytes && read > limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                    {
                        return ImportIssue.ForFile(
                            fileName,
                            Rules.SuspiciousCompression,
                            $"part '{entry.FullName}' of the file is packed more tightly than any real workbook (over {limits.MaxCompressionRatio:0} to 1), the mark of a zip bomb, so it was not opened: upload the return template you downloaded");
                    }

                    if (scanner.Feed(chunk.AsSpan(0, n)))
                    {
                        return ImportIssue.ForFile(
                            fileName,
                            Rules.XmlDoctype,
                            $"part '{entry.FullName}' of the file declares an XML DOCTYPE or ENTITY, which Excel never writes and which can be used to attack the server, so the file was not opened: save the return again from Excel and upload that copy");
                    }

                    if (capture is not null && capture.Length < ReturnReadLimits.MiB)
                    {
                        capture.Write(chunk, 0, n);
                    }
                }
            }

            if (capture is not null)
            {
                contentTypes = Encoding.UTF8.GetString(capture.GetBuffer(), 0, (int)capture.Length);
                capture.Dispose();
            }
        }

        if (contentTypes is not null && IsMacroContentType(contentTypes))
        {
            return Macros(fileName);
        }

        return null;
    }

    private static ZipArchive? OpenZip(byte[] bytes)
    {
        try
        {
            return new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsContentTypes(string name) => name.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase);

    private static bool IsMacroPart(string name)
    {
        var file = name[(name.LastIndexOf('/') + 1)..];
        return file.StartsWith("vbaProject", StringComparison.OrdinalIgnoreCase)
            || file.StartsWith("vbaData", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("xl/macrosheets/", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsMacroContentType(string contentTypes) =>
        contentTypes.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)
        || contentTypes.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)
        || contentTypes.Contains("ms-excel.macrosheet", StringComparison.OrdinalIgnoreCase)
        || contentTypes.Contains("ms-excel.intlmacrosheet", StringComparison.OrdinalIgnoreCase);

    private static ImportIssue NotAZip(string fileName, byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(PdfSignature))
        {
            return ImportIssue.ForFile(fileName, Rules.NotXlsx, "this is a PDF, not a spreadsheet: upload the return workbook (.xlsx) you downloaded and filled in");
        }

        if (span.StartsWith(CfbSignature.AsSpan(0, 4)))
        {
            if (span.IndexOf(EncryptionInfoName) >= 0 || span.IndexOf(EncryptedPackageName) >= 0)
            {
                return ImportIssue.ForFile(
                    fileName,
                    Rules.PasswordProtected,
                    "this workbook is password-protected, so it cannot be read: remove the password (in Excel: File > Info > Protect Workbook > Encrypt with Password, clear it, save) and upload again");
            }

            return ImportIssue.ForFile(
                fileName,
                Rules.LegacyXls,
                "this is an old-style Excel file (.xls): open it in Excel and save it as an Excel Workbook (.xlsx), then upload that");
        }

        return ImportIssue.ForFile(fileName, Rules.NotXlsx, "this is not a spreadsheet: upload the return workbook (.xlsx) you downloaded and filled in");
    }

    private static ImportIssue TooLarge(string fileName, long? size, ReturnReadLimits limits) =>
        ImportIssue.ForFile(
            fileName,
            Rules.TooLarge,
            size is { } s
                ? $"the file is {ReturnReadLimits.Describe(s)}, larger than the {ReturnReadLimits.Describe(limits.MaxFileBytes)} allowed (a return is usually under 1 MB): upload the return template you downloaded, without pictures or extra sheets"
                : $"the file is larger than the {ReturnReadLimits.Describe(limits.MaxFileBytes)} allowed (a return is usually under 1 MB): upload the return template you downloaded, without pictures or extra sheets");

    private static ImportIssue UnpacksTooLarge(string fileName, ReturnReadLimits limits) =>
        ImportIssue.ForFile(
            fileName,
            Rules.UnpacksTooLarge,
            $"the file unpacks to more than {ReturnReadLimits.Describe(limits.MaxUncompressedBytes)} (a return unpacks to a few MB), the mark of a zip bomb, so it was not opened: upload the return template you downloaded");

    private static ImportIssue Macros(string fileName) =>
        ImportIssue.ForFile(
            fileName,
            Rules.Macros,
            "this workbook contains macros (.xlsm), which are not accepted: save it in Excel as an Excel Workbook (.xlsx), which removes them, and upload that");

    private static ImportIssue Damaged(string fileName) =>
        ImportIssue.ForFile(
            fileName,
            Rules.Damaged,
            "the file is incomplete or damaged (it may have been cut off while saving, copying or uploading): open it in Excel, save it again and upload the new copy");

    /// <summary>
    /// Finds "&lt;!DOCTYPE" or "&lt;!ENTITY" in a stream of chunks, case-insensitively and across chunk boundaries.
    /// NUL bytes are skipped, so UTF-16 and UTF-32 spellings are caught as well as UTF-8.
    /// </summary>
    private sealed class MarkupScanner
    {
        private static readonly byte[] Doctype = "<!DOCTYPE"u8.ToArray();
        private static readonly byte[] Entity = "<!ENTITY"u8.ToArray();

        private byte[] _work = new byte[ChunkSize + 16];
        private int _carry;

        public void Reset() => _carry = 0;

        public bool Feed(ReadOnlySpan<byte> chunk)
        {
            if (_work.Length < chunk.Length + Doctype.Length)
            {
                Array.Resize(ref _work, chunk.Length + Doctype.Length);
            }

            var w = _carry;
            foreach (var b in chunk)
            {
                if (b != 0)
                {
                    _work[w++] = b is >= (byte)'a' and <= (byte)'z' ? (byte)(b - 32) : b;
                }
            }

            var span = _work.AsSpan(0, w);
            if (span.IndexOf(Doctype) >= 0 || span.IndexOf(Entity) >= 0)
            {
                return true;
            }

            var keep = Math.Min(w, Doctype.Length - 1);
            span[(w - keep)..].CopyTo(_work);
            _carry = keep;
            return false;
        }
    }
}
