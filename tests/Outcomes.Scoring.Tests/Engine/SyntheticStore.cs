using Outcomes.Domain.Comparators;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Observations;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Targets;
using Outcomes.Scoring.Engine;

namespace Outcomes.Scoring.Tests.Engine;

/// <summary>
/// A generated multi-authority store with every awkward thing scoring meets: closed centres (successor of the same
/// type, and of another type), a late opener, a centre that moved cluster, authorities returning their own figure,
/// suppressions, missing and flagged values, an annual measure, every aggregation rule and unit, a code the framework
/// does not know, codes spelt in other cases, a repeated key, two period types, dated and unit-level targets, stretch
/// and relative tolerances, and England comparators with other breakdowns and areas around them.
/// </summary>
internal static class SyntheticStore
{
    public static readonly DateOnly AsOf = new(2020, 3, 31);

    private static readonly Period FirstQuarter = Period.FinancialQuarter(2016, 1);

    public static FrameworkVersion Version(RagScheme scheme) => new()
    {
        FrameworkCode = "SYN", Version = 1, EffectiveFrom = new DateOnly(2016, 4, 1), Scheme = scheme,
        Measures =
        [
            new Measure { Code = "GLD", Title = "GLD", Unit = MeasureUnit.Percentage, Aggregation = Aggregation.Ratio, Decimals = 1, CiMethod = ConfidenceIntervalMethod.Wilson, Comparators = ["gld", "gld-old"] },
            new Measure { Code = "REREF", Title = "Re-referrals", Unit = MeasureUnit.Percentage, Aggregation = Aggregation.Ratio, Decimals = 1, Polarity = Polarity.LowerIsBetter, CiMethod = ConfidenceIntervalMethod.Wilson },
            new Measure { Code = "REG", Title = "Registrations", Unit = MeasureUnit.Count, Aggregation = Aggregation.Sum },
            new Measure { Code = "LAC", Title = "Looked after", Unit = MeasureUnit.Count, Aggregation = Aggregation.LatestSnapshot, Polarity = Polarity.LowerIsBetter },
            new Measure { Code = "SPEND", Title = "Spend", Unit = MeasureUnit.Currency, Aggregation = Aggregation.Sum, Polarity = Polarity.NoJudgement },
            new Measure { Code = "RATE", Title = "Rate", Unit = MeasureUnit.Rate, RatePer = 1000, Aggregation = Aggregation.Ratio, Decimals = 1, Polarity = Polarity.LowerIsBetter, CiMethod = ConfidenceIntervalMethod.Byar },
            new Measure { Code = "SAT", Title = "Satisfaction", Unit = MeasureUnit.Score, Aggregation = Aggregation.None, Decimals = 1, ReportedAt = "Authority" },
            new Measure { Code = "GLDA", Title = "GLD (annual)", Unit = MeasureUnit.Percentage, Aggregation = Aggregation.Ratio, Decimals = 1, Frequency = Frequency.Annual, CiMethod = ConfidenceIntervalMethod.Wilson, Comparators = ["gld"] },
            new Measure { Code = "PCTSUM", Title = "Share summed", Unit = MeasureUnit.Percentage, Aggregation = Aggregation.Sum, Decimals = 2 },
            new Measure { Code = "CNTPARTS", Title = "Count with parts", Unit = MeasureUnit.Count, Aggregation = Aggregation.Sum, Polarity = Polarity.LowerIsBetter },
        ],
    };

