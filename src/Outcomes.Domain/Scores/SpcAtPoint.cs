namespace Outcomes.Domain.Scores;

/// <summary>
/// The statistical process control reading for one point of a series (METHODS §3, XmR): the limits of the segment the
/// point belongs to, whether the point itself is a special cause, the series' variation and assurance icons (taken
/// from its latest point), and the sentence a councillor reads.
/// </summary>
public sealed record SpcAtPoint
{
    public SpcVariation Variation { get; init; }

    public SpcAssurance Assurance { get; init; }

    /// <summary>True when this point is flagged by any of the four special-cause rules.</summary>
    public bool IsSpecialCause { get; init; }

    public decimal Mean { get; init; }

    public decimal Lower { get; init; }

    public decimal Upper { get; init; }

    /// <summary>Points in the series up to and including this one (non-missing).</summary>
    public int Points { get; init; }

    /// <summary>Fewer than 13 points: the limits are trial limits.</summary>
    public bool IsTrial { get; init; }

    private DeferredText? _explanation;

    /// <summary>What the chart shows at this point, in a sentence.</summary>
    public string Explanation
    {
        get => _explanation?.Text ?? string.Empty;
        init => _explanation = DeferredText.Of(value);
    }

    /// <summary>The same sentence, worded only when first read (how scoring sets it).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DeferredText? DeferredExplanation
    {
        get => _explanation;
        init => _explanation = value;
    }

    /// <summary>The icon's short name, as Making Data Count labels it.</summary>
    public string VariationLabel => Variation switch
    {
        SpcVariation.CommonCause => "Common cause",
        SpcVariation.SpecialCauseImprovement => "Special cause: improvement",
        SpcVariation.SpecialCauseConcern => "Special cause: concern",
        SpcVariation.SpecialCauseNeutralHigh => "Special cause: high",
        SpcVariation.SpecialCauseNeutralLow => "Special cause: low",
        _ => "Not calculable",
    };

    public string AssuranceLabel => Assurance switch
    {
        SpcAssurance.ConsistentlyPass => "Consistently passes",
        SpcAssurance.HitAndMiss => "Hit and miss",
        SpcAssurance.ConsistentlyFail => "Consistently fails",
        _ => "No target",
    };
}
