using System.Globalization;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Scores;
using Outcomes.Reporting.Disclosure;
using Outcomes.Scoring.Exceptions;

namespace Outcomes.Reporting.BoardPack;

/// <summary>
/// Turns scores for one org unit and period into the board-pack view model. Pure: no clock, store or files;
/// the generated-on date comes in with the data (e.g. the latest return's submission date).
/// </summary>
public static class BoardPackModelBuilder
{
    /// <summary>How many periods, ending with the pack's period, the trend line shows.</summary>
    public const int TrendPeriods = 8;

    private const string DateFormat = "d MMMM yyyy";

    /// <param name="version">The framework version the scores were judged under.</param>
    /// <param name="unit">The cluster, centre or authority the pack is for.</param>
    /// <param name="period">The pack's period (normally a financial quarter).</param>
    /// <param name="scores">Scores for <paramref name="unit"/> and <paramref name="period"/>; one per measure at most.</param>
    /// <param name="history">Earlier scores for the unit (may include the pack's period; <paramref name="scores"/> wins).</param>
    /// <param name="settings">Council and meeting details.</param>
    /// <param name="generatedOn">The date printed as "generated on", taken from the data, never the clock.</param>
    /// <param name="frameworkName">The framework's name; the framework code when null.</param>
    public static BoardPackModel Build(
        FrameworkVersion version,
        OrgUnit unit,
        Period period,
        IReadOnlyList<Score> scores,
        IReadOnlyList<Score> history,
        PackSettings settings,
        DateOnly generatedOn,
        string? frameworkName = null,
        IReadOnlyList<ReturnExpectation>? returnsOwed = null,
        IReadOnlyList<OutlierFlag>? outliers = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Pack settings: " + string.Join("; ", problems), nameof(settings));
        }

        var current = IndexCurrent(version, unit, period, scores);
        var series = IndexHistory(version, unit, period, history, current);

        var rows = version.Measures
            .Select(m => BuildRow(m, current.GetValueOrDefault(m.Code), series.GetValueOrDefault(m.Code) ?? []))
            .ToList();
        var groups = rows
            .GroupBy(r => r.Group)
            .Select(g => new ScorecardGroup(g.Key, g.ToList()))
            .ToList();
        var counts = Count(rows);
        var name = string.IsNullOrWhiteSpace(frameworkName) ? version.FrameworkCode : frameworkName;
        var title = settings.ReportTitle ?? $"Children's centre outcomes: {unit.Name}, {period.Key}";
        var frameworkLabel = $"{name} (version {version.Version})";
        var returns = ReturnsReport.From(period, returnsOwed ?? [], generatedOn);
        var summary = Summarise(rows, counts);

