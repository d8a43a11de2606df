using System.Text;

namespace Outcomes.Ingestion.Csv;

/// <summary>
/// Decodes the bytes of a CSV as councils' systems save them: UTF-8 with or without a byte-order mark, UTF-16 with a
/// mark, and otherwise Windows-1252 (what Excel's "CSV" writes on an English Windows: "£" is the single byte 0xA3).
/// A file that is valid UTF-8 is read as UTF-8; anything else as 1252, which can decode every byte.
/// </summary>
public static class CsvText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Windows-1252 (Western European), from the code-pages provider in the shared framework.</summary>
    public static Encoding Windows1252 { get; } = GetWindows1252();

    public static string Decode(ReadOnlySpan<byte> bytes, out Encoding encoding)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            encoding = Encoding.UTF8;
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            encoding = Encoding.Unicode;
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            encoding = Encoding.BigEndianUnicode;
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        try
        {
            var text = StrictUtf8.GetString(bytes);
            encoding = Encoding.UTF8;
            return text;
        }
        catch (DecoderFallbackException)
        {
            encoding = Windows1252;
            return Windows1252.GetString(bytes);
        }
    }

    private static Encoding GetWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
