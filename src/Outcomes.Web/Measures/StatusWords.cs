using Outcomes.Domain.Scores;

namespace Outcomes.Web.Measures;

/// <summary>A status in words, read out beside the tag's letter (colour is never the only signal).</summary>
public static class StatusWords
{
    public static string Of(RagStatus status) => status switch
    {
        RagStatus.Red => "red",
        RagStatus.Amber => "amber",
        RagStatus.Green => "green",
        RagStatus.Blue => "blue",
        _ => "not rated",
    };
}
