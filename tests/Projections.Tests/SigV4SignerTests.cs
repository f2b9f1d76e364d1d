using System.Globalization;
using System.Net.Http.Headers;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Lifestyle.Infrastructure.Aws;
using Lifestyle.Projections.Stream;
using Xunit;

namespace Lifestyle.Projections.Tests;

/// <summary>The SDK's SigV4 signer against AWS's published examples, with their fixed dates and example keys.</summary>
public sealed class SigV4SignerTests
{
    [Fact]
    public void The_sdk_signer_reproduces_the_sigv4_test_suite_get_vanilla_signature()
    {
        // get-vanilla.creq of the AWS SigV4 test suite: GET / with host and x-amz-date only.
        const string canonicalRequest = "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
            + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

        var result = AWS4Signer.ComputeSignature("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1",
            Utc("20150830T123600Z"), "service", "host;x-amz-date", canonicalRequest);

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, "
            + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            result.ForAuthorizationHeader);
    }

    [Fact]
    public void Our_request_signer_reproduces_the_s3_get_object_example()
    {
        // "Example: GET Object" of the S3 SigV4 header-authentication docs: the whole path through
        // SigV4Signer, including the canonical request it builds from an HttpRequestMessage.
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://examplebucket.s3.amazonaws.com/test.txt");
        request.Headers.Range = new RangeHeaderValue(0, 9);
        var credentials = new ImmutableCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null);

        new SigV4Signer("us-east-1", "s3").Sign(request, [], credentials, Utc("20130524T000000Z"));

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
            + " SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
            + " Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
            Header(request, "Authorization"));
        Assert.Equal("20130524T000000Z", Header(request, "X-Amz-Date"));
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Header(request, "X-Amz-Content-SHA256"));
    }

    [Fact]
    public void A_streams_call_signs_its_target_and_content_type_and_carries_a_session_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:8000/") { Content = new ByteArrayContent([]) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDBStreams_20120810.GetRecords");
        var credentials = new ImmutableCredentials("AKID", "SECRET", "TOKEN");

        new SigV4Signer("eu-west-1", "dynamodb").Sign(request, "{}"u8.ToArray(), credentials, Utc("20240101T000000Z"));

        var authorization = Header(request, "Authorization");
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKID/20240101/eu-west-1/dynamodb/aws4_request, ", authorization, StringComparison.Ordinal);
        Assert.Contains("SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-target,",
            authorization, StringComparison.Ordinal);
        Assert.Equal("TOKEN", Header(request, "X-Amz-Security-Token"));
        Assert.False(request.Headers.Contains("Host"));
    }

    private static DateTime Utc(string basic) =>
        DateTime.ParseExact(basic, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static string Header(HttpRequestMessage request, string name) => Assert.Single(request.Headers.GetValues(name));
}
