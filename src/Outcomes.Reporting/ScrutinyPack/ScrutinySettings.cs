using System.Text.Json;
using System.Text.RegularExpressions;

namespace Outcomes.Reporting.ScrutinyPack;

/// <summary>
/// What a scrutiny paper needs beyond the council's <see cref="BoardPack.PackSettings"/>: the scrutiny committee and
/// meeting, the paper's purpose and recommendation, and the statistical neighbours to compare with. Read from the
/// <c>scrutiny:</c> section of the same pack settings file (the board pack ignores that section), so a council keeps
/// one file. Every property has a default, so a pack can be made with none.
/// </summary>
public sealed partial record ScrutinySettings
{
    public string CommitteeName { get; init; } = "Children's Services Overview and Scrutiny Committee";

    public DateOnly? MeetingDate { get; init; }

    public string AgendaItem { get; init; } = string.Empty;

    /// <summary>Null: "Early help outcomes: scrutiny of trends, {first} to {last}".</summary>
    public string? ReportTitle { get; init; }

    public string Purpose { get; init; } =
        "To give the committee the authority-wide picture of early-help outcomes over time: how each measure has varied, how the " +
        "authority compares with England and its statistical neighbours, how clusters compare with each other, and how gaps between groups have moved.";

    public string Recommendation { get; init; } =
        "That the committee notes the trends set out in this report and identifies any measure it wishes to examine in more depth at a future meeting.";

    /// <summary>GSS codes of the local authorities to compare with (DfE <c>new_la_code</c>); names come from the published data.</summary>
    public IReadOnlyList<string> StatisticalNeighbours { get; init; } = [];

    /// <summary>GSS code of the authority's region (e.g. E12000003, Yorkshire and The Humber), compared with beside England; null: none.</summary>
    public string? Region { get; init; }

    /// <summary>Where the neighbour list came from, printed under the comparison charts.</summary>
    public string NeighboursSource { get; init; } = string.Empty;

    public static ScrutinySettings Default { get; } = new();

    /// <summary>Reads the <c>scrutiny:</c> section of a pack settings file (.yaml, .yml or .json); defaults when it has none.</summary>
    public static ScrutinySettings Load(string path)
    {
        var text = File.ReadAllText(path);
        try
        {
            var isYaml = Path.GetExtension(path).ToLowerInvariant() is ".yaml" or ".yml";
            if (!isYaml && !path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Pack settings '{path}' must be .yaml, .yml or .json.", nameof(path));
            }

            var settings = YamlAsJson.Deserialize<SettingsFile>(text, isYaml)?.Scrutiny ?? new ScrutinySettings();
            var problems = settings.Validate();
            return problems.Count == 0
                ? settings
                : throw new InvalidDataException($"Pack settings '{path}', scrutiny section: {string.Join("; ", problems)}");
        }
        catch (Exception e) when (e is JsonException or YamlDotNet.Core.YamlException)
        {
            throw new InvalidDataException($"Pack settings '{path}' could not be read: {e.Message}", e);
        }
    }

    /// <summary>Problems that would spoil a pack; empty when the settings are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(CommitteeName))
        {
            problems.Add("committeeName is required");
        }

        if (Region is { } region && !RegionCode().IsMatch(region))
        {
            problems.Add($"region: '{region}' is not a region GSS code like E12000003");
        }

        foreach (var code in StatisticalNeighbours)
        {
            if (string.IsNullOrWhiteSpace(code) || !GssCode().IsMatch(code))
            {
                problems.Add($"statisticalNeighbours: '{code}' is not a local authority GSS code like E08000032");
            }
        }

        return problems;
    }

    [GeneratedRegex("^E(0[6-9]|10)[0-9]{6}$")]
    private static partial Regex GssCode();

    [GeneratedRegex("^E1[23][0-9]{6}$")]
    private static partial Regex RegionCode();

    private sealed record SettingsFile
    {
        public ScrutinySettings? Scrutiny { get; init; }
    }
}
