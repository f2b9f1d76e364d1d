using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Lifestyle.Infrastructure.Aws;
using Lifestyle.Projections.Notifications;
using Lifestyle.Projections.Stream;
using Lifestyle.Projections.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Projections.Tests;

/// <summary>
/// The SNS Publish adapter: signing (against AWS's published SigV4 example for a form POST, and SigV4SignerTests for
/// the signer itself), the query-API form with message attributes, the retry policy and topic resolution.
/// </summary>
public sealed class SnsPublisherTests
{
    private const string TopicArn = "arn:aws:sns:eu-west-1:123456789012:lifestyle-notifications";

    [Fact]
    public void The_sdk_signer_reproduces_the_sigv4_test_suite_form_post_signature()
    {
        // post-x-www-form-urlencoded of the AWS SigV4 test suite: the shape of every SNS query API call.
        var payloadHash = Hex(SHA256.HashData("Param1=value1"u8));
        var canonicalRequest = "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\n"
            + "x-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n" + payloadHash;

        var result = AWS4Signer.ComputeSignature("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1",
            Utc("20150830T123600Z"), "service", "content-type;host;x-amz-date", canonicalRequest);

        Assert.Equal("9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e", payloadHash);
        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-type;host;x-amz-date, "
            + "Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
            result.ForAuthorizationHeader);
    }

    [Fact]
    public async Task A_publish_is_a_form_post_signed_for_sns_over_exactly_what_it_sends()
    {
        var sns = new CannedSns((HttpStatusCode.OK, CannedSns.PublishOk));
        using var publisher = Publisher(sns, new SnsOptions { TopicArn = TopicArn, Region = "eu-west-1" });
        var message = new Notification("goal.milestone", "u-1", "g-1", "percent#50", DateTimeOffset.UnixEpoch, new JsonObject { ["percent"] = 50 }).Message();

        var id = await publisher.PublishAsync(message, CancellationToken.None);

        Assert.Equal("m-1", id);
        var (request, body) = Assert.Single(sns.Requests);
        var form = body.Split('&').Select(p => p.Split('=')).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]));
        Assert.Equal("Publish", form["Action"]);
        Assert.Equal("2010-03-31", form["Version"]);
        Assert.Equal(TopicArn, form["TopicArn"]);
        // The notification id is pinned: it names the fact for subscribers and must never change for it.
        Assert.Equal("{\"notificationId\":\"ntf_1dac7174f0b3e8a262bb916ffe033201\",\"type\":\"goal.milestone\",\"userId\":\"u-1\",\"goalId\":\"g-1\",\"occurredAt\":\"1970-01-01T00:00:00Z\",\"data\":{\"percent\":50}}",
            form["Message"]);
        Assert.Equal(["type", "userId", "goalId", "notificationId"], Enumerable.Range(1, 4).Select(i => form[$"MessageAttributes.entry.{i}.Name"]));
        Assert.Equal(["goal.milestone", "u-1", "g-1", "ntf_1dac7174f0b3e8a262bb916ffe033201"],
            Enumerable.Range(1, 4).Select(i => form[$"MessageAttributes.entry.{i}.Value.StringValue"]));
        Assert.All(Enumerable.Range(1, 4), i => Assert.Equal("String", form[$"MessageAttributes.entry.{i}.Value.DataType"]));
        Assert.DoesNotContain("+", body, StringComparison.Ordinal);

        var authorization = Header(request, "Authorization");
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKID/20240102/eu-west-1/sns/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=", authorization, StringComparison.Ordinal);
        Assert.Equal(Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body))), Header(request, "X-Amz-Content-SHA256"));

        // Rebuild the canonical request from the request as sent: the signature must cover exactly that.
        var canonical = string.Join("\n",
            "POST", "/", "",
            "content-type:" + request.Content!.Headers.ContentType,
            "host:sns.example.test",
            "x-amz-content-sha256:" + Header(request, "X-Amz-Content-SHA256"),
            "x-amz-date:" + Header(request, "X-Amz-Date"),
            "",
            "content-type;host;x-amz-content-sha256;x-amz-date",
            Header(request, "X-Amz-Content-SHA256"));
        var expected = AWS4Signer.ComputeSignature("AKID", "SECRET", "eu-west-1", Utc("20240102T030405Z"), "sns",
            "content-type;host;x-amz-content-sha256;x-amz-date", canonical);
        Assert.Equal(expected.ForAuthorizationHeader, authorization);
    }

    [Fact]
    public void A_weekly_summary_has_no_goal_id_attribute()
    {
        var message = new Notification("summary.weekly", "u-1", null, "summary#2026-W10", DateTimeOffset.UnixEpoch, []).Message();

        Assert.Equal(["type", "userId", "notificationId"], message.Attributes.Select(a => a.Key));
        Assert.Equal("ntf_64e39e2b4bfdb92f9927289c74ed92a0", message.Attributes[2].Value);
        Assert.DoesNotContain("goalId", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publish_without_an_answer_in_time_is_not_retried_and_reports_an_unknown_outcome()
    {
        var sns = new ScriptedSns(_ => Task.Delay(Timeout.Infinite));
        using var publisher = new SnsPublisher(new HttpClient(sns) { Timeout = TimeSpan.FromMilliseconds(300) }, new Uri("https://sns.example.test/"),
            new SigV4Signer("eu-west-1", "sns"), () => new BasicAWSCredentials("AKID", "SECRET"), new SnsOptions { TopicArn = TopicArn, MaxAttempts = 4 });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAsync<SnsOutcomeUnknownException>(() => publisher.PublishAsync(new SnsMessage("{}", []), CancellationToken.None));

        Assert.Equal(1, sns.Calls);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"{clock.Elapsed}");
    }

    [Fact]
    public async Task A_connection_lost_after_it_opened_is_an_unknown_outcome_and_a_refused_connection_is_retried()
    {
        var lost = new ScriptedSns(_ => throw new HttpRequestException(HttpRequestError.ResponseEnded, "connection lost"));
        var refusedOnce = new ScriptedSns(n => n == 1 ? throw new HttpRequestException(HttpRequestError.ConnectionError, "refused") : Task.CompletedTask);
        using var lostPublisher = Publisher(lost, new SnsOptions { TopicArn = TopicArn, MaxAttempts = 4 });
        using var refusedPublisher = Publisher(refusedOnce, new SnsOptions { TopicArn = TopicArn, MaxAttempts = 4 });

        await Assert.ThrowsAsync<SnsOutcomeUnknownException>(() => lostPublisher.PublishAsync(new SnsMessage("{}", []), CancellationToken.None));
        Assert.Equal("m-1", await refusedPublisher.PublishAsync(new SnsMessage("{}", []), CancellationToken.None));

        Assert.Equal((1, 2), (lost.Calls, refusedOnce.Calls));
    }

    [Fact]
    public async Task Server_errors_throttling_and_network_failures_are_retried_with_backoff()
    {
        var sns = new CannedSns(
            (HttpStatusCode.ServiceUnavailable, CannedSns.Error("ServiceUnavailable")),
            (HttpStatusCode.BadRequest, CannedSns.Error("Throttling")),
            (HttpStatusCode.OK, CannedSns.PublishOk));
        using var publisher = Publisher(sns, new SnsOptions { TopicArn = TopicArn, MaxAttempts = 4 });

        Assert.Equal("m-1", await publisher.PublishAsync(new SnsMessage("{}", []), CancellationToken.None));
        Assert.Equal(3, sns.Requests.Count);
        Assert.All(sns.Requests, r => Assert.StartsWith("AWS4-HMAC-SHA256 ", Header(r.Request, "Authorization"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_request_is_not_retried_and_attempts_are_bounded()
    {
        var refused = new CannedSns((HttpStatusCode.NotFound, CannedSns.Error("NotFound")));
        using var publisher = Publisher(refused, new SnsOptions { TopicArn = TopicArn });
        var failing = new CannedSns((HttpStatusCode.InternalServerError, "not xml"));
        using var down = Publisher(failing, new SnsOptions { TopicArn = TopicArn, MaxAttempts = 3 });

        var notFound = await Assert.ThrowsAsync<SnsException>(() => publisher.PublishAsync(new SnsMessage("{}", []), CancellationToken.None));
        var serverError = await Assert.ThrowsAsync<SnsException>(() => down.PublishAsync(new SnsMessage("{}", []), CancellationToken.None));

        Assert.Equal(("NotFound", false), (notFound.Code, notFound.IsTransient));
        Assert.Single(refused.Requests);
        Assert.Equal(("UnknownError", HttpStatusCode.InternalServerError), (serverError.Code, serverError.Status));
        Assert.Equal(3, failing.Requests.Count);
    }

    [Fact]
    public async Task A_topic_name_is_resolved_once_with_create_topic()
    {
        var sns = new CannedSns((HttpStatusCode.OK, CannedSns.TopicOk), (HttpStatusCode.OK, CannedSns.PublishOk));
        using var publisher = Publisher(sns, new SnsOptions { TopicName = "named" });

        await publisher.PublishAsync(new SnsMessage("a", []), CancellationToken.None);
        await publisher.PublishAsync(new SnsMessage("b", []), CancellationToken.None);

        Assert.Equal(["Action=CreateTopic&Version=2010-03-31&Name=named", "Publish", "Publish"],
            sns.Requests.Select((r, i) => i == 0 ? r.Body : r.Body.Split('&')[0]["Action=".Length..]));
        Assert.Contains("TopicArn=" + Uri.EscapeDataString("arn:aws:sns:eu-west-1:123456789012:named"), sns.Requests[2].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_signing_region_comes_from_the_option_the_topic_arn_or_the_table_region()
    {
        Assert.Equal("ap-south-1", new SnsOptions { Region = "ap-south-1", TopicArn = TopicArn }.RegionOr("us-east-1"));
        Assert.Equal("eu-west-1", new SnsOptions { TopicArn = TopicArn }.RegionOr("us-east-1"));
        Assert.Equal("us-east-1", new SnsOptions().RegionOr("us-east-1"));
        Assert.False(new SnsOptions().IsEnabled);
        Assert.True(new SnsOptions { ServiceUrl = "http://127.0.0.1:4566" }.IsEnabled);
    }

    private static SnsPublisher Publisher(HttpMessageHandler sns, SnsOptions options) =>
        new(new HttpClient(sns), new Uri("https://sns.example.test/"), new SigV4Signer(options.RegionOr("eu-west-1"), "sns"),
            () => new BasicAWSCredentials("AKID", "SECRET"), options, new FixedTime(Utc("20240102T030405Z")))
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        };

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static DateTime Utc(string basic) =>
        DateTime.ParseExact(basic, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static string Header(HttpRequestMessage request, string name) => Assert.Single(request.Headers.GetValues(name));

    private sealed class FixedTime(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }
}
