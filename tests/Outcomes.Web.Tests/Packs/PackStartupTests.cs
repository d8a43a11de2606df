using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Packs;

namespace Outcomes.Web.Tests.Packs;

/// <summary>What the pack queue does with the last run's leftovers, and the start-up check of the pack options.</summary>
[NonParallelizable]
public sealed class PackStartupTests
{
    private static readonly DateTimeOffset LastRun = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task At_start_a_job_left_running_is_failed_and_a_job_left_queued_is_taken_up_again()
    {
        long running = 0, queued = 0;
        using var host = await PackHost.StartAsync(chromiumPath: "/nowhere/chromium", beforeStart: async store =>
        {
            var jobs = new PackJobRepository(store);
            running = await jobs.CreateAsync(new PackJobRequest(PackKind.Board, "BRD-CC", "BRD-CL1", "BRD", "2018-19 Q4", "left@example", LastRun));
            await jobs.StartAsync(running, LastRun.AddSeconds(1));
            await jobs.ReportAsync(running, "printing PDF", 45);
            queued = await jobs.CreateAsync(new PackJobRequest(PackKind.Board, "BRD-CC", "BRD-CL2", "BRD", "2018-19 Q4", "left@example", LastRun));
        });
        host.Factory.CreateClient().Dispose();

        var (cut, _) = await host.FinishedAsync(running, TimeSpan.FromSeconds(60));
        var (taken, _) = await host.FinishedAsync(queued, TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            Assert.That((cut.Status, cut.ErrorMessage), Is.EqualTo((PackJobStatus.Failed, PackWorker.CutOffMessage)));
            Assert.That(cut.Stage, Is.EqualTo("printing PDF"), "the stage it was cut off at is kept");
            Assert.That(taken.StartedAt, Is.Not.Null, "the queued job was started again by this run");
            Assert.That(taken.StartedAt, Is.GreaterThan(LastRun.AddMinutes(1)));
            Assert.That(taken.ErrorMessage, Does.Contain("Chromium"), "it got as far as printing (Chromium is pointed nowhere here)");
        });
    }

    [Test]
    public async Task A_missing_settings_folder_or_a_bad_settings_file_stops_the_host_with_a_sentence_naming_it()
    {
        var folder = Directory.CreateTempSubdirectory("outcomes-bad-settings-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "BRD.yaml"), "councilName: \"Bradford\"\nprimaryColour: \"green\"\n");
            using var missing = await PackHost.StartAsync(configure: b => b.UseSetting("Outcomes:Packs:SettingsFolder", "/nowhere/pack-settings"));
            using var bad = await PackHost.StartAsync(configure: b => b.UseSetting("Outcomes:Packs:SettingsFolder", folder));
            using var tooMany = await PackHost.StartAsync(maxConcurrentJobs: 0);

            var missingError = Assert.Throws<OptionsValidationException>(() => missing.Factory.CreateClient());
            var badError = Assert.Throws<OptionsValidationException>(() => bad.Factory.CreateClient());
            var limitError = Assert.Throws<OptionsValidationException>(() => tooMany.Factory.CreateClient());

            Assert.Multiple(() =>
            {
                Assert.That(missingError!.Message, Does.Contain("Outcomes:Packs:SettingsFolder '/nowhere/pack-settings' does not exist"));
                Assert.That(badError!.Message, Does.Contain("BRD.yaml").And.Contain("primaryColour 'green' is not a colour"));
                Assert.That(limitError!.Message, Does.Contain("MaxConcurrentJobs must be between 1 and 16 (was 0)"));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task An_authoritys_settings_are_its_code_named_file_else_the_file_with_its_council_name_else_the_defaults()
    {
        var folder = Directory.CreateTempSubdirectory("outcomes-settings-").FullName;
        try
        {
            File.Copy(Path.Combine(SampleStore.RepositoryRoot, "samples", "pack-settings", "bradford.yaml"), Path.Combine(folder, "bradford.yaml"));
            await File.WriteAllTextAsync(Path.Combine(folder, "LDS.yaml"), "councilName: \"Leeds, by code\"\n");
            using var host = await PackHost.StartAsync(configure: b => b.UseSetting("Outcomes:Packs:SettingsFolder", folder));
            var catalog = host.Factory.Services.GetRequiredService<PackSettingsCatalog>();

            var bradford = catalog.For("BRD", "City of Bradford Metropolitan District Council");
            var leeds = catalog.For("LDS", "Leeds City Council");
            var essex = catalog.For("ESX", "Essex County Council");

            Assert.Multiple(() =>
            {
                Assert.That((Path.GetFileName(bradford.File), bradford.Pack.CommitteeName), Is.EqualTo(("bradford.yaml", "Bradford Children's Centres Advisory Board")));
                Assert.That(bradford.Scrutiny.Region, Is.EqualTo("E12000003"));
                Assert.That((Path.GetFileName(leeds.File), leeds.Pack.CouncilName), Is.EqualTo(("LDS.yaml", "Leeds, by code")));
                Assert.That(essex.File, Is.Null);
                Assert.That(essex.Pack, Is.SameAs(Outcomes.Reporting.BoardPack.PackSettings.Default));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
