using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.Util;

namespace Lifestyle.Infrastructure.Aws;

/// <summary>
/// Signs a plain <see cref="HttpRequestMessage"/> with the AWS SDK's own SigV4 signer (<see cref="AWS4Signer"/>):
/// every header already on the message is signed, and host, x-amz-date, x-amz-content-sha256 (and the session
/// token, when there is one) are added. Requests with a query string are not supported.
/// </summary>
public sealed class SigV4Signer(string region, string service)
{
    private readonly AWS4Signer signer = new(signPayload: true);
    private readonly AmazonDynamoDBConfig config = new() { AuthenticationRegion = region, AuthenticationServiceName = service };

    public string Region => region;

    public string Service => service;

    public void Sign(HttpRequestMessage message, byte[] body, ImmutableCredentials credentials, DateTime signedAtUtc)
    {
        var uri = message.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(message));
        if (!string.IsNullOrEmpty(uri.Query))
        {
            throw new ArgumentException("Query strings are not supported.", nameof(message));
        }

        using var request = new DefaultRequest(new UnnamedOperation(), service)
        {
            HttpMethod = message.Method.Method,
            Endpoint = new Uri(uri.GetLeftPart(UriPartial.Authority)),
            ResourcePath = uri.AbsolutePath,
            Content = body,
            AuthenticationRegion = region,
            OverrideSigningServiceName = service,
        };
        var headers = message.Headers.Concat(message.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>());
        foreach (var (name, values) in headers)
        {
            request.Headers[name] = string.Join(",", values);
        }

        if (credentials.UseToken)
        {
            request.Headers[HeaderKeys.XAmzSecurityTokenHeader] = credentials.Token;
        }

        var result = signer.SignRequest(request, config, null, credentials.AccessKey, credentials.SecretKey, signedAtUtc);
        request.Headers[HeaderKeys.AuthorizationHeader] = result.ForAuthorizationHeader;
        foreach (var (name, value) in request.Headers)
        {
            var known = message.Headers.NonValidated.Contains(name) || message.Content?.Headers.NonValidated.Contains(name) == true;
            if (!known && !name.Equals(HeaderKeys.HostHeader, StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }
    }

    /// <summary>The SDK's request type wants an operation object; ours carries nothing.</summary>
    private sealed class UnnamedOperation : AmazonWebServiceRequest;
}
