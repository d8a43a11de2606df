using System.Collections.Concurrent;
using System.Text.Json;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.ScrutinyPack;

namespace Outcomes.Reporting.Templates;

/// <summary>A numbered section of a pack, as the pack definition names it.</summary>
public sealed record PackSection
{
    public string Id { get; init; } = string.Empty;

    public string Number { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;
}

/// <summary>A pack's definition file (pack.yaml or pack.json): which template and stylesheets, and its sections.</summary>
public sealed record PackDefinition
{
    public string Name { get; init; } = string.Empty;

    public string Template { get; init; } = "pack.liquid";

    public IReadOnlyList<string> Stylesheets { get; init; } = ["pack.css"];

    public IReadOnlyList<PackSection> Sections { get; init; } = [];
}

/// <summary>A template that could not be read, parsed or rendered, with the file and (when known) the line.</summary>
public sealed class TemplateException : Exception
{
    public TemplateException(string message)
        : base(message)
    {
    }

    public TemplateException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public TemplateException(string message, string filePath, int? line, int? column)
        : base(message)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
    }

    public TemplateException()
    {
    }

    public string? FilePath { get; }

    public int? Line { get; }

    public int? Column { get; }
}

/// <summary>
/// Renders packs from Liquid templates read at run time from a folder (one sub-folder per pack, e.g.
/// "board-pack/pack.yaml"), so a council can copy the folder, edit it and point the service at the copy
/// without rebuilding. Parsed templates are cached by path and file time.
/// </summary>
public sealed class TemplateRenderer
{
    public const string BoardPack = "board-pack";

    public const string ScrutinyPack = "scrutiny-pack";

    private static readonly string[] DefinitionNames = ["pack.yaml", "pack.yml", "pack.json"];

    private readonly ConcurrentDictionary<string, (DateTime Written, LiquidTemplate Template)> _cache = new();

    /// <param name="templatesRoot">The folder that holds one sub-folder per pack; null for the one shipped beside the program.</param>
    public TemplateRenderer(string? templatesRoot = null)
    {
        TemplatesRoot = Path.GetFullPath(templatesRoot ?? DefaultTemplatesRoot);
    }

    /// <summary>report-templates/ beside the running program (the build copies it there).</summary>
    public static string DefaultTemplatesRoot => Path.Combine(AppContext.BaseDirectory, "report-templates");

    public string TemplatesRoot { get; }

    /// <summary>Reads a pack's definition (pack.yaml, pack.yml or pack.json in its folder).</summary>
    public PackDefinition LoadDefinition(string pack = BoardPack)
    {
        var folder = PackFolder(pack);
        var path = DefinitionNames.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists)
            ?? throw new TemplateException($"No pack definition (pack.yaml or pack.json) in '{folder}'.");
        var text = File.ReadAllText(path);
        try
        {
            var definition = YamlAsJson.Deserialize<PackDefinition>(text, isYaml: !path.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
            return definition ?? new PackDefinition();
        }
        catch (Exception e) when (e is JsonException or YamlDotNet.Core.YamlException)
        {
            throw new TemplateException($"Pack definition '{path}' could not be read: {e.Message}", e);
        }
    }

    /// <summary>Renders the board pack's HTML for a model.</summary>
    public Task<string> RenderBoardPackAsync(BoardPackModel model, string pack = BoardPack) =>
        RenderAsync(pack, model);

    /// <summary>Renders the authority-wide scrutiny trend pack's HTML for a model.</summary>
    public Task<string> RenderScrutinyPackAsync(ScrutinyPackModel model, string pack = ScrutinyPack) =>
        RenderAsync(pack, model);

    /// <summary>
    /// Renders a pack. The template sees the model's properties at the top level in snake_case
    /// (<c>council_name</c>, <c>rows</c>…), plus <c>section.&lt;id&gt;</c> (number and title from the
    /// definition), <c>sections</c> and <c>stylesheet</c> (the definition's CSS files, concatenated).
    /// </summary>
    public Task<string> RenderAsync(string pack, object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var definition = LoadDefinition(pack);
        var folder = PackFolder(pack);
        var templatePath = Path.Combine(folder, definition.Template);
        var template = Parse(templatePath);

        var css = string.Join(
            "\n",
            definition.Stylesheets.Select(s => Path.Combine(folder, s)).Select(p =>
                File.Exists(p) ? File.ReadAllText(p) : throw new TemplateException($"Stylesheet '{p}' named in the pack definition does not exist.")));

        var globals = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["stylesheet"] = css,
            ["sections"] = definition.Sections,
            ["section"] = definition.Sections.ToDictionary(s => s.Id, s => (object?)s, StringComparer.Ordinal),
        };
        try
        {
            return Task.FromResult(template.Render(model, globals));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new TemplateException($"{templatePath}: the template failed while rendering: {e.Message}", e);
        }
    }

    private LiquidTemplate Parse(string path)
    {
        if (!File.Exists(path))
        {
            throw new TemplateException($"Template '{path}' does not exist.");
        }

        var written = File.GetLastWriteTimeUtc(path);
        if (_cache.TryGetValue(path, out var cached) && cached.Written == written)
        {
            return cached.Template;
        }

        LiquidTemplate template;
        try
        {
            template = LiquidTemplate.Parse(File.ReadAllText(path));
        }
        catch (LiquidSyntaxException e)
        {
            throw new TemplateException($"Liquid error in {path}, line {e.Line}: {e.Message}", path, e.Line, null);
        }

        _cache[path] = (written, template);
        return template;
    }

    private string PackFolder(string pack)
    {
        if (pack.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(pack))
        {
            throw new ArgumentException($"'{pack}' is not a pack name.", nameof(pack));
        }

        var folder = Path.Combine(TemplatesRoot, pack);
        return Directory.Exists(folder)
            ? folder
            : throw new TemplateException($"No templates for pack '{pack}' in '{TemplatesRoot}'.");
    }
}
