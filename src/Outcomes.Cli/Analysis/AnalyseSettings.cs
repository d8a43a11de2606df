using System.Globalization;
using Outcomes.Domain.Frameworks;
using Outcomes.Scoring.ConfidenceIntervals;
using Outcomes.Scoring.Spc;

namespace Outcomes.Cli.Analysis;

/// <summary>The options of <c>outcomes analyse</c>, checked; <see cref="TryCreate"/> names the option that is wrong.</summary>
public sealed record AnalyseSettings
{
    /// <summary>Scale of count/denominator values: 100 for percentages, 1000 or 100000 for rates.</summary>
    public double Multiplier { get; init; } = 100;

    /// <summary>Level of the printed interval and of the single-CI comparison.</summary>
    public ConfidenceLevel Confidence { get; init; } = ConfidenceLevel.Ninety5;

    /// <summary>Which way is better (SPC, comparison, funnel, recent trend).</summary>
    public Polarity Polarity { get; init; } = Polarity.NoJudgement;

    /// <summary>SPC moving-range screening.</summary>
    public bool Screening { get; init; } = true;

    /// <summary>SPC shift and trend length.</summary>
    public int RunLength { get; init; } = 7;

    /// <summary>Fix SPC limits after this many points (≥ 12), or null for all points.</summary>
    public int? Baseline { get; init; }

    /// <summary>count/denominator is a rate (Byar interval on the count) rather than a proportion (Wilson).</summary>
    public bool Rate { get; init; }

    /// <summary>Decimals in the table (JSON keeps full precision).</summary>
    public int Decimals { get; init; } = 1;

    /// <summary>The SPC options these settings give, for a series whose latest target is <paramref name="target"/>.</summary>
    public SpcOptions Spc(double? target) => new()
    {
        ImprovementDirection = Polarity,
        Target = target,
        Screening = Screening,
        ShiftLength = RunLength,
        TrendLength = RunLength,
        BaselinePoints = Baseline,
    };

    /// <summary>Reads the option texts; on failure <paramref name="error"/> reads "--confidence: '90' is not 95 or 99.8".</summary>
    public static AnalyseSettings? TryCreate(string multiplier, string confidence, string polarity, bool noScreening, string runLength, string? baseline, bool rate, string decimals, out string error)
    {
        error = string.Empty;
        if (!double.TryParse(multiplier, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) || !(m > 0) || double.IsInfinity(m))
        {
            error = $"--multiplier: '{multiplier}' is not a number above 0 (100 for percentages, 1000 or 100000 for rates)";
            return null;
        }

        ConfidenceLevel? level = confidence.Trim().TrimEnd('%') switch
        {
            "95" => ConfidenceLevel.Ninety5,
            "99.8" => ConfidenceLevel.Ninety9Point8,
            _ => null,
        };
        if (level is null)
        {
            error = $"--confidence: '{confidence}' is not 95 or 99.8";
            return null;
        }

        Polarity? direction = polarity.Trim().ToLowerInvariant() switch
        {
            "higher" => Polarity.HigherIsBetter,
            "lower" => Polarity.LowerIsBetter,
            "none" => Polarity.NoJudgement,
            _ => null,
        };
        if (direction is null)
        {
            error = $"--polarity: '{polarity}' is not higher, lower or none";
            return null;
        }

        if (!int.TryParse(runLength, NumberStyles.Integer, CultureInfo.InvariantCulture, out var run) || run < 2)
        {
            error = $"--run-length: '{runLength}' is not a whole number of at least 2 (Making Data Count uses 6 or 7)";
            return null;
        }

        int? fixedAfter = null;
        if (baseline is not null)
        {
            if (!int.TryParse(baseline, NumberStyles.Integer, CultureInfo.InvariantCulture, out var b) || b < SpcOptions.MinimumBaseline)
            {
                error = $"--baseline: '{baseline}' is not a whole number of at least {SpcOptions.MinimumBaseline} (limits are fixed after 12 or more points)";
                return null;
            }

            fixedAfter = b;
        }

        if (!int.TryParse(decimals, NumberStyles.Integer, CultureInfo.InvariantCulture, out var places) || places is < 0 or > 10)
        {
            error = $"--decimals: '{decimals}' is not a whole number from 0 to 10";
            return null;
        }

        return new AnalyseSettings
        {
            Multiplier = m,
            Confidence = level.Value,
            Polarity = direction.Value,
            Screening = !noScreening,
            RunLength = run,
            Baseline = fixedAfter,
            Rate = rate,
            Decimals = places,
        };
    }
}
