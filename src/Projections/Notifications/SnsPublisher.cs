using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Lifestyle.Infrastructure.Aws;
using Lifestyle.Infrastructure.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lifestyle.Projections.Notifications;

/// <summary>
/// SNS <c>Publish</c> (and <c>CreateTopic</c>, to resolve a topic name) over the query API: a form POST signed with
/// SigV4 as service "sns", answered in XML. AWSSDK.SimpleNotificationService is not served here (docs/adr/0005).
/// Each call is bounded by <c>Sns:TimeoutSeconds</c>. A Publish is retried (exponential backoff) only when SNS surely
/// did not take it: an error answer for server errors or throttling, or a connection that never opened. A Publish
/// whose answer did not come (a time-out, a connection lost mid-call) may have been delivered: it is not retried
/// here but surfaces as <see cref="SnsOutcomeUnknownException"/>, so the caller keeps its lease (docs/product-rules.md §6).
/// CreateTopic is idempotent and is retried after time-outs too. A request SNS refuses (missing topic, bad
/// parameter) is never retried.
/// </summary>
public sealed class SnsPublisher : IDisposable
{
    private const string ApiVersion = "2010-03-31";
    private static readonly MediaTypeHeaderValue FormContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf-8");

    private readonly HttpClient http;
    private readonly Uri endpoint;
    private readonly SigV4Signer signer;
    private readonly Lazy<AWSCredentials> credentials;
    private readonly SnsOptions options;
    private readonly TimeProvider time;
    private readonly ILogger log;
    private readonly SemaphoreSlim topicLock = new(1, 1);
    private string? topicArn;

    public SnsPublisher(
        HttpClient http, Uri endpoint, SigV4Signer signer, Func<AWSCredentials> credentials, SnsOptions options,
        TimeProvider? time = null, ILogger? log = null)
    {
        this.http = http;
        this.endpoint = endpoint;
        this.signer = signer;
        this.credentials = new Lazy<AWSCredentials>(credentials);
        this.options = options;
        this.time = time ?? TimeProvider.System;
        this.log = log ?? NullLogger.Instance;
        topicArn = string.IsNullOrWhiteSpace(options.TopicArn) ? null : options.TopicArn;
    }

    /// <summary>First retry waits about this long, the next twice as long, and so on (tests shorten it).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public Uri Endpoint => endpoint;