    public static ScoringRequest Request(int seed, int authorities = 4, int quarters = 16, RagScheme scheme = RagScheme.Rag, decimal materiality = 0m)
    {
        var random = new Random(seed);
        var version = Version(scheme);
        var (hierarchy, centres) = Hierarchy(authorities);
        var periods = Enumerable.Range(0, quarters).Select(FirstQuarter.Shift).ToList();
        var observations = new List<Observation>();
        foreach (var centre in centres)
        {
            foreach (var period in periods)
            {
                if (!centre.IsOpenOn(period.Start) && !centre.IsOpenOn(period.End))
                {
                    continue;
                }

                foreach (var measure in version.Measures.Where(m => m.Aggregation != Aggregation.None))
                {
                    if (measure.Frequency == Frequency.Annual && period.Quarter != 3)
                    {
                        continue;
                    }

                    if (random.NextDouble() < 0.05)
                    {
                        continue;
                    }

                    observations.Add(Observe(random, measure, centre.Code, period));
                }
            }
        }

        foreach (var authority in hierarchy.Units.Where(u => u.Type == OrgUnitType.Authority))
        {
            var sat = version.Find("SAT")!;
            foreach (var period in periods.Where(_ => random.NextDouble() < 0.8))
            {
                observations.Add(Observe(random, sat, authority.Code, period));
            }

            // The authority's own published GLD wins over the roll-up in some quarters.
            foreach (var period in periods.Where(p => p.Quarter == 4))
            {
                observations.Add(Observe(random, version.Find("GLD")!, authority.Code, period));
            }

            // A second period type: academic-year GLD returned by the authority itself.
            for (var year = 2016; year < 2016 + (quarters / 4); year++)
            {
                observations.Add(Observe(random, version.Find("GLDA")!, authority.Code, Period.AcademicYear(year)));
            }
        }

        // A code this version does not know (an older version's measure) still gives its unit data that quarter.
        observations.Add(new Observation { OrgUnitCode = centres[1].Code, Period = periods[^1].Shift(1), MeasureCode = "OLD1", Value = 4m });
        observations.Add(new Observation { OrgUnitCode = centres[2].Code, Period = periods[2], MeasureCode = "OLD1", Value = 3m });

        // Codes spelt in another case, and a key returned twice (the later one counts).
        observations.Add(new Observation { OrgUnitCode = centres[0].Code.ToLowerInvariant(), Period = periods[1], MeasureCode = "reg", Value = 999m });
        observations.Add(new Observation { OrgUnitCode = centres[3].Code, Period = periods[2], MeasureCode = "Reref", Numerator = 5, Denominator = 40, Value = 12.5m });
        observations.Add(new Observation { OrgUnitCode = centres[3].Code.ToLowerInvariant(), Period = periods[2], MeasureCode = "REREF", Numerator = 7, Denominator = 40, Value = 17.5m });

        return new ScoringRequest
        {
            Version = version,
            Hierarchy = hierarchy,
            Observations = Shuffle(random, observations),
            Targets = Targets(hierarchy),
            Comparators = Comparators(),
            Materiality = materiality,
        };
    }

    /// <summary>Every quarter of the store, the academic years, and one period nobody returned.</summary>
    public static List<Period> PeriodsToScore(ScoringRequest request) =>
        [.. request.Observations.Select(o => o.Period).Distinct().Order(), Period.FinancialQuarter(2030, 1)];

    private static List<Observation> Shuffle(Random random, List<Observation> observations)
    {
        // Blocks of observations in a random order: insertion order decides the order children are summed in.
        var blocks = observations.Chunk(7).ToList();
        return [.. blocks.OrderBy(_ => random.Next()).SelectMany(b => b)];
    }

