using Outcomes.Domain.Observations;
using Outcomes.Domain.Periods;

namespace Outcomes.Domain.Returns;

/// <summary>One submission for org unit × period × framework version, before or after storage.</summary>
public sealed record QuarterlyReturn
{
    public required string FrameworkCode { get; init; }

    public required int FrameworkVersion { get; init; }

    public required string OrgUnitCode { get; init; }

    public required Period Period { get; init; }

    public IReadOnlyList<Observation> Observations { get; init; } = [];
}

/// <summary>A stored version of a return, with the file it came from.</summary>
public sealed record ReturnVersion
{
    public long Id { get; init; }

    public long ReturnId { get; init; }

    public int VersionNumber { get; init; }

    public required string SourceFileName { get; init; }

    /// <summary>Lower-case hex SHA-256 of the uploaded bytes; the same file twice changes nothing.</summary>
    public required string Sha256 { get; init; }

    public required string SubmittedBy { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }

    public ReturnStatus Status { get; init; } = ReturnStatus.Submitted;
}
