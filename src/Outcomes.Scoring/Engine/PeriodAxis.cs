using Outcomes.Domain.Periods;

namespace Outcomes.Scoring.Engine;

/// <summary>
/// Every period of one <see cref="PeriodType"/> that has data, in order, so that a series is an array and "the previous
/// quarter" or "the same quarter last year" is an index. The neighbours are found once per period with the very
/// <see cref="Period.Previous"/> and <see cref="Period.SameLastYear"/> the scores use, so the index arithmetic can
/// never disagree with them (a neighbour without data is <see cref="Missing"/>).
/// </summary>
internal sealed class PeriodAxis
{
    /// <summary>The neighbour period has no data.</summary>
    public const int Missing = -1;

    /// <summary>Working the neighbour out threw (a date out of range); the period-by-period path reproduces that.</summary>
    public const int Unavailable = -2;

    private readonly Dictionary<Period, int> _index;

    public PeriodAxis(PeriodType type, IEnumerable<Period> periods)
    {
        Type = type;
        Periods = periods.Order().ToArray();
        _index = new Dictionary<Period, int>(Periods.Length);
        for (var i = 0; i < Periods.Length; i++)
        {
            _index[Periods[i]] = i;
        }

        Previous = new int[Periods.Length];
        SameLastYear = new int[Periods.Length];
        AnnualLookBack = new int[Periods.Length][];
        for (var i = 0; i < Periods.Length; i++)
        {
            var period = Periods[i];
            Previous[i] = Neighbour(() => period.Previous());
            SameLastYear[i] = Neighbour(() => period.SameLastYear());
            AnnualLookBack[i] = type == PeriodType.FinancialQuarter ? LookBack(period) : [];
        }
    }

    public PeriodType Type { get; }

    /// <summary>The periods in order (by start, then end).</summary>
    public Period[] Periods { get; }

    public int Count => Periods.Length;

    /// <summary>Index of <c>Periods[i].Previous()</c>.</summary>
    public int[] Previous { get; }

    /// <summary>Index of <c>Periods[i].SameLastYear()</c>.</summary>
    public int[] SameLastYear { get; }

    /// <summary>
    /// For a financial quarter: the quarters an annual measure's value may come from, latest first (the quarter
    /// itself and the three before it, as <c>for (p = period; p &gt; period.Shift(-4); p = p.Previous())</c> walks them).
    /// </summary>
    public int[][] AnnualLookBack { get; }

    public int IndexOf(Period period) => _index.TryGetValue(period, out var i) ? i : Missing;

    private int Neighbour(Func<Period> find)
    {
        try
        {
            return IndexOf(find());
        }
        catch (ArgumentOutOfRangeException)
        {
            return Unavailable;
        }
    }

    private int[] LookBack(Period period)
    {
        try
        {
            var result = new List<int>(4);
            for (var p = period; p > period.Shift(-4); p = p.Previous())
            {
                result.Add(IndexOf(p));
            }

            return [.. result];
        }
        catch (ArgumentOutOfRangeException)
        {
            return [Unavailable];
        }
    }
}
