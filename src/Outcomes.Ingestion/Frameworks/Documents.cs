namespace Outcomes.Ingestion.Frameworks;

/// <summary>
/// The YAML as written, every scalar still text, each keeping where it came from. Validators judge these;
/// only a folder with no problems is turned into domain types.
/// </summary>
internal abstract class YamlDocument
{
    protected YamlDocument(YamlMap yaml, string file)
    {
        Yaml = yaml;
        File = file;
    }

    public YamlMap Yaml { get; }

    public string File { get; }

    public int Line => Yaml.Line;

    public string Path => Yaml.Path;

    public int LineOf(string key) => Yaml.LineOf(key);

    public string FieldPath(string key) => Yaml.FieldPath(key);
}

internal sealed class LinkDocument : YamlDocument
{
    public LinkDocument(YamlMap map, string file)
        : base(map, file)
    {
        Parent = map.Str("parent");
        From = map.Str("from");
        To = map.Str("to");
        map.ReportUnknownKeys("a parent link");
    }

    /// <summary>The shorthand "parent: BRD-CL1" on a unit: one open-ended link.</summary>
    public LinkDocument(YamlMap unitMap, string file, string parent)
        : base(unitMap, file) => Parent = parent;

    public string? Parent { get; }

    public string? From { get; }

    public string? To { get; }
}

internal sealed class UnitDocument : YamlDocument
{
    public UnitDocument(YamlMap map, string file, string? impliedType = null)
        : base(map, file)
    {
        Code = map.Str("code");
        Name = map.Str("name");
        Type = map.Str("type") ?? impliedType;
        GssCode = map.Str("gss_code");
        Opened = map.Str("opened");
        Closed = map.Str("closed");
        Successor = map.Str("successor");
        Notes = map.Str("notes");
        var shorthand = map.Str("parent");
        var links = map.Maps("parents").Select(m => new LinkDocument(m, file)).ToList();
        HasBothParentForms = shorthand is not null && links.Count > 0;
        if (shorthand is not null)
        {
            links.Insert(0, new LinkDocument(map, file, shorthand));
        }

        Parents = links;
        map.ReportUnknownKeys(impliedType == "authority" ? "the authority" : $"unit '{Code}'");
    }

    public string? Code { get; }

    public string? Name { get; }

    public string? Type { get; }

    public string? GssCode { get; }

    public string? Opened { get; }

    public string? Closed { get; }

    public string? Successor { get; }

    public string? Notes { get; }

    public IReadOnlyList<LinkDocument> Parents { get; }

    public bool HasBothParentForms { get; }
}

internal sealed class OrganisationDocument : YamlDocument
{
    public OrganisationDocument(YamlMap map, string file)
        : base(map, file)
    {
        var authority = map.Map("authority");
        Authority = authority is null ? null : new UnitDocument(authority, file, "authority");
        Units = map.Maps("units").Select(m => new UnitDocument(m, file)).ToList();
        map.ReportUnknownKeys("organisation.yaml");
    }

    public UnitDocument? Authority { get; }

    public IReadOnlyList<UnitDocument> Units { get; }

    public IEnumerable<UnitDocument> AllUnits => Authority is null ? Units : Units.Prepend(Authority);
}

internal sealed class MeasureDocument : YamlDocument
{
    public MeasureDocument(YamlMap map, string file)
        : base(map, file)
    {
        Code = map.Str("code");
        Title = map.Str("title");
        Definition = map.Str("definition");
        Unit = map.Str("unit");
        RatePer = map.Str("rate_per");
        Polarity = map.Str("polarity");
        Aggregation = map.Str("aggregation");
        Frequency = map.Str("frequency");
        Cumulative = map.Str("cumulative");
        Decimals = map.Str("decimals");
        NumeratorLabel = map.Str("numerator_label");
        DenominatorLabel = map.Str("denominator_label");
        CiMethod = map.Str("ci_method");
        Comparators = map.Strings("comparators");
        DisclosureThreshold = map.Str("disclosure_threshold");
        Group = map.Str("group");
        Required = map.Str("required");
        ReportedAt = map.Str("reported_at");
        map.ReportUnknownKeys($"measure '{Code}'");
    }

    public string? Code { get; }

    public string? Title { get; }

    public string? Definition { get; }

    public string? Unit { get; }

    public string? RatePer { get; }

    public string? Polarity { get; }

    public string? Aggregation { get; }

    public string? Frequency { get; }

    public string? Cumulative { get; }

    public string? Decimals { get; }

    public string? NumeratorLabel { get; }

    public string? DenominatorLabel { get; }

    public string? CiMethod { get; }

    public IReadOnlyList<string> Comparators { get; }

    public string? DisclosureThreshold { get; }

    public string? Group { get; }

    public string? Required { get; }

    public string? ReportedAt { get; }
}

internal sealed class RuleDocument : YamlDocument
{
    public RuleDocument(YamlMap map, string file)
        : base(map, file)
    {
        Code = map.Str("code");
        Description = map.Str("description");
        Left = map.Str("left");
        Operator = map.Str("operator");
        Right = map.Str("right");
        Importance = map.Str("importance");
        map.ReportUnknownKeys($"rule '{Code}'");
    }

