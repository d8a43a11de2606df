using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Numbers;
using Outcomes.Domain.Scores;

namespace Outcomes.Scoring.Travel;

/// <summary>
/// Improving / worsening / no change between two values, by polarity. Values are compared as printed
/// (rounded to the measure's decimals); a change smaller than the materiality threshold is "no change".
/// </summary>
public static class DirectionOfTravel
{
    public static Direction Compare(Measure measure, decimal? current, decimal? earlier, decimal materiality = 0m)
    {
        if (current is null || earlier is null)
        {
            return Direction.NotComparable;
        }

        var change = OfficialRounding.Round(current.Value, measure.Decimals) - OfficialRounding.Round(earlier.Value, measure.Decimals);
        if (change == 0 || Math.Abs(change) < materiality)
        {
            return Direction.NoChange;
        }

        return measure.Polarity switch
        {
            Polarity.HigherIsBetter => change > 0 ? Direction.Improving : Direction.Worsening,
            Polarity.LowerIsBetter => change < 0 ? Direction.Improving : Direction.Worsening,
            _ => change > 0 ? Direction.Increased : Direction.Decreased,
        };
    }

    /// <summary>
    /// <see cref="Compare"/> for values already rounded to the measure's decimals with <see cref="OfficialRounding.Round"/>
    /// (the scoring engine rounds each value of a series once, not once per comparison): the same answer.
    /// </summary>
    public static Direction CompareRounded(Measure measure, decimal? roundedCurrent, decimal? roundedEarlier, decimal materiality = 0m)
    {
        if (roundedCurrent is null || roundedEarlier is null)
        {
            return Direction.NotComparable;
        }

        var change = roundedCurrent.Value - roundedEarlier.Value;
        if (change == 0 || Math.Abs(change) < materiality)
        {
            return Direction.NoChange;
        }

        return measure.Polarity switch
        {
            Polarity.HigherIsBetter => change > 0 ? Direction.Improving : Direction.Worsening,
            Polarity.LowerIsBetter => change < 0 ? Direction.Improving : Direction.Worsening,
            _ => change > 0 ? Direction.Increased : Direction.Decreased,
        };
    }

    public static string Describe(Direction direction) => direction switch
    {
        Direction.Improving => "improving",
        Direction.Worsening => "worsening",
        Direction.NoChange => "no change",
        Direction.Increased => "increased",
        Direction.Decreased => "decreased",
        _ => "not comparable",
    };
}
