using Amazon.DynamoDBv2;
using Lifestyle.Infrastructure.Dynamo;
using Xunit;

namespace Lifestyle.TestSupport;

/// <summary>The real DynamoDB Local (with Streams), in memory, on a free port, with the table created.</summary>
public sealed class DynamoDbLocalFixture : IAsyncLifetime
{
    private LocalProcess? process;

    public string ServiceUrl { get; private set; } = "";

    public string TableName { get; } = "lifestyle-test";

    public IAmazonDynamoDB Client { get; private set; } = null!;

    public DynamoOptions Options => new() { ServiceUrl = ServiceUrl, TableName = TableName };

    public async Task InitializeAsync()
    {
        var dir = RepoPaths.DynamoDbLocalDir;
        if (!File.Exists(Path.Combine(dir, "DynamoDBLocal.jar")))
        {
            throw new InvalidOperationException($"DynamoDB Local not found in {dir}: run ./test.sh (it fetches it).");
        }

        // A port another process took between the pick and Java's bind (the JVM takes a second to get there) is retried.
        for (var attempt = 1; ; attempt++)
        {
            Start(LocalProcess.FreePort());
            try
            {
                await WaitUntilUpAsync();
                break;
            }
            catch (InvalidOperationException) when (attempt < 3 && process!.Output.Contains("Address already in use", StringComparison.Ordinal))
            {
                Client.Dispose();
                process.Dispose();
            }
        }

        await TableSchema.EnsureAsync(Client, TableName);
    }

    private void Start(int port)
    {
        process = new LocalProcess("java",
            ["-Djava.library.path=DynamoDBLocal_lib", "-jar", "DynamoDBLocal.jar", "-inMemory", "-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            RepoPaths.DynamoDbLocalDir);
        ServiceUrl = $"http://127.0.0.1:{port}";
        // The fixture's own client (table set-up, raw checks) waits longer than the apps' 2 s attempts: on a loaded
        // 2-core machine a CreateTable can take longer, and the apps' bounds are pinned by the fault tests instead.
        Client = DynamoClientFactory.Create(new DynamoOptions { ServiceUrl = ServiceUrl, TableName = TableName, TimeoutMs = 15_000 });
    }

    /// <summary>SIGSTOP (connected, never answering) or SIGCONT this DynamoDB Local only.</summary>
    public void Hang(bool hung) => process!.Signal(hung ? "STOP" : "CONT");

    public Task DisposeAsync()
    {
        Client?.Dispose();
        process?.Dispose();
        return Task.CompletedTask;
    }

    private async Task WaitUntilUpAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await Client.ListTablesAsync();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && process is { HasExited: false })
            {
                await Task.Delay(200);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException("DynamoDB Local did not start:\n" + process?.Output, e);
            }
        }
    }
}
