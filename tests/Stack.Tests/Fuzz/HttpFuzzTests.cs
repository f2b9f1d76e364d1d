using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;
using Xunit.Abstractions;

namespace Lifestyle.Stack.Tests.Fuzz;

/// <summary>The fuzz test's own stack, so <c>verify --all</c> sees only what the fuzzer wrote.</summary>
[CollectionDefinition(Name)]
public sealed class FuzzCollection : ICollectionFixture<StackFixture>
{
    public const string Name = "fuzz";
}

/// <summary>
/// Seeded hostile requests against the whole stack. No answer is a 5xx; every 4xx is
/// problem+json with a code of docs/product-rules.md §5; afterwards every read model equals a fresh fold and no
/// goal is parked. <c>LIFESTYLE_FUZZ_REQUESTS</c> (default 2,000) and <c>LIFESTYLE_FUZZ_SEED</c> run it longer or elsewhere.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class HttpFuzzTests(StackFixture stack, ITestOutputHelper output)
{
    private static readonly HashSet<string> KnownCodes =
    [
        "validation-failed", "invalid-date-range", "unauthorized", "goal-not-found", "activity-not-found", "goal-archived",
        "goal-already-completed", "goal-paused", "goal-quota-exceeded", "version-mismatch", "payload-too-large",
        "idempotency-key-reused", "not-found", "method-not-allowed", "unsupported-media-type", "user-erased", "erasure-not-found",
        "uri-too-long", "headers-too-large", "rate-limited", "service-unavailable",
    ];

    [Fact]
    public async Task Hostile_requests_get_no_5xx_only_problem_json_4xx_and_leave_every_read_model_consistent()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("LIFESTYLE_FUZZ_REQUESTS"), out var n) ? n : 2000;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("LIFESTYLE_FUZZ_SEED"), out var s) ? s : 20261202;
        var users = Enumerable.Range(0, 3).Select(_ => StackFixture.NewUserId()).ToArray();
        var clients = users.Select(stack.ClientFor).ToArray();
        using var anonymous = stack.Api.CreateClient();
        using var forged = stack.Api.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        var generator = new FuzzRequests(seed);
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();

        for (var i = 0; i < count; i++)
        {
            var request = generator.Next();
            var client = request.Caller switch { -1 => anonymous, -2 => forged, _ => clients[request.Caller] };
            var (status, body, contentType) = await SendAsync(client, request);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (Problem(request, status, body, contentType) is { } failure)
            {
                failures.Add($"#{i} {request} -> {status} {contentType} {body[..Math.Min(body.Length, 400)]}\n   {failure}");
            }

            Remember(generator, request, status, body);
        }

        output.WriteLine($"seed {seed}, {count} requests: {string.Join(", ", statuses.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}×{kv.Value}"))}; {generator.Goals.Count} goals, {generator.Activities.Count} activities");
        Assert.True(failures.Count == 0, $"{failures.Count} bad answers:\n{string.Join("\n", failures.Take(15))}");
        Assert.True(generator.Goals.Count >= 20 && generator.Activities.Count >= 50, $"the fuzzer reached too little: {generator.Goals.Count} goals, {generator.Activities.Count} activities");
        await AssertReadModelsConsistentAsync();
    }

    private async Task AssertReadModelsConsistentAsync()
    {
        CliRun verify = null!;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            verify = await stack.RunCliAsync("verify", "--all");
            if (verify.ExitCode == 0)
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.True(verify.ExitCode == 0, verify.ToString());
        var parked = await stack.RunCliAsync("parked");
        Assert.Contains("0 parked, 0 failing or parked", parked.Error, StringComparison.Ordinal);
        Assert.Equal(0, stack.Metrics.Parked);
    }

    private static async Task<(int Status, string Body, string? ContentType)> SendAsync(HttpClient client, FuzzRequest r)
    {
        using var request = new HttpRequestMessage(new HttpMethod(r.Method), r.Path);
        if (r.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(r.Body));
            if (r.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", r.ContentType);
            }
        }

        foreach (var (name, value) in r.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await client.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("null characters", StringComparison.Ordinal))
        {
            // An encoded NUL in the path: the server's URL decoder refuses the request line itself
            // (Kestrel answers its own 400), which docs/product-rules.md §5 leaves to the server. Status 0 = "refused by the server".
            return (0, "", null);
        }
    }

    private static string? Problem(FuzzRequest r, int status, string body, string? contentType)
    {
        if (status >= 500)
        {
            return "a 5xx";
        }

        if (status < 400 || r.Method == "HEAD")
        {
            return null;
        }

        if (contentType != "application/problem+json")
        {
            return "not problem+json";
        }

        var problem = JsonNode.Parse(body)!.AsObject();
        var code = (string?)problem["code"];
        return code is null || !KnownCodes.Contains(code) ? $"unknown code '{code}'"
            : (int?)problem["status"] != status ? "status field differs"
            : body.Contains("   at ", StringComparison.Ordinal) ? "a stack trace" : null;
    }

    private static void Remember(FuzzRequests generator, FuzzRequest r, int status, string body)
    {
        if (status != 201 || r.Caller < 0)
        {
            return;
        }

        var answer = JsonNode.Parse(body)!;
        var goalId = (string)answer["goalId"]!;
        if (answer["activityId"] is { } activity)
        {
            generator.Activities.Add((goalId, (string)activity!));
        }
        else if (!generator.GoalsOf[r.Caller].Contains(goalId))
        {
            generator.GoalsOf[r.Caller].Add(goalId);
        }
    }
}
