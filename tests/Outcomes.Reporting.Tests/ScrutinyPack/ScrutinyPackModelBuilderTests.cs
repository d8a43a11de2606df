using Outcomes.Domain.Comparators;
using Outcomes.Domain.Periods;
using Outcomes.Reporting.ScrutinyPack;

namespace Outcomes.Reporting.Tests.ScrutinyPack;

public class ScrutinyPackModelBuilderTests
{
    private static ScrutinyPackModel Build() => ScrutinyPackModelBuilder.Build(SampleScrutiny.Input());

    [Test]
    public void The_overview_has_a_row_per_measure_and_a_column_per_cluster_then_the_authority_with_each_status_letter()
    {
        var overview = Build().Overview;
        var reach = overview.Rows.Single(r => r.Code == "REACH");
        var visits = overview.Rows.Single(r => r.Code == "VISITS");

        Assert.Multiple(() =>
        {
            Assert.That(overview.Columns, Is.EqualTo(new[] { "North", "South", "West", "Authority" }), "the shared word 'cluster' is dropped");
            Assert.That(overview.ColumnNoun, Is.EqualTo("clusters"));
            Assert.That(overview.Rows.Select(r => r.Code), Is.EqualTo(new[] { "REACH", "VISITS", "GLD", "CLA" }));
            Assert.That(reach.Cells.Select(c => c.Letter), Is.EqualTo(new[] { "G", "R", "A", "R" }));
            Assert.That(visits.Cells.Select(c => c.Letter), Is.EqualTo(new[] { "B", "G", "R", "G" }));
            Assert.That(visits.Cells[2].ValueText, Is.EqualTo("c"), "a count below the disclosure threshold is not shown");
            Assert.That(reach.Cells[1].StatusClass, Is.EqualTo("rag-red"));
            Assert.That(overview.Rows.Single(r => r.Code == "CLA").Cells.Select(c => c.Letter), Is.All.EqualTo("–"));
            Assert.That(overview.Rows.Single(r => r.Code == "CLA").Cells[0].ValueText, Is.EqualTo("Not reported"));
            Assert.That(overview.ShowsValues, Is.True);
            Assert.That(overview.Html, Does.Contain(">R</span>").And.Contain(">B</span>").And.Contain("74.0%"));
            Assert.That(overview.Summary, Does.Contain("red: Reach in deprived areas in South and Authority"));
        });
    }

    [Test]
    public void A_five_level_band_is_printed_in_the_overview_as_the_scorecard_prints_it()
    {
        var scores = SampleScrutiny.Scores().Select(s => s.OrgUnitCode == "BRD-CL3" && s.MeasureCode == "GLD" ? s with { Band = "AG" } : s).ToList();
        var overview = ScrutinyPackModelBuilder.Build(SampleScrutiny.Input(scores: scores)).Overview;

        Assert.Multiple(() =>
        {
            Assert.That(overview.Rows.Single(r => r.Code == "GLD").Cells[2].Letter, Is.EqualTo("AG"));
            Assert.That(overview.HasBands, Is.True);
            Assert.That(overview.Html, Does.Contain("AG 67.2%"));
        });
    }

