namespace Outcomes.Reporting.Charts;

/// <summary>Point marker shapes; charts use them so that no meaning rests on colour alone.</summary>
public enum MarkerShape
{
    Circle,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,
}

/// <summary>How a marker is drawn.</summary>
/// <param name="Shape">The shape.</param>
/// <param name="Fill">Fill colour ("#fff" for a hollow marker).</param>
/// <param name="Stroke">Outline colour.</param>
/// <param name="StrokeWidth">Outline width in px.</param>
/// <param name="Radius">Size: shapes have about the area of a circle of this radius.</param>
internal sealed record MarkerStyle(MarkerShape Shape, string Fill, string Stroke, double StrokeWidth, double Radius);

internal static class Markers
{
    /// <summary>Path data for a non-circle shape centred on (x, y), sized to the area of a circle of radius r.</summary>
    public static string PathData(MarkerShape shape, double x, double y, double r)
    {
        static string P(double px, double py) => SvgWriter.Num(px) + "," + SvgWriter.Num(py);
        switch (shape)
        {
            case MarkerShape.Square:
            {
                var h = r * 0.886; // side √π·r
                return $"M{P(x - h, y - h)}H{SvgWriter.Num(x + h)}V{SvgWriter.Num(y + h)}H{SvgWriter.Num(x - h)}Z";
            }

            case MarkerShape.Diamond:
            {
                var h = r * 1.253; // half-diagonal √(π/2)·r
                return $"M{P(x, y - h)}L{P(x + h, y)}L{P(x, y + h)}L{P(x - h, y)}Z";
            }

            case MarkerShape.TriangleUp:
            case MarkerShape.TriangleDown:
            {
                var side = r * 2.694; // equilateral, area π·r²
                var height = side * 0.866;
                var sign = shape == MarkerShape.TriangleUp ? 1 : -1;
                var apex = y - (sign * height * 2 / 3);
                var baseY = y + (sign * height / 3);
                return $"M{P(x, apex)}L{P(x + (side / 2), baseY)}L{P(x - (side / 2), baseY)}Z";
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, "Circles are drawn as <circle>.");
        }
    }
}
