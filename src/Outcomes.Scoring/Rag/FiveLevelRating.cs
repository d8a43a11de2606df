using Outcomes.Domain.Scores;

namespace Outcomes.Scoring.Rag;

/// <summary>A five-level status, the RAG status it maps to, and the sentence that justifies it.</summary>
public sealed record FiveLevelRating(FiveLevelStatus Status, RagStatus RagStatus, string Explanation)
{
    /// <summary>The same judgement as a <see cref="RagRating"/> (both ambers amber), sentence unchanged.</summary>
    public RagRating ToRagRating() => new(RagStatus, Explanation);
}
