using Outcomes.Ingestion.Issues;

namespace Outcomes.Web.Uploads;

/// <summary>What the return is for, read from the template's hidden sheet.</summary>
public sealed record UploadIdentity(string FrameworkCode, string OrgUnitCode, string OrgUnitName, string PeriodKey);

/// <summary>
/// The outcome of validating an upload, as data: refused outright (outside the user's scope, wrong type, too large),
/// or read with its problems (errors stop the import; warnings such as history outliers do not), or clean.
/// </summary>
public record UploadCheck(string FileName, string Sha256, UploadIdentity? Identity, IReadOnlyList<ImportIssue> Issues, int Measures, string? Refusal)
{
    public bool Refused => Refusal is not null;

    public bool HasErrors => Issues.Any(i => i.IsError);

    public bool CanImport => !Refused && !HasErrors;

    public IEnumerable<ImportIssue> Errors => Issues.Where(i => i.IsError);

    public IEnumerable<ImportIssue> Warnings => Issues.Where(i => !i.IsError);

    public static UploadCheck Refuse(string fileName, string sha256, string refusal) => new(fileName, sha256, null, [], 0, refusal);
}

/// <summary>What "Confirm import" did: the stored version, or why nothing was stored.</summary>
public sealed record UploadImport(UploadCheck Check, int? VersionNumber, string Message)
{
    public bool Stored => VersionNumber is not null;

    /// <summary>The framework was queued to be scored again in the background (after anything stored).</summary>
    public bool ScoringQueued { get; init; }
}

/// <summary>A .csv's check: several returns at once; after an import, whether all were stored and the highest version made.</summary>
public sealed record CsvCheck(string FileName, string Sha256, UploadIdentity? Identity, IReadOnlyList<ImportIssue> Issues, int Measures, string? Refusal)
    : UploadCheck(FileName, Sha256, Identity, Issues, Measures, Refusal)
{
    public bool Stored { get; init; }

    public int Version { get; init; }

    public static new CsvCheck Refuse(string fileName, string sha256, string refusal) => new(fileName, sha256, null, [], 0, refusal);
}
