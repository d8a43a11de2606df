using System.CommandLine;
using System.Globalization;
using Outcomes.Application.Returns;
using Outcomes.Domain.Observations;
using Outcomes.Domain.Periods;
using Outcomes.Storage.Repositories;
using Outcomes.Storage.Returns;
using Spectre.Console;

namespace Outcomes.Cli.Commands;

/// <summary>
/// `returns list|versions|diff|approve|lock|reopen|lock-period|reopen-period` and `audit`: the outcome of an upload.
/// Exit 0 done, 1 refused (the refusal sentence printed), 2 a bad option.
/// </summary>
public static class ReturnsCommands
{
    public static Command Create()
    {
        var returns = new Command("returns", "Stored returns: list, versions, compare, approve, lock and reopen");
        returns.Subcommands.Add(List());
        returns.Subcommands.Add(Versions());
        returns.Subcommands.Add(Diff());
        returns.Subcommands.Add(Transition("approve", "Approve a submitted return (refused while a history warning lacks commentary)", ReturnAction.Approve));
        returns.Subcommands.Add(Transition("lock", "Lock an approved return: no new versions or changes until an administrator reopens it", ReturnAction.Lock));
        returns.Subcommands.Add(Transition("reopen", "Reopen a locked return (administrator, with --reason)", ReturnAction.Reopen));
        returns.Subcommands.Add(PeriodTransition("lock-period", "Lock every return of a framework for a period (all must be approved)", ReturnAction.Lock));
        returns.Subcommands.Add(PeriodTransition("reopen-period", "Reopen every locked return of a framework for a period (administrator, with --reason)", ReturnAction.Reopen));
        return returns;
    }

    public static Command CreateAudit()
    {
        var framework = FrameworkOption();
        var org = new Option<string?>("--org", "-o") { Description = "Only this org unit" };
        var command = new Command("audit", "The audit trail of a framework's returns: submissions, changed values and status changes") { framework, org };
        command.SetAction(async (parse, ct) =>
        {
            var service = Service(parse, out var logs);
            using (logs)
            {
                await service.Store.MigrateAsync(ct);
                var rows = await service.Workflow.AuditAsync(parse.GetValue(framework)!, parse.GetValue(org), ct);
                var table = new Table().AddColumns("When", "Who", "Table", "Row", "Old", "New", "Reason");
                foreach (var a in rows)
                {
                    table.AddRow(Stamp(a.ChangedAt), Markup.Escape(a.ChangedBy), a.TableName, Markup.Escape(a.RowKey), Markup.Escape(a.OldValue ?? "–"), Markup.Escape(a.NewValue ?? "–"), Markup.Escape(a.Reason));
                }

                AnsiConsole.Write(table);
                AnsiConsole.MarkupLineInterpolated($"{rows.Count} audit rows");
                return 0;
            }
        });
        return command;
    }