    private static Observation Observe(Random random, Measure measure, string unit, Period period)
    {
        var roll = random.NextDouble();
        string? suppression = roll < 0.02 ? "c" : roll < 0.03 ? "low" : null;
        var flag = random.NextDouble() < 0.04 ? "estimate" : null;
        var commentary = random.NextDouble() < 0.03 ? "Staff vacancy in the quarter." : null;
        if (roll is >= 0.03 and < 0.04)
        {
            return new Observation { OrgUnitCode = unit, Period = period, MeasureCode = measure.Code, DataQualityFlag = flag };
        }

        decimal? numerator = null, denominator = null;
        decimal value;
        if (measure.HasRatio || measure.Code is "PCTSUM" || (measure.Code is "CNTPARTS" && random.NextDouble() < 0.8))
        {
            denominator = random.Next(0, 30) == 0 ? 0 : random.Next(5, 220);
            numerator = Math.Min(denominator.Value, random.Next(0, (int)Math.Max(1, denominator.Value * 0.9m)));
            value = denominator == 0 ? 0m : Math.Round(numerator.Value / denominator.Value * measure.Multiplier, 3);
            if (measure.Code is "CNTPARTS")
            {
                value = numerator.Value;
            }
        }
        else
        {
            value = measure.Unit switch
            {
                MeasureUnit.Currency => Math.Round((decimal)(random.NextDouble() * 5000) - 400m, 2),
                MeasureUnit.Score => Math.Round((decimal)(random.NextDouble() * 4) + 1m, 2),
                _ => random.Next(0, 160),
            };
        }

        return new Observation
        {
            OrgUnitCode = unit, Period = period, MeasureCode = measure.Code, Numerator = numerator, Denominator = denominator,
            Value = suppression is null ? value : null, SuppressionReason = suppression, DataQualityFlag = flag, Commentary = commentary,
        };
    }

    private static (OrgUnitHierarchy Hierarchy, List<OrgUnit> Centres) Hierarchy(int authorities)
    {
        var units = new List<OrgUnit>();
        var links = new List<OrgUnitLink>();
        var centres = new List<OrgUnit>();
        for (var a = 0; a < authorities; a++)
        {
            var code = $"A{a}";
            units.Add(new OrgUnit(code, code, OrgUnitType.Authority, code, GssCode: $"E0600000{a}"));
            for (var k = 0; k < 3; k++)
            {
                var cluster = $"{code}-K{k}";
                units.Add(new OrgUnit(cluster, cluster, OrgUnitType.Cluster, code));
                links.Add(new OrgUnitLink(cluster, code));
                for (var c = 0; c < 4; c++)
                {
                    var centreCode = $"{cluster}-C{c}";
                    var centre = (k, c) switch
                    {
                        // Closed; its successor is a centre in another cluster (same type: history goes to the successor's parent).
                        (0, 1) => new OrgUnit(centreCode, centreCode, OrgUnitType.Centre, code, ClosedOn: new DateOnly(2018, 12, 31), SuccessorCode: $"{code}-K1-C0"),

                        // Closed into a family hub (another type: the hub itself takes the history).
                        (2, 3) => new OrgUnit(centreCode, centreCode, OrgUnitType.Centre, code, ClosedOn: new DateOnly(2019, 6, 30), SuccessorCode: $"{code}-H"),

                        // Opened late: not expected to report before.
                        (1, 3) => new OrgUnit(centreCode, centreCode, OrgUnitType.Centre, code, OpenedOn: new DateOnly(2018, 4, 1)),
                        _ => new OrgUnit(centreCode, centreCode, OrgUnitType.Centre, code),
                    };
                    units.Add(centre);
                    centres.Add(centre);
                    if ((k, c) == (2, 2))
                    {
                        // Moved from cluster 2 to cluster 0 in October 2018.
                        links.Add(new OrgUnitLink(centreCode, cluster, To: new DateOnly(2018, 9, 30)));
                        links.Add(new OrgUnitLink(centreCode, $"{code}-K0", From: new DateOnly(2018, 10, 1)));
                    }
                    else
                    {
                        links.Add(new OrgUnitLink(centreCode, cluster, To: centre.ClosedOn));
                    }
                }
            }

            var hub = new OrgUnit($"{code}-H", $"{code} hub", OrgUnitType.FamilyHub, code, OpenedOn: new DateOnly(2019, 7, 1));
            units.Add(hub);
            centres.Add(hub);
            links.Add(new OrgUnitLink(hub.Code, $"{code}-K2"));
        }

        return (new OrgUnitHierarchy(units, links), centres);
    }

