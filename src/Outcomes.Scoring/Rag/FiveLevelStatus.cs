using Outcomes.Domain.Scores;

namespace Outcomes.Scoring.Rag;

/// <summary>
/// The five-level scheme (<c>scheme: five-level</c>), the RAG split that English council performance reports use
/// when "amber" hides too much: amber is halved by the tolerance, so a near miss reads differently from a value
/// at the edge of the tolerance. Polarity-aware; "shortfall" is how far the value falls short of the target in the
/// measure's good direction:
/// <list type="bullet">
/// <item>Blue: meets the stretch target (only when a stretch is set);</item>
/// <item>Green: meets the target (shortfall 0 or less);</item>
/// <item>Amber-green: short of the target by no more than half the tolerance;</item>
/// <item>Amber-red: short by more than half the tolerance, but no more than the tolerance;</item>
/// <item>Red: short by more than the tolerance.</item>
/// </list>
/// Both boundaries belong to the better band (exactly half the tolerance short is amber-green, exactly the
/// tolerance short is amber-red), as exactly the tolerance is amber under RAG. With a tolerance of 0 any shortfall
/// is red.
/// </summary>
public enum FiveLevelStatus
{
    /// <summary>No data, not due, suppressed, no judgement or no target.</summary>
    Grey,
    Red,
    AmberRed,
    AmberGreen,
    Green,
    Blue,
}

/// <summary>Words, letters and the RAG colour for a <see cref="FiveLevelStatus"/>.</summary>
public static class FiveLevelStatusExtensions
{
    /// <summary>The RAG status stored and coloured where only four colours exist: both ambers are amber.</summary>
    public static RagStatus ToRagStatus(this FiveLevelStatus status) => status switch
    {
        FiveLevelStatus.Blue => RagStatus.Blue,
        FiveLevelStatus.Green => RagStatus.Green,
        FiveLevelStatus.AmberGreen or FiveLevelStatus.AmberRed => RagStatus.Amber,
        FiveLevelStatus.Red => RagStatus.Red,
        _ => RagStatus.Grey,
    };

    /// <summary>"Amber-green", as a sentence starts.</summary>
    public static string Label(this FiveLevelStatus status) => status switch
    {
        FiveLevelStatus.AmberGreen => "Amber-green",
        FiveLevelStatus.AmberRed => "Amber-red",
        _ => status.ToString(),
    };

    /// <summary>The letters printed beside the colour (B, G, AG, AR, R; "–" for grey), so colour is never the only signal.</summary>
    public static string Letter(this FiveLevelStatus status) => status switch
    {
        FiveLevelStatus.Blue => "B",
        FiveLevelStatus.Green => "G",
        FiveLevelStatus.AmberGreen => "AG",
        FiveLevelStatus.AmberRed => "AR",
        FiveLevelStatus.Red => "R",
        _ => "–",
    };
}
