using System.Globalization;
using Outcomes.Domain.Observations;
using Outcomes.Ingestion.Issues;

namespace Outcomes.Ingestion.History;

/// <summary>Thresholds of the history checks (METHODS §5 for the outlier score).</summary>
public sealed record HistoryCheckOptions
{
    public static HistoryCheckOptions Default { get; } = new();

    /// <summary>A modified z-score at or above this is an outlier (Iglewicz and Hoaglin: 3.5).</summary>
    public decimal OutlierScore { get; init; } = 3.5m;

    /// <summary>Fewer earlier values than this and no outlier is judged.</summary>
    public int MinimumHistory { get; init; } = 4;

    /// <summary>A change from last quarter is a jump when it exceeds this fraction of last quarter's value …</summary>
    public decimal JumpRelative { get; init; } = 0.25m;

    /// <summary>… and also this many units (or percentage points).</summary>
    public decimal JumpAbsolute { get; init; } = 5m;
}

/// <summary>
/// Where an observation was typed: "Data!D7" in a workbook, or a CSV cell (no sheet) with the wording its layout uses
/// for places ("row 12, value (D12)").
/// </summary>
public sealed record CellPlace(string? Sheet, string Cell, int Row, string? Wording = null);

/// <summary>One history warning about one submitted observation.</summary>
/// <param name="RuleCode"><see cref="HistoryChecks.OutlierRule"/> or <see cref="HistoryChecks.JumpRule"/>.</param>
/// <param name="Observation">The submitted observation judged.</param>
/// <param name="Detail">What was found, starting with the measure: "REG = 30 is an outlier …".</param>
public sealed record HistoryFinding(string RuleCode, Observation Observation, string Detail)
{
    public string MeasureCode => Observation.MeasureCode;

    /// <summary>True when the row gives no commentary: the return cannot be approved until it does.</summary>
    public bool NeedsCommentary => string.IsNullOrWhiteSpace(Observation.Commentary);

    public string Message => NeedsCommentary ? $"{Detail}; needs commentary" : $"{Detail}; commentary given";

    /// <summary>A warning naming the cell when there is one, otherwise the measure (the detail starts with it).</summary>
    public ImportIssue ToIssue(string file, CellPlace? place) =>
        place?.Wording is { } wording
            ? new ImportIssue(file, place.Sheet, place.Cell, place.Row, MeasureCode, RuleCode, IssueSeverity.Warning, $"{wording}: {Message}")
            : ImportIssue.At(file, place?.Sheet, place?.Cell, place?.Row, MeasureCode, RuleCode, IssueSeverity.Warning, Message);
}

/// <summary>
/// Judges submitted values against the same measure and org unit's stored history (earlier periods of the same type,
/// current values): an outlier by modified z-score, and a big jump from last quarter. Both are warnings that need
/// commentary, never rejections. Suppressed values are neither judged nor history.
/// </summary>
public static class HistoryChecks
{
    public const string OutlierRule = "history.outlier";

    public const string JumpRule = "history.jump";

    private const decimal MadScale = 0.6745m;

    // Iglewicz and Hoaglin's fallback when MAD is 0: |x − median| / (1.253314 · mean absolute deviation).
    private const decimal MeanAdScale = 1.253314m;

    public static IReadOnlyList<HistoryFinding> Check(IEnumerable<Observation> submitted, IEnumerable<Observation> history, HistoryCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        ArgumentNullException.ThrowIfNull(history);
        options ??= HistoryCheckOptions.Default;
        var byKey = history.Where(o => o.HasValue)
            .GroupBy(o => (Unit: o.OrgUnitCode.ToUpperInvariant(), Measure: o.MeasureCode.ToUpperInvariant()))
            .ToDictionary(g => g.Key, g => g.ToList());

        var findings = new List<HistoryFinding>();
        foreach (var now in submitted.Where(o => o.HasValue))
        {
            var x = now.Value!.Value;
            var earlier = byKey.GetValueOrDefault((now.OrgUnitCode.ToUpperInvariant(), now.MeasureCode.ToUpperInvariant()), [])
                .Where(o => o.Period.Type == now.Period.Type && o.Period < now.Period)
                .GroupBy(o => o.Period)
                .Select(g => g.Last())
                .ToList();

            var values = earlier.Select(o => o.Value!.Value).ToList();
            if (values.Count >= options.MinimumHistory && Score(x, values) is var (score, median, basis) && score >= options.OutlierScore)
            {
                var scoreText = score == decimal.MaxValue ? "unbounded" : score.ToString("0.0", CultureInfo.InvariantCulture);
                findings.Add(new HistoryFinding(
                    OutlierRule,
                    now,
                    $"{now.MeasureCode} = {Show(x)} is an outlier against its {values.Count} earlier values (median {Show(median)}, {basis} {scoreText} ≥ {Show(options.OutlierScore)})"));
            }

            var last = earlier.FirstOrDefault(o => o.Period == now.Period.Previous());
            if (last is not null && IsJump(last.Value!.Value, x, options, out var relative))
            {
                var change = x - last.Value!.Value;
                var percent = relative is { } r ? $", {(change >= 0 ? "+" : "−")}{Math.Abs(r * 100):0}%" : string.Empty;
                findings.Add(new HistoryFinding(
                    JumpRule,
                    now,
                    $"{now.MeasureCode} = {Show(x)} jumped from {Show(last.Value.Value)} in {last.Period.Key} ({(change >= 0 ? "+" : "−")}{Show(Math.Abs(change))}{percent})"));
            }
        }

        return findings;
    }

    /// <summary>
    /// The modified z-score 0.6745·|x − median| / MAD with the history's median. When MAD is 0 (most of the history
    /// identical) the mean absolute deviation stands in (|x − median| / (1.253314·meanAD)); when every value is the
    /// same, any other value scores <see cref="decimal.MaxValue"/> and the same value 0.
    /// </summary>
    public static (decimal Score, decimal Median, string Basis) Score(decimal x, IReadOnlyList<decimal> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0)
        {
            throw new ArgumentException("No history to score against.", nameof(history));
        }

        var median = Median(history);
        var distance = Math.Abs(x - median);
        var deviations = history.Select(v => Math.Abs(v - median)).ToList();
        var mad = Median(deviations);
        if (mad > 0)
        {
            return (MadScale * distance / mad, median, "modified z-score");
        }

        var meanAd = deviations.Average();
        if (meanAd > 0)
        {
            return (distance / (MeanAdScale * meanAd), median, "modified z-score (mean absolute deviation, as MAD is 0)");
        }

        return (distance == 0 ? 0 : decimal.MaxValue, median, "score (every earlier value the same)");
    }

    /// <summary>
    /// Whether going from <paramref name="previous"/> to <paramref name="now"/> is a jump: a change of more than
    /// <see cref="HistoryCheckOptions.JumpAbsolute"/> and more than <see cref="HistoryCheckOptions.JumpRelative"/> of
    /// last quarter's value (from 0, any change beyond the absolute threshold). <paramref name="relative"/> is the
    /// signed relative change, null from 0.
    /// </summary>
    public static bool IsJump(decimal previous, decimal now, HistoryCheckOptions options, out decimal? relative)
    {
        ArgumentNullException.ThrowIfNull(options);
        relative = previous == 0 ? null : (now - previous) / Math.Abs(previous);
        return Math.Abs(now - previous) > options.JumpAbsolute && (relative is not { } r || Math.Abs(r) > options.JumpRelative);
    }

    private static decimal Median(IReadOnlyList<decimal> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string Show(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
