using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Outcomes.Domain.Periods;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.Excel;
using Outcomes.Reporting.Pdf;
using Outcomes.Reporting.Templates;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Packs;

/// <summary>Where a pack was written, and what it says in brief.</summary>
public sealed record RenderedPack(
    string PdfPath, string ExcelPath, string OrgUnitName, string PeriodKey, string ExecutiveSummary, int Measures, PackTimings? Timings = null);

/// <summary>
/// Renders the advisory-board pack for an org unit and quarter from stored scores: view model → Liquid template →
/// PDF through the shared Chromium printer, and the Excel pack from the same model. The generated-on date is the
/// latest submission in the data, never the clock, so the same store gives the same pack.
/// </summary>
public sealed class BoardPackService(OutcomesStore store, TemplateRenderer renderer, PdfPrinter printer, ILogger<BoardPackService> logger)
{
    public Task<RenderedPack> RenderAsync(
        string frameworkCode, string orgUnitCode, Period period, PackSettings settings, string outputFolder, CancellationToken ct = default) =>
        RenderAsync(frameworkCode, orgUnitCode, period, settings, outputFolder, null, ct);

    /// <summary>Renders the pack as above, saying which stage it has reached (the web's pack jobs show it).</summary>
    public async Task<RenderedPack> RenderAsync(
        string frameworkCode, string orgUnitCode, Period period, PackSettings settings, string outputFolder, IProgress<PackProgress>? progress,
        CancellationToken ct = default)
    {
        progress?.Report(PackProgress.LoadingScores);
        var (model, scoreCount, data, built) = await BuildModelAsync(frameworkCode, orgUnitCode, period, settings, ct);
        progress?.Report(PackProgress.PrintingPdf);
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(outputFolder);
        var stem = Path.Combine(outputFolder, $"board-pack_{model.OrgUnitCode}_{period.Key.Replace(' ', '_')}");
        var html = await renderer.RenderBoardPackAsync(model);
        var templated = clock.Elapsed;
        var print = await printer.PrintWithTimingsAsync(html, model.DocumentTitle, model.CouncilName, ct);
        await File.WriteAllBytesAsync(stem + ".pdf", print.Pdf, ct);
        clock.Restart();
        progress?.Report(PackProgress.WritingWorkbook);
        ExcelPackWriter.Write(model, stem + ".xlsx");
        var timings = new PackTimings(data, built, templated, print, clock.Elapsed);
        logger.LogInformation("Board pack for {Unit} {Period}: {Pdf}", model.OrgUnitCode, period.Key, stem + ".pdf");
        return new RenderedPack(stem + ".pdf", stem + ".xlsx", model.OrgUnitName, period.Key, model.ExecutiveSummary, scoreCount, timings);
    }

    /// <summary>
    /// The pack's view model from stored scores, with the scores' count and the time spent reading the store and
    /// building the model (charts included).
    /// </summary>
    public async Task<(BoardPackModel Model, int Scores, TimeSpan Data, TimeSpan Build)> BuildModelAsync(
        string frameworkCode, string orgUnitCode, Period period, PackSettings settings, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var framework = await new FrameworkRepository(store).GetAsync(frameworkCode, ct)
            ?? throw new InvalidOperationException($"Framework '{frameworkCode}' is not in the store.");
        var version = framework.VersionOn(period.Start)
            ?? throw new InvalidOperationException($"Framework '{frameworkCode}' has no version in force for {period.Key}.");
        var hierarchy = await new OrgUnitRepository(store).LoadHierarchyAsync(framework.AuthorityCode, ct);
        if (!hierarchy.TryGet(orgUnitCode, out var unit))
        {
            throw new InvalidOperationException($"Org unit '{orgUnitCode}' is not part of framework '{frameworkCode}'.");
        }

        var scoreRepository = new ScoreRepository(store);
        var scores = await scoreRepository.ListAsync(frameworkCode, period, unit.Code, ct);
        if (scores.Count == 0)
        {
            throw new InvalidOperationException($"No scores for {unit.Name} in {period.Key}; run `outcomes score --framework {frameworkCode}` first.");
        }

        var history = (await scoreRepository.ListAsync(frameworkCode, null, unit.Code, ct)).Where(s => s.Period < period).ToList();
        var submitted = await new ReturnRepository(store).LatestSubmissionAsync(frameworkCode, period, ct);
        var generatedOn = submitted is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : period.End;
        var owed = await ReturnsOwed.ListAsync(store, framework, hierarchy, unit, period, ct);
        var outliers = await OutliersFound.ListAsync(store, framework.Code, owed.Select(r => r.OrgUnitCode).ToList(), period, version, ct);
        var data = clock.Elapsed;
        clock.Restart();
        var inForce = version.Measures.Select(m => m.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var model = BoardPackModelBuilder.Build(
            version, unit, period, scores.Where(s => inForce.Contains(s.MeasureCode)).ToList(),
            history.Where(s => inForce.Contains(s.MeasureCode)).ToList(), settings, generatedOn, framework.Name, owed, outliers);
        return (model, scores.Count, data, clock.Elapsed);
    }
}
