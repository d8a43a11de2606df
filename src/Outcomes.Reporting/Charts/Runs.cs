namespace Outcomes.Reporting.Charts;

/// <summary>Splits a series at its gaps: a null (or non-finite) value ends a run, so lines never bridge missing periods.</summary>
internal static class Runs
{
    /// <summary>The (first, last) index of each stretch of consecutive values, in order.</summary>
    public static List<(int First, int Last)> Of(IReadOnlyList<double?> values)
    {
        var runs = new List<(int, int)>();
        var start = -1;
        for (var i = 0; i <= values.Count; i++)
        {
            var present = i < values.Count && ChartText.Finite(values[i]) is not null;
            if (present && start < 0)
            {
                start = i;
            }
            else if (!present && start >= 0)
            {
                runs.Add((start, i - 1));
                start = -1;
            }
        }

        return runs;
    }

    /// <summary>
    /// The corners of a step line over a run: each period's value held across its band, so a constant target spans
    /// the plot and a phased one steps at the period boundary.
    /// </summary>
    public static List<(double X, double Y)> Steps(IReadOnlyList<double?> values, (int First, int Last) run, BandScale x, LinearScale y)
    {
        var points = new List<(double, double)>();
        for (var i = run.First; i <= run.Last; i++)
        {
            var py = y.MapClamped(values[i]!.Value);
            Add(points, (x.Left(i), py));
            Add(points, (x.Right(i), py));
        }

        return points;

        static void Add(List<(double X, double Y)> points, (double X, double Y) p)
        {
            if (points.Count >= 2 && points[^1].Y == p.Y && points[^2].Y == p.Y)
            {
                points[^1] = p; // extend a level stretch instead of adding a corner
            }
            else if (points.Count == 0 || points[^1] != p)
            {
                points.Add(p);
            }
        }
    }
}
