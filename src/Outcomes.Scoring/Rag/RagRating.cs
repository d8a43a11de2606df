using Outcomes.Domain.Scores;

namespace Outcomes.Scoring.Rag;

/// <summary>A status with the sentence that justifies it.</summary>
public sealed record RagRating(RagStatus Status, string Explanation);