        return new BoardPackModel
        {
            CouncilName = settings.CouncilName,
            LogoText = settings.LogoOrCouncilName,
            PrimaryColour = settings.PrimaryColour,
            AccentColour = settings.AccentColour,
            DocumentTitle = $"{settings.CouncilName}: {title}",
            FrontSheet = BuildFrontSheet(settings, title),
            OrgUnitCode = unit.Code,
            OrgUnitName = unit.Name,
            OrgUnitType = Words(unit.Type.ToString()),
            PeriodKey = period.Key,
            PeriodLabel = period.Label,
            FrameworkCode = version.FrameworkCode,
            FrameworkName = name,
            FrameworkVersion = version.Version,
            FrameworkLabel = frameworkLabel,
            GeneratedOn = generatedOn,
            GeneratedOnText = generatedOn.ToString(DateFormat, CultureInfo.InvariantCulture),
            Background = settings.Background.Count > 0
                ? settings.Background
                :
                [
                    $"This report sets out the performance of {unit.Name} ({Words(unit.Type.ToString()).ToLowerInvariant()}) "
                    + $"against the {frameworkLabel} for {period.Label}.",
                    "Each measure is rated against its target: red, amber or green (blue where a stretch target is met), "
                    + "with the letter printed beside the colour. The direction of travel compares the quarter with the one before, "
                    + "and the England figure is the latest published national value.",
                    $"Figures are taken from the returns as submitted by {generatedOn.ToString(DateFormat, CultureInfo.InvariantCulture)}. "
                    + "Small numbers are shown as \"c\" to protect confidentiality.",
                ],
            ExecutiveSummary = returns.Issues.Count > 0 ? $"{summary} {returns.Summary}" : summary,
            Returns = returns,
            DataQuality = [.. DataQualityNotes.For(version, period, current), .. DataQualityNotes.ForOutliers(period, outliers ?? [], returnsOwed ?? [])],
            Counts = counts,
            Groups = groups,
            Rows = rows,
            Exceptions = rows.Where(r => r.IsRed || r.SpcClass == ConcernClass)
                .OrderByDescending(r => r.IsRedAndWorsening)
                .ThenByDescending(r => r.IsRed)
                .Select(ToException)
                .ToList(),
            Details = version.Measures
                .Select((m, i) => MeasureDetailBuilder.Build(m, series.GetValueOrDefault(m.Code) ?? [], rows[i]))
                .Where(d => d.Rows.Count > 0)
                .ToList(),
            Definitions = version.Measures.Select(MeasureDefinition.Of).ToList(),
            Implications = settings.Implications,
            Data = BuildData(version, unit, series),
            Periods = series.Values.SelectMany(l => l.Select(s => s.Period)).Distinct().Order().Select(p => p.Key).ToList(),
        };
    }

    /// <summary>True when a figure would disclose a count below the measure's threshold.</summary>
    public static bool IsDisclosive(Measure measure, decimal? value, decimal? numerator, decimal? denominator)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return measure.IsDisclosive(value, numerator, denominator);
    }

    private static Dictionary<string, Score> IndexCurrent(FrameworkVersion version, OrgUnit unit, Period period, IReadOnlyList<Score> scores)
    {
        var current = new Dictionary<string, Score>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in scores)
        {
            if (!string.Equals(s.OrgUnitCode, unit.Code, StringComparison.OrdinalIgnoreCase) || s.Period != period)
            {
                throw new ArgumentException(
                    $"Score for {s.MeasureCode} is for {s.OrgUnitCode} {s.Period.Key}, not {unit.Code} {period.Key}.", nameof(scores));
            }

            var measure = version.Find(s.MeasureCode)
                ?? throw new ArgumentException(
                    $"Score for {s.MeasureCode} names a measure that {version.FrameworkCode} version {version.Version} does not have.", nameof(scores));
            if (!current.TryAdd(measure.Code, s))
            {
                throw new ArgumentException($"Two scores for {s.MeasureCode} in {period.Key}.", nameof(scores));
            }
        }

        return current;
    }

    /// <summary>Per measure: scores by period, oldest first, ending with the pack's period, at most <see cref="TrendPeriods"/>.</summary>
    private static Dictionary<string, List<Score>> IndexHistory(
        FrameworkVersion version, OrgUnit unit, Period period, IReadOnlyList<Score> history, Dictionary<string, Score> current)
    {
        var result = new Dictionary<string, List<Score>>(StringComparer.OrdinalIgnoreCase);
        foreach (var measure in version.Measures)
        {
            var byPeriod = new SortedDictionary<Period, Score>();
            foreach (var s in history)
            {
                if (string.Equals(s.MeasureCode, measure.Code, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(s.OrgUnitCode, unit.Code, StringComparison.OrdinalIgnoreCase)
                    && s.Period.Type == period.Type
                    && s.Period < period)
                {
                    byPeriod[s.Period] = s;
                }
            }

            if (current.TryGetValue(measure.Code, out var now))
            {
                byPeriod[period] = now;
            }

            result[measure.Code] = byPeriod.Values.Skip(Math.Max(0, byPeriod.Count - TrendPeriods)).ToList();
        }

        return result;
    }

    private static ScorecardRow BuildRow(Measure m, Score? s, List<Score> series)
    {
        var disclosive = s is not null && IsDisclosive(m, s.Actual, s.Numerator, s.Denominator);
        var shown = s is not null && s.SuppressionReason is null && !disclosive ? s.Actual : null;
        var status = s?.Status ?? RagStatus.Grey;
        var direction = s?.DirectionFromPrevious ?? Direction.NotComparable;
        var isRed = status == RagStatus.Red;
        return new ScorecardRow
        {
            Code = m.Code,
            Title = m.Title,
            Group = string.IsNullOrWhiteSpace(m.Group) ? "Measures" : m.Group,
            Unit = m.Unit,
            Decimals = m.Decimals,
            UnitText = MeasureFormat.UnitText(m),
            ExcelNumberFormat = MeasureFormat.ExcelFormat(m),
            TargetText = s?.Target is { } t ? MeasureFormat.Value(m, t) : "No target",
            TargetValue = s?.Target is { } tv ? MeasureFormat.Rounded(m, tv) : null,
            ActualText = ValueText(m, s, disclosive),
            ActualValue = shown is { } a ? MeasureFormat.Rounded(m, a) : null,
            NumeratorDenominatorText = s is { Numerator: { } n, Denominator: { } d } && m.HasRatio && s.SuppressionReason is null
                ? disclosive ? "c / c" : $"{MeasureFormat.Count(n)} / {MeasureFormat.Count(d)}"
                : string.Empty,
            StatusLetter = s?.StatusLetter ?? "–",
            StatusName = StatusName(status),
            StatusClass = "rag-" + status.ToString().ToLowerInvariant(),
            DirectionArrow = Arrow(m, s, disclosive),
            DirectionWord = DirectionWord(direction),
            DirectionClass = direction switch
            {
                Direction.Improving => "dir-improving",
                Direction.Worsening => "dir-worsening",
                Direction.NoChange or Direction.Increased or Direction.Decreased => "dir-same",
                _ => "dir-none",
            },
            EnglandText = s?.Comparator is { } e ? MeasureFormat.Value(m, e) : "–",
            EnglandValue = s?.Comparator is { } ev ? MeasureFormat.Rounded(m, ev) : null,
            EnglandComparisonText = (s?.ComparedWithEngland ?? BenchmarkComparison.NotCompared) switch
            {
                BenchmarkComparison.Better => "Better than England",
                BenchmarkComparison.Similar => "Similar to England",
                BenchmarkComparison.Worse => "Worse than England",
                BenchmarkComparison.Higher => "Higher than England",
                BenchmarkComparison.Lower => "Lower than England",
                _ => string.Empty,
            },
            Explanation = s is null ? "No figure was returned for this period."
                : DisclosureControl.PublishableExplanation(m, s, series.Where(e => e.Period < s.Period)) ?? DisclosureControl.ExplanationWithheld,
            Commentary = s?.Commentary?.Trim() ?? string.Empty,
            IsRed = isRed,
            IsRedAndWorsening = isRed && direction == Direction.Worsening,
            Trend = Trend(m, series),
            SpcText = s?.Spc is { } spc && shown is not null ? SpcWords(spc) : "–",
            SpcClass = s?.Spc is { } sc && shown is not null ? "spc-" + Kebab(sc.Variation.ToString()) : "spc-none",
            SpcExplanation = s?.Spc is { } se && shown is not null ? se.Explanation : string.Empty,
            RecentTrendText = shown is not null && s?.RecentTrend is { } rt && rt != RecentTrendOutcome.NotCalculable ? s.RecentTrendExplanation ?? string.Empty : string.Empty,
        };
    }

    private const string ConcernClass = "spc-special-cause-concern";

    private static string SpcWords(SpcAtPoint spc)
    {
        var words = spc.VariationLabel;
        if (spc.Assurance != SpcAssurance.None)
        {
            words += "; " + spc.AssuranceLabel.ToLowerInvariant();
        }

        return spc.IsTrial ? words + " (trial limits)" : words;
    }

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string ValueText(Measure m, Score? s, bool disclosive)
    {
        if (s is null)
        {
            return "No data";
        }

        if (s.SuppressionReason is { } reason)
        {
            return reason;
        }

        if (disclosive)
        {
            return "c";
        }

        return s.Actual is { } v ? MeasureFormat.Value(m, v) : "No data";
    }

    private static string Arrow(Measure m, Score? s, bool disclosive)
    {
        if (s is null)
        {
            return "–";
        }

        // The arrow shows which way the figure moved; the word says whether that is good. A disclosive
        // figure keeps its arrow only where the word already gives it away.
        if (!disclosive && s.SuppressionReason is null && s is { Actual: { } now, PreviousValue: { } before })
        {
            var a = MeasureFormat.Rounded(m, now);
            var b = MeasureFormat.Rounded(m, before);
            return a > b ? "↑" : a < b ? "↓" : "→";
        }

        var higherIsBetter = m.Polarity != Polarity.LowerIsBetter;
        return s.DirectionFromPrevious switch
        {
            Direction.Improving => higherIsBetter ? "↑" : "↓",
            Direction.Worsening => higherIsBetter ? "↓" : "↑",
            Direction.NoChange => "→",
            Direction.Increased => "↑",
            Direction.Decreased => "↓",
            _ => "–",
        };
    }

    private static TrendLine Trend(Measure m, List<Score> series)
    {
        var points = series
            .Select(s =>
            {
                var hidden = s.SuppressionReason is not null || IsDisclosive(m, s.Actual, s.Numerator, s.Denominator);
                decimal? value = hidden || s.Actual is null ? null : MeasureFormat.Rounded(m, s.Actual.Value);
                return new SeriesPoint(s.Period.Key, value, ValueText(m, s, hidden && s.SuppressionReason is null));
            })
            .ToList();
        var description = string.Join(", ", points.Select(p => $"{p.PeriodKey} {p.ValueText}"));
        var plotted = points.Select((p, i) => (i, p.Value)).Where(x => x.Value is not null).ToList();
        if (plotted.Count < 2)
        {
            return new TrendLine { Points = string.Empty, Description = description, Series = points };
        }

        const decimal pad = 3m;
        var min = plotted.Min(x => x.Value!.Value);
        var max = plotted.Max(x => x.Value!.Value);
        var step = (TrendLine.Width - (2 * pad)) / Math.Max(1, points.Count - 1);
        var coordinates = plotted
            .Select(x =>
            {
                var px = pad + (step * x.i);
                var py = max == min
                    ? TrendLine.Height / 2m
                    : pad + ((max - x.Value!.Value) / (max - min) * (TrendLine.Height - (2 * pad)));
                return (X: Svg(px), Y: Svg(py));
            })
            .ToList();
        return new TrendLine
        {
            Points = string.Join(" ", coordinates.Select(c => $"{c.X},{c.Y}")),
            HasDot = points[^1].Value is not null,
            LastX = coordinates[^1].X,
            LastY = coordinates[^1].Y,
            Description = description,
            Series = points,
        };
    }

    private static string Svg(decimal v) => Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);

    private static StatusCounts Count(List<ScorecardRow> rows) => new()
    {
        Total = rows.Count,
        Blue = rows.Count(r => r.StatusLetter == "B"),
        Green = rows.Count(r => r.StatusLetter == "G"),
        Amber = rows.Count(r => r.StatusLetter == "A"),
        Red = rows.Count(r => r.StatusLetter == "R"),
        Grey = rows.Count(r => r.StatusLetter is not ("B" or "G" or "A" or "R")),
        Improving = rows.Count(r => r.DirectionWord == "Improving"),
        Worsening = rows.Count(r => r.DirectionWord == "Worsening"),
        RedAndWorsening = rows.Count(r => r.IsRedAndWorsening),
    };

    /// <summary>"5 of 7 measures green; 1 amber; 1 red; 2 improving; 1 red and worsening: Re-referrals."</summary>
    private static string Summarise(List<ScorecardRow> rows, StatusCounts c)
    {
        if (c.Total == 0)
        {
            return "The framework has no measures for this period.";
        }

        var parts = new List<string>
        {
            c.Blue > 0
                ? $"{c.Green + c.Blue} of {c.Total} {Plural(c.Total, "measure")} green or better ({c.Blue} blue)"
                : $"{c.Green} of {c.Total} {Plural(c.Total, "measure")} green",
        };
        if (c.Amber > 0)
        {
            parts.Add($"{c.Amber} amber");
        }

        if (c.Red > 0)
        {
            parts.Add($"{c.Red} red");
        }

        if (c.Grey > 0)
        {
            parts.Add($"{c.Grey} not rated");
        }

        parts.Add($"{c.Improving} improving");
        var redWorse = rows.Where(r => r.IsRedAndWorsening).Select(r => r.Title).ToList();
        parts.Add(redWorse.Count == 0 ? "none red and worsening" : $"{redWorse.Count} red and worsening: {string.Join(", ", redWorse)}");
        return string.Join("; ", parts) + ".";
    }

    private static ExceptionItem ToException(ScorecardRow r) => new()
    {
        Code = r.Code,
        Title = r.Title,
        ActualText = r.ActualText,
        TargetText = r.TargetText,
        StatusLetter = r.StatusLetter,
        StatusClass = r.StatusClass,
        DirectionArrow = r.DirectionArrow,
        DirectionWord = r.DirectionWord,
        Reason = r.IsRedAndWorsening ? "Red and worsening" : r.IsRed ? "Red" : "SPC: special cause of concern",
        Explanation = r.SpcExplanation.Length > 0 ? $"{r.Explanation} {r.SpcExplanation}" : r.Explanation,
        Commentary = r.Commentary.Length > 0 ? r.Commentary : "No commentary was given with the return.",
    };

    private static List<DataRow> BuildData(FrameworkVersion version, OrgUnit unit, Dictionary<string, List<Score>> series)
    {
        var rows = new List<DataRow>();
        foreach (var m in version.Measures)
        {
            foreach (var s in series.GetValueOrDefault(m.Code) ?? [])
            {
                var disclosive = IsDisclosive(m, s.Actual, s.Numerator, s.Denominator);
                var hidden = disclosive || s.SuppressionReason is not null;
                rows.Add(new DataRow
                {
                    OrgUnitCode = unit.Code,
                    PeriodKey = s.Period.Key,
                    MeasureCode = m.Code,
                    MeasureTitle = m.Title,
                    Group = string.IsNullOrWhiteSpace(m.Group) ? "Measures" : m.Group,
                    UnitText = MeasureFormat.UnitText(m),
                    ExcelNumberFormat = MeasureFormat.ExcelFormat(m),
                    Value = !hidden && s.Actual is { } v ? MeasureFormat.Rounded(m, v) : null,
                    ValueText = ValueText(m, s, disclosive),
                    Numerator = hidden ? null : s.Numerator,
                    Denominator = hidden ? null : s.Denominator,
                    Target = s.Target is { } t ? MeasureFormat.Rounded(m, t) : null,
                    StatusLetter = s.StatusLetter,
                    StatusName = StatusName(s.Status),
                    DirectionWord = DirectionWord(s.DirectionFromPrevious),
                    England = s.Comparator is { } e ? MeasureFormat.Rounded(m, e) : null,
                    Spc = !hidden && s.Actual is not null && s.Spc is { } spc ? SpcReading.From(spc) : null,
                });
            }
        }

        return rows;
    }

    private static FrontSheet BuildFrontSheet(PackSettings s, string title)
    {
        var from = string.Join(", ", new[] { s.OfficerName, s.OfficerPost }.Where(x => !string.IsNullOrWhiteSpace(x)));
        return new FrontSheet
        {
            AgendaItem = s.AgendaItem,
            Title = title,
            To = s.CommitteeName,
            MeetingDateText = s.MeetingDate?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "To be confirmed",
            From = from.Length > 0 ? from : "Not stated",
            ElectoralDivisions = s.ElectoralDivisions,
            KeyDecision = s.KeyDecision,
            Purpose = s.Purpose,
            Recommendation = s.Recommendation,
            ContactName = s.OfficerName,
            ContactPost = s.OfficerPost,
            ContactEmail = s.OfficerEmail,
            ContactPhone = s.OfficerPhone,
        };
    }

    private static string StatusName(RagStatus status) => status switch
    {
        RagStatus.Red => "Red",
        RagStatus.Amber => "Amber",
        RagStatus.Green => "Green",
        RagStatus.Blue => "Blue",
        _ => "No rating",
    };

    private static string DirectionWord(Direction d) => d switch
    {
        Direction.Improving => "Improving",
        Direction.Worsening => "Worsening",
        Direction.NoChange => "No change",
        Direction.Increased => "Increased",
        Direction.Decreased => "Decreased",
        _ => "Not comparable",
    };

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";

    /// <summary>"FamilyHub" → "Family hub".</summary>
    private static string Words(string pascal)
    {
        var chars = new List<char>();
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                chars.Add(' ');
                chars.Add(char.ToLowerInvariant(pascal[i]));
            }
            else
            {
                chars.Add(pascal[i]);
            }
        }

        return new string([.. chars]);
    }
}
