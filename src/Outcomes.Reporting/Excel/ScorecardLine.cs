namespace Outcomes.Reporting.Excel;

/// <summary>One measure's line on an Excel scorecard, already worded; numbers are null when not shown and the text says why.</summary>
public sealed record ScorecardLine
{
    public required string Group { get; init; }

    public required string Code { get; init; }

    public required string Title { get; init; }

    public required string UnitText { get; init; }

    /// <summary>The Excel number format for the target, actual and England figures.</summary>
    public required string NumberFormat { get; init; }

    public decimal? Target { get; init; }

    public required string TargetText { get; init; }

    public decimal? Actual { get; init; }

    public required string ActualText { get; init; }

    public string NumeratorDenominator { get; init; } = string.Empty;

    /// <summary>"R", "A", "G", "B", "AG", "AR" or "–".</summary>
    public required string StatusLetter { get; init; }

    public required string StatusName { get; init; }

    public string DirectionArrow { get; init; } = "–";

    public string DirectionWord { get; init; } = string.Empty;

    public decimal? England { get; init; }

    public string EnglandText { get; init; } = "–";

    public string EnglandComparison { get; init; } = string.Empty;

    /// <summary>SPC in words ("Common cause; hit and miss (trial limits)") or "–".</summary>
    public string Spc { get; init; } = "–";

    public string Explanation { get; init; } = string.Empty;

    public string Commentary { get; init; } = string.Empty;
}
