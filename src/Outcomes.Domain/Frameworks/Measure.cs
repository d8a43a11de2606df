namespace Outcomes.Domain.Frameworks;

/// <summary>One thing a framework collects and judges.</summary>
public sealed record Measure
{
    public required string Code { get; init; }

    public required string Title { get; init; }

    public string Definition { get; init; } = string.Empty;

    public MeasureUnit Unit { get; init; } = MeasureUnit.Count;

    /// <summary>For <see cref="MeasureUnit.Rate"/>: per how many (1000, 10000, 100000).</summary>
    public int? RatePer { get; init; }

    public Polarity Polarity { get; init; } = Polarity.HigherIsBetter;

    public Aggregation Aggregation { get; init; } = Aggregation.Sum;

    public Frequency Frequency { get; init; } = Frequency.Quarterly;

    /// <summary>True when each quarter's figure is year-to-date.</summary>
    public bool Cumulative { get; init; }

    public int Decimals { get; init; }

    public string? NumeratorLabel { get; init; }

    public string? DenominatorLabel { get; init; }

    public ConfidenceIntervalMethod CiMethod { get; init; } = ConfidenceIntervalMethod.None;

    /// <summary>Comparator indicator codes this measure is benchmarked against (e.g. "dfe-eyfsp-gld-percent").</summary>
    public IReadOnlyList<string> Comparators { get; init; } = [];

    /// <summary>Counts below this are shown as "c" in published packs. Null: no disclosure control.</summary>
    public int? DisclosureThreshold { get; init; }

    /// <summary>
    /// True when publishing these figures would breach disclosure control: a count below <see cref="DisclosureThreshold"/>,
    /// or a numerator or denominator below it. Such a figure is printed as "c", and nothing derived from it (SPC limits,
    /// trends, quintiles) may be published either.
    /// </summary>
    public bool IsDisclosive(decimal? value, decimal? numerator, decimal? denominator) =>
        DisclosureThreshold is { } threshold
        && ((Unit == MeasureUnit.Count && value is { } v && v < threshold) || (numerator is { } n && n < threshold) || (denominator is { } d && d < threshold));

    /// <summary>Optional grouping: Essex universal/specialist; OBA how much / how well / better off.</summary>
    public string? Group { get; init; }

    /// <summary>True when the return must contain this measure.</summary>
    public bool Required { get; init; } = true;

    /// <summary>Lowest level that reports this measure (e.g. Authority for DfE-only measures). Null: every returning unit.</summary>
    public string? ReportedAt { get; init; }

    /// <summary>The multiplier that turns numerator/denominator into the value: 100 for a percentage, RatePer for a rate, else 1.</summary>
    public decimal Multiplier => Unit switch
    {
        MeasureUnit.Percentage => 100m,
        MeasureUnit.Rate => RatePer ?? 1000,
        _ => 1m,
    };

    public bool HasRatio => Aggregation == Aggregation.Ratio;
}
