using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bogus;
using Lifestyle.Api.Auth;

namespace Lifestyle.Benchmarks.Api;

public sealed record BenchUser(string Id, string Token);

/// <summary>A goal the benchmark created through the API; Version is the last version a command answered.</summary>
public sealed class BenchGoal(BenchUser user, string id, string pattern)
{
    private long version = 1;

    public BenchUser User { get; } = user;

    public string Id { get; } = id;

    public string Pattern { get; } = pattern;

    public long Version => Interlocked.Read(ref version);

    public void Saw(long v)
    {
        long current;
        while (v > (current = Interlocked.Read(ref version)) && Interlocked.CompareExchange(ref version, v, current) != current)
        {
        }
    }
}

/// <summary>Bogus-made users, goal definitions and activity logs (valid requests of docs/product-rules.md §5).</summary>
public sealed class BenchData(int seed)
{
    private static readonly string[] Timezones =
        ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "America/Sao_Paulo", "Africa/Lagos", "Asia/Kolkata"];

    private static readonly string[] Templates = ["water-8-glasses", "exercise-30min-3x-week", "meditate-10min-daily", "sleep-8-hours", "walk-10000-steps"];

    private readonly Faker faker = new() { Random = new Randomizer(seed) };
    private readonly Lock gate = new();

    public Faker Faker => faker;

    public BenchUser NewUser(string runId, AuthOptions auth)
    {
        string name;
        lock (gate)
        {
            name = new string(faker.Internet.UserName().Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-').Take(24).ToArray());
            name = $"bench-{runId}-{name}-{faker.Random.AlphaNumeric(6)}";
        }

        return new BenchUser(name, DevTokens.Create(auth, name, TimeSpan.FromHours(4)));
    }

    /// <summary>A create-goal body: one of the five templates, or a custom daily or limit goal. None can complete by logging.</summary>
    public (string Json, string Pattern) NewGoalBody()
    {
        lock (gate)
        {
            var tz = faker.PickRandom(Timezones);
            var roll = faker.Random.Int(0, 9);
            if (roll < 5)
            {
                var template = faker.PickRandom(Templates);
                return (JsonSerializer.Serialize(new { templateId = template, timezone = tz }),
                    template.Contains("week", StringComparison.Ordinal) ? "weekly" : "daily");
            }

            if (roll < 8)
            {
                var title = $"{faker.Hacker.Verb()} {faker.Hacker.Noun()}";
                return (JsonSerializer.Serialize(new
                {
                    title = title.Length > 100 ? title[..100] : title,
                    pattern = "daily",
                    target = faker.Random.Int(1, 20),
                    unit = faker.PickRandom("minutes", "pages", "glasses", "steps", "reps"),
                    timezone = tz,
                }), "daily");
            }

            return (JsonSerializer.Serialize(new
            {
                title = $"At most {faker.Random.Int(1, 5)} {faker.PickRandom("coffees", "snacks", "cigarettes", "sodas")} a day",
                pattern = "limit",
                target = faker.Random.Int(1, 5),
                unit = "items",
                timezone = tz,
            }), "limit");
        }
    }

    public string NewActivityBody()
    {
        lock (gate)
        {
            var value = faker.Random.Int(1, 5);
            return faker.Random.Bool(0.3f)
                ? JsonSerializer.Serialize(new { value, note = faker.Lorem.Sentence(faker.Random.Int(3, 8)) })
                : JsonSerializer.Serialize(new { value });
        }
    }
}

/// <summary>The real HTTP API over one pooled loopback HttpClient; each request carries its user's bearer token.</summary>
public sealed class BenchApi(HttpClient http, Uri baseUrl)
{
    public Uri BaseUrl { get; } = baseUrl;

    public async Task<(HttpStatusCode Status, JsonElement? Body)> SendAsync(
        HttpMethod method, string path, BenchUser user, string? json = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes.Length == 0 || response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) != true)
        {
            return (response.StatusCode, null);
        }

        using var doc = JsonDocument.Parse(bytes);
        return (response.StatusCode, doc.RootElement.Clone());
    }

    /// <summary>GET, reading the whole body; null when it answered 200.</summary>
    public async Task<string?> GetAsync(string path, BenchUser user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK && body.Length > 0 ? null : Error(response.StatusCode, body);
    }

    public async Task<(string? Error, BenchGoal? Goal)> CreateGoalAsync(BenchUser user, string json, string pattern)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/goals", user, json);
        return status == HttpStatusCode.Created && body is { } b
            ? (null, new BenchGoal(user, b.GetProperty("goalId").GetString()!, pattern))
            : (Error(status, body), null);
    }

    /// <summary>Logs an activity; the version the command answered (the goal's version after it), or the error.</summary>
    public async Task<(string? Error, long Version)> LogAsync(BenchGoal goal, string json)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, $"/v1/goals/{goal.Id}/activities", goal.User, json);
        if (status == HttpStatusCode.Created && body is { } b)
        {
            var version = b.GetProperty("version").GetInt64();
            goal.Saw(version);
            return (null, version);
        }

        return (Error(status, body), 0);
    }

    private static string Error(HttpStatusCode status, JsonElement? body) =>
        $"HTTP {(int)status}" + (body is { } b && b.TryGetProperty("code", out var code) ? $" {code}" : "");

    private static string Error(HttpStatusCode status, byte[] body) =>
        $"HTTP {(int)status}" + (body.Length > 0 ? " " + Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 120))) : "");
}
