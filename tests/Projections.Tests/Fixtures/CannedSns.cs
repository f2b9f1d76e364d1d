using System.Net;
using System.Text;

namespace Lifestyle.Projections.Tests.Fixtures;

/// <summary>
/// An HTTP handler that records each request (with its body) and answers from a script: a unit-test stand-in for
/// what SNS answers, to check request shape, signing and the retry policy. The real emulator is in Stack.Tests.
/// </summary>
public sealed class CannedSns(params (HttpStatusCode Status, string Body)[] script) : HttpMessageHandler
{
    public const string PublishOk =
        "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>m-1</MessageId></PublishResult></PublishResponse>";

    public const string TopicOk =
        "<CreateTopicResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><CreateTopicResult><TopicArn>arn:aws:sns:eu-west-1:123456789012:named</TopicArn></CreateTopicResult></CreateTopicResponse>";

    public List<(HttpRequestMessage Request, string Body)> Requests { get; } = [];

    public static string Error(string code) =>
        $"<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{code} happened</Message></Error></ErrorResponse>";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request, body));
        var (status, text) = script[Math.Min(Requests.Count - 1, script.Length - 1)];
        return new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, "text/xml") };
    }
}
