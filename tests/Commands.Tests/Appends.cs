using Lifestyle.Commands.Common;
using Lifestyle.Commands.EventStore;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;

namespace Lifestyle.Commands.Tests;

/// <summary>Append requests built the way the command path builds them: decide, stamp, fold.</summary>
public static class Appends
{
    public static readonly DateTimeOffset Now = new(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);

    public static string NewId() => Guid.CreateVersion7().ToString("N");

    public static AppendRequest Create(string userId, string goalId, IdempotencyRequest? idem = null, string? templateId = null)
    {
        var intent = new CreateGoal(goalId, userId, GoalPattern.Daily, new GoalDefinition("Water", 8, "glasses", null, null, null), null, "UTC", templateId);
        return Request(null, GoalDecider.Create(intent, 0, Now), userId, goalId, idem);
    }

    public static AppendRequest Log(GoalState before, decimal value, IdempotencyRequest? idem = null) =>
        Request(before, GoalDecider.Decide(before, new LogActivity(value, Now, null), Now.AddSeconds(before.Version)), before.UserId, before.GoalId, idem);

    public static AppendRequest Remove(GoalState before, string activityId, FoundActivity found) =>
        Request(before, GoalDecider.Decide(before, new RemoveActivity(activityId, found), Now), before.UserId, before.GoalId, null);

    private static AppendRequest Request(GoalState? before, IReadOnlyList<GoalEvent> events, string userId, string goalId, IdempotencyRequest? idem)
    {
        var stamped = GoalStream.Stamp(before, userId, goalId, events, Now.AddSeconds(before?.Version ?? 0), NewId);
        var after = stamped.Aggregate(before, GoalState.Evolve)!;
        var response = new CommandResult(201, new CommandResponse(goalId, after.Version));
        return new AppendRequest(before, after, stamped, GoalStream.OpenGoalsDelta(before, events), idem, response, Now);
    }
}
