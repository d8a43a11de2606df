namespace Outcomes.Scoring.Spc;

/// <summary>An SPC sentence kept as its facts and worded by <see cref="SpcDescriber"/> when first read.</summary>
internal sealed class SpcSentence(SpcSentenceFacts facts, SpcTextStyle style) : DeferredText
{
    protected override string Write() => SpcDescriber.Describe(facts, style);
}
