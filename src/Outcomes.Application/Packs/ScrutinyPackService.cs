using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Outcomes.Domain.Comparators;
using Outcomes.Domain.Periods;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.Excel.Scrutiny;
using Outcomes.Reporting.Pdf;
using Outcomes.Reporting.ScrutinyPack;
using Outcomes.Reporting.Templates;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Packs;

/// <summary>Where a scrutiny pack was written (the PDF and the workbook beside it), and its findings in brief.</summary>
public sealed record RenderedScrutinyPack(
    string PdfPath, string ExcelPath, string AuthorityName, string PeriodKey, IReadOnlyList<string> Summary, int Measures, int Units, PackTimings? Timings = null);

/// <summary>
/// Renders the authority-wide scrutiny trend pack for a framework and quarter from stored scores and comparators:
/// every quarter of the authority's scores up to the pack's, the units directly under the authority for the overview
/// and funnels, and the published values of the measures' comparator indicators (England, the authority, its
/// neighbours, breakdowns). View model → Liquid template → PDF through the shared Chromium printer, and the same model
/// → .xlsx beside it (<see cref="ScrutinyExcelWriter"/>). The generated-on
/// date is the latest submission in the data, never the clock.
/// </summary>
public sealed class ScrutinyPackService(OutcomesStore store, TemplateRenderer renderer, PdfPrinter printer, ILogger<ScrutinyPackService> logger)
{
    public Task<RenderedScrutinyPack> RenderAsync(
        string frameworkCode, Period period, PackSettings settings, ScrutinySettings scrutiny, string outputFolder, CancellationToken ct = default) =>
        RenderAsync(frameworkCode, period, settings, scrutiny, outputFolder, null, ct);

    /// <summary>Renders the pack as above, saying which stage it has reached (the web's pack jobs show it).</summary>
    public async Task<RenderedScrutinyPack> RenderAsync(
        string frameworkCode, Period period, PackSettings settings, ScrutinySettings scrutiny, string outputFolder, IProgress<PackProgress>? progress,
        CancellationToken ct = default)
    {
        progress?.Report(PackProgress.LoadingScores);
        var clock = Stopwatch.StartNew();
        var framework = await new FrameworkRepository(store).GetAsync(frameworkCode, ct)
            ?? throw new InvalidOperationException($"Framework '{frameworkCode}' is not in the store.");
        var version = framework.VersionOn(period.Start)
            ?? throw new InvalidOperationException($"Framework '{frameworkCode}' has no version in force for {period.Key}.");
        var hierarchy = await new OrgUnitRepository(store).LoadHierarchyAsync(framework.AuthorityCode, ct);
        var authority = hierarchy.Get(framework.AuthorityCode);
        var units = hierarchy.ChildrenOn(authority.Code, period.End);
        var wanted = units.Select(u => u.Code).Append(authority.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var scores = (await new ScoreRepository(store).ListAsync(frameworkCode, null, null, ct))
            .Where(s => wanted.Contains(s.OrgUnitCode) && s.Period <= period)
            .ToList();
        if (!scores.Any(s => s.Period == period && string.Equals(s.OrgUnitCode, authority.Code, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"No scores for {authority.Name} in {period.Key}; run `outcomes score --framework {frameworkCode}` first.");
        }

        var comparators = new List<ComparatorValue>();
        var repository = new ComparatorRepository(store);
        foreach (var indicator in version.Measures.SelectMany(m => m.Comparators).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            comparators.AddRange(await repository.ListAsync(indicator, null, ct));
        }

        var submitted = await new ReturnRepository(store).LatestSubmissionAsync(frameworkCode, period, ct);
        var data = clock.Elapsed;
        clock.Restart();
        progress?.Report(PackProgress.BuildingPack);
        var model = ScrutinyPackModelBuilder.Build(new ScrutinyPackInput
        {
            Version = version,
            FrameworkName = framework.Name,
            Authority = authority,
            Units = units,
            Period = period,
            Scores = scores,
            Comparators = comparators,
            Settings = settings,
            Scrutiny = scrutiny,
            GeneratedOn = submitted is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : period.End,
        });

        Directory.CreateDirectory(outputFolder);
        var path = Path.Combine(outputFolder, $"scrutiny-pack_{authority.Code}_{period.Key.Replace(' ', '_')}.pdf");
        var built = clock.Elapsed;
        clock.Restart();
        progress?.Report(PackProgress.PrintingPdf);
        var html = await renderer.RenderScrutinyPackAsync(model);
        var templated = clock.Elapsed;
        var print = await printer.PrintWithTimingsAsync(html, model.DocumentTitle, model.CouncilName, ct);
        await File.WriteAllBytesAsync(path, print.Pdf, ct);
        clock.Restart();
        var excelPath = Path.ChangeExtension(path, ".xlsx");
        progress?.Report(PackProgress.WritingWorkbook);
        ScrutinyExcelWriter.Write(model, excelPath);
        logger.LogInformation("Scrutiny pack for {Authority} {Period}: {Pdf} and {Excel}", authority.Code, period.Key, path, excelPath);
        return new RenderedScrutinyPack(
            path, excelPath, authority.Name, period.Key, model.Summary, version.Measures.Count, units.Count,
            new PackTimings(data, built, templated, print, clock.Elapsed));
    }
}
