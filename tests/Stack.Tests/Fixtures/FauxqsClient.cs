using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Lifestyle.Stack.Tests.Fixtures;

/// <summary>
/// The test side of the emulator, unsigned (fauxqs then uses its default region, us-east-1, as our signed calls do):
/// SNS CreateTopic/Subscribe over the query API, SQS CreateQueue/ReceiveMessage/DeleteMessageBatch over JSON.
/// </summary>
public sealed class FauxqsClient(string serviceUrl) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = new Uri(serviceUrl), Timeout = TimeSpan.FromSeconds(30) };

    public async Task<string> CreateTopicAsync(string name) =>
        Element(await SnsAsync(new() { ["Action"] = "CreateTopic", ["Name"] = name }), "TopicArn");

    /// <summary>Subscribes a queue with raw delivery (body = our message, SNS attributes = SQS attributes) and a filter policy.</summary>
    public async Task SubscribeAsync(string topicArn, string queueArn, string filterPolicy) =>
        await SnsAsync(new()
        {
            ["Action"] = "Subscribe",
            ["TopicArn"] = topicArn,
            ["Protocol"] = "sqs",
            ["Endpoint"] = queueArn,
            ["Attributes.entry.1.key"] = "RawMessageDelivery",
            ["Attributes.entry.1.value"] = "true",
            ["Attributes.entry.2.key"] = "FilterPolicy",
            ["Attributes.entry.2.value"] = filterPolicy,
        });

    public async Task<(string Url, string Arn)> CreateQueueAsync(string name)
    {
        var url = (string)(await SqsAsync("CreateQueue", new JsonObject { ["QueueName"] = name }))["QueueUrl"]!;
        var attributes = await SqsAsync("GetQueueAttributes", new JsonObject { ["QueueUrl"] = url, ["AttributeNames"] = new JsonArray("QueueArn") });
        return (url, (string)attributes["Attributes"]!["QueueArn"]!);
    }

    /// <summary>Up to 10 messages (long poll), deleted once read so none comes back.</summary>
    public async Task<List<JsonObject>> ReceiveAsync(string queueUrl, int waitSeconds)
    {
        var answer = await SqsAsync("ReceiveMessage", new JsonObject
        {
            ["QueueUrl"] = queueUrl,
            ["MaxNumberOfMessages"] = 10,
            ["WaitTimeSeconds"] = waitSeconds,
            ["VisibilityTimeout"] = 300,
            ["MessageAttributeNames"] = new JsonArray("All"),
        });
        var messages = answer["Messages"]?.AsArray().Select(m => m!.AsObject()).ToList() ?? [];
        if (messages.Count > 0)
        {
            var entries = new JsonArray();
            for (var i = 0; i < messages.Count; i++)
            {
                entries.Add(new JsonObject { ["Id"] = $"m{i}", ["ReceiptHandle"] = (string)messages[i]["ReceiptHandle"]! });
            }

            await SqsAsync("DeleteMessageBatch", new JsonObject { ["QueueUrl"] = queueUrl, ["Entries"] = entries });
        }

        return messages;
    }

    public void Dispose() => http.Dispose();

    private async Task<XDocument> SnsAsync(Dictionary<string, string> form)
    {
        form["Version"] = "2010-03-31";
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(new Uri("/", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? XDocument.Parse(text) : throw new InvalidOperationException($"SNS {form["Action"]}: {text}");
    }

    private async Task<JsonObject> SqsAsync(string action, JsonObject body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/", UriKind.Relative)) { Content = content };
        request.Headers.Add("X-Amz-Target", "AmazonSQS." + action);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? (text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject())
            : throw new InvalidOperationException($"SQS {action}: {text}");
    }

    private static string Element(XDocument xml, string name) =>
        xml.Descendants().First(e => e.Name.LocalName == name).Value.Trim();
}
