using Lifestyle.Infrastructure.Dynamo;

namespace Lifestyle.Benchmarks.Stack;

/// <summary>Starting the stack's services: DynamoDB Local, Redis, the SNS emulator and the topic.</summary>
public sealed partial class BenchStack
{
    private async Task StartServicesAsync()
    {
        var dynamoDir = Environment.GetEnvironmentVariable("LIFESTYLE_DYNAMODB_LOCAL_DIR") is { Length: > 0 } d
            ? d : Path.Combine(Root, ".tools", "dynamodb-local");
        if (!File.Exists(Path.Combine(dynamoDir, "DynamoDBLocal.jar")))
        {
            throw new InvalidOperationException($"DynamoDB Local not found in {dynamoDir}: run bench/run.sh (it fetches it).");
        }

        foreach (var (bin, dll) in new[] { (ApiBin, "Lifestyle.Api.dll"), (ProjectorBin, "Lifestyle.Projections.dll") })
        {
            if (!File.Exists(Path.Combine(bin, dll)))
            {
                throw new InvalidOperationException($"{Path.Combine(bin, dll)} is missing: run bench/run.sh (it builds it).");
            }
        }

        var dynamoPort = ChildProcess.FreePort();
        var redisPort = ChildProcess.FreePort();
        DynamoUrl = $"http://127.0.0.1:{dynamoPort}";
        Table = "lifestyle-bench";
        RedisConfiguration = $"127.0.0.1:{redisPort}";
        Auth = LoadAuth(ApiBin);
        children.Add(new ChildProcess("dynamodb", "java",
            ["-Djava.library.path=DynamoDBLocal_lib", "-jar", "DynamoDBLocal.jar", "-inMemory", "-port", Invariant(dynamoPort)],
            dynamoDir, Path.Combine(LogDir, "dynamodb.log")));
        children.Add(new ChildProcess("redis", "redis-server",
            ["--port", Invariant(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            LogDir, Path.Combine(LogDir, "redis.log")));
        Watch.Track("dynamodb", children[0].Id);
        Watch.Track("redis", children[1].Id);
        StartProxies();
        Dynamo = DynamoClientFactory.Create(DynamoOptions());
        await WaitForDynamoAsync(children[0]);
        await TableSchema.EnsureAsync(Dynamo, Table);
        Redis = await ConnectRedisAsync(RedisConfiguration);
        await StartSnsAsync();

        var apiPort = ChildProcess.FreePort();
        Api = new Uri($"http://127.0.0.1:{apiPort}");
        var api = StartApi("api", apiPort, withRedis: true);
        await WaitLiveAsync(Api, api);
        Watch.Track("api", api.Id);

        await StartProjectorAsync();
    }

    /// <summary>fauxqs (bench/run.sh installs it, as ./run.sh does) and the notifications topic.</summary>
    private async Task StartSnsAsync()
    {
        if (Environment.GetEnvironmentVariable("LIFESTYLE_FAUXQS_BIN") is not { Length: > 0 } fauxqs || !File.Exists(fauxqs))
        {
            Console.Error.WriteLine("warning: fauxqs not found (LIFESTYLE_FAUXQS_BIN): the projector runs without notifications");
            return;
        }

        var port = ChildProcess.FreePort();
        var sns = new ChildProcess("sns", fauxqs, [], LogDir, Path.Combine(LogDir, "sns.log"),
            new Dictionary<string, string?> { ["FAUXQS_PORT"] = Invariant(port) });
        children.Add(sns);
        Watch.Track("sns", sns.Id);
        SnsUrl = $"http://127.0.0.1:{port}";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "CreateTopic", ["Name"] = TopicName });
                using var response = await Http.PostAsync(new Uri(SnsUrl + "/"), content);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !sns.HasExited)
            {
            }

            if (DateTime.UtcNow > deadline || sns.HasExited)
            {
                throw new InvalidOperationException("the SNS emulator (fauxqs) did not start:\n" + sns.Tail());
            }

            await Task.Delay(200);
        }
    }

    private static string TopicName => Environment.GetEnvironmentVariable("LIFESTYLE_SNS_TOPIC") is { Length: > 0 } t ? t : "lifestyle-notifications";
}