    public string? Code { get; }

    public string? Description { get; }

    public string? Left { get; }

    public string? Operator { get; }

    public string? Right { get; }

    public string? Importance { get; }
}

internal sealed class VersionDocument : YamlDocument
{
    public VersionDocument(YamlMap map, string file, int? versionInFileName)
        : base(map, file)
    {
        VersionInFileName = versionInFileName;
        Framework = map.Str("framework");
        Name = map.Str("name");
        Description = map.Str("description");
        Version = map.Str("version");
        EffectiveFrom = map.Str("effective_from");
        EffectiveTo = map.Str("effective_to");
        Scheme = map.Str("scheme");
        ReturningLevel = map.Str("returning_level");
        ReturnDeadlineDays = map.Str("return_deadline_days");
        Notes = map.Str("notes");
        Measures = map.Maps("measures").Select(m => new MeasureDocument(m, file)).ToList();
        Rules = map.Maps("rules").Select(m => new RuleDocument(m, file)).ToList();
        map.ReportUnknownKeys(System.IO.Path.GetFileName(file));
    }

    public int? VersionInFileName { get; }

    public string? Framework { get; }

    public string? Name { get; }

    public string? Description { get; }

    public string? Version { get; }

    public string? EffectiveFrom { get; }

    public string? EffectiveTo { get; }

    public string? Scheme { get; }

    public string? ReturningLevel { get; }

    /// <summary>Days after a period ends by which its return is due; blank: the usual 20.</summary>
    public string? ReturnDeadlineDays { get; }

    public string? Notes { get; }

    public IReadOnlyList<MeasureDocument> Measures { get; }

    public IReadOnlyList<RuleDocument> Rules { get; }
}

internal sealed class TargetDocument : YamlDocument
{
    public TargetDocument(YamlMap map, string file)
        : base(map, file)
    {
        Measure = map.Str("measure");
        OrgUnit = map.Str("org_unit");
        From = map.Str("from");
        To = map.Str("to");
        Value = map.Str("value");
        Stretch = map.Str("stretch");
        Tolerance = map.Str("tolerance");
        ToleranceKind = map.Str("tolerance_kind");
        Source = map.Str("source");
        SetOn = map.Str("set_on");
        SetBy = map.Str("set_by");
        Notes = map.Str("notes");
        Phasing = map.Str("phasing");
        Profile = ProfileShares(map.Strings("profile"));
        BaselineValue = map.Str("baseline_value");
        BaselineDate = map.Str("baseline_date");
        TargetDate = map.Str("target_date");
        UseConfidenceInterval = map.Str("use_confidence_interval");
        map.ReportUnknownKeys($"the target for '{Measure}'");
    }

    public string? Measure { get; }

    /// <summary>An org-unit code, or "default" (or absent) for the framework default.</summary>
    public string? OrgUnit { get; }

    public bool IsDefault => OrgUnit is null || string.Equals(OrgUnit, "default", StringComparison.OrdinalIgnoreCase);

    public string? From { get; }

    public string? To { get; }

    public string? Value { get; }

    public string? Stretch { get; }

    public string? Tolerance { get; }

    public string? ToleranceKind { get; }

    public string? Source { get; }

    public string? SetOn { get; }

    public string? SetBy { get; }

    public string? Notes { get; }

    /// <summary>none | equal | profile: how an annual total is spread over the quarters.</summary>
    public string? Phasing { get; }

    /// <summary>The shares of a profile, as written: a list [20, 25, 25, 30] or the one value "20/25/25/30".</summary>
    public IReadOnlyList<string> Profile { get; }

    public string? BaselineValue { get; }

    public string? BaselineDate { get; }

    public string? TargetDate { get; }

    /// <summary>true | false; absent: the file's default.</summary>
    public string? UseConfidenceInterval { get; }

    /// <summary>True when any of the three trajectory fields is written.</summary>
    public bool MentionsTrajectory => BaselineValue is not null || BaselineDate is not null || TargetDate is not null;

    private static IReadOnlyList<string> ProfileShares(IReadOnlyList<string> written) =>
        written.Count == 1 && written[0].Contains('/', StringComparison.Ordinal)
            ? written[0].Split('/').Select(s => s.Trim()).ToList()
            : written;
}

internal sealed class TargetsDocument : YamlDocument
{
    public TargetsDocument(YamlMap map, string file)
        : base(map, file)
    {
        Framework = map.Str("framework");
        UseConfidenceInterval = map.Str("use_confidence_interval");
        Targets = map.Maps("targets").Select(m => new TargetDocument(m, file)).ToList();
        map.ReportUnknownKeys("targets.yaml");
    }

    public string? Framework { get; }

    /// <summary>The default for every target of a measure with a confidence-interval method: true | false (absent: false).</summary>
    public string? UseConfidenceInterval { get; }

    public IReadOnlyList<TargetDocument> Targets { get; }
}