    private static Command List()
    {
        var framework = FrameworkOption();
        var period = new Option<string?>("--period", "-p") { Description = "Only this quarter" };
        var org = new Option<string?>("--org", "-o") { Description = "Only this org unit" };
        var command = new Command("list", "Returns with their status, versions and latest submission") { framework, period, org };
        command.SetAction(async (parse, ct) =>
        {
            Period? only = null;
            if (parse.GetValue(period) is { } text)
            {
                if (!TryPeriod(text, out var p))
                {
                    return 2;
                }

                only = p;
            }

            var service = Service(parse, out var logs);
            using (logs)
            {
                await service.Store.MigrateAsync(ct);
                var rows = await service.Workflow.ListAsync(parse.GetValue(framework)!, only, parse.GetValue(org), ct);
                var table = new Table().AddColumns("Period", "Org unit", "Status", "Versions", "Submitted by", "Submitted at");
                foreach (var r in rows)
                {
                    table.AddRow(r.Period.Key, Markup.Escape(r.OrgUnitCode), r.Status.ToString().ToLowerInvariant(), r.Versions.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.SubmittedBy), Stamp(r.SubmittedAt));
                }

                AnsiConsole.Write(table);
                AnsiConsole.MarkupLineInterpolated($"{rows.Count} returns");
                return 0;
            }
        });
        return command;
    }

    private static Command Versions()
    {
        var (framework, org, period) = ReturnOptions();
        var command = new Command("versions", "The stored versions of one return") { framework, org, period };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryPeriod(parse.GetValue(period)!, out var p))
            {
                return 2;
            }

            var service = Service(parse, out var logs);
            using (logs)
            {
                await service.Store.MigrateAsync(ct);
                var versions = await service.Workflow.VersionsAsync(parse.GetValue(framework)!, parse.GetValue(org)!, p, ct);
                if (versions.Count == 0)
                {
                    AnsiConsole.MarkupLineInterpolated($"{ReturnWorkflow.Label(parse.GetValue(org)!, p)} has no stored versions in {parse.GetValue(framework)}");
                    return 1;
                }

                var table = new Table().AddColumns("Version", "File", "Submitted by", "Submitted at", "SHA-256");
                foreach (var v in versions)
                {
                    table.AddRow(v.VersionNumber.ToString(CultureInfo.InvariantCulture), Markup.Escape(v.SourceFileName), Markup.Escape(v.SubmittedBy), Stamp(v.SubmittedAt), v.Sha256[..12]);
                }

                AnsiConsole.Write(table);
                return 0;
            }
        });
        return command;
    }

    private static Command Diff()
    {
        var (framework, org, period) = ReturnOptions();
        var from = new Option<int?>("--from") { Description = "Older version (default: the one before --to)" };
        var to = new Option<int?>("--to") { Description = "Newer version (default: the latest)" };
        var command = new Command("diff", "Compare two versions of a return measure by measure") { framework, org, period, from, to };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryPeriod(parse.GetValue(period)!, out var p))
            {
                return 2;
            }

            var service = Service(parse, out var logs);
            using (logs)
            {
                await service.Store.MigrateAsync(ct);
                var result = await service.Workflow.CompareAsync(parse.GetValue(framework)!, parse.GetValue(org)!, p, parse.GetValue(from), parse.GetValue(to), ct);
                if (result.Comparison is not { } c)
                {
                    AnsiConsole.WriteLine(result.Refusal!);
                    return 1;
                }

                var older = c.From is { } f ? $"version {f.VersionNumber} ({f.SubmittedBy}, {Stamp(f.SubmittedAt)})" : "nothing";
                AnsiConsole.MarkupLineInterpolated($"{c.FrameworkCode} {ReturnWorkflow.Label(c.OrgUnitCode, c.Period)}: {older} → version {c.To.VersionNumber} ({c.To.SubmittedBy}, {Stamp(c.To.SubmittedAt)})");
                var table = new Table().AddColumns("Measure", "Change", "Value", "Numerator", "Denominator", "Suppression", "Commentary", "Fields changed");
                foreach (var m in c.Differences)
                {
                    table.AddRow(
                        Markup.Escape(m.MeasureCode),
                        m.Kind.ToString().ToLowerInvariant(),
                        Markup.Escape(Pair(m, o => Number(o.Value))),
                        Markup.Escape(Pair(m, o => Number(o.Numerator))),
                        Markup.Escape(Pair(m, o => Number(o.Denominator))),
                        Markup.Escape(Pair(m, o => o.SuppressionReason ?? "–")),
                        Markup.Escape(Pair(m, o => o.Commentary ?? "–")),
                        Markup.Escape(string.Join(", ", m.ChangedFields)));
                }

                AnsiConsole.Write(table);
                AnsiConsole.MarkupLineInterpolated($"{c.Differences.Count()} measures differ, {c.Measures.Count(m => m.Kind == MeasureChangeKind.Unchanged)} unchanged");
                return 0;
            }
        });
        return command;
    }

    private static Command Transition(string name, string description, ReturnAction action)
    {
        var (framework, org, period) = ReturnOptions();
        var (user, role, reason) = ActorOptions();
        var command = new Command(name, description) { framework, org, period, user, role, reason };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryPeriod(parse.GetValue(period)!, out var p) || !TryRole(parse.GetValue(role)!, out var r))
            {
                return 2;
            }

            var service = Service(parse, out var logs);
            using (logs)
            {
                await service.Store.MigrateAsync(ct);
                var (f, o, u, why) = (parse.GetValue(framework)!, parse.GetValue(org)!, parse.GetValue(user)!, parse.GetValue(reason));
                var result = action switch
                {
                    ReturnAction.Approve => await service.Workflow.ApproveAsync(f, o, p, u, r, why, ct),
                    ReturnAction.Lock => await service.Workflow.LockAsync(f, o, p, u, r, why, ct),
                    _ => await service.Workflow.ReopenAsync(f, o, p, u, r, why, ct),
                };
                return Report(result);
            }
        });
        return command;
    }

    private static Command PeriodTransition(string name, string description, ReturnAction action)
    {
        var framework = FrameworkOption();
        var period = new Option<string>("--period", "-p") { Description = "Quarter, e.g. \"2018-19 Q4\"", Required = true };
        var (user, role, reason) = ActorOptions();
        var command = new Command(name, description) { framework, period, user, role, reason };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryPeriod(parse.GetValue(period)!, out var p) || !TryRole(parse.GetValue(role)!, out var r))
            {
                return 2;
            }

            var service = Service(parse, out var logs);
            using (logs)
            {
                await service.Store.MigrateAsync(ct);
                var (f, u, why) = (parse.GetValue(framework)!, parse.GetValue(user)!, parse.GetValue(reason));
                var result = action == ReturnAction.Lock
                    ? await service.Workflow.LockPeriodAsync(f, p, u, r, why, ct)
                    : await service.Workflow.ReopenPeriodAsync(f, p, u, r, why, ct);
                return Report(result);
            }
        });
        return command;
    }

    private static int Report(WorkflowResult result)
    {
        if (result.Done)
        {
            AnsiConsole.MarkupLineInterpolated($"[green]✓[/] {result.Message}");
            return 0;
        }

        AnsiConsole.MarkupLineInterpolated($"[red]✗[/] {result.Message} [grey]({result.RuleCode})[/]");
        return 1;
    }

    private static Option<string> FrameworkOption() => new("--framework", "-f") { Description = "Framework code, e.g. BRD-CC", Required = true };

    private static (Option<string> Framework, Option<string> Org, Option<string> Period) ReturnOptions() =>
        (FrameworkOption(),
         new Option<string>("--org", "-o") { Description = "Org unit code, e.g. BRD-CL1", Required = true },
         new Option<string>("--period", "-p") { Description = "Quarter, e.g. \"2018-19 Q4\"", Required = true });

    private static (Option<string> User, Option<string> Role, Option<string?> Reason) ActorOptions() =>
        (new Option<string>("--as") { Description = "Who is acting", DefaultValueFactory = _ => Environment.UserName },
         new Option<string>("--role") { Description = "Administrator, Approver or PerformanceOfficer (until sign-in arrives)", DefaultValueFactory = _ => nameof(WorkflowRole.Approver) },
         new Option<string?>("--reason") { Description = "Why (required to reopen)" });

    private static bool TryPeriod(string text, out Period period)
    {
        if (PeriodParser.TryParse(text, out period, out var error))
        {
            return true;
        }

        AnsiConsole.MarkupLineInterpolated($"[red]--period:[/] {error}");
        return false;
    }

    private static bool TryRole(string text, out WorkflowRole role)
    {
        var plain = text.Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (plain.Equals("admin", StringComparison.OrdinalIgnoreCase))
        {
            role = WorkflowRole.Administrator;
            return true;
        }

        if (Enum.TryParse(plain, ignoreCase: true, out role) && Enum.IsDefined(role))
        {
            return true;
        }

        AnsiConsole.MarkupLineInterpolated($"[red]--role:[/] '{text}' is not a role; use Administrator, Approver or PerformanceOfficer");
        return false;
    }

    private static (Storage.OutcomesStore Store, ReturnWorkflowService Workflow) Service(ParseResult parse, out Microsoft.Extensions.Logging.ILoggerFactory logs)
    {
        logs = CliContext.Logs(parse);
        var store = CliContext.OpenStore(parse, logs);
        return (store, new ReturnWorkflowService(store));
    }

    private static string Pair(MeasureChange change, Func<Observation, string> show)
    {
        var old = change.Old is { } o ? show(o) : "–";
        var now = change.New is { } n ? show(n) : "–";
        return old == now ? now : $"{old} → {now}";
    }

    private static string Number(decimal? value) => value?.ToString("0.##########", CultureInfo.InvariantCulture) ?? "–";

    private static string Stamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
