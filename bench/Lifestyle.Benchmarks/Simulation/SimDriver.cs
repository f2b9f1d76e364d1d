using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Lifestyle.Benchmarks.Api;
using Lifestyle.Benchmarks.Load;

namespace Lifestyle.Benchmarks.Simulation;

/// <summary>What a batch of commands did: answers by kind, reads made, the first error.</summary>
public sealed class SimTally
{
    private readonly ConcurrentDictionary<SimKind, int> done = new();
    private int errors;
    private int reads;

    public string? FirstError { get; private set; }

    public int Errors => errors;

    public int Reads => reads;

    public int Done(params SimKind[] kinds) => kinds.Sum(k => done.TryGetValue(k, out var n) ? n : 0);

    public void Ok(SimKind kind) => done.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public void Read() => Interlocked.Increment(ref reads);

    public void Failed(string error)
    {
        if (Interlocked.Increment(ref errors) == 1)
        {
            FirstError = error;
        }
    }
}

/// <summary>Sends a batch of <see cref="SimCommand"/>s through the real HTTP API: users in parallel, each user's commands in order.</summary>
public sealed class SimDriver(BenchApi api)
{
    public const int Concurrency = 8;
    private readonly ConcurrentDictionary<string, string> lastActivity = new(StringComparer.Ordinal);

    public async Task<SimTally> RunAsync(string what, IReadOnlyList<SimCommand> commands)
    {
        var tally = new SimTally();
        var sent = 0;
        await using (new ProgressTicker(what, () => string.Create(CultureInfo.InvariantCulture, $"{Volatile.Read(ref sent):N0} of {commands.Count:N0} commands")))
        {
            await Parallel.ForEachAsync(commands.GroupBy(c => c.User), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (user, _) =>
            {
                foreach (var c in user)
                {
                    await SendAsync(c, tally);
                    Interlocked.Increment(ref sent);
                }
            });
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what}: {commands.Count - tally.Errors:N0} of {commands.Count:N0} commands accepted, {tally.Reads:N0} reads") + (tally.FirstError is { } e ? $"; first error: {e}" : ""));
        return tally;
    }

    private async Task SendAsync(SimCommand c, SimTally tally)
    {
        var goal = c.User.Goals[c.Goal];
        var removed = "";
        if (c.Kind == SimKind.RemoveActivity && !lastActivity.TryRemove(goal.Id, out removed))
        {
            c = c with { Kind = SimKind.Patch }; // that goal's last activity of the day is already removed
        }

        var (method, path, json) = c.Kind switch
        {
            SimKind.Log or SimKind.LogThenRead => (HttpMethod.Post, $"/v1/goals/{goal.Id}/activities", LogBody(c)),
            SimKind.Patch => (HttpMethod.Patch, $"/v1/goals/{goal.Id}", JsonSerializer.Serialize(new { title = $"Renamed {goal.Pattern} goal ({c.At:HH:mm})" })),
            SimKind.Pause => (HttpMethod.Post, $"/v1/goals/{goal.Id}/pause", null),
            SimKind.Resume => (HttpMethod.Post, $"/v1/goals/{goal.Id}/resume", null),
            _ => (HttpMethod.Delete, $"/v1/goals/{goal.Id}/activities/{removed}", null),
        };
        var (status, body) = await api.SendAsync(method, path, c.User.User, json, c.Key);
        if (status is not (HttpStatusCode.OK or HttpStatusCode.Created) || body is not { } b)
        {
            tally.Failed($"{method} {path}: HTTP {(int)status} {body}");
            return;
        }

        var version = b.GetProperty("version").GetInt64();
        goal.Saw(version);
        tally.Ok(c.Kind);
        if (b.TryGetProperty("activityId", out var id))
        {
            lastActivity[goal.Id] = id.GetString()!;
        }

        if (c.Kind == SimKind.LogThenRead)
        {
            await api.GetAsync($"/v1/goals/{goal.Id}?minVersion={version}", c.User.User);
            tally.Read();
        }
    }

    /// <summary>Creates every user's goals (in their order), adding them to <see cref="SimUser.Goals"/>.</summary>
    public async Task<int> CreateGoalsAsync(IReadOnlyList<SimUser> users)
    {
        var errors = 0;
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (user, _) =>
        {
            foreach (var spec in user.Specs)
            {
                var (error, goal) = await api.CreateGoalAsync(user.User, spec.CreateJson, spec.Pattern);
                if (goal is null)
                {
                    Interlocked.Increment(ref errors);
                    Console.Error.WriteLine($"  create failed: {error}");
                    return;
                }

                user.Goals.Add(goal);
            }
        });
        return errors;
    }

    private static string LogBody(SimCommand c) => c.Note.Length > 0
        ? JsonSerializer.Serialize(new { value = c.Value, occurredAt = c.At, note = c.Note })
        : JsonSerializer.Serialize(new { value = c.Value, occurredAt = c.At });
}
