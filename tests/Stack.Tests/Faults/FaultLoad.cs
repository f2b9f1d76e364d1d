using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Lifestyle.Stack.Tests.Faults;

/// <summary>One acknowledged log: the client got 201 for this Idempotency-Key and activity id.</summary>
public sealed record AckedLog(string UserId, string GoalId, string Key, string ActivityId);

/// <summary>
/// A bounded load as a careful client sends it: each log with its own Idempotency-Key, retried with the
/// same key after any failure (a reset connection, a timeout, a 5xx) until acknowledged. Beside it, a
/// reader samples goal views, so the read latency during a fault is measured.
/// </summary>
public sealed class FaultLoad(IReadOnlyList<(HttpClient Client, string UserId, string GoalId)> goals)
{
    public static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(120);

    public ConcurrentBag<AckedLog> Acknowledged { get; } = [];

    public ConcurrentBag<string> Refused { get; } = [];

    public ConcurrentBag<(TimeSpan At, TimeSpan Took, int Status)> Reads { get; } = [];

    public int Retries => retries;

    private int retries;

    /// <summary>Logs <paramref name="perWorker"/> activities from each of <paramref name="workers"/> workers, paced.</summary>
    public Task LogAsync(int workers, int perWorker, TimeSpan pause) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            for (var i = 0; i < perWorker; i++)
            {
                var (client, user, goal) = goals[((w * perWorker) + i) % goals.Count];
                await LogOneAsync(client, user, goal);
                await Task.Delay(pause);
            }
        }));

    /// <summary>Reads a goal view every 200 ms until <paramref name="stop"/>, timing each answer.</summary>
    public async Task SampleReadsAsync(Stopwatch clock, CancellationToken stop)
    {
        var i = 0;
        while (!stop.IsCancellationRequested)
        {
            var (client, _, goal) = goals[i++ % goals.Count];
            var started = clock.Elapsed;
            var status = 0;
            try
            {
                using var response = await client.GetAsync(new Uri($"/v1/goals/{goal}", UriKind.Relative), CancellationToken.None);
                status = (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            Reads.Add((started, clock.Elapsed - started, status));
            await Task.Delay(200, CancellationToken.None);
        }
    }

    private async Task LogOneAsync(HttpClient client, string user, string goal)
    {
        var key = Guid.NewGuid().ToString("N");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < RetryFor)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/v1/goals/{goal}/activities", UriKind.Relative))
                {
                    Content = new StringContent("""{"value": 1}""", Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    Acknowledged.Add(new AckedLog(user, goal, key, (string)JsonNode.Parse(body)!["activityId"]!));
                    return;
                }

                if ((int)response.StatusCode < 500)
                {
                    Refused.Add($"{(int)response.StatusCode} {body}");
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            Interlocked.Increment(ref retries);
            await Task.Delay(500);
        }

        Refused.Add($"not acknowledged within {RetryFor.TotalSeconds} s");
    }
}
