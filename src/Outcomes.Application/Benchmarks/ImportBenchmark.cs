using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Outcomes.Application.Imports;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Observations;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Ingestion.OpenData;
using Outcomes.Ingestion.Returns;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Benchmarks;

/// <summary>Rows per second for reading only (the floor) and for read + validate + store, and their ratio.</summary>
public sealed record ImportBenchFigures(string Name, int Rows, TimeSpan Floor, TimeSpan Full, bool Stored)
{
    public double FloorRowsPerSecond => Rows / Floor.TotalSeconds;

    public double FullRowsPerSecond => Rows / Full.TotalSeconds;

    public double Ratio => Full.TotalSeconds / Floor.TotalSeconds;
}

/// <summary>
/// Issue 3's import benchmark on a real SQLite file: a generated long CSV (units × 8 quarters × 25 measures) and a
/// return template with one row per measure, each imported through the product's own services, against the
/// same files merely read (parsed into cells, no validation, no store).
/// </summary>
public sealed class ImportBenchmark(ILoggerFactory logs)
{
    private const int CsvMeasures = 25;
    private static readonly List<Period> Quarters = Enumerable.Range(0, 8).Select(i => Period.FinancialQuarter(2017, 1).Shift(i)).ToList();

    public async Task<IReadOnlyList<ImportBenchFigures>> RunAsync(string workFolder, int csvRows = 100_000, int templateRows = 20_000, CancellationToken ct = default)
    {
        Directory.CreateDirectory(workFolder);
        var storePath = Path.Combine(workFolder, "bench.db");
        foreach (var file in new[] { storePath, storePath + "-wal", storePath + "-shm" })
        {
            File.Delete(file);
        }

        var store = OutcomesStore.Sqlite(storePath, logs);
        await store.MigrateAsync(ct);
        var units = Math.Max(1, csvRows / (CsvMeasures * Quarters.Count));
        var authority = new OrgUnit("BEN", "Benchmark Council", OrgUnitType.Authority, "BEN", "E06000001");
        var centres = Enumerable.Range(1, units).Select(i => new OrgUnit($"BEN-U{i:00000}", $"Centre {i}", OrgUnitType.Centre, "BEN")).ToList();
        await new OrgUnitRepository(store).UpsertAsync([authority, .. centres], centres.Select(c => new OrgUnitLink(c.Code, "BEN")), ct);
        var csvFramework = Framework("BEN-CSV", CsvMeasures);
        var templateFramework = Framework("BEN-TPL", templateRows);
        await new FrameworkRepository(store).SaveAsync(csvFramework, ct);
        await new FrameworkRepository(store).SaveAsync(templateFramework, ct);

        return [await CsvAsync(store, csvFramework, centres, workFolder, ct), await TemplateAsync(store, templateFramework, centres[0], workFolder, ct)];
    }

    private async Task<ImportBenchFigures> CsvAsync(OutcomesStore store, Framework framework, IReadOnlyList<OrgUnit> centres, string folder, CancellationToken ct)
    {
        var text = new StringBuilder("org_unit_code,period,measure_code,value,numerator,denominator,commentary\n");
        var rows = 0;
        foreach (var centre in centres)
        {
            foreach (var quarter in Quarters)
            {
                foreach (var measure in framework.Versions[0].Measures)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{centre.Code},{quarter.Key},{measure.Code},{(rows % 997) + 3},,,\n");
                    rows++;
                }
            }
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        await File.WriteAllBytesAsync(Path.Combine(folder, "bench.csv"), bytes, ct);
        _ = CsvRecords.Read(new StringReader(Ingestion.Csv.CsvText.Decode(bytes, out _))).Count(); // warm-up: JIT, not the file
        var floor = Stopwatch.StartNew();
        var read = CsvRecords.Read(new StringReader(Ingestion.Csv.CsvText.Decode(bytes, out _))).Count();
        floor.Stop();
        var full = Stopwatch.StartNew();
        var result = await new CsvImportService(store, logs.CreateLogger<CsvImportService>())
            .ImportAsync("bench.csv", bytes, framework.Code, "bench", DateTimeOffset.UnixEpoch, dryRun: false, ct);
        full.Stop();
        return new ImportBenchFigures($"long CSV ({read - 1:N0} data rows)", rows, floor.Elapsed, full.Elapsed, result.Stored);
    }

    private async Task<ImportBenchFigures> TemplateAsync(OutcomesStore store, Framework framework, OrgUnit unit, string folder, CancellationToken ct)
    {
        var version = framework.Versions[0];
        var quarter = Quarters[0];
        var values = version.Measures.Select((m, i) => new Observation { OrgUnitCode = unit.Code, Period = quarter, MeasureCode = m.Code, Value = (i % 991) + 5 })
            .ToDictionary(o => o.MeasureCode, StringComparer.OrdinalIgnoreCase);
        var path = Path.Combine(folder, "bench-template.xlsx");
        await using (var stream = File.Create(path))
        {
            ReturnTemplateWriter.Write(version, unit, quarter, quarter.End.AddDays(20), null, stream, values);
        }

        var bytes = await File.ReadAllBytesAsync(path, ct);
        _ = ReturnWorkbookReader.Read("warm-up.xlsx", new MemoryStream(bytes, writable: false), out _); // warm-up: JIT, not the file
        var floor = Stopwatch.StartNew();
        var content = ReturnWorkbookReader.Read("bench-template.xlsx", new MemoryStream(bytes, writable: false), out _);
        floor.Stop();
        var full = Stopwatch.StartNew();
        var result = await new ReturnImportService(store, logs.CreateLogger<ReturnImportService>())
            .ImportAsync("bench-template.xlsx", bytes, "bench", DateTimeOffset.UnixEpoch, dryRun: false, ct);
        full.Stop();
        return new ImportBenchFigures($"return template ({content?.Rows.Count ?? 0:N0} data rows)", version.Measures.Count, floor.Elapsed, full.Elapsed, result.Stored);
    }

    private static Framework Framework(string code, int measures) => new()
    {
        Code = code, Name = code, AuthorityCode = "BEN", ReturningLevel = "Centre",
        Versions =
        [
            new FrameworkVersion
            {
                FrameworkCode = code, Version = 1, EffectiveFrom = new DateOnly(2017, 4, 1),
                Measures = Enumerable.Range(1, measures).Select(i => new Measure { Code = $"M{i:00000}", Title = $"Count {i}", Unit = MeasureUnit.Count }).ToList(),
            },
        ],
    };
}
