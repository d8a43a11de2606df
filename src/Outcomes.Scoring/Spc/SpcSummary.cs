namespace Outcomes.Scoring.Spc;

/// <summary>
/// The series-level outcome of an XmR chart (METHODS §3): the latest segment's limits, the variation icon from the
/// last non-missing point and assurance against the target. A small struct, so the allocation-free
/// <see cref="XmrChart.Analyse(ReadOnlySpan{double}, SpcOptions, Span{SpcPoint}, Span{SpcSegment})"/> can return it.
/// </summary>
/// <param name="Latest">The segment holding the last non-missing point (the last segment when there is none).</param>
/// <param name="LatestSegmentIndex">Index of <paramref name="Latest"/> among the segments.</param>
/// <param name="LastPointIndex">Index of the last non-missing point, or −1 when every point is missing.</param>
/// <param name="Variation">The variation icon.</param>
/// <param name="Assurance">The assurance icon.</param>
public readonly record struct SpcSummary(SpcSegment Latest, int LatestSegmentIndex, int LastPointIndex, SpcVariation Variation, SpcAssurance Assurance)
{
    /// <summary>The latest segment has fewer than 13 points, so its limits are trial limits.</summary>
    public bool IsTrial => Latest.IsTrial;
}
