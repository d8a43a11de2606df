using System.Text;
using Outcomes.Domain.Comparators;
using Outcomes.Domain.Numbers;
using Outcomes.Domain.Periods;
using Outcomes.Ingestion.Issues;
using Outcomes.Ingestion.OpenData;

namespace Outcomes.Ingestion.Tests.OpenData;

/// <summary>The DfE reader against the real published files in ../shared/data, and small hand-made files for the edges.</summary>
public class DfeOpenDataReaderTests
{
    private const string GldFile = "dfe-eyfsp-gld-by-la-2013-2019.csv";
    private const string ClaFile = "dfe-cla-number-and-rate-per-10k-2021-2025.csv";

    private static DfeReadResult? _gld;
    private static DfeReadResult? _cla;

    private static DfeReadResult Gld => _gld ??= DfeOpenDataReader.Read(DataFile(GldFile), DfeIndicatorMappings.Gld);

    private static DfeReadResult Cla => _cla ??= DfeOpenDataReader.Read(DataFile(ClaFile), DfeIndicatorMappings.ChildrenLookedAfter);

    /// <summary>The shared data folder: beside the repository, found by walking up to the folder holding Outcomes.sln.</summary>
    private static string DataFile(string name)
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Outcomes.sln")))
        {
            dir = dir.Parent;
        }

