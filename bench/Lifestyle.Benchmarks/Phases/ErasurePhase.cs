using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Benchmarks.Load;

namespace Lifestyle.Benchmarks.Phases;

/// <summary>
/// Phase 6: erasure. Two users with the same data (5 goals × 1,000 events, written with the app's codecs, then
/// projected by the live projector); one is deleted with a raw BatchWriteItem of its known keys (the baseline), the
/// other with DELETE /v1/me, timed until its status says done (marks, paged Query + delete, outside items, Redis, audit).
/// </summary>
public static class ErasurePhase
{
    public const double TargetRatio = 0.7;
    private const int Goals = 5;
    private const int EventsPerGoal = 1_000;

    public static async Task RunAsync(BenchContext ctx)
    {
        var (db, table) = (ctx.Stack.Dynamo, ctx.Stack.Table);
        BenchContext.Phase($"erasure: {Goals * EventsPerGoal:N0} events per user, raw BatchWriteItem delete vs DELETE /v1/me");
        var raw = ctx.Data.NewUser(ctx.RunId, ctx.Stack.Auth);
        var erased = ctx.Data.NewUser(ctx.RunId, ctx.Stack.Auth);
        await ErasureSeed.WriteUserAsync(db, table, raw.Id, Goals, EventsPerGoal);
        await ErasureSeed.WriteUserAsync(db, table, erased.Id, Goals, EventsPerGoal);
        await Task.Delay(2000);
        await ctx.SettleAsync();

        var keys = await ErasureSeed.KeysAsync(db, table, raw.Id);
        var clock = Stopwatch.StartNew();
        await ErasureSeed.WriteAsync(db, table, keys.Select(k => new WriteRequest { DeleteRequest = new DeleteRequest { Key = k } }));
        var rawTime = clock.Elapsed;
        var rawRate = keys.Count / rawTime.TotalSeconds;
        ctx.Table.Add("1 baseline", $"raw BatchWriteItem delete of one user's {keys.Count:N0} items ({ErasureSeed.Parallelism} calls in flight)",
            string.Create(CultureInfo.InvariantCulture, $"{Fmt.Rate(rawRate)} items/s · {rawTime.TotalSeconds:0.00} s"));

        await ctx.SettleAsync();
        var before = (await ErasureSeed.KeysAsync(db, table, erased.Id)).Count;
        clock.Restart();
        var (items, answered) = await EraseAsync(ctx, erased.Token);
        var time = clock.Elapsed;
        var rate = items / time.TotalSeconds;
        var left = (await ErasureSeed.KeysAsync(db, table, erased.Id)).Count;
        // docs/product-rules.md §5 ("Bounded"): the machine-independent target is the ratio to the same run's raw delete (issue 18's
        // "< 2 s for 5,000 events" was below this machine's raw delete of those items, ~2.5 s at ~2,100 items/s).
        var met = rate >= TargetRatio * rawRate && left == 0;
        ctx.Table.Add("7 erasure", $"DELETE /v1/me → done, {Goals * EventsPerGoal:N0} events ({before:N0} items; first answer '{answered}')",
            string.Create(CultureInfo.InvariantCulture, $"{Fmt.Rate(rate)} items/s · {items:N0} items · {time.TotalSeconds:0.00} s · {left} left"),
            $"{Fmt.Rate(rawRate)} items/s raw delete", $"{rate / rawRate:0.00}×", $"≥ {TargetRatio}× raw", met);
    }

    internal static async Task<(long Items, string Answered)> EraseAsync(BenchContext ctx, string token)
    {
        var started = await SendAsync(ctx, HttpMethod.Delete, "/v1/me", token);
        var (id, answered) = ((string)started["erasureId"]!, (string)started["status"]!);
        var status = started;
        while ((string)status["status"]! != "done")
        {
            await Task.Delay(20);
            status = await SendAsync(ctx, HttpMethod.Get, $"/v1/me/erasure/{id}", token);
        }

        if (answered == "done")
        {
            status = await SendAsync(ctx, HttpMethod.Get, $"/v1/me/erasure/{id}", token);
        }

        return ((long)status["items"]!, answered);
    }

    private static async Task<JsonObject> SendAsync(BenchContext ctx, HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, new Uri(ctx.Stack.Api, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await ctx.Stack.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonNode.Parse(text)!.AsObject() : throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode} {text}");
    }
}
