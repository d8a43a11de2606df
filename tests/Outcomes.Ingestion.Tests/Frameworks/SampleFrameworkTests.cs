using System.Globalization;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Targets;
using Outcomes.Ingestion.Frameworks;

namespace Outcomes.Ingestion.Tests.Frameworks;

[TestFixture]
public sealed class SampleFrameworkTests
{
    private static readonly string[] Councils =
        ["blackpool", "bradford", "bristol", "cambridgeshire", "east-riding", "essex", "leeds", "north-east-lincolnshire", "wiltshire"];

    private static readonly Dictionary<string, FrameworkPackage> Packages = [];

    private static FrameworkPackage Package(string council)
    {
        lock (Packages)
        {
            if (!Packages.TryGetValue(council, out var package))
            {
                var result = FrameworkPackageLoader.Load(Path.Combine(RepoPaths.SampleFrameworks, council));
                Assert.That(result.Problems, Is.Empty, () => string.Join(Environment.NewLine, result.Problems));
                package = result.Package!;
                Packages[council] = package;
            }

            return package;
        }
    }

    [TestCaseSource(nameof(Councils))]
    public void Every_sample_folder_loads_with_no_problems(string council)
    {
        var result = FrameworkPackageLoader.Load(Path.Combine(RepoPaths.SampleFrameworks, council));

        Assert.That(result.Problems.Select(p => p.ToString()), Is.Empty);
        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.Package!.Framework.Versions, Is.Not.Empty);
    }

    [Test]
    public void LoadAll_finds_every_council_and_no_code_is_used_twice_across_councils()
    {
        var results = FrameworkPackageLoader.LoadAll(RepoPaths.SampleFrameworks);

        Assert.That(results.Select(r => Path.GetFileName(r.SourceFolder)), Is.EqualTo(Councils));
        Assert.That(results.SelectMany(r => r.Problems).Select(p => p.ToString()), Is.Empty);
    }

    [Test]
    public void Every_framework_has_the_GLD_measure_as_a_ratio_benchmarked_against_DfE()
    {
        foreach (var council in Councils)
        {
            var gld = Package(council).Framework.Versions[^1].Measures.Single(m => m.Comparators.Contains("dfe-eyfsp-gld-percent"));
            Assert.That(gld.Unit, Is.EqualTo(MeasureUnit.Percentage), council);
            Assert.That(gld.Aggregation, Is.EqualTo(Aggregation.Ratio), council);
            Assert.That(gld.CiMethod, Is.EqualTo(ConfidenceIntervalMethod.Wilson), council);
            Assert.That(gld.Frequency, Is.EqualTo(Frequency.Annual), council);
            Assert.That(gld.NumeratorLabel, Is.EqualTo("children reaching a good level of development"), council);
            Assert.That(gld.DenominatorLabel, Is.EqualTo("children assessed"), council);
        }
    }

    [Test]
    public void Children_looked_after_is_a_rate_per_10000_reported_at_authority_level()
    {
        var withCla = Councils.Select(Package)
            .Select(p => p.Framework.Versions[^1].Measures.SingleOrDefault(m => m.Comparators.Contains("dfe-cla-rate-per-10000")))
            .OfType<Measure>()
            .ToList();

        Assert.That(withCla, Has.Count.GreaterThanOrEqualTo(6));
        Assert.That(withCla.Select(m => (m.Unit, m.RatePer, m.ReportedAt)),
            Has.All.EqualTo((MeasureUnit.Rate, (int?)10000, (string?)"Authority")));
    }

    [Test]
    public void Bradford_has_7_KPIs_and_7_clusters_returning_per_cluster()
    {
        var p = Package("bradford");

        Assert.That(p.Framework.Versions.Single().Measures, Has.Count.EqualTo(7));
        Assert.That(p.OrgUnits.Count(u => u.Type == OrgUnitType.Cluster), Is.EqualTo(7));
        Assert.That(p.Framework.ReturningLevel, Is.EqualTo("Cluster"));
        Assert.That(p.ReturningUnitsOn(new DateOnly(2018, 6, 30)), Has.Count.EqualTo(7));
    }

    [Test]
    public void Bradford_had_41_centres_until_2018_then_32_full_centres_and_9_part_time_sites()
    {
        var p = Package("bradford");
        int OpenOn(DateOnly d, OrgUnitType t) => p.OrgUnits.Count(u => u.Type == t && u.IsOpenOn(d));

        Assert.That(OpenOn(new DateOnly(2018, 3, 31), OrgUnitType.Centre), Is.EqualTo(41));
        Assert.That(OpenOn(new DateOnly(2018, 3, 31), OrgUnitType.DeliverySite), Is.Zero);
        Assert.That(OpenOn(new DateOnly(2018, 4, 1), OrgUnitType.Centre), Is.EqualTo(32));
        Assert.That(OpenOn(new DateOnly(2018, 4, 1), OrgUnitType.DeliverySite), Is.EqualTo(9));

        // A centre re-typed as a part-time site still rolls up to its cluster, through the site that replaced it.
        var h = p.Hierarchy();
        var today = new DateOnly(2025, 1, 1);
        foreach (var closed in p.OrgUnits.Where(u => u.Type == OrgUnitType.Centre && u.ClosedOn is not null))
        {
            var site = h.RollUpParent(closed.Code, today)!;
            Assert.That(h.Get(site).Type, Is.EqualTo(OrgUnitType.DeliverySite), closed.Code);
            var centre = h.RollUpParent(site, today)!;
            Assert.That(h.RollUpParent(centre, today), Is.EqualTo(h.LastParent(closed.Code)), closed.Code);
        }
    }

    [Test]
    public void Essex_v1_history_stays_when_v2_refines_the_framework()
    {
        var f = Package("essex").Framework;
        var v1 = f.VersionOn(new DateOnly(2017, 6, 30))!;
        var v2 = f.VersionOn(new DateOnly(2018, 1, 1))!;

        Assert.That(v1.Version, Is.EqualTo(1));
        Assert.That(v2.Version, Is.EqualTo(2));
        Assert.That(v1.EffectiveFrom, Is.EqualTo(new DateOnly(2017, 4, 1)));
        Assert.That(v1.EffectiveTo, Is.EqualTo(new DateOnly(2017, 9, 30)));
        Assert.That(v2.EffectiveFrom, Is.EqualTo(new DateOnly(2017, 10, 1)));
        Assert.That(f.VersionOn(new DateOnly(2017, 9, 30))!.Version, Is.EqualTo(1));
        Assert.That(f.VersionOn(new DateOnly(2017, 3, 31)), Is.Null);

        Assert.That(v1.Measures, Has.Count.EqualTo(27));
        Assert.That(v1.Find("EU23"), Is.Null);
        Assert.That(v2.Find("EU23"), Is.Not.Null);
        Assert.That(v2.Find("EU03")!.Definition, Is.Not.EqualTo(v1.Find("EU03")!.Definition));
        Assert.That(v1.Find("EU03")!.Definition, Does.Not.Contain("purposeful"));
    }

    [Test]
    public void Essex_v2_has_23_universal_and_5_specialist_measures_returned_by_12_districts()
    {
        var p = Package("essex");
        var v2 = p.Framework.Versions.Single(v => v.Version == 2);

        Assert.That(v2.Measures.Count(m => m.Group == "universal"), Is.EqualTo(23));
        Assert.That(v2.Measures.Count(m => m.Group == "specialist"), Is.EqualTo(5));
        Assert.That(p.Framework.ReturningLevel, Is.EqualTo("District"));
        Assert.That(p.OrgUnits.Count(u => u.Type == OrgUnitType.District), Is.EqualTo(12));
        Assert.That(p.OrgUnits.Count(u => u.Type == OrgUnitType.FamilyHub), Is.EqualTo(12));
        Assert.That(p.OrgUnits.Count(u => u.Type is OrgUnitType.FamilyHub or OrgUnitType.DeliverySite), Is.EqualTo(25));
        Assert.That(p.Hierarchy().RollUpDescendants("ESX-D01", new DateOnly(2018, 1, 1)).Select(u => u.Code),
            Is.EquivalentTo(new[] { "ESX-D01-H", "ESX-D01-S01", "ESX-D01-S02" }));
    }

    [Test]
    public void Essex_EU03_target_changes_on_the_day_v2_starts()
    {
        var eu03 = Package("essex").Targets.Where(t => t.MeasureCode == "EU03" && t.OrgUnitCode is null).ToList();

        Assert.That(eu03.Single(t => t.AppliesOn(new DateOnly(2017, 9, 30))).Value, Is.EqualTo(55m));
        Assert.That(eu03.Single(t => t.AppliesOn(new DateOnly(2017, 10, 1))).Value, Is.EqualTo(45m));
    }

    [Test]
    public void Blackpool_has_21_outcomes_and_9_centres_each_with_advisory_board_targets()
    {
        var p = Package("blackpool");
        var centres = p.OrgUnits.Where(u => u.Type == OrgUnitType.Centre).ToList();

        Assert.That(p.Framework.Versions.Single().Measures, Has.Count.EqualTo(21));
        Assert.That(p.Framework.ReturningLevel, Is.EqualTo("Centre"));
        Assert.That(centres, Has.Count.EqualTo(9));
        foreach (var centre in centres)
        {
            var own = p.Targets.Where(t => t.OrgUnitCode == centre.Code).ToList();
            Assert.That(own, Is.Not.Empty, centre.Code);
            Assert.That(own.Select(t => t.Source), Has.All.EqualTo(TargetSource.AdvisoryBoard), centre.Code);
            Assert.That(own.Select(t => t.SetOn), Has.All.Not.Null, centre.Code);
            Assert.That(own.Select(t => t.SetBy), Has.All.Contain("advisory board"), centre.Code);
        }
    }

    [Test]
    public void North_East_Lincolnshire_measures_carry_the_three_OBA_questions()
    {
        var p = Package("north-east-lincolnshire");
        var measures = p.Framework.Versions.Single().Measures;

        Assert.That(measures.Select(m => m.Group).Distinct(),
            Is.EquivalentTo(new[] { "How much did we do?", "How well did we do it?", "Is anyone better off?" }));
        Assert.That(measures.Single(m => m.Title.StartsWith("Re-referrals", StringComparison.Ordinal)).Polarity, Is.EqualTo(Polarity.LowerIsBetter));
        Assert.That(p.Framework.ReturningLevel, Is.EqualTo("Cluster"));
        var hubs = p.OrgUnits.Where(u => u.Type == OrgUnitType.FamilyHub).ToList();
        Assert.That(hubs, Has.Count.EqualTo(5));
        Assert.That(p.OrgUnits.Count(u => u.Type == OrgUnitType.OutreachPoint), Is.GreaterThanOrEqualTo(10));
    }

    [Test]
    public void Leeds_has_25_clusters_56_centres_and_both_national_and_local_targets()
    {
        var p = Package("leeds");

        Assert.That(p.OrgUnits.Count(u => u.Type == OrgUnitType.Cluster), Is.EqualTo(25));
        Assert.That(p.OrgUnits.Count(u => u.Type == OrgUnitType.Centre), Is.EqualTo(56));
        Assert.That(p.Framework.ReturningLevel, Is.EqualTo("Cluster"));
        Assert.That(p.Targets.Select(t => t.Source).Distinct(), Is.EquivalentTo(new[] { TargetSource.National, TargetSource.Local }));
    }

    [Test]
    public void Authority_GSS_codes_match_the_DfE_new_la_code()
    {
        var dfeName = new Dictionary<string, string>
        {
            ["blackpool"] = "Blackpool", ["bradford"] = "Bradford", ["bristol"] = "Bristol, City of",
            ["cambridgeshire"] = "Cambridgeshire", ["east-riding"] = "East Riding of Yorkshire", ["essex"] = "Essex",
            ["leeds"] = "Leeds", ["north-east-lincolnshire"] = "North East Lincolnshire", ["wiltshire"] = "Wiltshire",
        };
        var codes = RepoPaths.ReadCsv("dfe-cla-number-and-rate-per-10k-2021-2025.csv")
            .Where(r => r["geographic_level"] == "Local authority")
            .GroupBy(r => r["la_name"])
            .ToDictionary(g => g.Key, g => g.Select(r => r["new_la_code"]).Distinct().Single());

        foreach (var council in Councils)
        {
            Assert.That(Package(council).Authority.GssCode, Is.EqualTo(codes[dfeName[council]]), council);
        }
    }

    [Test]
    public void GLD_default_targets_sit_near_each_authoritys_real_2016_17_result()
    {
        var gld201617 = RepoPaths.ReadCsv("dfe-eyfsp-gld-by-la-2013-2019.csv")
            .Where(r => r["time_period"] == "201617" && r["gender"] == "Total"
                        && string.Equals(r["geographic_level"], "Local authority", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(r => r["new_la_code"], r => decimal.Parse(r["gld_percent"], CultureInfo.InvariantCulture));

        foreach (var council in Councils)
        {
            var p = Package(council);
            var gldCode = p.Framework.Versions[^1].Measures.Single(m => m.Comparators.Contains("dfe-eyfsp-gld-percent")).Code;
            var target = p.Targets.Single(t => t.MeasureCode == gldCode && t.OrgUnitCode is null && t.AppliesOn(new DateOnly(2017, 9, 1)));
            var real = gld201617[p.Authority.GssCode!];
            Assert.That(target.Value, Is.InRange(real - 1m, Math.Max(real, 70.7m) + 2m), council);
        }
    }

    [Test]
    public void Wiltshire_30_centres_became_17_and_closed_centres_roll_up_to_todays_localities()
    {
        var p = Package("wiltshire");
        var h = p.Hierarchy();
        var today = DateOnly.FromDateTime(DateTime.Today);
        var localitiesToday = h.ChildrenOn("WLT", today).Where(u => u.Type == OrgUnitType.Locality).Select(u => u.Code).ToList();
        var closed = p.OrgUnits.Where(u => u.Type == OrgUnitType.Centre && u.ClosedOn is not null).ToList();

        Assert.That(p.OrgUnits.Count(u => u.Type == OrgUnitType.Centre && u.IsOpenOn(new DateOnly(2017, 3, 31))), Is.EqualTo(30));
        Assert.That(p.OrgUnits.Count(u => u.Type == OrgUnitType.Centre && u.IsOpenOn(new DateOnly(2017, 4, 1))), Is.EqualTo(17));
        Assert.That(closed, Has.Count.EqualTo(13));
        foreach (var centre in closed)
        {
            var rollsUpTo = h.RollUpParent(centre.Code, today);
            Assert.That(localitiesToday, Does.Contain(rollsUpTo), centre.Code);
            Assert.That(rollsUpTo, Is.EqualTo(h.ParentOn(centre.SuccessorCode!, today)), centre.Code);
        }

        // Ludgershall was in East; it merged into Tidworth, which moved to South in 2017.
        var ludgershall = p.OrgUnits.Single(u => u.Name.StartsWith("Ludgershall", StringComparison.Ordinal)).Code;
        Assert.That(h.LastParent(ludgershall), Is.EqualTo("WLT-E"));
        Assert.That(h.RollUpParent(ludgershall, today), Is.EqualTo("WLT-S"));
        Assert.That(h.RollUpDescendants("WLT", today).Count(u => u.Type == OrgUnitType.Centre), Is.EqualTo(30));
    }
}
