using System.CommandLine;
using Microsoft.Extensions.Logging;
using Outcomes.Application.Accounts;
using Outcomes.Domain.Access;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;
using Spectre.Console;

namespace Outcomes.Cli.Commands;

/// <summary>
/// `users add|list|token`: local accounts for the web service. Exit 0 done, 1 refused (every reason printed), 2 a bad option.
/// The password comes from --password, else $OUTCOMES_PASSWORD, else a hidden prompt (or one line of piped input).
/// </summary>
public static class UsersCommands
{
    public const string PasswordVariable = "OUTCOMES_PASSWORD";

    public static Command Create()
    {
        var users = new Command("users", "Local accounts for the web service: add, list, issue API tokens");
        users.Subcommands.Add(Add());
        users.Subcommands.Add(List());
        users.Subcommands.Add(Token());
        return users;
    }

    private static Command Add()
    {
        var email = new Option<string>("--email") { Description = "Email address (the user name they sign in with)", Required = true };
        var name = new Option<string>("--name") { Description = "The person's name as pages show it", Required = true };
        var role = new Option<string[]>("--role")
        {
            Description = "administrator, performance officer, approver, board member or scrutiny member (repeat with --scope for more roles)",
            Required = true, AllowMultipleArgumentsPerToken = false,
        };
        var scope = new Option<string[]>("--scope") { Description = "Org-unit code the role covers with its subtree (an authority's code covers the authority)", Required = true };
        var password = new Option<string?>("--password") { Description = $"The password (visible to other processes: prefer ${PasswordVariable} or the prompt)" };
        var command = new Command("add", "Add a local account with one or more roles, each over an org-unit scope") { email, name, role, scope, password };
        command.SetAction(async (parse, ct) =>
        {
            var roles = parse.GetValue(role) ?? [];
            var scopes = parse.GetValue(scope) ?? [];
            if (roles.Length != scopes.Length)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]Give one --scope for each --role ({roles.Length} roles, {scopes.Length} scopes).[/]");
                return 2;
            }

            var secret = parse.GetValue(password) ?? Environment.GetEnvironmentVariable(PasswordVariable) ?? ReadPassword();
            using var logs = CliContext.Logs(parse);
            var store = CliContext.OpenStore(parse, logs);
            await store.MigrateAsync(ct);
            var created = await Administration(store).AddAsync(parse.GetValue(email)!, parse.GetValue(name)!, roles.Zip(scopes, (r, s) => new RoleRequest(r, s)).ToList(), secret, ct);
            if (!created.Created)
            {
                AnsiConsole.MarkupLine("[red]The account was not added:[/]");
                foreach (var problem in created.Problems)
                {
                    AnsiConsole.MarkupLineInterpolated($"  - {problem}");
                }

                return 1;
            }

            logs.CreateLogger("Outcomes.Cli.Users").LogInformation("Added user {UserId}", created.Id);
            AnsiConsole.MarkupLineInterpolated($"Added {parse.GetValue(email)} (user {created.Id}).");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Every account with its roles, scopes and whether it is locked");
        command.SetAction(async (parse, ct) =>
        {
            using var logs = CliContext.Logs(parse);
            var store = CliContext.OpenStore(parse, logs);
            await store.MigrateAsync(ct);
            var all = await new UserRepository(store).ListAsync(ct);
            var now = DateTimeOffset.UtcNow;
            var table = new Table().AddColumns("User", "Name", "Roles", "Password", "Locked", "Created");
            foreach (var u in all)
            {
                table.AddRow(
                    Markup.Escape(u.UserName),
                    Markup.Escape(u.DisplayName),
                    Markup.Escape(string.Join("; ", u.Roles.Select(r => $"{RoleNames.Words(r.Role)} over {r.ScopeCode}"))),
                    u.PasswordHash is null ? "none" : "set",
                    u.IsLockedAt(now) ? $"until {u.LockedUntil:yyyy-MM-dd HH:mm} UTC" : "no",
                    u.CreatedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated($"{all.Count} users");
            return 0;
        });
        return command;
    }

    private static Command Token()
    {
        var email = new Option<string>("--email") { Description = "Whose token (it carries that user's permissions)", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for, e.g. \"nightly extract\"", Required = true };
        var command = new Command("token", "Issue a personal API token (printed once; only its hash is stored)") { email, name };
        command.SetAction(async (parse, ct) =>
        {
            using var logs = CliContext.Logs(parse);
            var store = CliContext.OpenStore(parse, logs);
            await store.MigrateAsync(ct);
            var users = new UserRepository(store);
            if (await users.FindByUserNameAsync(parse.GetValue(email)!, ct) is not { } user)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]No user '{parse.GetValue(email)}'.[/]");
                return 1;
            }

            var issued = await new ApiTokens(new ApiTokenRepository(store), users, TimeProvider.System).IssueAsync(user.Id, parse.GetValue(name)!, ct);
            Console.WriteLine(issued.Token);
            return 0;
        });
        return command;
    }

    private static UserAdministration Administration(OutcomesStore store)
    {
        var options = new AccountOptions();
        return new UserAdministration(new UserRepository(store), new PasswordHashing(options), options, TimeProvider.System);
    }

    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        var first = AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());
        var again = AnsiConsole.Prompt(new TextPrompt<string>("Again:").Secret());
        if (first != again)
        {
            AnsiConsole.MarkupLine("[red]The two passwords differ.[/]");
            return null;
        }

        return first;
    }
}
