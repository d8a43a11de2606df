using Microsoft.Extensions.Options;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.ScrutinyPack;

namespace Outcomes.Web.Packs;

/// <summary>
/// Packs made through the web (section "Outcomes:Packs"). Relative folders are from the content root (src/Outcomes.Web
/// when run from the repository), so the defaults are the repository's samples/pack-settings and out/packs.
/// Chromium is Outcomes:ChromiumPath.
/// </summary>
public sealed class PackOptions
{
    public const string SectionName = "Outcomes:Packs";

    /// <summary>
    /// Pack settings files (.yaml, .yml, .json), one per authority: the file named after the authority's code (BRD.yaml)
    /// or, failing that, the one whose councilName is the authority's name (the samples are named after the council,
    /// bradford.yaml). An authority with neither gets the default settings. Empty: every authority gets the defaults.
    /// </summary>
    public string SettingsFolder { get; set; } = "../../samples/pack-settings";

    /// <summary>
    /// Where made packs are written, one sub-folder per job (created if missing). The files stay on disk rather than in
    /// the store: they can be made again from stored scores, and would only swell the database and its backups. Several
    /// web servers over one store need this folder shared between them.
    /// </summary>
    public string OutputFolder { get; set; } = "../../out/packs";

    /// <summary>How many packs are made at once (each holds a Chromium page and a few hundred MB at the peak).</summary>
    public int MaxConcurrentJobs { get; set; } = 2;

    /// <summary>How many packs may wait for a free slot before new requests are turned away.</summary>
    public int QueueCapacity { get; set; } = 50;

    /// <summary>How many jobs the history on /packs shows.</summary>
    public int HistoryRows { get; set; } = 50;

    /// <summary>
    /// How many days a made pack's files are kept (90). After that the clean-up removes them and the job shows as
    /// expired (the pack can be made again from the stored scores); files the service left in the output folder that
    /// no job refers to go after the same time. 0 keeps everything (no clean-up). See <see cref="PackRetention"/>.
    /// </summary>
    public int KeepDays { get; set; } = 90;

    /// <summary>How often the clean-up runs after its run at start-up (hourly).</summary>
    public TimeSpan CleanUpInterval { get; set; } = TimeSpan.FromHours(1);

    public string ResolvedSettingsFolder(string contentRoot) =>
        string.IsNullOrWhiteSpace(SettingsFolder) ? string.Empty : Path.GetFullPath(Path.Combine(contentRoot, SettingsFolder));

    public string ResolvedOutputFolder(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, OutputFolder));
}

/// <summary>Checks the pack options at start-up, settings files included, so a bad file stops the host with its name and the problem.</summary>
public sealed class PackOptionsValidator(IHostEnvironment environment) : IValidateOptions<PackOptions>
{
    public ValidateOptionsResult Validate(string? name, PackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.MaxConcurrentJobs is < 1 or > 16)
        {
            problems.Add($"{PackOptions.SectionName}:MaxConcurrentJobs must be between 1 and 16 (was {options.MaxConcurrentJobs}).");
        }

        if (options.QueueCapacity is < 1 or > 10_000)
        {
            problems.Add($"{PackOptions.SectionName}:QueueCapacity must be between 1 and 10000 (was {options.QueueCapacity}).");
        }

        if (options.HistoryRows is < 1 or > 1000)
        {
            problems.Add($"{PackOptions.SectionName}:HistoryRows must be between 1 and 1000 (was {options.HistoryRows}).");
        }

        if (options.KeepDays is < 0 or > PackRetention.MaxKeepDays)
        {
            problems.Add($"{PackOptions.SectionName}:KeepDays must be between 1 and {PackRetention.MaxKeepDays} days, or 0 to keep packs for ever (was {options.KeepDays}).");
        }

        if (options.CleanUpInterval < TimeSpan.FromSeconds(1) || options.CleanUpInterval > TimeSpan.FromDays(7))
        {
            problems.Add($"{PackOptions.SectionName}:CleanUpInterval must be between 00:00:01 and 7.00:00:00 (was {options.CleanUpInterval}).");
        }

        if (string.IsNullOrWhiteSpace(options.OutputFolder))
        {
            problems.Add($"{PackOptions.SectionName}:OutputFolder is empty; name a folder the service may write packs to.");
        }

        var settings = options.ResolvedSettingsFolder(environment.ContentRootPath);
        if (settings.Length > 0 && !Directory.Exists(settings))
        {
            problems.Add($"{PackOptions.SectionName}:SettingsFolder '{settings}' does not exist; point it at the pack settings files (samples/pack-settings in the repository), or set it empty to use the default settings.");
        }
        else
        {
            problems.AddRange(PackSettingsCatalog.FilesIn(settings).SelectMany(CheckFile).Select(p => $"{PackOptions.SectionName}:SettingsFolder: {p}"));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static IEnumerable<string> CheckFile(string file)
    {
        string? problem = null;
        try
        {
            PackSettings.Load(file);
            ScrutinySettings.Load(file);
        }
        catch (InvalidDataException e)
        {
            problem = e.Message;
        }

        if (problem is not null)
        {
            yield return problem;
        }
    }
}
