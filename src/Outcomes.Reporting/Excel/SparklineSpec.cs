namespace Outcomes.Reporting.Excel;

/// <summary>A line sparkline: the cell it is drawn in ("D5") and the cells it plots on the same sheet ("E5:L5").</summary>
public sealed record SparklineSpec(string Location, string DataRange);
