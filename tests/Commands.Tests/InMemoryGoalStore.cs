using Lifestyle.Commands.Common;
using Lifestyle.Commands.EventStore;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;

namespace Lifestyle.Commands.Tests;

/// <summary>
/// The storage port in memory, for CPU-only tests: the same checks as the table's transaction, under one lock.
/// <see cref="GoalStoreContract"/> runs the same cases against it and against DynamoDB Local.
/// </summary>
public sealed class InMemoryGoalStore : IGoalStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string User, string Goal), GoalState> heads = [];
    private readonly Dictionary<(string User, string Goal), List<EventEnvelope>> streams = [];
    private readonly Dictionary<string, int> openGoals = [];
    private readonly Dictionary<(string User, string Key), StoredResponse> responses = [];

    /// <summary>Every call to the port, by name, so tests can say which reads a path made.</summary>
    public List<string> Calls { get; } = [];

    /// <summary>Makes the next call of this name throw, as a failing dependency would.</summary>
    public Func<string, Exception?> Fault { get; set; } = _ => null;

    public Task<LoadedHead?> LoadHeadAsync(string userId, string goalId, Freshness freshness, CancellationToken ct) =>
        Run(nameof(LoadHeadAsync), () => heads.TryGetValue((userId, goalId), out var s) ? new LoadedHead(s, true) : null);

    public Task<int> OpenGoalsAsync(string userId, Freshness freshness, CancellationToken ct) =>
        Run(nameof(OpenGoalsAsync), () => openGoals.GetValueOrDefault(userId));

    public Task<FoundActivity?> FindActivityAsync(string userId, string goalId, string activityId, CancellationToken ct) =>
        Run(nameof(FindActivityAsync), () =>
        {
            var events = streams.GetValueOrDefault((userId, goalId)) ?? [];
            var logged = events.Select(e => e.Event).OfType<ActivityLogged>().FirstOrDefault(a => a.ActivityId == activityId);
            var removed = events.Select(e => e.Event).OfType<ActivityRemoved>().Any(r => r.ActivityId == activityId);
            return logged is null || removed ? null : new FoundActivity(logged.Value, logged.OccurredAt, logged.LocalDate);
        });

    public Task<StoredResponse?> FindResponseAsync(string userId, string idempotencyKey, CancellationToken ct) =>
        Run(nameof(FindResponseAsync), () => responses.TryGetValue((userId, idempotencyKey), out var r) ? r with { Result = r.Result with { Replayed = true } } : null);

    public Task<bool> RecordResponseAsync(string userId, IdempotencyRequest idempotency, CommandResult result, DateTimeOffset now, CancellationToken ct) =>
        Run(nameof(RecordResponseAsync), () => heads.ContainsKey((userId, result.Body.GoalId)) && responses.TryAdd((userId, idempotency.Key), new(idempotency.Fingerprint, result)));

    public Task<AppendOutcome> AppendAsync(AppendRequest append, CancellationToken ct) => Run(nameof(AppendAsync), () =>
    {
        var (user, goal) = (append.After.UserId, append.After.GoalId);
        if (append.Idempotency is { } idem && responses.ContainsKey((user, idem.Key)))
        {
            return AppendOutcome.IdempotencyConflict;
        }

        var exists = heads.TryGetValue((user, goal), out var head);
        if (append.Before is null ? exists : !exists || head!.Version != append.Before.Version)
        {
            return AppendOutcome.VersionConflict;
        }

        var open = openGoals.GetValueOrDefault(user);
        if (append.OpenGoalsDelta > 0 && open > GoalLimits.MaxOpenGoals - append.OpenGoalsDelta)
        {
            return AppendOutcome.QuotaConflict;
        }

        heads[(user, goal)] = append.After;
        streams.TryAdd((user, goal), []);
        streams[(user, goal)].AddRange(append.Events);
        openGoals[user] = open + append.OpenGoalsDelta;
        if (append.Idempotency is { } key)
        {
            responses[(user, key.Key)] = new(key.Fingerprint, append.Response);
        }

        return AppendOutcome.Appended;
    });

    /// <summary>Another process's append, behind this one's back.</summary>
    public void Overwrite(GoalState head) => Run("Overwrite", () => heads[(head.UserId, head.GoalId)] = head).GetAwaiter().GetResult();

    public IReadOnlyList<EventEnvelope> Events(string userId, string goalId) =>
        Run("Events", () => (IReadOnlyList<EventEnvelope>)[.. streams.GetValueOrDefault((userId, goalId)) ?? []]).GetAwaiter().GetResult();

    private Task<T> Run<T>(string call, Func<T> body)
    {
        lock (gate)
        {
            Calls.Add(call);
            return Fault(call) is { } fault ? Task.FromException<T>(fault) : Task.FromResult(body());
        }
    }
}
