using System.IO.Compression;
using System.Text;
using Outcomes.Ingestion.Issues;
using Outcomes.Ingestion.Returns;
using Outcomes.Ingestion.Safety;
using static Outcomes.Ingestion.Tests.Returns.ReturnFixtures;
using static Outcomes.Ingestion.Tests.Safety.HostileFiles;

namespace Outcomes.Ingestion.Tests.Safety;

/// <summary>
/// Every hostile or broken upload is refused through the ordinary reader: one plain-English file-level issue with a
/// stable rule code, no return, and never an exception.
/// </summary>
public class WorkbookSafetyGateTests
{
    private static ImportIssue Refused(byte[] bytes, string rule, string messagePart, ReturnReadLimits? limits = null)
    {
        ReturnReadResult? result = null;
        Assert.DoesNotThrow(() => result = ReturnTemplateReader.Read("return.xlsx", new MemoryStream(bytes), Version(), limits: limits));

        Assert.That(result!.Return, Is.Null, "nothing is read from a refused file");
        Assert.That(result.Issues, Has.Count.EqualTo(1), () => string.Join("\n", result.Issues));
        var issue = result.Issues[0];
        Assert.Multiple(() =>
        {
            Assert.That(issue.RuleCode, Is.EqualTo(rule), issue.Message);
            Assert.That(issue.Message, Does.Contain(messagePart));
            Assert.That(issue.Severity, Is.EqualTo(IssueSeverity.Error));
            Assert.That(issue.Sheet, Is.Null);
            Assert.That(issue.Cell, Is.Null);
            Assert.That(issue.File, Is.EqualTo("return.xlsx"));
        });
        return issue;
    }

    [Test]
    public void A_real_filled_template_passes_the_gate()
    {
        Assert.That(WorkbookSafetyGate.Check("return.xlsx", CompleteQ1()), Is.Null);
    }

    [Test]
    public void An_empty_file_is_refused()
    {
        Refused([], "file.empty", "the file is empty");
    }

    [Test]
    public void A_file_over_the_configured_size_is_refused_unopened()
    {
        var xlsx = CompleteQ1();

        var issue = Refused(xlsx, "file.too-large", "larger than the 1 KB allowed", new ReturnReadLimits { MaxFileBytes = 1024 });

        Assert.That(issue.Message, Does.Contain($"the file is {ReturnReadLimits.Describe(xlsx.Length)}"));
    }

    [Test]
    public void A_stream_that_cannot_say_its_length_is_read_no_further_than_the_limit()
    {
        var stream = new NonSeekableStream(new MemoryStream(new byte[5 * 1024 * 1024]));

        var issue = WorkbookSafetyGate.Check("return.xlsx", stream, out var bytes, new ReturnReadLimits { MaxFileBytes = 100_000 });

        Assert.That(issue?.RuleCode, Is.EqualTo("file.too-large"));
        Assert.That(bytes, Is.Empty);
        Assert.That(stream.BytesRead, Is.LessThan(100_000 + 128 * 1024));
    }

