using System.Text.RegularExpressions;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Targets;
using Outcomes.Ingestion.Frameworks.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Outcomes.Ingestion.Frameworks;

/// <summary>
/// Reads one council's framework folder (organisation.yaml, framework.vN.yaml…, targets.yaml) into a
/// <see cref="FrameworkPackage"/>. Bad input is reported as <see cref="FrameworkProblem"/>s, never thrown:
/// YAML syntax errors, unknown fields, and every rule of the validators, each with file, line and field.
/// </summary>
public static partial class FrameworkPackageLoader
{
    public const string OrganisationFile = "organisation.yaml";
    public const string TargetsFile = "targets.yaml";

    public static FrameworkLoadResult Load(string folder)
    {
        var council = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        var problems = new List<FrameworkProblem>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new FrameworkProblem(council, null, string.Empty, "folder.missing", $"framework folder '{folder}' does not exist"));
            return new FrameworkLoadResult(folder, null, problems);
        }

        string Rel(string fileName) => $"{council}/{fileName}";

        OrganisationDocument? organisation = null;
        TargetsDocument? targets = null;
        var versions = new List<VersionDocument>();
        var yamlFiles = Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal);
        foreach (var path in yamlFiles)
        {
            var name = Path.GetFileName(path);
            var file = new FileProblems(Rel(name));
            var versionMatch = VersionFileName().Match(name);
            if (name == OrganisationFile)
            {
                organisation = ReadRoot(path, file) is { } root ? new OrganisationDocument(root, file.File) : null;
            }
            else if (name == TargetsFile)
            {
                targets = ReadRoot(path, file) is { } root ? new TargetsDocument(root, file.File) : null;
            }
            else if (versionMatch.Success)
            {
                if (ReadRoot(path, file) is { } root)
                {
                    versions.Add(new VersionDocument(root, file.File, int.TryParse(versionMatch.Groups[1].Value, out var n) ? n : null));
                }
            }
            else
            {
                file.Add(null, string.Empty, "file.unrecognised",
                    $"'{name}' is not a file this format reads (organisation.yaml, framework.v1.yaml, framework.v2.yaml…, targets.yaml)");
            }

            problems.AddRange(file.Items);
        }

        if (organisation is null && !File.Exists(Path.Combine(folder, OrganisationFile)))
        {
            problems.Add(new FrameworkProblem(Rel(OrganisationFile), null, string.Empty, "file.missing", "the folder has no organisation.yaml"));
        }

        if (versions.Count == 0 && !Directory.EnumerateFiles(folder, "framework.v*.y*ml").Any())
        {
            problems.Add(new FrameworkProblem(Rel("framework.v1.yaml"), null, string.Empty, "file.missing", "the folder has no framework.v1.yaml"));
        }

        problems.AddRange(Validate(organisation, versions, targets));
        if (problems.Count > 0 || organisation is null || versions.Count == 0)
        {
            return new FrameworkLoadResult(folder, null, Sorted(problems));
        }

        return new FrameworkLoadResult(folder, Build(organisation, versions, targets, folder), []);
    }

    /// <summary>
    /// Loads every council folder under <paramref name="samplesFrameworksFolder"/>. Codes must be unique across a
    /// deployment, so an org-unit or framework code already used by an earlier folder is a problem for the later one.
    /// </summary>
    public static IReadOnlyList<FrameworkLoadResult> LoadAll(string samplesFrameworksFolder)
    {
        var results = new List<FrameworkLoadResult>();
        var unitOwners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var frameworkOwners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var folder in Directory.EnumerateDirectories(samplesFrameworksFolder).OrderBy(d => d, StringComparer.Ordinal))
        {
            var result = Load(folder);
            if (result.Package is { } package)
            {
                var council = Path.GetFileName(folder);
                var clashes = new List<FrameworkProblem>();
                foreach (var unit in package.OrgUnits.Where(u => !unitOwners.TryAdd(u.Code, council)))
                {
                    clashes.Add(new FrameworkProblem($"{council}/{OrganisationFile}", null, "units", "org.code.duplicate-across-councils",
                        $"org unit code '{unit.Code}' is already used by {unitOwners[unit.Code]}"));
                }

                if (!frameworkOwners.TryAdd(package.Framework.Code, council))
                {
                    clashes.Add(new FrameworkProblem($"{council}/framework.v1.yaml", null, "framework", "version.framework.duplicate-across-councils",
                        $"framework code '{package.Framework.Code}' is already used by {frameworkOwners[package.Framework.Code]}"));
                }

                if (clashes.Count > 0)
                {
                    result = result with { Package = null, Problems = clashes };
                }
            }

            results.Add(result);
        }

        return results;
    }

    private static YamlMap? ReadRoot(string path, FileProblems file)
    {
        YamlStream stream;
        try
        {
            using var reader = new StreamReader(path);
            stream = new YamlStream();
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            var reason = (e.InnerException?.Message ?? e.Message).Split(Environment.NewLine)[0];
            file.Add((int)e.Start.Line, string.Empty, "yaml.syntax", $"is not valid YAML (column {e.Start.Column}): {reason}");
            return null;
        }
        catch (IOException e)
        {
            file.Add(null, string.Empty, "file.unreadable", $"could not be read: {e.Message}");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            file.Add(null, string.Empty, "file.empty", "is empty");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            file.Add((int)stream.Documents[1].RootNode.Start.Line, string.Empty, "yaml.many-documents", "holds more than one YAML document ('---'); keep one per file");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            file.Add((int)stream.Documents[0].RootNode.Start.Line, string.Empty, "yaml.shape", "should be a block of fields at the top level");
            return null;
        }

        return new YamlMap(root, string.Empty, file);
    }

    private static List<FrameworkProblem> Validate(OrganisationDocument? organisation, List<VersionDocument> versions, TargetsDocument? targets)
    {
        var problems = new List<FrameworkProblem>();
        if (organisation is not null)
        {
            var unitValidator = new OrgUnitValidator();
            foreach (var unit in organisation.AllUnits)
            {
                problems.AddRange(ValidationProblems.From(unitValidator.Validate(unit), unit));
            }

            problems.AddRange(ValidationProblems.From(new OrganisationValidator().Validate(organisation), organisation));
        }

        var measureValidator = new MeasureValidator();
        var versionValidator = new FrameworkVersionValidator();
        foreach (var version in versions)
        {
            problems.AddRange(ValidationProblems.From(versionValidator.Validate(version), version));
            foreach (var measure in version.Measures)
            {
                problems.AddRange(ValidationProblems.From(measureValidator.Validate(measure), measure));
            }

            var codes = version.Measures.Where(m => m.Code is not null).Select(m => m.Code!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var ruleValidator = new CrossMeasureRuleValidator(codes);
            foreach (var rule in version.Rules)
            {
                problems.AddRange(ValidationProblems.From(ruleValidator.Validate(rule), rule));
            }

            if (organisation is not null && Vocabulary.Level.TryParse(version.ReturningLevel, out var level)
                && !organisation.AllUnits.Any(u => Vocabulary.Level.TryParse(u.Type, out var t) && t == level))
            {
                problems.Add(new FrameworkProblem(version.File, version.LineOf("returning_level"), "returning_level", "version.returning-level.no-units",
                    $"returning_level is {version.ReturningLevel}, but organisation.yaml has no unit of that type"));
            }
        }

        var ordered = versions.OrderBy(v => Vocabulary.Int(v.Version) ?? int.MaxValue).ToList();
        if (ordered.Count > 0)
        {
            problems.AddRange(ValidationProblems.From(new VersionSequenceValidator().Validate(ordered), ordered[0]));
        }

        if (targets is not null)
        {
            if (targets.Framework is not null && ordered.Count > 0 && !string.Equals(targets.Framework, ordered[0].Framework, StringComparison.Ordinal))
            {
                problems.Add(new FrameworkProblem(targets.File, targets.LineOf("framework"), "framework", "target.framework.differs",
                    $"targets.yaml is for framework '{targets.Framework}' but the framework files say '{ordered[0].Framework}'"));
            }

            if (!Vocabulary.IsBoolOrBlank(targets.UseConfidenceInterval))
            {
                problems.Add(new FrameworkProblem(targets.File, targets.LineOf("use_confidence_interval"), "use_confidence_interval", "target.use-confidence-interval",
                    $"targets.yaml use_confidence_interval '{targets.UseConfidenceInterval}' should be true or false"));
            }

            var context = new TargetContext(ordered, organisation?.AllUnits ?? []);
            var targetValidator = new TargetValidator(context);
            foreach (var target in targets.Targets)
            {
                problems.AddRange(ValidationProblems.From(targetValidator.Validate(target), target));
            }

            problems.AddRange(ValidationProblems.From(new TargetSetValidator().Validate(targets.Targets), targets));
        }

        return problems;
    }

    private static FrameworkPackage Build(OrganisationDocument organisation, List<VersionDocument> versions, TargetsDocument? targets, string folder)
    {
        var authority = organisation.Authority!;
        var units = organisation.AllUnits.Select(u => new OrgUnit(
                u.Code!,
                u.Name!,
                Vocabulary.Level.Parse(u.Type),
                authority.Code!,
                u.GssCode,
                Vocabulary.Date(u.Opened),
                Vocabulary.Date(u.Closed),
                u.Successor))
            .ToList();
        var links = organisation.AllUnits
            .SelectMany(u => u.Parents.Select(l => new OrgUnitLink(u.Code!, l.Parent!, Vocabulary.Date(l.From), Vocabulary.Date(l.To))))
            .ToList();

        var ordered = versions.OrderBy(v => Vocabulary.Int(v.Version)).ToList();
        var code = ordered[0].Framework!;
        var latest = ordered[^1];
        var framework = new Framework
        {
            Code = code,
            Name = latest.Name!,
            AuthorityCode = authority.Code!,
            Description = latest.Description?.Trim() ?? string.Empty,
            ReturningLevel = Vocabulary.Level.Parse(latest.ReturningLevel).ToString(),
            ReturnDeadlineDays = Vocabulary.Int(latest.ReturnDeadlineDays) ?? Framework.DefaultReturnDeadlineDays,
            Versions = ordered.Select(v => BuildVersion(code, v)).ToList(),
        };

        var measureCodes = ordered.SelectMany(v => v.Measures).GroupBy(m => m.Code!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Key, StringComparer.OrdinalIgnoreCase);
        var unitCodes = units.ToDictionary(u => u.Code, u => u.Code, StringComparer.OrdinalIgnoreCase);
        var context = new TargetContext(ordered, organisation.AllUnits);
        var intervalsByDefault = Vocabulary.Bool(targets?.UseConfidenceInterval, whenBlank: false);
        var targetList = (targets?.Targets ?? []).Select(t => new Target
            {
                FrameworkCode = code,
                MeasureCode = measureCodes[t.Measure!],
                OrgUnitCode = t.IsDefault ? null : unitCodes[t.OrgUnit!],
                From = Vocabulary.Date(t.From),
                To = Vocabulary.Date(t.To),
                Value = Vocabulary.Decimal(t.Value)!.Value,
                Stretch = Vocabulary.Decimal(t.Stretch),
                Tolerance = Vocabulary.Decimal(t.Tolerance) ?? 0m,
                ToleranceKind = t.ToleranceKind is null ? ToleranceKind.Absolute : Vocabulary.ToleranceKind.Parse(t.ToleranceKind),
                Source = t.Source is null ? TargetSource.Local : Vocabulary.Source.Parse(t.Source),
                SetOn = Vocabulary.Date(t.SetOn),
                SetBy = t.SetBy,
                Phasing = t.Phasing is null ? TargetPhasing.None : Vocabulary.Phasing.Parse(t.Phasing),
                Profile = t.Profile.Count == 0 ? null : new PhasingProfile(t.Profile.Select(s => Vocabulary.Decimal(s)!.Value)),
                BaselineValue = Vocabulary.Decimal(t.BaselineValue),
                BaselineDate = Vocabulary.Date(t.BaselineDate),
                TargetDate = Vocabulary.Date(t.TargetDate),
                UseConfidenceInterval = Vocabulary.TryBool(t.UseConfidenceInterval, out var own)
                    ? own
                    : intervalsByDefault && TargetScheduleValidator.HasIntervalMethod(t, context),
            })
            .ToList();

        return new FrameworkPackage(units, links, framework, targetList, folder);
    }

    private static FrameworkVersion BuildVersion(string frameworkCode, VersionDocument v) => new()
    {
        FrameworkCode = frameworkCode,
        Version = Vocabulary.Int(v.Version)!.Value,
        EffectiveFrom = Vocabulary.Date(v.EffectiveFrom)!.Value,
        EffectiveTo = Vocabulary.Date(v.EffectiveTo),
        Notes = v.Notes?.Trim() ?? string.Empty,
        Scheme = Vocabulary.Scheme.Parse(v.Scheme),
        Measures = v.Measures.Select(BuildMeasure).ToList(),
        Rules = v.Rules.Select(r => new CrossMeasureRule(
            r.Code!,
            r.Description?.Trim() ?? string.Empty,
            r.Left!,
            Vocabulary.Operator.Parse(r.Operator),
            r.Right!,
            r.Importance is null ? RuleImportance.Error : Vocabulary.Importance.Parse(r.Importance))).ToList(),
    };

    private static Measure BuildMeasure(MeasureDocument m)
    {
        var unit = Vocabulary.Unit.Parse(m.Unit);
        return new Measure
        {
            Code = m.Code!,
            Title = m.Title!,
            Definition = m.Definition?.Trim() ?? string.Empty,
            Unit = unit,
            RatePer = Vocabulary.Int(m.RatePer),
            Polarity = Vocabulary.Polarity.Parse(m.Polarity),
            Aggregation = Vocabulary.Aggregation.Parse(m.Aggregation),
            Frequency = Vocabulary.Frequency.Parse(m.Frequency),
            Cumulative = Vocabulary.Bool(m.Cumulative, whenBlank: false),
            Decimals = Vocabulary.Int(m.Decimals) ?? (unit is MeasureUnit.Percentage or MeasureUnit.Rate or MeasureUnit.Score ? 1 : 0),
            NumeratorLabel = m.NumeratorLabel,
            DenominatorLabel = m.DenominatorLabel,
            CiMethod = m.CiMethod is null ? ConfidenceIntervalMethod.None : Vocabulary.CiMethod.Parse(m.CiMethod),
            Comparators = m.Comparators,
            DisclosureThreshold = Vocabulary.Int(m.DisclosureThreshold),
            Group = m.Group,
            Required = Vocabulary.Bool(m.Required, whenBlank: true),
            ReportedAt = m.ReportedAt is null ? null : Vocabulary.Level.Parse(m.ReportedAt).ToString(),
        };
    }

    private static List<FrameworkProblem> Sorted(List<FrameworkProblem> problems) =>
        problems.Distinct().OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line ?? 0).ToList();

    [GeneratedRegex(@"^framework\.v(\d+)\.ya?ml$")]
    private static partial Regex VersionFileName();
}
