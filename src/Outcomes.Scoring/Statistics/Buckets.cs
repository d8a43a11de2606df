namespace Outcomes.Scoring.Statistics;

/// <summary>
/// Score indexes grouped by an integer key in 0..keys−1 (a counting sort): group g is
/// <c>Order[Starts[g]..Starts[g + 1]]</c>. Stable, so indexes already in period order stay in period order.
/// </summary>
internal sealed class Buckets
{
    private Buckets(int[] order, int[] starts)
    {
        Order = order;
        Starts = starts;
    }

    public int[] Order { get; }

    public int[] Starts { get; }

    public int Count => Starts.Length - 1;

    public ReadOnlySpan<int> this[int group] => Order.AsSpan(Starts[group], Starts[group + 1] - Starts[group]);

    /// <summary>Groups <paramref name="indexes"/> by <paramref name="keyOf"/>; only non-empty groups are kept.</summary>
    public static Buckets By(ReadOnlySpan<int> indexes, int[] keyOf, int keys)
    {
        var counts = new int[keys + 1];
        foreach (var i in indexes)
        {
            counts[keyOf[i] + 1]++;
        }

        for (var k = 0; k < keys; k++)
        {
            counts[k + 1] += counts[k];
        }

        var order = new int[indexes.Length];
        var next = (int[])counts.Clone();
        foreach (var i in indexes)
        {
            order[next[keyOf[i]]++] = i;
        }

        var starts = new List<int>(Math.Min(keys, indexes.Length) + 1);
        for (var k = 0; k < keys; k++)
        {
            if (counts[k + 1] > counts[k])
            {
                starts.Add(counts[k]);
            }
        }

        starts.Add(indexes.Length);
        return new Buckets(order, [.. starts]);
    }
}
