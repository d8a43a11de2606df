using System.Globalization;
using Outcomes.Domain.Frameworks;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.Charts;

namespace Outcomes.Reporting.ScrutinyPack;

/// <summary>
/// Turns an authority's scores over time, its units' scores for the latest quarter and the published comparators into
/// the scrutiny trend pack's view model. Pure: no clock, store or files; the generated-on date comes with the data.
/// </summary>
public static class ScrutinyPackModelBuilder
{
    private const string DateFormat = "d MMMM yyyy";

    public static ScrutinyPackModel Build(ScrutinyPackInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = input.Settings.Validate().Concat(input.Scrutiny.Validate()).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Pack settings: " + string.Join("; ", problems), nameof(input));
        }

        var measures = input.Version.Measures.Select(m => m.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var scores = input.Scores.Where(s => measures.Contains(s.MeasureCode) && s.Period.Type == input.Period.Type && s.Period <= input.Period).ToList();
        var current = new Dictionary<(string Unit, string Measure), Score>(TupleComparer.Instance);
        foreach (var s in scores.Where(s => s.Period == input.Period))
        {
            current[(s.OrgUnitCode, s.MeasureCode)] = s;
        }

        var authoritySeries = scores
            .Where(s => string.Equals(s.OrgUnitCode, input.Authority.Code, StringComparison.OrdinalIgnoreCase))
            .GroupBy(s => s.MeasureCode, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Period).ToList(), StringComparer.OrdinalIgnoreCase);
        var periods = authoritySeries.Values.SelectMany(v => v).Select(s => s.Period).Append(input.Period).Distinct().Order().ToList();

        var overview = OverviewBuilder.Build(input, current);
        var spc = input.Version.Measures
            .Select(m => SpcSectionBuilder.Build(m, authoritySeries.GetValueOrDefault(m.Code) ?? [], current.GetValueOrDefault((input.Authority.Code, m.Code))))
            .ToList();
        var comparisons = ComparisonSectionBuilder.Build(input);
        var funnels = FunnelSectionBuilder.Build(input, current, overview.ColumnNoun);
        var gaps = GapSectionBuilder.Build(input);
        var units = input.Units.Append(input.Authority).Select((u, i) => new ScrutinyUnit(u.Code, u.Name, overview.Columns[i])).ToList();
        var data = DataRowsBuilder.Build(input.Version.Measures, units, scores);
        var dataPeriods = scores.Where(s => units.Any(u => string.Equals(u.Code, s.OrgUnitCode, StringComparison.OrdinalIgnoreCase)))
            .Select(s => s.Period).Append(input.Period).Distinct().Order().Select(p => p.Key).ToList();

        var settings = input.Settings;
        var scrutiny = input.Scrutiny;
        var periodsText = $"{ChartText.Count(periods.Count, Unit(input.Period))}, {periods[0].Key} to {input.Period.Key}";
        var title = scrutiny.ReportTitle ?? $"Early help outcomes: trends from {periods[0].Key} to {input.Period.Key}";
        var frameworkLabel = $"{input.FrameworkName} (version {input.Version.Version})";
        var from = string.Join(", ", new[] { settings.OfficerName, settings.OfficerPost }.Where(x => !string.IsNullOrWhiteSpace(x)));

