using Microsoft.Extensions.Logging.Abstractions;
using Outcomes.Application.Benchmarks;

namespace Outcomes.Application.Tests;

public class ImportBenchmarkTests
{
    [Test]
    public async Task The_import_benchmark_stores_every_generated_row_through_the_real_services()
    {
        var work = Directory.CreateTempSubdirectory("outcomes-bench-").FullName;
        try
        {
            var figures = await new ImportBenchmark(NullLoggerFactory.Instance).RunAsync(work, csvRows: 400, templateRows: 60);
            Assert.Multiple(() =>
            {
                Assert.That(figures.Select(f => f.Rows), Is.EqualTo(new[] { 400, 60 }));
                Assert.That(figures.Select(f => f.Stored), Is.All.True);
                Assert.That(figures[0].Name, Does.Contain("400 data rows"));
                Assert.That(figures[1].Name, Does.Contain("60 data rows"));
                Assert.That(figures.Select(f => f.Full), Is.All.GreaterThan(TimeSpan.Zero));
            });
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
