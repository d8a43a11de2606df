using System.Globalization;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Numbers;
using Outcomes.Domain.Scores;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.Disclosure;
using Outcomes.Scoring.Rag;

namespace Outcomes.Web.Measures;

/// <summary>
/// One score as the web may show it, by the packs' disclosure rules: a suppressed figure shows its code, a disclosive
/// one shows "c", and neither leaks through anything worked out from it (interval, numerator and denominator, SPC,
/// recent trend, quintile, the explanation that quotes it, or the next quarter's explanation that quotes it as the
/// previous value). Every number here is either safe to publish or null.
/// </summary>
public sealed record ScoreView
{
    public const string Withheld = DisclosureControl.Withheld;

    public required Measure Measure { get; init; }

    public required Score Score { get; init; }

    /// <summary>True when a figure exists but may not be shown (suppressed by the return, or disclosive).</summary>
    public required bool Suppressed { get; init; }

    /// <summary>The figure rounded as printed, or null when suppressed or missing.</summary>
    public required decimal? Value { get; init; }

    /// <summary>"64.0%", "c", the return's suppression code, or "No data".</summary>
    public required string ValueText { get; init; }

    public required decimal? Numerator { get; init; }

    public required decimal? Denominator { get; init; }

    /// <summary>"32 / 50", "c / c" when disclosive, empty otherwise.</summary>
    public required string NumeratorDenominatorText { get; init; }

    public required decimal? LowerCi { get; init; }

    public required decimal? UpperCi { get; init; }

    public required string TargetText { get; init; }

    public required string EnglandText { get; init; }

    public required string EnglandComparisonText { get; init; }

    /// <summary>The score's explanation sentences, or null when they would quote a hidden figure.</summary>
    public required string? Explanation { get; init; }

    /// <summary>The SPC reading at this point ("Common cause; hit and miss (trial limits)"), or null when not shown.</summary>
    public required SpcAtPoint? Spc { get; init; }

    public required string? RecentTrendText { get; init; }

    public required int? PeerQuintile { get; init; }

    public string Letter => Score.StatusLetter;

    public RagStatus Status => Score.Status;

    public Direction Direction => Score.DirectionFromPrevious;

    /// <summary>"95% confidence interval 60.1% to 67.8%", or empty when there is none to show.</summary>
    public string IntervalText => LowerCi is { } lo && UpperCi is { } hi
        ? $"95% confidence interval {MeasureFormat.Value(Measure, lo)} to {MeasureFormat.Value(Measure, hi)}"
        : string.Empty;

    public string SpcText => Spc is not { } spc
        ? "–"
        : spc.VariationLabel + (spc.Assurance == SpcAssurance.None ? string.Empty : "; " + spc.AssuranceLabel.ToLowerInvariant()) + (spc.IsTrial ? " (trial limits)" : string.Empty);

    /// <summary>"Special cause" when this point breaks an SPC rule, else "Common cause"; "–" when not shown or not calculable.</summary>
    public string SpcSignalText => Spc is not { } spc || spc.Variation == SpcVariation.NotCalculable
        ? "–"
        : spc.IsSpecialCause ? "Special cause: " + spc.VariationLabel.Replace("Special cause: ", string.Empty, StringComparison.Ordinal) : "Common cause";

    public string PeerQuintileText => PeerQuintile is { } q
        ? $"Quintile {q.ToString(CultureInfo.InvariantCulture)} of 5 among the units at the same level under the same parent (1 lowest values, 5 highest)"
        : "Not placed (fewer than five peers, or no figure to show)";

    /// <summary>Views of a unit's series for one measure, oldest first; each may look at the ones before it.</summary>
    public static IReadOnlyList<ScoreView> Of(Measure measure, IReadOnlyList<Score> series)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(series);
        var ordered = series.OrderBy(s => s.Period).ToList();
        return ordered.Select((s, i) => From(measure, s, ordered.Take(i).ToList())).ToList();
    }

    private static ScoreView From(Measure m, Score s, IReadOnlyList<Score> earlier)
    {
        var disclosive = DisclosureControl.IsDisclosive(m, s);
        var suppressed = DisclosureControl.IsWithheld(m, s);
        var shown = !suppressed && s.Actual is not null;
        return new ScoreView
        {
            Measure = m,
            Score = s,
            Suppressed = suppressed,
            Value = shown ? MeasureFormat.Rounded(m, s.Actual!.Value) : null,
            ValueText = s.SuppressionReason ?? (disclosive ? Withheld : s.Actual is { } a ? MeasureFormat.Value(m, a) : "No data"),
            Numerator = shown ? s.Numerator : null,
            Denominator = shown ? s.Denominator : null,
            NumeratorDenominatorText = s is { Numerator: { } n, Denominator: { } d } && m.HasRatio && s.SuppressionReason is null
                ? disclosive ? "c / c" : $"{MeasureFormat.Count(n)} / {MeasureFormat.Count(d)}"
                : string.Empty,
            LowerCi = shown ? s.LowerCi : null,
            UpperCi = shown ? s.UpperCi : null,
            TargetText = s.Target is { } t ? MeasureFormat.Value(m, t) : "No target",
            EnglandText = s.Comparator is { } e ? MeasureFormat.Value(m, e) : "–",
            EnglandComparisonText = s.ComparedWithEngland switch
            {
                BenchmarkComparison.Better => "Better than England",
                BenchmarkComparison.Similar => "Similar to England",
                BenchmarkComparison.Worse => "Worse than England",
                BenchmarkComparison.Higher => "Higher than England",
                BenchmarkComparison.Lower => "Lower than England",
                _ => "Not compared",
            },
            Explanation = DisclosureControl.PublishableExplanation(m, s, earlier),
            Spc = shown ? s.Spc : null,
            RecentTrendText = shown && s.RecentTrend != RecentTrendOutcome.NotCalculable ? s.RecentTrendExplanation : null,
            PeerQuintile = shown ? s.PeerQuintile : null,
        };
    }

    /// <summary>"amber within 2.0 points" or "amber within 5.0% of target", from the target record behind the score's target.</summary>
    public static string ToleranceText(Measure measure, Domain.Targets.Target target)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(target);
        return target.ToleranceKind == Domain.Targets.ToleranceKind.Absolute
            ? "amber within " + MeasureValueFormatter.Difference(measure, target.Tolerance)
            : $"amber within {OfficialRounding.Format(target.Tolerance, 1)}% of target";
    }
}
