using System.Text.Json;
using System.Text.RegularExpressions;

namespace Outcomes.Reporting.BoardPack;

/// <summary>A heading and paragraph for the implications part of a committee report (financial, legal, equalities…).</summary>
public sealed record Implication
{
    public string Heading { get; init; } = string.Empty;

    public string Text { get; init; } = string.Empty;
}

/// <summary>
/// What a council says about itself and the meeting: names, colours and the committee front sheet.
/// Every property has a default so a pack can be made with none; <see cref="Load"/> reads a YAML or JSON
/// file whose keys are the camelCase property names and whose missing keys keep their defaults.
/// </summary>
public sealed partial record PackSettings
{
    public string CouncilName { get; init; } = "Example County Council";

    /// <summary>Text in the header block where a logo would go (kept as text: packs carry no pictures).</summary>
    public string? LogoText { get; init; }

    /// <summary>What the logo block prints: <see cref="LogoText"/>, or the council's name when none is set.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string LogoOrCouncilName => string.IsNullOrWhiteSpace(LogoText) ? CouncilName : LogoText;

    /// <summary>#rrggbb; headings, rules and table heads.</summary>
    public string PrimaryColour { get; init; } = "#1d4f91";

    /// <summary>#rrggbb; the light band behind the front sheet's labels.</summary>
    public string AccentColour { get; init; } = "#e8eef7";

    public string CommitteeName { get; init; } = "Children's Centres Advisory Board";

    public DateOnly? MeetingDate { get; init; }

    public string AgendaItem { get; init; } = string.Empty;

    /// <summary>Null: "Children's centre outcomes: {unit}, {period}".</summary>
    public string? ReportTitle { get; init; }

    public string OfficerName { get; init; } = string.Empty;

    public string OfficerPost { get; init; } = "Head of Early Help";

    public string OfficerEmail { get; init; } = string.Empty;

    public string OfficerPhone { get; init; } = string.Empty;

    public string ElectoralDivisions { get; init; } = "All";

    public string KeyDecision { get; init; } = "No";

    public string Purpose { get; init; } =
        "To give the board the quarter's performance against the outcomes framework, and to draw its attention to measures rated red.";

    public string Recommendation { get; init; } =
        "That the board notes the performance set out in this report and the actions described for the measures rated red.";

    /// <summary>Paragraphs for section 1.0. Empty: a standard paragraph naming the unit, period and framework.</summary>
    public IReadOnlyList<string> Background { get; init; } = [];

    public IReadOnlyList<Implication> Implications { get; init; } =
    [
        new() { Heading = "Financial", Text = "There are no financial implications arising directly from this report." },
        new() { Heading = "Legal", Text = "There are no legal implications arising directly from this report." },
        new() { Heading = "Equalities", Text = "The measures include outcomes for groups with protected characteristics; no decision is sought that would affect them." },
    ];

    public static PackSettings Default { get; } = new();

    /// <summary>Reads settings from a .yaml/.yml or .json file. Keys are the property names in camelCase.</summary>
    public static PackSettings Load(string path)
    {
        var text = File.ReadAllText(path);
        PackSettings? settings;
        try
        {
            settings = Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".json" => YamlAsJson.Deserialize<PackSettings>(text, isYaml: false),
                ".yaml" or ".yml" => YamlAsJson.Deserialize<PackSettings>(text, isYaml: true),
                _ => throw new ArgumentException($"Pack settings '{path}' must be .yaml, .yml or .json.", nameof(path)),
            };
        }
        catch (Exception e) when (e is JsonException or YamlDotNet.Core.YamlException)
        {
            throw new InvalidDataException($"Pack settings '{path}' could not be read: {e.Message}", e);
        }

        settings ??= new PackSettings();
        var problems = settings.Validate();
        return problems.Count == 0
            ? settings
            : throw new InvalidDataException($"Pack settings '{path}': {string.Join("; ", problems)}");
    }

    /// <summary>Problems that would spoil a pack; empty when the settings are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(CouncilName))
        {
            problems.Add("councilName is required");
        }

        // Colours go into the stylesheet, so only a plain hex colour is accepted.
        foreach (var (name, value) in new[] { ("primaryColour", PrimaryColour), ("accentColour", AccentColour) })
        {
            if (value is null || !HexColour().IsMatch(value))
            {
                problems.Add($"{name} '{value}' is not a colour like #1d4f91");
            }
        }

        return problems;
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColour();
}