    private static List<Target> Targets(OrgUnitHierarchy hierarchy)
    {
        static Target T(string measure, decimal value, decimal tolerance, string? unit = null, decimal? stretch = null,
            ToleranceKind kind = ToleranceKind.Absolute, DateOnly? from = null, DateOnly? to = null) => new()
        {
            FrameworkCode = "SYN", MeasureCode = measure, OrgUnitCode = unit, Value = value, Tolerance = tolerance, Stretch = stretch,
            ToleranceKind = kind, From = from, To = to,
        };

        // Targets that vary by period (phased annual counts, a trajectory) and targets judged on the confidence interval.
        var phasedSpend = T("SPEND", 40000m, 2000m, unit: "A1-K1") with { Phasing = TargetPhasing.Equal };
        var profiledLac = T("LAC", 400m, 20m, unit: "A2-K0", stretch: 360m) with { Phasing = TargetPhasing.Profile, Profile = new PhasingProfile([20m, 25m, 25m, 30m]) };
        var trajectory = T("REREF", 15m, 2m, unit: "A0-K1", from: new DateOnly(2017, 4, 1)) with
        {
            BaselineValue = 22m, BaselineDate = new DateOnly(2017, 4, 1), TargetDate = new DateOnly(2020, 3, 31),
        };
        var onInterval = T("GLD", 62m, 3m, unit: "A1", stretch: 70m) with { UseConfidenceInterval = true };
        var rateOnInterval = T("RATE", 45m, 5m, unit: "A0-K2") with { UseConfidenceInterval = true };

        var targets = new List<Target>
        {
            T("GLD", 60m, 2m, to: new DateOnly(2018, 3, 31)),
            T("GLD", 65m, 2m, stretch: 72m, from: new DateOnly(2018, 4, 1)),
            T("REREF", 20m, 10m, kind: ToleranceKind.Relative),
            T("REG", 80m, 5m, stretch: 110m),
            T("LAC", 100m, 5m),
            T("rate", 40m, 3m),
            T("SAT", 3.5m, 0.2m),
            T("GLDA", 64m, 2m),
            T("PCTSUM", 50m, 5m),
            T("CNTPARTS", 70m, 10m, kind: ToleranceKind.Relative),
            phasedSpend, profiledLac, trajectory, onInterval, rateOnInterval,
        };
        foreach (var authority in hierarchy.Units.Where(u => u.Type == OrgUnitType.Authority))
        {
            var a = authority.Code;
            targets.Add(T("REG", 130m, 8m, unit: $"{a}-K1"));
            targets.Add(T("REG", 30m, 10m, unit: $"{a}-K0-C0", kind: ToleranceKind.Relative, stretch: 45m));
            targets.Add(T("gld", 70m, 1.5m, unit: $"{a}-K0", from: new DateOnly(2018, 4, 1)));
            targets.Add(T("LAC", 95m, 5m, unit: $"{a}-K0-C2", from: new DateOnly(2017, 4, 1), to: new DateOnly(2019, 3, 31)));
            if (a == "A0")
            {
                targets.Add(T("REG", 1000m, 50m, unit: a));
            }
        }

        return targets;
    }

    private static List<ComparatorValue> Comparators()
    {
        var values = new List<ComparatorValue>();
        for (var year = 2015; year <= 2020; year++)
        {
            values.Add(England("gld", Period.AcademicYear(year), 60m + year - 2015 + 0.35m));
            values.Add(England("gld", Period.AcademicYear(year), 55m, breakdown: "Boys"));
            values.Add(England("gld", Period.AcademicYear(year), 52m, area: "E12000004"));
        }

        values.Add(England("gld-old", Period.FinancialYear(2017), 61.25m));
        values.Add(England("gld", Period.AcademicYear(2021), null));
        return values;
    }

    private static ComparatorValue England(string indicator, Period period, decimal? value, string breakdown = "Total", string area = "E92000001") => new()
    {
        IndicatorCode = indicator, AreaCode = area, AreaName = "England", Level = GeographicLevel.National, Period = period,
        Breakdown = breakdown, Value = value,
    };
}