    [Test]
    public void A_pdf_is_refused_as_not_a_spreadsheet()
    {
        Refused(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"), "file.not-xlsx", "this is a PDF, not a spreadsheet");
    }

    [Test]
    public void A_password_protected_workbook_is_told_to_remove_the_password()
    {
        Refused(CompoundFile("EncryptionInfo", "EncryptedPackage"), "file.password-protected", "password-protected, so it cannot be read: remove the password");
    }

    [Test]
    public void A_legacy_xls_is_told_to_save_as_xlsx()
    {
        Refused(CompoundFile("Workbook", "\u0005SummaryInformation"), "file.legacy-xls", "old-style Excel file (.xls)");
    }

    [Test]
    public void A_template_cut_off_half_way_is_incomplete_or_damaged()
    {
        var xlsx = CompleteQ1();

        Refused(xlsx[..(xlsx.Length / 2)], "file.damaged", "the file is incomplete or damaged");
    }

    [Test]
    public void A_zip_bomb_declaring_200_MB_is_refused_from_its_headers()
    {
        var bomb = Zip(zip => ZeroEntry(zip, "xl/worksheets/sheet1.xml", 200L * 1024 * 1024));
        Assert.That(bomb, Has.Length.LessThan(1024 * 1024), "the bomb itself is small");

        Refused(bomb, "file.unpacks-too-large", "unpacks to more than 100 MB");
    }

    [Test]
    public void A_zip_bomb_with_forged_small_sizes_unpacks_no_further_than_it_declares_and_is_refused()
    {
        // .NET's ZipArchive stops every entry at its declared size, and the gate counts what it actually reads, so a
        // header claiming 1,000 bytes for 200 MB of zeros yields 1,000 bytes of nonsense, which no reader accepts.
        var xlsx = Edit(CompleteQ1(), zip => ZeroEntry(zip, "xl/zeros.xml", 200L * 1024 * 1024));
        var forged = ForgeUncompressedSizes(xlsx, 1000);

        ReturnReadResult? result = null;
        Assert.DoesNotThrow(() => result = Read(forged));

        Assert.That(result!.Return, Is.Null);
        Assert.That(result.Issues.Single().RuleCode, Does.StartWith("file."));
    }

    [Test]
    public void Declared_sizes_are_summed_over_all_parts()
    {
        var zip = Zip(z =>
        {
            TextEntry(z, "a.xml", new string('a', 1_500_000));
            TextEntry(z, "b.xml", new string('b', 1_500_000));
        });

        Refused(zip, "file.unpacks-too-large", "unpacks to more than 2 MB", new ReturnReadLimits { MaxUncompressedBytes = 2 * ReturnReadLimits.MiB });
    }

    [Test]
    public void A_part_packed_far_tighter_than_any_workbook_is_refused()
    {
        var bomb = Zip(zip => ZeroEntry(zip, "xl/worksheets/sheet1.xml", 5L * 1024 * 1024));

        Refused(bomb, "file.suspicious-compression", "packed more tightly than any real workbook");
    }

    [Test]
    public void A_zip_of_thousands_of_parts_is_refused()
    {
        var many = Zip(zip =>
        {
            for (var i = 0; i < 1001; i++)
            {
                zip.CreateEntry($"xl/part{i}.xml");
            }
        });

        Refused(many, "file.too-many-parts", "holds 1,001 parts, more than the 1,000");
    }

    [Test]
    public void A_DOCTYPE_with_entities_in_a_sheet_is_refused_before_any_XML_is_parsed()
    {
        var xlsx = Edit(CompleteQ1(), zip =>
        {
            var name = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).FullName;
            var xml = ReadEntry(zip, name);
            var body = xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..];
            ReplaceEntry(zip, name, """<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>""" + body);
        });

        Refused(xlsx, "file.xml-doctype", "declares an XML DOCTYPE or ENTITY");
    }

    [Test]
    public void An_external_entity_spelled_in_UTF_16_and_split_across_read_chunks_is_still_found()
    {
        var xlsx = Edit(CompleteQ1(), zip =>
            TextEntry(zip, "xl/custom.xml", new string(' ', 65_530) + """<!ENTITY xxe SYSTEM "file:///etc/passwd">""", Encoding.Unicode));

        Refused(xlsx, "file.xml-doctype", "DOCTYPE or ENTITY");
    }

    [Test]
    public void A_workbook_with_a_VBA_project_is_refused_as_macro_enabled()
    {
        var xlsx = Edit(CompleteQ1(), zip =>
        {
            using var vba = zip.CreateEntry("xl/vbaProject.bin").Open();
            vba.Write([0xCC, 0x61, 0xFF, 0xFF]);
        });

        Refused(xlsx, "file.macros", "contains macros (.xlsm)");
    }

    [Test]
    public void A_workbook_whose_content_type_is_macro_enabled_is_refused()
    {
        var xlsx = Edit(CompleteQ1(), zip =>
        {
            var types = ReadEntry(zip, "[Content_Types].xml");
            Assert.That(types, Does.Contain("spreadsheetml.sheet.main+xml"));
            ReplaceEntry(zip, "[Content_Types].xml", types.Replace(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                StringComparison.Ordinal));
        });

        Refused(xlsx, "file.macros", "save it in Excel as an Excel Workbook (.xlsx)");
    }

    [Test]
    public void A_zip_that_is_not_a_workbook_passes_the_gate_and_is_refused_by_the_reader()
    {
        Refused(Zip(zip => TextEntry(zip, "readme.txt", "hello")), "file.not-xlsx", "could not be opened as an Excel workbook");
    }

    [Test]
    public void Limits_explain_their_own_problems()
    {
        Assert.That(ReturnReadLimits.Default.Problems(), Is.Empty);
        Assert.That(
            new ReturnReadLimits { MaxFileBytes = 0, MaxEntries = -1, MaxCompressionRatio = 0 }.Problems(),
            Has.Count.EqualTo(3).And.Some.StartsWith("MaxFileBytes must be more than 0"));
    }

    private sealed class NonSeekableStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
