namespace Outcomes.Scoring.Spc;

/// <summary>
/// An XmR chart of one series (METHODS §3): per-point results, each segment's limits, the variation and assurance icons
/// and a sentence a councillor can read. Made by <see cref="XmrChart.Analyse(ReadOnlySpan{double}, SpcOptions?)"/>.
/// </summary>
public sealed class SpcResult
{
    private readonly double[] _values;
    private readonly SpcPoint[] _points;
    private readonly SpcSegment[] _segments;

    internal SpcResult(double[] values, SpcPoint[] points, SpcSegment[] segments, SpcSummary summary, SpcOptions options)
    {
        _values = values;
        _points = points;
        _segments = segments;
        Summary = summary;
        Options = options;
    }

    /// <summary>The options the chart was drawn with.</summary>
    public SpcOptions Options { get; }

    /// <summary>The series as charted (NaN = missing).</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>One result per value.</summary>
    public ReadOnlySpan<SpcPoint> Points => _points;

    /// <summary>Each segment's limits, in order (one unless rebased).</summary>
    public ReadOnlySpan<SpcSegment> Segments => _segments;

    /// <summary>Latest segment, variation and assurance.</summary>
    public SpcSummary Summary { get; }

    /// <summary>The segment holding the last non-missing point.</summary>
    public SpcSegment Latest => Summary.Latest;

    /// <summary>The variation icon, from the last non-missing point.</summary>
    public SpcVariation Variation => Summary.Variation;

    /// <summary>Assurance against <see cref="SpcOptions.Target"/>.</summary>
    public SpcAssurance Assurance => Summary.Assurance;

    /// <summary>The latest segment's limits are trial limits (fewer than 13 points).</summary>
    public bool IsTrial => Summary.IsTrial;

    /// <summary>The plain-English description with the default wording ("points", values to 3 decimals).</summary>
    public string Description => Describe(SpcTextStyle.Default);

    /// <summary>The plain-English description with a period noun and number format of the caller's choosing.</summary>
    public string Describe(SpcTextStyle style) => SpcDescriber.Describe(_values, _points, Summary, Options, style);
}