        Assert.That(dir, Is.Not.Null, "Outcomes.sln not found above the test directory");
        // ../shared/data is the published source; samples/open-data is the copy that travels with the repository.
        var shared = Path.GetFullPath(Path.Combine(dir!.FullName, "..", "shared", "data", name));
        var path = File.Exists(shared) ? shared : Path.Combine(dir.FullName, "samples", "open-data", name);
        Assert.That(File.Exists(path), Is.True, $"{path} is missing");
        return path;
    }

    private static ComparatorValue One(DfeReadResult result, string indicator, string area, Period period, string breakdown = "Total") =>
        result.Values.Single(v => v.IndicatorCode == indicator && v.AreaCode == area && v.Period == period && v.Breakdown == breakdown);

    [Test]
    public void England_2016_17_GLD_is_473668_of_669919_which_is_70_7_percent()
    {
        var england = One(Gld, "dfe-eyfsp-gld-percent", "E92000001", Period.AcademicYear(2016));

        Assert.Multiple(() =>
        {
            Assert.That(england.Level, Is.EqualTo(GeographicLevel.National));
            Assert.That(england.AreaName, Is.EqualTo("England"));
            Assert.That(england.Numerator, Is.EqualTo(473_668m));
            Assert.That(england.Denominator, Is.EqualTo(669_919m));
            Assert.That(england.Value, Is.EqualTo(70.7m));
            Assert.That(OfficialRounding.Ratio(473_668m, 669_919m, 100m, 1), Is.EqualTo(70.7m));
        });
    }

    [Test]
    public void Reading_2012_13_GLD_1021_of_2000_rounds_half_away_from_zero_to_51_1()
    {
        var reading = One(Gld, "dfe-eyfsp-gld-percent", "E06000038", Period.AcademicYear(2012));

        Assert.Multiple(() =>
        {
            Assert.That(reading.AreaName, Is.EqualTo("Reading"));
            Assert.That(reading.Level, Is.EqualTo(GeographicLevel.LocalAuthority), "the file spells it 'Local Authority'");
            Assert.That(reading.Numerator, Is.EqualTo(1_021m));
            Assert.That(reading.Denominator, Is.EqualTo(2_000m));
            Assert.That(reading.Value, Is.EqualTo(51.1m));
            Assert.That(OfficialRounding.Ratio(1_021m, 2_000m, 100m, 1), Is.EqualTo(51.1m));
            Assert.That(Math.Round(51.05m, 1, MidpointRounding.ToEven), Is.EqualTo(51.0m), "banker's rounding would not reproduce it");
        });
    }

    [Test]
    public void Every_GLD_row_is_read_with_its_gender_breakdown_and_every_percentage_reproduces()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Gld.Issues, Is.Empty, () => string.Join("\n", Gld.Issues.Take(5)));
            Assert.That(Gld.Values, Has.Count.EqualTo(3_420));
            Assert.That(Gld.Values.Select(v => v.Breakdown).Distinct(), Is.EquivalentTo(new[] { "Total", "Girls", "Boys" }));
            Assert.That(Gld.Values.Select(v => v.Period).Distinct().Count(), Is.EqualTo(7));
            Assert.That(Gld.Values.Count(v => v.Level == GeographicLevel.Regional && v.Breakdown == "Total" && v.Period == Period.AcademicYear(2018)), Is.EqualTo(10), "nine regions with London as Inner and Outer");
        });
    }

    [Test]
    public void Bradford_is_in_both_files()
    {
        var gld = Gld.Values.Where(v => v.AreaCode == "E08000032").ToList();
        var cla = Cla.Values.Where(v => v.AreaCode == "E08000032" && v.IndicatorCode == "dfe-cla-rate-per-10000").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(gld, Has.Count.EqualTo(21), "7 years × Total/Girls/Boys");
            Assert.That(gld.Select(v => v.AreaName).Distinct(), Is.EqualTo(new[] { "Bradford" }));
            Assert.That(cla.Select(v => v.Period.Key), Is.EquivalentTo(new[] { "2021-03-31", "2022-03-31", "2023-03-31", "2024-03-31", "2025-03-31" }));
            Assert.That(cla, Has.All.Matches<ComparatorValue>(v => v.Value > 0 && v.SuppressionReason is null));
        });
    }

    [Test]
    public void CLA_rate_and_count_come_only_from_the_looked_after_on_31_March_rows()
    {
        var england = One(Cla, "dfe-cla-rate-per-10000", "E92000001", Period.Snapshot(new DateOnly(2025, 3, 31)));
        var count = One(Cla, "dfe-cla-count", "E92000001", Period.Snapshot(new DateOnly(2025, 3, 31)));

        Assert.Multiple(() =>
        {
            Assert.That(england.Value, Is.EqualTo(67m));
            Assert.That(england.Numerator, Is.EqualTo(81_770m));
            Assert.That(england.Denominator, Is.EqualTo(12_183_016m));
            Assert.That(count.Value, Is.EqualTo(81_770m));
            Assert.That(Cla.Values.Count(v => v.IndicatorCode == "dfe-cla-rate-per-10000"), Is.EqualTo(835));
            Assert.That(Cla.Values.Count(v => v.IndicatorCode == "dfe-cla-count"), Is.EqualTo(835));
            Assert.That(Cla.Issues, Has.None.Matches<ImportIssue>(i => i.IsError), () => string.Join("\n", Cla.Issues));
        });
    }

    [Test]
    public void CLA_suppression_codes_become_reasons_never_zeros()
    {
        var snapshot2025 = Period.Snapshot(new DateOnly(2025, 3, 31));
        var cityOfLondon = One(Cla, "dfe-cla-rate-per-10000", "E09000001", snapshot2025);
        var cumbria = One(Cla, "dfe-cla-count", "E10000006", snapshot2025);
        var suppressed = Cla.Values.Where(v => v.SuppressionReason is not null).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(cityOfLondon.SuppressionReason, Is.EqualTo("c"));
            Assert.That(cityOfLondon.Value, Is.Null);
            Assert.That(cityOfLondon.Denominator, Is.EqualTo(847m), "the population is published even where the count is not");
            Assert.That(cumbria.SuppressionReason, Is.EqualTo("z"));
            Assert.That(cumbria.Value, Is.Null);
            Assert.That(suppressed, Is.Not.Empty);
            Assert.That(suppressed, Has.All.Matches<ComparatorValue>(v => v.Value is null));
            Assert.That(suppressed.Select(v => v.SuppressionReason).Distinct(), Is.EquivalentTo(new[] { "c", "z" }));
        });
    }

    [Test]
    public void A_published_rate_that_does_not_reproduce_is_a_warning_with_its_row()
    {
        var warnings = Cla.Issues.Where(i => i.RuleCode == "dfe.value-disagrees").ToList();

        Assert.That(warnings, Has.All.Matches<ImportIssue>(i => i.Severity == IssueSeverity.Warning && i.Row > 1));
        Assert.That(warnings.Select(w => w.Message), Has.All.StartWith("row "));
    }

    [Test]
    public void A_hand_made_file_with_a_BOM_quotes_odd_codes_and_bad_rows_reads_what_it_can_and_says_where_the_rest_went_wrong()
    {
        var csv = "\uFEFFtime_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,la_name,population_type,population_estimate,children_count,rate_per_10000\r\n"
            + "2025,Reporting year,National,E92000001,England, , , , ,Children looked after on 31 March each year,100000,600,60\r\n"
            + "2025,Reporting year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,E06000010,\"Kingston upon Hull, City of\",Children looked after on 31 March each year,62379,742,119\r\n"
            + "2025,Reporting year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,E06000011,Somewhere,Children looked after on 31 March each year,1000,:,..\r\n"
            + "2025,Reporting year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,E06000012,Elsewhere,Children looked after on 31 March each year,1000,low,u\r\n"
            + "2025,Reporting year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,E06000013,Bad,Children looked after on 31 March each year,1000,1.2k,12\r\n"
            + "2025,Reporting year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,  ,Blank code,Children looked after on 31 March each year,1000,10,100\r\n"
            + "2025,Reporting year,Local authority district,E92000001,England,E12000003,Yorkshire and The Humber,E07000001,District,Children looked after on 31 March each year,1000,10,100\r\n"
            + "2025,Nonsense,National,E92000001,England,,,,,Children looked after on 31 March each year,1,1,1\r\n"
            + "2025,Reporting year,National,E92000001\r\n";

        var result = DfeOpenDataReader.Read("cla.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)), DfeIndicatorMappings.ChildrenLookedAfter);
        var rates = result.Values.Where(v => v.IndicatorCode == "dfe-cla-rate-per-10000").ToDictionary(v => v.AreaCode);

        Assert.Multiple(() =>
        {
            Assert.That(rates.Keys, Is.EquivalentTo(new[] { "E92000001", "E06000010", "E06000011", "E06000012", "E06000013" }));
            Assert.That(rates["E06000013"].Value, Is.EqualTo(12m), "a bad numerator costs the numerator, not the published rate");
            Assert.That(rates["E06000013"].Numerator, Is.Null);
            Assert.That(result.Values.Any(v => v.IndicatorCode == "dfe-cla-count" && v.AreaCode == "E06000013"), Is.False);
            Assert.That(rates["E06000010"].AreaName, Is.EqualTo("Kingston upon Hull, City of"));
            Assert.That(rates["E06000011"].SuppressionReason, Is.EqualTo(".."));
            Assert.That(rates["E06000012"].SuppressionReason, Is.EqualTo("u"));
            Assert.That(rates["E06000012"].Numerator, Is.Null, "'low' is a reason, not a number");
            Assert.That(result.Values.Single(v => v.IndicatorCode == "dfe-cla-count" && v.AreaCode == "E06000011").SuppressionReason, Is.EqualTo(":"));
            Assert.That(result.Values.Single(v => v.IndicatorCode == "dfe-cla-count" && v.AreaCode == "E06000012").SuppressionReason, Is.EqualTo("low"));

            var byRow = result.Issues.ToLookup(i => i.Row);
            Assert.That(byRow[6].Select(i => i.RuleCode), Does.Contain("dfe.not-a-number"));
            Assert.That(byRow[6].First(i => i.IsError).Message, Does.StartWith("row 6: children_count '1.2k' is not a number"));
            Assert.That(byRow[7].Single().RuleCode, Is.EqualTo("dfe.area-code"));
            Assert.That(byRow[8].Single().RuleCode, Is.EqualTo("dfe.level-skipped"));
            Assert.That(byRow[9].Single().RuleCode, Is.EqualTo("dfe.period"));
            Assert.That(byRow[10].Single().RuleCode, Is.EqualTo("dfe.field-count"));
            Assert.That(result.Issues.All(i => i.File == "cla.csv"), Is.True);
        });
    }

    [Test]
    public void A_file_that_is_not_DfE_tidy_data_or_is_empty_gives_one_clear_error()
    {
        var notTidy = DfeOpenDataReader.Read("x.csv", new MemoryStream(Encoding.UTF8.GetBytes("a,b\n1,2\n")), DfeIndicatorMappings.Gld);
        var empty = DfeOpenDataReader.Read("y.csv", new MemoryStream([]), DfeIndicatorMappings.Gld);

        Assert.Multiple(() =>
        {
            Assert.That(notTidy.Issues.Single().Message, Does.StartWith("this is not a DfE tidy open-data file"));
            Assert.That(empty.Issues.Single().RuleCode, Is.EqualTo("file.empty"));
            Assert.That(notTidy.Values, Is.Empty);
        });
    }

    [Test]
    public void A_mapping_can_be_read_from_json()
    {
        const string json = """
            {
              "name": "cla-starting",
              "indicators": [
                { "code": "dfe-cla-starting-count", "valueColumn": "children_count", "unit": "Count",
                  "filters": { "population_type": "Children starting to be looked after each year" } }
              ]
            }
            """;

        var mapping = DfeIndicatorMapping.FromJson(new MemoryStream(Encoding.UTF8.GetBytes(json)), out var error);
        var result = DfeOpenDataReader.Read(DataFile(ClaFile), mapping!);

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Empty);
            Assert.That(result.Values, Has.Count.EqualTo(835));
            Assert.That(One(result, "dfe-cla-starting-count", "E92000001", Period.Snapshot(new DateOnly(2025, 3, 31))).Value, Is.EqualTo(32_270m));
            Assert.That(DfeIndicatorMapping.FromJson(new MemoryStream("{"u8.ToArray()), out var bad), Is.Null);
            Assert.That(bad, Does.StartWith("the mapping is not valid JSON"));
        });
    }
}
