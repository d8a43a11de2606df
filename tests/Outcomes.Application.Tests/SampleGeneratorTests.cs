using ClosedXML.Excel;
using Outcomes.Application.Samples;
using Outcomes.Ingestion.Frameworks;
using Outcomes.Ingestion.OpenData;
using Outcomes.Ingestion.Returns;

namespace Outcomes.Application.Tests;

public class SampleGeneratorTests
{
    [Test]
    public void The_committed_sample_returns_are_what_the_seeded_generator_makes()
    {
        var package = FrameworkPackageLoader.Load(Path.Combine(RepositoryPaths.Samples, "frameworks", "bradford")).Package!;
        var gld = DfeOpenDataReader.Read(Path.Combine(RepositoryPaths.Samples, "open-data", "dfe-eyfsp-gld-by-la-2013-2019.csv"), DfeIndicatorMappings.Gld).Values;
        var temp = Directory.CreateTempSubdirectory("outcomes-gen-").FullName;
        try
        {
            var generated = new SampleReturnGenerator(20170401).Generate(package, gld, SampleReturnGenerator.DefaultQuarters, temp);
            var committed = Directory.GetFiles(Path.Combine(RepositoryPaths.Samples, "returns", "bradford"), "*.xlsx");
            Assert.That(generated.Files, Is.EqualTo(committed.Length));
            foreach (var path in generated.Paths.Where((_, i) => i % 9 == 0))
            {
                Assert.That(DataCells(path), Is.EqualTo(DataCells(Path.Combine(RepositoryPaths.Samples, "returns", "bradford", Path.GetFileName(path)))), path);
            }
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Test]
    public void Splitting_a_published_count_keeps_the_totals_exactly()
    {
        var parts = GldSplitter.Split(4_123, 6_001, 7, new Random(3));
        Assert.Multiple(() =>
        {
            Assert.That(parts.Sum(p => p.Numerator), Is.EqualTo(4_123));
            Assert.That(parts.Sum(p => p.Denominator), Is.EqualTo(6_001));
            Assert.That(parts, Has.All.Matches<(int Numerator, int Denominator)>(p => p.Numerator >= 0 && p.Numerator <= p.Denominator));
        });
    }

    private static List<string> DataCells(string path)
    {
        using var workbook = new XLWorkbook(path);
        return workbook.Worksheet(ReturnTemplateLayout.DataSheet).RowsUsed()
            .SelectMany(r => Enumerable.Range(1, ReturnTemplateLayout.Columns.Previous).Select(c => $"{r.Cell(c).Address}={r.Cell(c).GetString()}"))
            .ToList();
    }
}
