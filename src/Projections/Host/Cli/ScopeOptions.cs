using System.CommandLine;
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Replay;
using Microsoft.Extensions.DependencyInjection;

namespace Lifestyle.Projections.Cli;

/// <summary>The scope shared by replay and verify: one goal, one user, or everything.</summary>
public sealed class ScopeOptions
{
    public Option<string?> Goal { get; } = new("--goal") { Description = "One goal id (with --user, or found through GSI1)." };

    public Option<string?> User { get; } = new("--user") { Description = "One user's goals (or the owner of --goal)." };

    public Option<bool> All { get; } = new("--all") { Description = "Every goal, in parallel scan segments." };

    public Option<bool> Parked { get; } = new("--parked") { Description = "The goals the projector parked (see `parked`), once their cause is fixed." };

    public Option<int> Segments { get; } = new("--segments") { Description = "Parallel workers for --all: scan segments, or GSI1 partitions shared out when the run writes in bulk.", DefaultValueFactory = _ => 8 };

    public Option<string?> Into { get; } = new("--into") { Description = "Read-model version to write or check (default: the live one), e.g. v2." };

    public void AddTo(Command command)
    {
        command.Options.Add(Goal);
        command.Options.Add(User);
        command.Options.Add(All);
        command.Options.Add(Parked);
        command.Options.Add(Segments);
        command.Options.Add(Into);
        command.Validators.Add(result =>
        {
            var chosen = (result.GetValue(Goal) is not null ? 1 : 0) + (result.GetValue(All) ? 1 : 0) + (result.GetValue(Parked) ? 1 : 0)
                + (result.GetValue(User) is not null && result.GetValue(Goal) is null ? 1 : 0);
            if (chosen != 1)
            {
                result.AddError("Give exactly one scope: --goal G [--user U], --user U, --parked or --all.");
            }

            if (result.GetValue(Into) is { } v && !System.Text.RegularExpressions.Regex.IsMatch(v, "^v[0-9]{1,4}$"))
            {
                result.AddError("--into must look like v2.");
            }
        });
    }

    /// <summary>The goals of a --goal, --user or --parked scope (null for --all).</summary>
    public async Task<IReadOnlyList<GoalRef>?> GoalsAsync(ParseResult parse, IServiceProvider services, CancellationToken ct)
    {
        var walker = services.GetRequiredService<GoalWalker>();
        if (parse.GetValue(Parked))
        {
            return await services.GetRequiredService<Projection.ProjectionFailures>().ParkedAsync(ct);
        }

        if (parse.GetValue(All))
        {
            return parse.GetValue(Segments) is < 1 or > 64 ? throw new ArgumentException("--segments must be between 1 and 64.") : null;
        }

        if (parse.GetValue(Goal) is { } goalId)
        {
            return await walker.FindGoalAsync(goalId, parse.GetValue(User), ct) is { } g
                ? [g]
                : throw new ArgumentException($"goal {goalId} not found.");
        }

        return await walker.UserGoalsAsync(parse.GetValue(User)!, ct);
    }
}
