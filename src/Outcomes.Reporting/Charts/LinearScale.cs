namespace Outcomes.Reporting.Charts;

/// <summary>
/// Maps a value range onto a pixel range linearly. The pixel range may run backwards (a y axis maps its minimum to
/// the bottom). An empty domain maps everything to the middle of the range rather than dividing by zero.
/// </summary>
public readonly record struct LinearScale(double DomainMin, double DomainMax, double RangeStart, double RangeEnd)
{
    /// <summary>The pixel for a value (values outside the domain land outside the range).</summary>
    public double Map(double value) => DomainMax == DomainMin
        ? (RangeStart + RangeEnd) / 2
        : RangeStart + ((value - DomainMin) * (RangeEnd - RangeStart) / (DomainMax - DomainMin));

    /// <summary>The pixel for a value held inside the domain first, so nothing is drawn outside the plot.</summary>
    public double MapClamped(double value) =>
        Map(Math.Clamp(value, Math.Min(DomainMin, DomainMax), Math.Max(DomainMin, DomainMax)));
}

/// <summary>
/// Splits a pixel range into <see cref="Count"/> equal bands, one per period; a point sits at its band's centre,
/// so a single point is centred and the first and last markers are never cut by the plot's edge.
/// </summary>
public readonly record struct BandScale(int Count, double Start, double End)
{
    /// <summary>Width of one band.</summary>
    public double Step => Count <= 0 ? 0 : (End - Start) / Count;

    /// <summary>Centre of band <paramref name="index"/>.</summary>
    public double Centre(int index) => Start + (Step * (index + 0.5));

    /// <summary>Left edge of band <paramref name="index"/>.</summary>
    public double Left(int index) => Start + (Step * index);

    /// <summary>Right edge of band <paramref name="index"/>.</summary>
    public double Right(int index) => Start + (Step * (index + 1));
}
