using System.Globalization;
using Outcomes.Application.Returns;
using Outcomes.Domain.Access;
using Outcomes.Domain.Observations;
using Outcomes.Domain.Returns;
using Outcomes.Ingestion.History;
using Outcomes.Storage.Returns;

namespace Outcomes.Web.Approvals;

/// <summary>One measure that differs between the two versions compared, with its values as people read them.</summary>
public sealed record MeasureDifference(
    string OrgUnitCode, string MeasureCode, string Title, MeasureChangeKind Kind, string OldValue, string NewValue, string Change, bool CommentaryChanged,
    IReadOnlyList<string> ChangedFields, string? NewCommentary, Observation? Old, Observation? New);

/// <summary>A history warning on the latest version: an outlier or a jump, with or without the explanation it needs.</summary>
public sealed record FindingRow(string MeasureCode, string Title, string Kind, string Detail, bool Explained, string? Commentary);

/// <summary>Everything the return page and the API's detail show.</summary>
public sealed record ReturnDetailView(
    ScopedReturn Return,
    DateOnly Deadline,
    IReadOnlyList<ReturnVersion> Versions,
    ReturnVersion? ComparedFrom,
    ReturnVersion? ComparedTo,
    IReadOnlyList<MeasureDifference> Differences,
    FilterProblem? ComparisonProblem,
    IReadOnlyList<FindingRow> Findings)
{
    public ReturnStatus Status => Return.Stored.Status;

    public DateTimeOffset FirstSubmittedAt => Versions[0].SubmittedAt;

    public bool Late => DateOnly.FromDateTime(FirstSubmittedAt.UtcDateTime) > Deadline;

    public bool MayApprove => Return.May(Permission.ApproveReturn) && Status == ReturnStatus.Submitted;

    public bool MayLock => Return.May(Permission.LockReturn) && Status == ReturnStatus.Approved;

    public bool MayReopen => Return.May(Permission.ReopenReturn) && Status == ReturnStatus.Locked;
}

/// <summary>Reads a return's versions, the differences between two of them, and the history findings on the latest.</summary>
public sealed class ReturnDetail(ReturnWorkflowService workflow)
{
    public async Task<ReturnDetailView> BuildAsync(ScopedReturn target, string? from, string? to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        var (framework, unit, period) = (target.Framework.Code, target.Unit.Code, target.Period);
        var versions = await workflow.VersionsAsync(framework, unit, period, ct);
        var measures = target.Framework.VersionOn(period.Start)?.Measures ?? [];
        string Title(string code) => measures.FirstOrDefault(m => string.Equals(m.Code, code, StringComparison.OrdinalIgnoreCase))?.Title ?? code;

        FilterProblem? problem = null;
        int? fromNumber = null, toNumber = null;
        var fromRead = TryVersion(from, "from", ref fromNumber, ref problem);
        var toRead = TryVersion(to, "to", ref toNumber, ref problem);
        if (!fromRead || !toRead)
        {
            fromNumber = toNumber = null;
        }

        ReturnVersion? comparedFrom = null, comparedTo = null;
        var differences = new List<MeasureDifference>();
        var compared = await workflow.CompareAsync(framework, unit, period, fromNumber, toNumber, ct);
        if (compared.Comparison is { } comparison)
        {
            comparedFrom = comparison.From;
            comparedTo = comparison.To;
            differences.AddRange(comparison.From is null ? [] : comparison.Differences.Select(d => Difference(d, Title(d.MeasureCode))));
        }
        else
        {
            problem ??= new FilterProblem(fromNumber is not null ? "from" : "to", $"{compared.Refusal}: choose two of the versions listed");
        }

        var findings = (await workflow.HistoryFindingsAsync(framework, unit, period, ct))
            .Select(f => new FindingRow(
                f.MeasureCode, Title(f.MeasureCode), f.RuleCode == HistoryChecks.OutlierRule ? "Outlier" : "Jump", f.Detail, !f.NeedsCommentary, f.Observation.Commentary))
            .ToList();
        return new ReturnDetailView(target, target.Framework.ReturnDeadline(period), versions, comparedFrom, comparedTo, differences, problem, findings);
    }

    /// <summary>"12.5", "c (suppressed: small numbers)", "not reported": a value as the tables show it.</summary>
    public static string Show(Observation? o) => o switch
    {
        null => "not reported",
        { SuppressionReason: { } why } => $"suppressed ({why})",
        { Value: { } v } => Number(v) + (o.Numerator is { } n && o.Denominator is { } d ? $" ({Number(n)} of {Number(d)})" : string.Empty),
        _ => "no value",
    };

    private static string Number(decimal value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);

    private static MeasureDifference Difference(MeasureChange change, string title)
    {
        var delta = change.Old?.HasValue == true && change.New?.HasValue == true
            ? (change.New.Value!.Value - change.Old.Value!.Value) switch
            {
                0 => "no change in value",
                var d and > 0 => "+" + Number(d),
                var d => "−" + Number(-d),
            }
            : change.Kind switch
            {
                MeasureChangeKind.Added => "added",
                MeasureChangeKind.Removed => "removed",
                _ => "not comparable",
            };
        return new MeasureDifference(
            change.OrgUnitCode, change.MeasureCode, title, change.Kind, Show(change.Old), Show(change.New), delta,
            change.ChangedFields.Contains(ReturnVersionComparer.Commentary), change.ChangedFields, change.New?.Commentary, change.Old, change.New);
    }

    private static bool TryVersion(string? text, string field, ref int? number, ref FilterProblem? problem)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            number = n;
            return true;
        }

        problem ??= new FilterProblem(field, $"Version to compare {field}: '{text}' is not a version number; choose one of the versions listed");
        return false;
    }
}