    /// <summary>
    /// Locally (a ServiceUrl): that endpoint and the stack's fixed credentials. In AWS: sns.&lt;region&gt;.amazonaws.com
    /// and the SDK's default credentials chain (resolved on first use, so a process that never publishes needs none).
    /// </summary>
    public static SnsPublisher Create(SnsOptions options, string fallbackRegion, ILogger? log = null)
    {
        var region = options.RegionOr(fallbackRegion);
        var endpoint = options.IsLocal ? new Uri(options.ServiceUrl!) : new Uri($"https://sns.{region}.amazonaws.com/");
        Func<AWSCredentials> credentials = options.IsLocal
            ? () => new BasicAWSCredentials("lifestylelocal", "lifestylelocal")
            : () => DefaultAWSCredentialsIdentityResolver.GetCredentials(new AmazonDynamoDBConfig { AuthenticationRegion = region });
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) };
        return new SnsPublisher(http, endpoint, new SigV4Signer(region, "sns"), credentials, options, null, log);
    }

    /// <summary>Publishes one message to the topic; returns SNS's MessageId.</summary>
    public Task<string> PublishAsync(SnsMessage message, CancellationToken ct) => PublishAsync(message, options.MaxAttempts, ct);

    public async Task<string> PublishAsync(SnsMessage message, int maxAttempts, CancellationToken ct)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("Action", "Publish"),
            new("Version", ApiVersion),
            new("TopicArn", await TopicArnAsync(ct)),
            new("Message", message.Body),
        };
        var n = 0;
        foreach (var (name, value) in message.Attributes)
        {
            n++;
            form.Add(new($"MessageAttributes.entry.{n}.Name", name));
            form.Add(new($"MessageAttributes.entry.{n}.Value.DataType", "String"));
            form.Add(new($"MessageAttributes.entry.{n}.Value.StringValue", value));
        }

        var answer = await CallAsync(form, maxAttempts, idempotent: false, ct);
        return SnsAnswers.Element(answer, "MessageId") ?? throw new SnsException("MalformedResponse", "no MessageId in the Publish response", System.Net.HttpStatusCode.OK);
    }

    /// <summary>The configured topic ARN, or the one CreateTopic answers for the topic name (asked once).</summary>
    public async Task<string> TopicArnAsync(CancellationToken ct)
    {
        if (topicArn is { } known)
        {
            return known;
        }

        await topicLock.WaitAsync(ct);
        try
        {
            if (topicArn is null)
            {
                var answer = await CallAsync(
                    [new("Action", "CreateTopic"), new("Version", ApiVersion), new("Name", options.TopicName)], options.MaxAttempts, idempotent: true, ct);
                topicArn = SnsAnswers.Element(answer, "TopicArn")
                    ?? throw new SnsException("MalformedResponse", "no TopicArn in the CreateTopic response", System.Net.HttpStatusCode.OK);
            }

            return topicArn;
        }
        finally
        {
            topicLock.Release();
        }
    }

    public void Dispose()
    {
        http.Dispose();
        topicLock.Dispose();
    }

    /// <summary>Form-encodes a query API call (RFC 3986 escaping), as the body of a signed POST.</summary>
    public static byte[] FormBody(IEnumerable<KeyValuePair<string, string>> form) =>
        Encoding.UTF8.GetBytes(string.Join("&", form.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}")));

    private async Task<XDocument> CallAsync(List<KeyValuePair<string, string>> form, int maxAttempts, bool idempotent, CancellationToken ct)
    {
        using var span = NotificationTelemetry.StartSnsCall(form[0].Value);
        try
        {
            return await AttemptAsync(form, maxAttempts, idempotent, ct);
        }
        catch (Exception e)
        {
            LifestyleTelemetry.Failed(span, e);
            throw;
        }
    }

    private async Task<XDocument> AttemptAsync(List<KeyValuePair<string, string>> form, int maxAttempts, bool idempotent, CancellationToken ct)
    {
        var body = FormBody(form);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(body, ct);
            }
            catch (Exception e) when (!idempotent && !ct.IsCancellationRequested && SnsAnswers.MayHaveArrived(e))
            {
                throw new SnsOutcomeUnknownException(form[0].Value, e);
            }
            catch (Exception e) when (attempt < maxAttempts && SnsAnswers.IsTransient(e, ct))
            {
                var delay = Backoff.Delay(attempt, RetryBaseDelay, TimeSpan.FromSeconds(5));
                log.LogWarning("SNS {Action} attempt {Attempt} of {Max} failed ({Error}); retrying in {DelayMs} ms",
                    form[0].Value, attempt, maxAttempts, e.Message, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, time, ct);
            }
        }
    }

    private async Task<HttpResponseMessage> SendCountingTimeoutsAsync(HttpRequestMessage message, CancellationToken ct)
    {
        try
        {
            return await http.SendAsync(message, ct);
        }
        catch (Exception e) when (e is TaskCanceledException or TimeoutException && !ct.IsCancellationRequested)
        {
            LifestyleTelemetry.DependencyTimedOut("sns");
            throw;
        }
    }

    private async Task<XDocument> SendOnceAsync(byte[] body, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = FormContentType;
        var identity = await credentials.Value.GetCredentialsAsync();
        signer.Sign(message, body, identity, time.GetUtcNow().UtcDateTime);

        using var response = await SendCountingTimeoutsAsync(message, ct);
        return await SnsAnswers.ReadAsync(response, ct);
    }
}
