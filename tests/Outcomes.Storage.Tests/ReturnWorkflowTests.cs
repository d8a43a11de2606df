using Outcomes.Domain.Returns;
using Outcomes.Storage.Returns;

namespace Outcomes.Storage.Tests;

/// <summary>Every status × action × role of the pure workflow table.</summary>
public sealed class ReturnWorkflowTests
{
    private const string Label = "2018-19 Q2 for BRD-CL1";

    private static readonly WorkflowRole Admin = WorkflowRole.Administrator;
    private static readonly WorkflowRole Approver = WorkflowRole.Approver;
    private static readonly WorkflowRole Officer = WorkflowRole.PerformanceOfficer;

    public static IEnumerable<TestCaseData> Allowed()
    {
        foreach (var role in Enum.GetValues<WorkflowRole>())
        {
            yield return Case(ReturnStatus.Draft, ReturnAction.Submit, role, ReturnStatus.Submitted);
            yield return Case(ReturnStatus.Submitted, ReturnAction.Submit, role, ReturnStatus.Submitted);
            yield return Case(ReturnStatus.Approved, ReturnAction.Submit, role, ReturnStatus.Submitted);
            yield return Case(ReturnStatus.NeedsResubmission, ReturnAction.Submit, role, ReturnStatus.Submitted);
        }

        foreach (var role in new[] { Approver, Admin })
        {
            yield return Case(ReturnStatus.Submitted, ReturnAction.Approve, role, ReturnStatus.Approved);
            yield return Case(ReturnStatus.Approved, ReturnAction.Lock, role, ReturnStatus.Locked);
        }

        yield return Case(ReturnStatus.Locked, ReturnAction.Reopen, Admin, ReturnStatus.Submitted, "Late correction from the centre");

        static TestCaseData Case(ReturnStatus from, ReturnAction action, WorkflowRole role, ReturnStatus to, string? reason = null) =>
            new TestCaseData(from, action, role, reason, to).SetArgDisplayNames($"{from} {action} as {role} → {to}");
    }

    public static IEnumerable<TestCaseData> Refused()
    {
        foreach (var role in Enum.GetValues<WorkflowRole>())
        {
            yield return Case(ReturnStatus.Locked, ReturnAction.Submit, role, null, ReturnWorkflow.Rules.Locked, $"{Label} is locked; an administrator must reopen it with a reason");
        }

        foreach (var from in Enum.GetValues<ReturnStatus>())
        {
            yield return Case(from, ReturnAction.Approve, Officer, null, ReturnWorkflow.Rules.Role, "approver or administrator");
            yield return Case(from, ReturnAction.Lock, Officer, null, ReturnWorkflow.Rules.Role, "approver or administrator");
            yield return Case(from, ReturnAction.Reopen, Officer, "reason", ReturnWorkflow.Rules.Role, "only be reopened by an administrator");
            yield return Case(from, ReturnAction.Reopen, Approver, "reason", ReturnWorkflow.Rules.Role, "only be reopened by an administrator");
            foreach (var blank in new[] { null, "", "   " })
            {
                yield return Case(from, ReturnAction.Reopen, Admin, blank, ReturnWorkflow.Rules.ReasonRequired, "with a reason");
            }
        }

        foreach (var role in new[] { Approver, Admin })
        {
            yield return Case(ReturnStatus.Draft, ReturnAction.Approve, role, null, ReturnWorkflow.Rules.NotSubmitted, "is a draft");
            yield return Case(ReturnStatus.Approved, ReturnAction.Approve, role, null, ReturnWorkflow.Rules.AlreadyApproved, "already approved");
            yield return Case(ReturnStatus.Locked, ReturnAction.Approve, role, null, ReturnWorkflow.Rules.Locked, "is locked; an administrator must reopen it with a reason");
            yield return Case(ReturnStatus.Draft, ReturnAction.Lock, role, null, ReturnWorkflow.Rules.NotApproved, "only an approved return can be locked");
            yield return Case(ReturnStatus.NeedsResubmission, ReturnAction.Approve, role, null, ReturnWorkflow.Rules.NeedsResubmission, "needs resubmitting on the current framework version's template");
            yield return Case(ReturnStatus.NeedsResubmission, ReturnAction.Lock, role, null, ReturnWorkflow.Rules.NotApproved, "is waiting to be resubmitted; only an approved return can be locked");
            yield return Case(ReturnStatus.Submitted, ReturnAction.Lock, role, null, ReturnWorkflow.Rules.NotApproved, "is submitted; only an approved return can be locked");
            yield return Case(ReturnStatus.Locked, ReturnAction.Lock, role, null, ReturnWorkflow.Rules.Locked, "already locked");
        }

        foreach (var from in new[] { ReturnStatus.Draft, ReturnStatus.Submitted, ReturnStatus.Approved, ReturnStatus.NeedsResubmission })
        {
            yield return Case(from, ReturnAction.Reopen, Admin, "reason", ReturnWorkflow.Rules.NotLocked, "not locked");
        }

        static TestCaseData Case(ReturnStatus from, ReturnAction action, WorkflowRole role, string? reason, string rule, string sentence) =>
            new TestCaseData(from, action, role, reason, rule, sentence).SetArgDisplayNames($"{from} {action} as {role} with reason '{reason}' refused: {rule}");
    }

    [TestCaseSource(nameof(Allowed))]
    public void Allowed_transitions_lead_to_the_next_status(ReturnStatus from, ReturnAction action, WorkflowRole role, string? reason, ReturnStatus to)
    {
        var decision = ReturnWorkflow.Decide(from, action, role, reason, Label);

        Assert.Multiple(() =>
        {
            Assert.That(decision.Allowed, Is.True, decision.Refusal);
            Assert.That((decision.From, decision.To, decision.Action), Is.EqualTo((from, to, action)));
            Assert.That(decision.RuleCode, Is.Null);
        });
    }

    [TestCaseSource(nameof(Refused))]
    public void Refused_transitions_say_why_as_data(ReturnStatus from, ReturnAction action, WorkflowRole role, string? reason, string rule, string sentence)
    {
        var decision = ReturnWorkflow.Decide(from, action, role, reason, Label);

        Assert.Multiple(() =>
        {
            Assert.That(decision.Allowed, Is.False);
            Assert.That(decision.RuleCode, Is.EqualTo(rule));
            Assert.That(decision.Refusal, Does.StartWith(Label).And.Contain(sentence));
            Assert.That(decision.To, Is.EqualTo(from), "a refusal changes nothing");
        });
    }

    [Test]
    public void Every_status_action_and_role_is_either_allowed_or_refused_by_the_tables()
    {
        var allowed = Allowed().Select(c => ((ReturnStatus)c.Arguments[0]!, (ReturnAction)c.Arguments[1]!, (WorkflowRole)c.Arguments[2]!)).ToHashSet();
        foreach (var from in Enum.GetValues<ReturnStatus>())
        {
            foreach (var action in Enum.GetValues<ReturnAction>())
            {
                foreach (var role in Enum.GetValues<WorkflowRole>())
                {
                    var decision = ReturnWorkflow.Decide(from, action, role, "a reason", Label);
                    Assert.That(decision.Allowed, Is.EqualTo(allowed.Contains((from, action, role))), $"{from} {action} as {role}");
                }
            }
        }
    }
}
