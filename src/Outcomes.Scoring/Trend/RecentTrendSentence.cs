namespace Outcomes.Scoring.Trend;

/// <summary>A recent-trend result whose sentence (<see cref="RecentTrendResult.Description"/>) is written when first read.</summary>
internal sealed class RecentTrendSentence(RecentTrendResult result) : DeferredText
{
    protected override string Write() => result.Description;
}
