using System.Text.Json.Nodes;
using Xunit;

namespace Lifestyle.Stack.Tests.Fixtures;

/// <summary>A notification as a subscriber gets it: the JSON body and the SNS message attributes.</summary>
public sealed record ReceivedNotification(JsonObject Body, IReadOnlyDictionary<string, string> Attributes)
{
    public string Type => (string)Body["type"]!;

    public JsonObject Data => Body["data"]!.AsObject();

    public override string ToString() => $"{Type} {Data.ToJsonString()}";
}

/// <summary>
/// One user's notifications: an SQS queue subscribed to the topic with a filter policy on the <c>userId</c> message
/// attribute, so each test reads only its own user's messages (and the attribute is proven on the way).
/// </summary>
public sealed class NotificationInbox(FauxqsClient client, string queueUrl)
{
    private readonly List<ReceivedNotification> received = [];

    public IReadOnlyList<ReceivedNotification> Received => received;

    /// <summary>Reads until <paramref name="done"/> holds for everything received so far; fails after the timeout.</summary>
    public async Task<IReadOnlyList<ReceivedNotification>> WaitUntilAsync(
        Func<IReadOnlyList<ReceivedNotification>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!done(received))
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"expected notifications did not arrive; received: [{string.Join("; ", received)}]");
            await ReadAsync(1);
        }

        return received;
    }

    public Task<IReadOnlyList<ReceivedNotification>> WaitForAsync(string type, int count = 1) =>
        WaitUntilAsync(r => r.Count(n => n.Type == type) >= count);

    /// <summary>Everything received once nothing more arrives for <paramref name="quiet"/>.</summary>
    public async Task<IReadOnlyList<ReceivedNotification>> SettleAsync(TimeSpan? quiet = null)
    {
        var until = DateTime.UtcNow + (quiet ?? TimeSpan.FromSeconds(1.5));
        while (DateTime.UtcNow < until)
        {
            if (await ReadAsync(1) > 0)
            {
                until = DateTime.UtcNow + (quiet ?? TimeSpan.FromSeconds(1.5));
            }
        }

        return received;
    }

    public IReadOnlyList<ReceivedNotification> OfType(string type) => received.Where(n => n.Type == type).ToList();

    private async Task<int> ReadAsync(int waitSeconds)
    {
        var messages = await client.ReceiveAsync(queueUrl, waitSeconds);
        foreach (var m in messages)
        {
            var attributes = m["MessageAttributes"]?.AsObject()
                .ToDictionary(kv => kv.Key, kv => (string)kv.Value!["StringValue"]!) ?? [];
            received.Add(new ReceivedNotification(JsonNode.Parse((string)m["Body"]!)!.AsObject(), attributes));
        }

        return messages.Count;
    }
}
