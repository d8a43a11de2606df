using Microsoft.Extensions.Options;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.ScrutinyPack;

namespace Outcomes.Web.Packs;

/// <summary>An authority's pack settings and the file they came from (null: the defaults).</summary>
public sealed record AuthorityPackSettings(PackSettings Pack, ScrutinySettings Scrutiny, string? File);

/// <summary>
/// Finds an authority's pack settings in the settings folder: the file named after its code (BRD.yaml), else the file
/// whose councilName is its name (the samples' bradford.yaml), else the defaults. Files are read at each pack, so an
/// edited file applies to the next pack without a restart (start-up has already checked every file reads).
/// </summary>
public sealed class PackSettingsCatalog(IOptions<PackOptions> options, IHostEnvironment environment, ILogger<PackSettingsCatalog> logger)
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public string Folder { get; } = options.Value.ResolvedSettingsFolder(environment.ContentRootPath);

    public static IReadOnlyList<string> FilesIn(string folder) =>
        folder.Length == 0 || !Directory.Exists(folder)
            ? []
            : Directory.GetFiles(folder).Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal).ToList();

    public AuthorityPackSettings For(string authorityCode, string authorityName)
    {
        var files = FilesIn(Folder);
        var file = files.FirstOrDefault(f => string.Equals(Path.GetFileNameWithoutExtension(f), authorityCode, StringComparison.OrdinalIgnoreCase))
            ?? files.FirstOrDefault(f => string.Equals(PackSettings.Load(f).CouncilName.Trim(), authorityName.Trim(), StringComparison.OrdinalIgnoreCase));
        if (file is null)
        {
            logger.LogInformation("No pack settings for {Authority} ({Name}) in {Folder}: the default settings apply", authorityCode, authorityName, Folder);
            return new AuthorityPackSettings(PackSettings.Default, ScrutinySettings.Default, null);
        }

        return new AuthorityPackSettings(PackSettings.Load(file), ScrutinySettings.Load(file), file);
    }
}