        return new ScrutinyPackModel
        {
            CouncilName = settings.CouncilName,
            LogoText = settings.LogoOrCouncilName,
            PrimaryColour = settings.PrimaryColour,
            AccentColour = settings.AccentColour,
            DocumentTitle = $"{settings.CouncilName}: {title}",
            FrontSheet = new FrontSheet
            {
                AgendaItem = scrutiny.AgendaItem,
                Title = title,
                To = scrutiny.CommitteeName,
                MeetingDateText = scrutiny.MeetingDate?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "To be confirmed",
                From = from.Length > 0 ? from : "Not stated",
                ElectoralDivisions = settings.ElectoralDivisions,
                KeyDecision = settings.KeyDecision,
                Purpose = scrutiny.Purpose,
                Recommendation = scrutiny.Recommendation,
                ContactName = settings.OfficerName,
                ContactPost = settings.OfficerPost,
                ContactEmail = settings.OfficerEmail,
                ContactPhone = settings.OfficerPhone,
            },
            AuthorityCode = input.Authority.Code,
            AuthorityName = input.Authority.Name,
            PeriodKey = input.Period.Key,
            PeriodLabel = input.Period.Label,
            PeriodsText = periodsText,
            FrameworkLabel = frameworkLabel,
            GeneratedOn = input.GeneratedOn,
            GeneratedOnText = input.GeneratedOn.ToString(DateFormat, CultureInfo.InvariantCulture),
            Background =
            [
                $"This report gives the committee the authority-wide picture of {frameworkLabel} over {periodsText}: "
                + $"{ChartText.Count(input.Version.Measures.Count, "measure")}, the quarterly returns of {ChartText.Plural(input.Units.Count, overview.ColumnNoun)} "
                + $"rolled up to {input.Authority.Name}, and figures published by the Department for Education for comparison.",
            ],
            Summary = Summarise(input, current, spc, comparisons, funnels, gaps, periods.Count),
            Overview = overview,
            SpcItems = spc,
            Comparisons = comparisons,
            Funnels = funnels,
            Gaps = gaps,
            Definitions = input.Version.Measures.Select(MeasureDefinition.Of).ToList(),
            Implications = settings.Implications,
            Units = units,
            Data = data,
            DataPeriods = dataPeriods,
        };
    }

    private static List<string> Summarise(
        ScrutinyPackInput input,
        Dictionary<(string Unit, string Measure), Score> current,
        List<SpcItem> spc,
        ComparisonSection comparisons,
        FunnelSection funnels,
        GapSection gaps,
        int periods)
    {
        var lines = new List<string>();
        var own = input.Version.Measures.Select(m => current.GetValueOrDefault((input.Authority.Code, m.Code))).ToList();
        int Count(Func<Score?, bool> f) => own.Count(f);
        var counts = new List<string>
        {
            $"{Count(s => s?.Status == RagStatus.Green)} green",
        };
        var blue = Count(s => s?.Status == RagStatus.Blue);
        if (blue > 0)
        {
            counts.Insert(0, $"{blue} blue");
        }

        counts.Add($"{Count(s => s?.Status == RagStatus.Amber)} amber");
        counts.Add($"{Count(s => s?.Status == RagStatus.Red)} red");
        var grey = Count(s => s is null || s.Status == RagStatus.Grey);
        if (grey > 0)
        {
            counts.Add($"{grey} not rated");
        }

        lines.Add($"At authority level in {input.Period.Key}, of {ChartText.Count(own.Count, "measure")}: {ChartText.List(counts, 6)}.");

        var improving = spc.Where(i => i.VariationClass == "spc-special-cause-improvement").Select(i => i.Title).ToList();
        var concern = spc.Where(i => i.VariationClass == "spc-special-cause-concern").Select(i => i.Title).ToList();
        var fails = spc.Where(i => i.AssuranceClass == "assurance-consistently-fail").Select(i => i.Title).ToList();
        var spcParts = new List<string>();
        spcParts.Add(concern.Count == 0 ? "no measure shows a special cause of concern" : $"special cause of concern in {ChartText.List(concern, 8)}");
        spcParts.Add(improving.Count == 0 ? "none shows a special cause of improvement" : $"special cause of improvement in {ChartText.List(improving, 8)}");
        if (fails.Count > 0)
        {
            spcParts.Add($"{ChartText.List(fails, 8)} will consistently fail {(fails.Count == 1 ? "its target" : "their targets")} unless something changes");
        }

        lines.Add($"Over {periods} quarters (SPC): {string.Join("; ", spcParts)}.");

        var compared = comparisons.Items.Where(i => i.HasChart && i.Rows.Count > 0 && i.Rows[0].IsAuthority).ToList();
        if (compared.Count > 0)
        {
            lines.Add("Against England (latest published year): " + string.Join("; ", compared.Select(i => $"{i.Title} {i.Rows[0].ValueText}, {ComparisonSectionBuilder.Lower(i.Rows[0].ComparisonText)} ({i.PeriodKey})")) + ".");
        }

        if (funnels.Items.Count > 0)
        {
            var shortName = input.Units.Select(u => u.Name).Zip(OverviewBuilder.ShortNames(input.Units.Select(u => u.Name).ToList()))
                .DistinctBy(p => p.First).ToDictionary(p => p.First, p => p.Second);
            var outside = funnels.Items
                .Select(f => (f.Title, Names: f.Units.Where(u => !u.PositionText.StartsWith("Within", StringComparison.Ordinal)).Select(u => u.Name).ToList()))
                .Where(f => f.Names.Count > 0)
                .Select(f => $"{f.Title} ({ChartText.List(f.Names.Select(n => shortName.GetValueOrDefault(n, n)).ToList(), 4)})")
                .ToList();
            var singular = OverviewBuilder.Singular(OverviewBuilder.Noun(input.Units));
            lines.Add(outside.Count == 0
                ? $"On the funnel plots every {singular} lies within the 95% limits around the authority's figure."
                : $"On the funnel plots, {ChartText.Plural(outside.Count, "measures")} of {funnels.Items.Count} {(outside.Count == 1 ? "has" : "have")} a {singular} outside the 95% limits around the authority's figure: "
                  + string.Join("; ", outside.Take(3)) + (outside.Count > 3 ? $"; and {ChartText.Plural(outside.Count - 3, "more measures")}." : "."));
        }

        lines.Add(gaps.Items.Count > 0 ? gaps.Items[0].Sentence : "No gap between groups can be reported from the data held.");
        return lines;
    }

    private static string Unit(Domain.Periods.Period period) => period.Type switch
    {
        Domain.Periods.PeriodType.FinancialQuarter => "quarter",
        Domain.Periods.PeriodType.Month => "month",
        _ => "year",
    };

    /// <summary>Unit and measure codes compared without regard to case, as everywhere else.</summary>
    private sealed class TupleComparer : IEqualityComparer<(string Unit, string Measure)>
    {
        public static readonly TupleComparer Instance = new();

        public bool Equals((string Unit, string Measure) x, (string Unit, string Measure) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Unit, y.Unit) && StringComparer.OrdinalIgnoreCase.Equals(x.Measure, y.Measure);

        public int GetHashCode((string Unit, string Measure) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Unit), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Measure));
    }
}
