using System.Text;
using Outcomes.Domain.Comparators;
using Outcomes.Domain.Frameworks;
using Outcomes.Scoring.Benchmarking;
using Outcomes.Scoring.Rag;
using Outcomes.Scoring.Travel;

namespace Outcomes.Scoring.Engine;

/// <summary>
/// The sentences of <see cref="Score.Explanation"/>, joined by single spaces: the rating; the change from the previous
/// value; the England comparison; the data-quality flag; the note on a summed target. Kept as its parts and written
/// when first read: a national run makes millions of scores whose explanations nobody reads.
/// </summary>
internal sealed class ScoreExplanation(
    Measure measure, RagRating rating, Direction direction, decimal? previous, BenchmarkComparison comparison, ComparatorValue? england, string? flag,
    string? targetNote) : DeferredText
{
    private static readonly string[] DirectionSentenceStart = [.. Enum.GetValues<Direction>().Select(d => Capitalise(DirectionOfTravel.Describe(d)))];
    private static readonly string[] ComparisonSentenceStart = [.. Enum.GetValues<BenchmarkComparison>().Select(c => Capitalise(BenchmarkComparer.Describe(c)))];

    /// <summary>The explanation of a rating with what is known beside it; parts that do not apply are left out.</summary>
    public static DeferredText For(
        Measure measure, RagRating rating, Direction direction, decimal? previous, BenchmarkComparison comparison, ComparatorValue? england, string? flag,
        string? targetNote)
    {
        var shownPrevious = direction != Direction.NotComparable ? previous : null;
        var compared = comparison != BenchmarkComparison.NotCompared && england?.Value is not null ? england : null;
        flag = flag is { Length: > 0 } ? flag : null;
        return shownPrevious is null && compared is null && flag is null && targetNote is null
            ? DeferredText.Of(rating.Explanation)
            : new ScoreExplanation(measure, rating, direction, shownPrevious, comparison, compared, flag, targetNote);
    }

    protected override string Write()
    {
        var text = new StringBuilder(rating.Explanation, 256);
        if (previous is { } before)
        {
            text.Append(' ').Append(DirectionSentenceStart[(int)direction]).Append(" from ").Append(MeasureValueFormatter.Value(measure, before))
                .Append(measure.Frequency == Frequency.Annual ? " a year earlier." : " the previous quarter.");
        }

        if (england is not null)
        {
            text.Append(' ').Append(ComparisonSentenceStart[(int)comparison]).Append(" England (")
                .Append(MeasureValueFormatter.Value(measure, england.Value!.Value)).Append(", ").Append(england.Period.Key).Append(").");
        }

        if (flag is not null)
        {
            text.Append(" Data quality: ").Append(flag).Append('.');
        }

        if (targetNote is not null)
        {
            text.Append(' ').Append(targetNote);
        }

        return text.ToString();
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
