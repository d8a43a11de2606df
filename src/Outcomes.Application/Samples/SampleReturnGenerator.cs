using Outcomes.Domain.Comparators;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Observations;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Ingestion.Frameworks;
using Outcomes.Ingestion.Returns;
using Outcomes.Scoring.Targets;

namespace Outcomes.Application.Samples;

/// <summary>What the generator wrote for one council.</summary>
public sealed record GeneratedReturns(string FrameworkCode, int Files, IReadOnlyList<string> Paths);

/// <summary>
/// Writes the sample quarterly returns, in the return template's own format, for every returning unit of a
/// council over a run of quarters. Seeded: the same seed and inputs give the same figures. GLD comes from the
/// real DfE release: the authority's published count is split across its returning units so the roll-up
/// reproduces it exactly. Other measures are plausible values near each unit's target.
/// </summary>
public sealed class SampleReturnGenerator(int seed)
{
    public const string GldIndicator = "dfe-eyfsp-gld-percent";

    private static readonly string[] Commentary =
    [
        "Outreach worker vacancy in the quarter reduced home visits; post filled from next month.",
        "Figures include a catch-up of registrations delayed by the case-management system migration.",
        "Stay and Play sessions moved to the new hub; attendance recovered after the move.",
        "Health visiting data share delayed; denominator estimated from last quarter.",
        "New parenting programme cohort started late in the quarter.",
    ];

    private readonly SampleValueModel _values = new(seed);

    public static IReadOnlyList<Period> DefaultQuarters { get; } =
        Enumerable.Range(0, 8).Select(i => Period.FinancialQuarter(2017, 1).Shift(i)).ToList();

    public GeneratedReturns Generate(FrameworkPackage package, IReadOnlyCollection<ComparatorValue> gld, IReadOnlyList<Period> quarters, string outputFolder)
    {
        ArgumentNullException.ThrowIfNull(package);
        var hierarchy = package.Hierarchy();
        var targets = new TargetResolver(hierarchy, package.Targets);
        var folder = Path.Combine(outputFolder, CouncilFolder(package));
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        var previous = new Dictionary<string, Dictionary<string, Observation>>(StringComparer.OrdinalIgnoreCase);

        foreach (var quarter in quarters)
        {
            if (package.Framework.VersionOn(quarter.Start) is not { } version)
            {
                continue;
            }

            var units = package.ReturningUnitsOn(quarter.End);
            var gldShares = GldShares(package, version, units, quarter, gld);
            foreach (var unit in units)
            {
                var random = new Random(SampleValueModel.StableHash(seed, unit.Code, quarter.Key));
                var values = new Dictionary<string, Observation>(StringComparer.OrdinalIgnoreCase);
                foreach (var measure in ReturnSchedule.MeasuresDue(version, unit.Type, quarter))
                {
                    var observation = gldShares.TryGetValue((unit.Code, measure.Code), out var share)
                        ? Ratio(measure, unit.Code, quarter, share.Numerator, share.Denominator)
                        : _values.Generate(measure, unit.Code, quarter, targets.Resolve(measure.Code, unit.Code, quarter)?.Value, UnitSize(unit));
                    if (random.NextDouble() < 0.08)
                    {
                        observation = observation with { Commentary = Commentary[random.Next(Commentary.Length)] };
                    }

                    values[measure.Code] = observation;
                }

                var path = Path.Combine(folder, $"{unit.Code}_{quarter.Key.Replace(' ', '_')}.xlsx");
                using (var stream = File.Create(path))
                {
                    previous.TryGetValue(unit.Code, out var before);
                    ReturnTemplateWriter.Write(version, unit, quarter, quarter.End.AddDays(30), before, stream, values);
                }

                previous[unit.Code] = values;
                paths.Add(path);
            }
        }

        return new GeneratedReturns(package.Framework.Code, paths.Count, paths);
    }

    private Dictionary<(string Unit, string Measure), (int Numerator, int Denominator)> GldShares(
        FrameworkPackage package, FrameworkVersion version, IReadOnlyList<OrgUnit> units, Period quarter, IReadOnlyCollection<ComparatorValue> gld)
    {
        var shares = new Dictionary<(string, string), (int, int)>();
        var academicYear = ReturnSchedule.AnnualAcademicYearFor(quarter);
        foreach (var measure in version.Measures.Where(m => m.Comparators.Contains(GldIndicator, StringComparer.OrdinalIgnoreCase)))
        {
            var dueUnits = units.Where(u => ReturnSchedule.IsDue(measure, u.Type, quarter)).ToList();
            var published = gld.FirstOrDefault(c => c.AreaCode == package.Authority.GssCode && c.Period == academicYear && c.Breakdown == "Total");
            if (dueUnits.Count == 0 || published is not { Numerator: { } n, Denominator: { } d })
            {
                continue;
            }

            var split = GldSplitter.Split((int)n, (int)d, dueUnits.Count, new Random(SampleValueModel.StableHash(seed, measure.Code, quarter.Key)));
            for (var i = 0; i < dueUnits.Count; i++)
            {
                shares[(dueUnits[i].Code, measure.Code)] = split[i];
            }
        }

        return shares;
    }

    private static Observation Ratio(Measure measure, string unit, Period period, int numerator, int denominator) => new()
    {
        OrgUnitCode = unit, Period = period, MeasureCode = measure.Code, Numerator = numerator, Denominator = denominator,
        Value = Domain.Numbers.OfficialRounding.Round((decimal)numerator / denominator * measure.Multiplier, measure.Decimals),
    };

    private static int UnitSize(OrgUnit unit) => unit.Type switch
    {
        OrgUnitType.Centre or OrgUnitType.FamilyHub => 180,
        OrgUnitType.Cluster or OrgUnitType.Locality => 600,
        _ => 900,
    };

    /// <summary>The council's folder name under samples/frameworks (e.g. "bradford"), reused for its returns and pack settings.</summary>
    public static string CouncilFolder(FrameworkPackage package) => Path.GetFileName(Path.TrimEndingDirectorySeparator(package.SourceFolder));
}