    [Test]
    public void Every_measure_gets_an_spc_item_with_the_scored_variation_and_assurance_in_words()
    {
        var items = Build().SpcItems;
        var reach = items.Single(i => i.Code == "REACH");
        var gld = items.Single(i => i.Code == "GLD");
        var cla = items.Single(i => i.Code == "CLA");

        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => i.Code), Is.EqualTo(new[] { "REACH", "VISITS", "GLD", "CLA" }));
            Assert.That(reach.VariationLabel, Is.EqualTo("Special cause: concern"));
            Assert.That(reach.VariationClass, Is.EqualTo("spc-special-cause-concern"));
            Assert.That(reach.AssuranceLabel, Is.EqualTo("Consistently fails"));
            Assert.That(reach.LimitsNote, Is.EqualTo("Trial limits (8 points)"));
            Assert.That(reach.Explanation, Is.EqualTo(SampleScrutiny.ReachSpc.Explanation));
            Assert.That(reach.LatestText, Is.EqualTo("74.0%"));
            Assert.That(reach.StatusLetter, Is.EqualTo("R"));
            Assert.That(reach.Points, Is.EqualTo(8));
            Assert.That(reach.ChartSvg, Does.StartWith("<svg").And.Contain("2017-18 Q1").And.Contain("2018-19 Q4"));
            Assert.That(gld.Points, Is.EqualTo(2), "an annual figure carried through quarters is one point");
            Assert.That(gld.ChartSvg, Does.Contain("England"));
            Assert.That(cla.ChartSvg, Is.Empty);
            Assert.That(cla.VariationLabel, Is.EqualTo("Not calculable"));
            Assert.That(cla.Explanation, Does.Contain("Fewer than two figures"));
        });
    }

    [Test]
    public void Only_measures_with_a_published_comparator_are_compared_and_the_latest_year_ending_by_the_quarter_is_used()
    {
        var section = Build().Comparisons;
        var gld = section.Items.Single(i => i.Code == "GLD");
        var cla = section.Items.Single(i => i.Code == "CLA");

        Assert.Multiple(() =>
        {
            Assert.That(section.Items.Select(i => i.Code), Is.EqualTo(new[] { "GLD", "CLA" }));
            Assert.That(section.NotComparedText, Does.Contain("Reach in deprived areas and Home visits"));
            Assert.That(gld.PeriodKey, Is.EqualTo("2017/18"), "2018/19 ends after 2018-19 Q4");
            Assert.That(gld.HasChart, Is.True);
            Assert.That(gld.Rows.Select(r => r.Area), Is.EqualTo(new[] { SampleScrutiny.Authority.Name, "Calderdale", "Kirklees", "England" }), "Oldham is not a named neighbour");
            Assert.That(gld.Rows[0].ValueText, Is.EqualTo("66.8%"));
            Assert.That(gld.Rows[0].IntervalText, Is.EqualTo("65.7% to 67.8%"));
            Assert.That(gld.Rows[0].ComparisonText, Is.EqualTo("Worse than England"));
            Assert.That(gld.Rows[1].ComparisonText, Is.EqualTo("Similar to England"), "England's 71.5% lies inside Calderdale's interval");
            Assert.That(gld.Rows[^1].IsEngland, Is.True);
            Assert.That(gld.Sentence, Does.Contain("66.8% was worse than England (71.5%)").And.Contain("ranked 3rd of 3"));
            Assert.That(gld.ChartSvg, Does.Contain("Calderdale").And.Contain("Kirklees"));
            Assert.That(cla.HasChart, Is.False);
            Assert.That(cla.Sentence, Does.Contain("cover a period ending by 2018-19 Q4"));
            Assert.That(section.NeighboursText, Does.Contain("2 local authorities named in the pack settings (test list)"));
        });
    }

    [Test]
    public void Each_spc_item_says_how_far_the_measure_moved_since_the_first_quarter_shown()
    {
        var items = Build().SpcItems;

        Assert.Multiple(() =>
        {
            Assert.That(items.Single(i => i.Code == "REACH").ChangeSinceStart,
                Is.EqualTo("Worsened: 74.0% in 2018-19 Q4 is down 7.5%, or 6.0 points, on the baseline of 80.0% in 2017-18 Q1."));
            Assert.That(items.Single(i => i.Code == "VISITS").ChangeSinceStart, Does.StartWith("Improved: 1,010 in 2018-19 Q4 is up 12.2%"));
            Assert.That(items.Single(i => i.Code == "CLA").ChangeSinceStart, Is.Empty, "no figures, no change");
        });
    }

    [Test]
    public void A_configured_region_is_a_second_benchmark_with_its_own_row_and_a_sentence()
    {
        // Yorkshire and the Humber, 2017/18, as published: 45,166 of 65,037 children (69.4%).
        var region = new ComparatorValue
        {
            IndicatorCode = "dfe-gld", AreaCode = "E12000003", AreaName = "Yorkshire and the Humber", Level = GeographicLevel.Regional,
            Period = Period.AcademicYear(2017), Value = 69.4m, Numerator = 45166, Denominator = 65037,
        };
        var input = SampleScrutiny.Input(SampleScrutiny.Scrutiny("E08000034") with { Region = "E12000003" }) with
        {
            Comparators = [.. SampleScrutiny.Comparators(), region],
        };

        var gld = ScrutinyPackModelBuilder.Build(input).Comparisons.Items.Single(i => i.Code == "GLD");

        Assert.Multiple(() =>
        {
            Assert.That(gld.Rows.Select(r => r.Area), Is.EqualTo(new[] { SampleScrutiny.Authority.Name, "Kirklees", "Yorkshire and the Humber (region)", "England" }));
            Assert.That(gld.Rows[2].ValueText, Is.EqualTo("69.4%"));
            Assert.That(gld.Rows[2].ComparisonText, Is.EqualTo("Worse than England"), "the region's narrow interval lies below England's 71.5%");
            Assert.That(gld.Sentence, Does.Contain("Against Yorkshire and the Humber (69.4%) it was worse than the region."));
            Assert.That(gld.ChartSvg, Does.Contain("Yorkshire and the Humber (region)"));
        });
    }

    [Test]
    public void With_enough_neighbours_the_sentence_gives_the_authoritys_quintile_in_the_group()
    {
        // Bolton and Rochdale as published for 2017/18 (2,680 of 3,970 and 2,022 of 3,056).
        ComparatorValue La(string code, string name, decimal value, decimal n, decimal d) => new()
        {
            IndicatorCode = "dfe-gld", AreaCode = code, AreaName = name, Level = GeographicLevel.LocalAuthority, Period = Period.AcademicYear(2017),
            Value = value, Numerator = n, Denominator = d,
        };
        var input = SampleScrutiny.Input(SampleScrutiny.Scrutiny("E08000034", "E08000033", "E08000004", "E08000001", "E08000005")) with
        {
            Comparators = [.. SampleScrutiny.Comparators(), La("E08000001", "Bolton", 67.5m, 2680, 3970), La("E08000005", "Rochdale", 66.2m, 2022, 3056)],
        };
        var few = ScrutinyPackModelBuilder.Build(SampleScrutiny.Input(SampleScrutiny.Scrutiny("E08000034", "E08000033"))).Comparisons.Items.Single(i => i.Code == "GLD");

        var gld = ScrutinyPackModelBuilder.Build(input).Comparisons.Items.Single(i => i.Code == "GLD");

        Assert.Multiple(() =>
        {
            // 64.1, 66.2, 66.8 (Bradford), 67.5, 69.4, 70.0: fourth of six from the highest.
            Assert.That(gld.Sentence, Does.Contain("ranked 4th of 6 from the highest"));
            Assert.That(gld.Sentence, Does.Contain("Within the group that is in the second-lowest fifth of 6 areas."));
            Assert.That(few.Sentence, Does.Not.Contain("fifth"), "three areas are too few for quintiles");
        });
    }

    [Test]
    public void With_no_neighbours_configured_the_pack_says_it_compares_with_england_only()
    {
        var model = ScrutinyPackModelBuilder.Build(SampleScrutiny.Input(SampleScrutiny.Scrutiny()));
        var gld = model.Comparisons.Items.Single(i => i.Code == "GLD");

        Assert.Multiple(() =>
        {
            Assert.That(model.Comparisons.NeighboursText, Does.Contain("compared with England only"));
            Assert.That(gld.Rows.Select(r => r.Area), Is.EqualTo(new[] { SampleScrutiny.Authority.Name, "England" }));
        });
    }

    [Test]
    public void Funnels_are_drawn_for_proportions_around_the_authority_with_disclosive_clusters_left_off()
    {
        var section = Build().Funnels;
        var reach = section.Items.Single(i => i.Code == "REACH");

        Assert.Multiple(() =>
        {
            Assert.That(section.Items.Select(i => i.Code), Is.EqualTo(new[] { "REACH", "GLD" }));
            Assert.That(section.NotDrawnText, Does.Contain("Home visits and Children looked after have none"));
            Assert.That(reach.Benchmark, Is.EqualTo(74.0).Within(1e-9), "370 / 500, the authority's own proportion");
            Assert.That(reach.BenchmarkText, Is.EqualTo("74.0%"));
            Assert.That(reach.Units.Select(u => (u.Name, u.Numerator, u.Denominator)),
                Is.EqualTo(new[] { ("North cluster", 85m, 100m), ("South cluster", 52m, 100m) }));
            Assert.That(reach.Units[0].PositionText, Is.EqualTo("Above the 95% limit (better)"));
            Assert.That(reach.Units[1].PositionText, Is.EqualTo("Below the 99.8% limit (worse)"));
            Assert.That(reach.NotPlottedText, Does.Contain("West cluster"));
            Assert.That(reach.ChartSvg, Does.Contain("South").And.Contain("Children living in the areas"));
        });
    }

    [Test]
    public void The_gap_between_girls_and_boys_uses_the_gap_analyser_sentence_up_to_the_latest_year_ending_by_the_quarter()
    {
        var gaps = Build().Gaps;
        var gld = gaps.Items.Single();

        Assert.Multiple(() =>
        {
            Assert.That(gld.Code, Is.EqualTo("GLD"));
            Assert.That((gld.GroupA, gld.GroupB), Is.EqualTo(("girls", "boys")), "the group ahead comes first");
            Assert.That(gld.Sentence, Is.EqualTo($"In {SampleScrutiny.Authority.Name}, the gap between girls and boys narrowed by 1.5 points to 13.5 points over five years."));
            Assert.That(gld.EnglandSentence, Is.EqualTo("In England, the gap between girls and boys narrowed by 2.0 points to 13.9 points over five years."));
            Assert.That(gld.Rows.Select(r => r.PeriodKey), Is.EqualTo(new[] { "2012/13", "2013/14", "2014/15", "2015/16", "2016/17", "2017/18" }));
            Assert.That(gld.Rows[0].GapText, Is.EqualTo("15.0 points"));
            Assert.That(gld.ChartSvg, Does.Contain("England"));
            Assert.That(gaps.CoverageText, Does.Contain("No breakdown by group is held for Reach in deprived areas, Home visits and Children looked after"));
        });
    }

    [Test]
    public void Without_any_breakdowns_the_gap_section_says_so_plainly()
    {
        var input = SampleScrutiny.Input() with { Comparators = SampleScrutiny.Comparators().Where(c => c.Breakdown == "Total").ToList() };
        var model = ScrutinyPackModelBuilder.Build(input);

        Assert.Multiple(() =>
        {
            Assert.That(model.Gaps.Items, Is.Empty);
            Assert.That(model.Gaps.CoverageText, Does.StartWith("No gap between groups can be shown"));
            Assert.That(model.Summary[^1], Is.EqualTo("No gap between groups can be reported from the data held."));
        });
    }

    [Test]
    public void Front_matter_comes_from_the_settings_and_the_date_from_the_data()
    {
        var model = Build();

        Assert.Multiple(() =>
        {
            Assert.That(model.FrontSheet.To, Is.EqualTo("Children's Services Overview and Scrutiny Committee"));
            Assert.That(model.FrontSheet.MeetingDateText, Is.EqualTo("20 June 2019"));
            Assert.That(model.FrontSheet.AgendaItem, Is.EqualTo("9"));
            Assert.That(model.FrontSheet.From, Is.EqualTo("Performance Team, Head of Early Help"));
            Assert.That(model.GeneratedOnText, Is.EqualTo("20 April 2019"));
            Assert.That(model.PeriodsText, Is.EqualTo("8 quarters, 2017-18 Q1 to 2018-19 Q4"));
            Assert.That(model.DocumentTitle, Is.EqualTo($"{SampleScrutiny.Authority.Name}: Early help outcomes: trends from 2017-18 Q1 to 2018-19 Q4"));
            Assert.That(model.Summary[0], Is.EqualTo("At authority level in 2018-19 Q4, of 4 measures: 1 green, 0 amber, 2 red and 1 not rated."));
            Assert.That(model.Summary[1], Does.Contain("special cause of concern in Reach in deprived areas").And.Contain("Reach in deprived areas will consistently fail its target"));
            Assert.That(model.Definitions.Select(d => d.Code), Is.EqualTo(new[] { "REACH", "VISITS", "GLD", "CLA" }));
        });
    }

    [Test]
    public void A_neighbour_that_is_not_a_gss_code_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ScrutinyPackModelBuilder.Build(SampleScrutiny.Input(SampleScrutiny.Scrutiny("Kirklees"))));
        Assert.That(error!.Message, Does.Contain("'Kirklees' is not a local authority GSS code"));
    }
}
