namespace Outcomes.Domain.Frameworks;

/// <summary>An authority's outcomes framework: a sequence of versions, each effective from a date.</summary>
public sealed record Framework
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string AuthorityCode { get; init; }

    public string Description { get; init; } = string.Empty;

    /// <summary>The org-unit type that submits returns (e.g. Cluster for Bradford, Centre for Blackpool).</summary>
    public string ReturningLevel { get; init; } = "Centre";

    /// <summary>Days after a period ends by which its return is due (a quarter ending 31 March, 20 days: 20 April).</summary>
    public int ReturnDeadlineDays { get; init; } = DefaultReturnDeadlineDays;

    /// <summary>The usual deadline: 20 days after the quarter.</summary>
    public const int DefaultReturnDeadlineDays = 20;

    /// <summary>The last day a period's return counts as on time.</summary>
    public DateOnly ReturnDeadline(Periods.Period period) => period.End.AddDays(ReturnDeadlineDays);

    public IReadOnlyList<FrameworkVersion> Versions { get; init; } = [];

    /// <summary>The version in force on a date, or null before the first.</summary>
    public FrameworkVersion? VersionOn(DateOnly date) =>
        Versions.Where(v => v.EffectiveFrom <= date && (v.EffectiveTo is null || v.EffectiveTo >= date))
            .OrderByDescending(v => v.Version)
            .FirstOrDefault();
}

/// <summary>One version of a framework. A new version never rewrites the history scored under an older one.</summary>
public sealed record FrameworkVersion
{
    public required string FrameworkCode { get; init; }

    public required int Version { get; init; }

    public required DateOnly EffectiveFrom { get; init; }

    public DateOnly? EffectiveTo { get; init; }

    public string Notes { get; init; } = string.Empty;

    public RagScheme Scheme { get; init; } = RagScheme.Rag;

    public IReadOnlyList<Measure> Measures { get; init; } = [];

    public IReadOnlyList<CrossMeasureRule> Rules { get; init; } = [];

    public Measure? Find(string code) =>
        Measures.FirstOrDefault(m => string.Equals(m.Code, code, StringComparison.OrdinalIgnoreCase));
}
