using Outcomes.Domain.Periods;
using Outcomes.Domain.Scores;
using Outcomes.Reporting.BoardPack;

namespace Outcomes.Reporting.Tests;

public class BoardPackModelBuilderTests
{
    [Test]
    public void Figures_are_formatted_for_their_unit_with_official_rounding()
    {
        var model = SamplePack.Model();
        var row = model.Rows.ToDictionary(r => r.Code);

        Assert.Multiple(() =>
        {
            Assert.That(row["REG-U5"].ActualText, Is.EqualTo("64.0%"));
            Assert.That(row["REG-U5"].TargetText, Is.EqualTo("60.0%"));
            Assert.That(row["REG-U5"].NumeratorDenominatorText, Is.EqualTo("32 / 50"));
            // 71.25 rounds half away from zero, never to even.
            Assert.That(row["ENG-U5"].ActualText, Is.EqualTo("71.3%"));
            Assert.That(row["ENG-U5"].ActualValue, Is.EqualTo(71.3m));
            Assert.That(row["LOWINC"].ActualText, Is.EqualTo("1,234"));
            Assert.That(row["GLD"].EnglandText, Is.EqualTo("67.7%"));
            Assert.That(row["LOWINC"].EnglandText, Is.EqualTo("–"));
        });
    }

    [Test]
    public void Counts_below_the_disclosure_threshold_are_shown_as_c_everywhere()
    {
        var model = SamplePack.Model();
        var teen = model.Rows.Single(r => r.Code == "TEEN");
        var teenData = model.Data.Where(d => d.MeasureCode == "TEEN").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(teen.ActualText, Is.EqualTo("c"));
            Assert.That(teen.ActualValue, Is.Null);
            Assert.That(teen.DirectionArrow, Is.EqualTo("↓"), "the arrow comes from the judged direction, not the hidden figure");
            Assert.That(teen.Trend.Series[^1].ValueText, Is.EqualTo("c"));
            Assert.That(teen.Trend.Description, Does.Not.Contain(" 3"));
            Assert.That(teen.Trend.HasDot, Is.False, "no status dot on an older point when this quarter is hidden");
            Assert.That(teenData.Single(d => d.PeriodKey == SamplePack.Quarter.Key).Value, Is.Null);
            Assert.That(teenData.Single(d => d.PeriodKey == SamplePack.Quarter.Key).ValueText, Is.EqualTo("c"));
            Assert.That(teenData.Single(d => d.PeriodKey == SamplePack.Quarter.Previous().Key).Value, Is.EqualTo(8m));
        });
    }

    [Test]
    public void Status_letters_colours_and_directions_come_from_the_scores()
    {
        var model = SamplePack.Model();
        var row = model.Rows.ToDictionary(r => r.Code);

        Assert.Multiple(() =>
        {
            Assert.That(model.Rows.Select(r => r.StatusLetter), Is.EqualTo(new[] { "G", "G", "A", "R", "R", "A", "B" }));
            Assert.That(row["REREF"].StatusClass, Is.EqualTo("rag-red"));
            Assert.That(row["REREF"].DirectionArrow, Is.EqualTo("↑"), "re-referrals rose");
            Assert.That(row["REREF"].DirectionWord, Is.EqualTo("Worsening"));
            Assert.That(row["ENG-U5"].DirectionArrow, Is.EqualTo("→"));
            Assert.That(row["REREF"].IsRedAndWorsening, Is.True);
            Assert.That(row["BF68"].IsRedAndWorsening, Is.False);
        });
    }

    [Test]
    public void Executive_summary_is_computed_from_the_scores()
    {
        var model = SamplePack.Model();

        Assert.That(
            model.ExecutiveSummary,
            Is.EqualTo("3 of 7 measures green or better (1 blue); 2 amber; 2 red; 4 improving; 1 red and worsening: Re-referrals."));
    }

    [Test]
    public void Exceptions_are_the_red_measures_with_red_and_worsening_first()
    {
        var model = SamplePack.Model();

        Assert.Multiple(() =>
        {
            Assert.That(model.Exceptions.Select(e => e.Code), Is.EqualTo(new[] { "REREF", "BF68" }));
            Assert.That(model.Exceptions[0].Reason, Is.EqualTo("Red and worsening"));
            Assert.That(model.Exceptions[0].Commentary, Does.StartWith("Two families"));
            Assert.That(model.Exceptions[1].Commentary, Is.EqualTo("No commentary was given with the return."));
        });
    }

    [Test]
    public void Spc_readings_show_in_words_and_a_special_cause_of_concern_is_an_exception()
    {
        var concern = new SpcAtPoint
        {
            Variation = SpcVariation.SpecialCauseConcern, Assurance = SpcAssurance.HitAndMiss, Points = 9, IsTrial = true,
            Explanation = "Special cause of concern: the last 7 quarters are all below the average of 64.2%.",
        };
        var current = SamplePack.Current()
            .Select(s => s.MeasureCode switch
            {
                "REG-U5" => s with { Spc = concern },
                "TEEN" => s with { Spc = concern },
                _ => s,
            })
            .ToList();

        var model = BoardPackModelBuilder.Build(SamplePack.Version, SamplePack.Cluster, SamplePack.Quarter, current, SamplePack.History(), SamplePack.Settings, SamplePack.LatestSubmission, "Framework");
        var row = model.Rows.ToDictionary(r => r.Code);

        Assert.Multiple(() =>
        {
            Assert.That(row["REG-U5"].SpcText, Is.EqualTo("Special cause: concern; hit and miss (trial limits)"));
            Assert.That(row["REG-U5"].SpcClass, Is.EqualTo("spc-special-cause-concern"));
            Assert.That(row["TEEN"].SpcText, Is.EqualTo("–"), "no SPC reading is printed beside a figure hidden as c");
            Assert.That(row["GLD"].SpcText, Is.EqualTo("–"));
            var exception = model.Exceptions.Single(e => e.Code == "REG-U5");
            Assert.That(exception.Reason, Is.EqualTo("SPC: special cause of concern"));
            Assert.That(exception.Explanation, Does.EndWith("below the average of 64.2%."));
            Assert.That(model.Exceptions.Select(e => e.Code), Is.EqualTo(new[] { "REREF", "BF68", "REG-U5" }), "reds first");
        });
    }

    [Test]
    public void Each_measure_with_figures_gets_a_detail_page_with_a_chart_and_its_values_and_hidden_figures_stay_hidden()
    {
        var model = SamplePack.Model();
        var details = model.Details.ToDictionary(d => d.Code);
        var reg = details["REG-U5"];
        var teen = details["TEEN"];

        Assert.Multiple(() =>
        {
            Assert.That(reg.ChartSvg, Does.StartWith("<svg").And.Contain("role=\"img\"").And.Contain("<desc id="));
            Assert.That(reg.ChartAlt, Does.Contain("64.0%"));
            Assert.That(reg.Rows.Select(r => r.PeriodKey), Is.EqualTo(model.Rows.Single(r => r.Code == "REG-U5").Trend.Series.Select(p => p.PeriodKey)));
            Assert.That(reg.Rows[^1].ActualText, Is.EqualTo("64.0%"));
            Assert.That(teen.Rows[^1].ActualText, Is.EqualTo("c"));
            Assert.That(teen.ChartSvg, Does.Not.Contain(">3<"), "the hidden count is not printed in the chart");
            Assert.That(teen.ChartAlt, Does.Not.Contain(" 3 "));
        });
    }

    [Test]
    public void Trend_has_a_point_per_period_ending_with_the_pack_quarter()
    {
        var trend = SamplePack.Model().Rows.Single(r => r.Code == "REG-U5").Trend;

        Assert.Multiple(() =>
        {
            Assert.That(trend.Series.Select(p => p.PeriodKey), Is.EqualTo(new[] { "2024-25 Q2", "2024-25 Q3", "2024-25 Q4", "2025-26 Q1" }));
            Assert.That(trend.Points.Split(' '), Has.Length.EqualTo(4));
            Assert.That(trend.Points.Split(' ')[^1], Is.EqualTo($"{trend.LastX},{trend.LastY}"));
            // Highest value plotted at the top (y = padding).
            Assert.That(trend.LastY, Is.EqualTo("3"));
        });
    }

    [Test]
    public void Header_details_come_from_the_data_and_settings_not_the_clock()
    {
        var model = SamplePack.Model();

        Assert.Multiple(() =>
        {
            Assert.That(model.GeneratedOnText, Is.EqualTo("18 July 2025"));
            Assert.That(model.PeriodKey, Is.EqualTo("2025-26 Q1"));
            Assert.That(model.FrameworkLabel, Is.EqualTo("Children's Centre Outcomes Framework (version 3)"));
            Assert.That(model.FrontSheet.MeetingDateText, Is.EqualTo("10 September 2025"));
            Assert.That(model.FrontSheet.From, Is.EqualTo("Jane Smith, Early Help Performance Manager"));
            Assert.That(model.OrgUnitType, Is.EqualTo("Cluster"));
            Assert.That(model.Groups.Select(g => g.Name), Is.EqualTo(new[] { "Reach", "Better off", "How well" }));
        });
    }

    [Test]
    public void A_measure_without_a_score_is_shown_as_no_data_and_grey()
    {
        var scores = SamplePack.Current().Where(s => s.MeasureCode != "GLD").ToList();
        var model = BoardPackModelBuilder.Build(
            SamplePack.Version, SamplePack.Cluster, SamplePack.Quarter, scores, [], SamplePack.Settings, SamplePack.LatestSubmission);
        var gld = model.Rows.Single(r => r.Code == "GLD");

        Assert.Multiple(() =>
        {
            Assert.That(gld.ActualText, Is.EqualTo("No data"));
            Assert.That(gld.StatusLetter, Is.EqualTo("–"));
            Assert.That(model.Counts.Grey, Is.EqualTo(1));
            Assert.That(model.FrameworkName, Is.EqualTo("CCOF"));
        });
    }

    [Test]
    public void A_score_for_another_unit_or_period_is_refused()
    {
        var wrong = SamplePack.Current();
        wrong[0] = wrong[0] with { Period = SamplePack.Quarter.Previous() };

        Assert.That(
            () => BoardPackModelBuilder.Build(
                SamplePack.Version, SamplePack.Cluster, SamplePack.Quarter, wrong, [], SamplePack.Settings, SamplePack.LatestSubmission),
            Throws.ArgumentException.With.Message.Contains("2025-26 Q1"));
    }

    [Test]
    public void A_suppressed_score_shows_its_reason()
    {
        var scores = SamplePack.Current();
        scores[1] = scores[1] with { SuppressionReason = "x", Status = RagStatus.Grey };
        var model = BoardPackModelBuilder.Build(
            SamplePack.Version, SamplePack.Cluster, SamplePack.Quarter, scores, [], SamplePack.Settings, SamplePack.LatestSubmission);

        Assert.That(model.Rows[1].ActualText, Is.EqualTo("x"));
    }

    [Test]
    public void Settings_load_from_yaml_and_json_keeping_defaults_for_missing_keys()
    {
        var dir = Directory.CreateTempSubdirectory("pack-settings-");
        try
        {
            var yaml = Path.Combine(dir.FullName, "pack.yaml");
            File.WriteAllText(yaml, "councilName: Essex County Council\nprimaryColour: \"#005a9c\"\nmeetingDate: 2025-09-10\nbackground:\n  - First paragraph.\n");
            var json = Path.Combine(dir.FullName, "pack.json");
            File.WriteAllText(json, "{ \"councilName\": \"Blackpool Council\", \"implications\": [ { \"heading\": \"Risk\", \"text\": \"None.\" } ] }");
            var bad = Path.Combine(dir.FullName, "bad.json");
            File.WriteAllText(bad, "{ \"primaryColour\": \"red;}body{display:none\" }");

            var fromYaml = PackSettings.Load(yaml);
            var fromJson = PackSettings.Load(json);

            Assert.Multiple(() =>
            {
                Assert.That(fromYaml.CouncilName, Is.EqualTo("Essex County Council"));
                Assert.That(fromYaml.PrimaryColour, Is.EqualTo("#005a9c"));
                Assert.That(fromYaml.MeetingDate, Is.EqualTo(new DateOnly(2025, 9, 10)));
                Assert.That(fromYaml.Background, Is.EqualTo(new[] { "First paragraph." }));
                Assert.That(fromYaml.KeyDecision, Is.EqualTo("No"));
                Assert.That(fromJson.CouncilName, Is.EqualTo("Blackpool Council"));
                Assert.That(fromJson.Implications.Single().Heading, Is.EqualTo("Risk"));
                Assert.That(() => PackSettings.Load(bad), Throws.TypeOf<InvalidDataException>().With.Message.Contains("primaryColour"));
            });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void Period_labels_are_the_domain_spelling()
    {
        Assert.That(SamplePack.Model().PeriodLabel, Is.EqualTo(Period.FinancialQuarter(2025, 1).Label));
    }
}
