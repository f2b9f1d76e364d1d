using System.Text.Json.Nodes;
using Lifestyle.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Lifestyle.Stack.Tests.Fixtures;

/// <summary>
/// The whole stack (<see cref="StackFixture"/>) plus the SNS/SQS emulator: the API and the projector are configured
/// with <c>Sns:ServiceUrl</c> and a topic name, so the projector's notifications really go through SNS to SQS.
/// </summary>
public sealed class NotificationStackFixture : IAsyncLifetime
{
    public const string TopicName = "lifestyle-notifications-test";

    private FauxqsClient? client;
    private string? topicArn;

    public FauxqsFixture Fauxqs { get; } = new();

    public StackFixture Stack { get; private set; } = null!;

    public IServiceProvider Services => Stack.Services;

    /// <summary>Added to the stack's settings (set before initialization), e.g. a short notification lease.</summary>
    public IReadOnlyDictionary<string, string?> ExtraSettings { get; init; } = new Dictionary<string, string?>();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        await Fauxqs.InitializeAsync();
        client = new FauxqsClient(Fauxqs.ServiceUrl);
        topicArn = await client.CreateTopicAsync(TopicName);
        Stack = new StackFixture
        {
            ExtraSettings = new Dictionary<string, string?>
            {
                ["Sns:ServiceUrl"] = Fauxqs.ServiceUrl,
                ["Sns:TopicName"] = TopicName,
                ["Notifications:SweepSeconds"] = "0.5",
            }.Concat(ExtraSettings).ToDictionary(),
        };
        await Stack.InitializeAsync();
    }

    /// <summary>A queue that receives the notifications of one user.</summary>
    public async Task<NotificationInbox> InboxForAsync(string userId)
    {
        var (url, arn) = await client!.CreateQueueAsync("inbox-" + userId);
        await client.SubscribeAsync(topicArn!, arn, new JsonObject { ["userId"] = new JsonArray(userId) }.ToJsonString());
        return new NotificationInbox(client, url);
    }

    public async Task DisposeAsync()
    {
        if (Stack is not null)
        {
            await Stack.DisposeAsync();
        }

        client?.Dispose();
        await Fauxqs.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class NotificationStackCollection : ICollectionFixture<NotificationStackFixture>
{
    public const string Name = "notification stack";
}
