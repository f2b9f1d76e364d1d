using Amazon.DynamoDBv2;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Projections.Stream;
using Lifestyle.TestSupport;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Lifestyle.Projections.Tests.Fixtures;

/// <summary>One DynamoDB Local for the collection; every test makes its own table (and so its own stream).</summary>
public sealed class StreamsFixture : IAsyncLifetime
{
    public DynamoDbLocalFixture Dynamo { get; } = new();

    public IAmazonDynamoDB Client => Dynamo.Client;

    public static ILoggerFactory Logs { get; } = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Information));

    public Task InitializeAsync() => Dynamo.InitializeAsync();

    public Task DisposeAsync() => Dynamo.DisposeAsync();

    public DynamoOptions OptionsFor(string table) => new() { ServiceUrl = Dynamo.ServiceUrl, TableName = table };

    public async Task<string> NewTableAsync()
    {
        var table = "t-" + Guid.NewGuid().ToString("N")[..12];
        await TableSchema.EnsureAsync(Client, table);
        return table;
    }

    public DynamoStreamsClient StreamsClient(string table) => DynamoStreamsClient.Create(OptionsFor(table));

    public LocalStreamConsumer Consumer(string table, IChangeBatchHandler handler, int batchSize = 100) => new(
        Client,
        StreamsClient(table),
        handler,
        OptionsFor(table),
        new StreamConsumerOptions
        {
            BatchSize = batchSize,
            PollInterval = TimeSpan.FromMilliseconds(50),
            MinRetryDelay = TimeSpan.FromMilliseconds(50),
        },
        Logs.CreateLogger<LocalStreamConsumer>());
}

[CollectionDefinition(Name)]
public sealed class StreamsCollection : ICollectionFixture<StreamsFixture>
{
    public const string Name = "DynamoDB Local streams";
}
