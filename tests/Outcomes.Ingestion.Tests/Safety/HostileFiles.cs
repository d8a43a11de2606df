using System.IO.Compression;
using System.Text;

namespace Outcomes.Ingestion.Tests.Safety;

/// <summary>Hostile and broken uploads, each made in memory so the tests show exactly what they are.</summary>
internal static class HostileFiles
{
    /// <summary>A zip whose entries are written by <paramref name="fill"/>.</summary>
    public static byte[] Zip(Action<ZipArchive> fill)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            fill(zip);
        }

        return stream.ToArray();
    }

    /// <summary>An entry of <paramref name="bytes"/> zero bytes: megabytes that pack into a few kilobytes.</summary>
    public static void ZeroEntry(ZipArchive zip, string name, long bytes)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        var zeros = new byte[1024 * 1024];
        for (long left = bytes; left > 0; left -= zeros.Length)
        {
            entry.Write(zeros, 0, (int)Math.Min(zeros.Length, left));
        }
    }

    public static void TextEntry(ZipArchive zip, string name, string text, Encoding? encoding = null)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), encoding ?? new UTF8Encoding(false));
        writer.Write(text);
    }

    /// <summary>A copy of a real workbook with its zip entries changed by <paramref name="change"/>.</summary>
    public static byte[] Edit(byte[] xlsx, Action<ZipArchive> change)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            change(zip);
        }

        return stream.ToArray();
    }

    public static string ReadEntry(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    public static void ReplaceEntry(ZipArchive zip, string name, string text)
    {
        zip.GetEntry(name)?.Delete();
        TextEntry(zip, name, text);
    }

    /// <summary>
    /// Rewrites every declared uncompressed size in the zip (local headers and central directory) to
    /// <paramref name="declared"/>: a forged header that claims a bomb is small.
    /// </summary>
    public static byte[] ForgeUncompressedSizes(byte[] zip, uint declared)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 46 <= bytes.Length; i++)
        {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), declared);
            }
            else if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), declared);
            }
        }

        return bytes;
    }

    /// <summary>
    /// The start of an OLE2 compound file (what Office writes for .xls, and for an .xlsx saved with a password) with one
    /// 512-byte directory sector naming the given streams in UTF-16, as a real directory does.
    /// </summary>
    public static byte[] CompoundFile(params string[] streamNames)
    {
        var bytes = new byte[512 * 3];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(bytes, 0);
        bytes[0x1A] = 0x3E; // minor version
        bytes[0x1C] = 0x03; // major version 3
        bytes[0x1E] = 0x09; // sector shift: 512-byte sectors
        var entry = 512;
        foreach (var name in new[] { "Root Entry" }.Concat(streamNames))
        {
            var utf16 = Encoding.Unicode.GetBytes(name + "\0");
            utf16.CopyTo(bytes, entry);
            BitConverter.TryWriteBytes(bytes.AsSpan(entry + 64, 2), (ushort)utf16.Length);
            bytes[entry + 66] = name == "Root Entry" ? (byte)5 : (byte)2;
            entry += 128;
        }

        return bytes;
    }
}
