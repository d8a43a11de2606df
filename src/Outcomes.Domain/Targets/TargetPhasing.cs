namespace Outcomes.Domain.Targets;

/// <summary>How an annual target is spread over the quarters (or months) of the financial year.</summary>
public enum TargetPhasing
{
    /// <summary>Not phased: the value applies to every period as it is written.</summary>
    None,

    /// <summary>An annual total split equally: a quarter each (or a twelfth a month).</summary>
    Equal,

    /// <summary>An annual total split by <see cref="Target.Profile"/>, e.g. 20/25/25/30% for Q1–Q4.</summary>
    Profile,
}
