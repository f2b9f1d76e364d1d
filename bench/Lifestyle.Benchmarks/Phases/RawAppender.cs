using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Benchmarks.Load;
using Lifestyle.Commands.Common;
using Lifestyle.Commands.EventStore;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Benchmarks.Phases;

/// <summary>
/// The raw store baseline of an append, without the API: the same transaction the event store sends
/// for an activity log (the goal head Put conditioned on its version + one event Put, built by the
/// app's own <see cref="TransactionItems"/> and item codecs), straight to DynamoDB. The appends go round
/// robin over as many goals as the API's log loop uses, in the same disjoint shares per worker
/// (<see cref="GoalShares"/>), so workers never conflict and the live projector does the same work behind
/// both loops: with one goal per worker it folded a whole batch of that goal's appends in one pass.
/// </summary>
public sealed class RawAppender(IAmazonDynamoDB db, string table, string runId)
{
    private readonly List<GoalState> goals = [];
    private readonly Random random = new(7);

    /// <summary>Makes sure there are at least <paramref name="count"/> raw goals (created with a real append).</summary>
    public async Task EnsureGoalsAsync(int count)
    {
        while (goals.Count < count)
        {
            var userId = $"bench-{runId}-raw-{goals.Count:D3}";
            var goalId = Guid.CreateVersion7().ToString("N");
            var now = DateTimeOffset.UtcNow;
            var created = GoalDecider.Create(
                new CreateGoal(goalId, userId, GoalPattern.Daily, new GoalDefinition("Drink water", 8, "glasses", null, null, null), null, "UTC", "water-8-glasses"),
                0, now);
            goals.Add(await AppendAsync(null, userId, goalId, created, now));
        }
    }

    /// <summary>Activity appends by <paramref name="workers"/> workers: TransactWriteItems only.</summary>
    public Operation Appends(int workers)
    {
        var shares = new GoalShares(goals.Count, workers);
        return w => AppendAsync(shares.Next(w));
    }

    /// <summary>What the API's store did for a log before the head cache: a consistent GetItem of the head, then the append.</summary>
    public Operation ReadsAndAppends(int workers)
    {
        var shares = new GoalShares(goals.Count, workers);
        return w => ReadAndAppendAsync(shares.Next(w));
    }

    /// <summary>
    /// The store call of a goal create: the create transaction (head Put if absent + GoalCreated Put + PROFILE
    /// counter Update with the quota condition). The API reads no PROFILE first (the condition enforces the
    /// quota). Each worker creates for its own users, 40 goals per user (under the quota).
    /// </summary>
    public async Task<string?> CreateAsync(int worker, int n)
    {
        var userId = $"bench-{runId}-rawcreate-{worker:D3}-{n / 40}";
        var goalId = Guid.CreateVersion7().ToString("N");
        var now = DateTimeOffset.UtcNow;
        var events = GoalDecider.Create(
            new CreateGoal(goalId, userId, GoalPattern.Daily, new GoalDefinition("Drink water", 8, "glasses", null, null, null), null, "UTC", "water-8-glasses"),
            n % 40, now);
        var stamped = GoalStream.Stamp(null, userId, goalId, events, now, () => Guid.CreateVersion7().ToString("N"));
        var after = stamped.Aggregate((GoalState?)null, GoalState.Evolve)!;
        var request = new AppendRequest(null, after, stamped, 1, null, new CommandResult(201, new CommandResponse(goalId, after.Version)), now);
        await db.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = TransactionItems.Build(table, request).Items });
        return null;
    }

    private async Task<string?> AppendAsync(int index)
    {
        var state = goals[index];
        var now = DateTimeOffset.UtcNow;
        var events = GoalDecider.Decide(state, new LogActivity(Value(index), null, null), now);
        goals[index] = await AppendAsync(state, state.UserId, state.GoalId, events, now);
        return null;
    }

    private async Task<string?> ReadAndAppendAsync(int index)
    {
        var state = goals[index];
        var head = await db.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            ConsistentRead = true,
            Key = new() { [Keys.PK] = new(Keys.User(state.UserId)), [Keys.SK] = new(Keys.Goal(state.GoalId)) },
        });
        state = GoalHeadItems.FromItem(head.Item);
        var now = DateTimeOffset.UtcNow;
        var events = GoalDecider.Decide(state, new LogActivity(Value(index), null, null), now);
        goals[index] = await AppendAsync(state, state.UserId, state.GoalId, events, now);
        return null;
    }

    private async Task<GoalState> AppendAsync(GoalState? before, string userId, string goalId, IReadOnlyList<GoalEvent> events, DateTimeOffset now)
    {
        var stamped = GoalStream.Stamp(before, userId, goalId, events, now, () => Guid.CreateVersion7().ToString("N"));
        var after = stamped.Aggregate(before, GoalState.Evolve)!;
        var request = new AppendRequest(before, after, stamped, 0, null, new CommandResult(201, new CommandResponse(goalId, after.Version)), now);
        var items = TransactionItems.Build(table, request);
        await db.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items.Items });
        return after;
    }

    private decimal Value(int index)
    {
        lock (random)
        {
            return random.Next(1, 6) + index % 2;
        }
    }
}
