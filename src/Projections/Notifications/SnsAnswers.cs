using System.Xml.Linq;

namespace Lifestyle.Projections.Notifications;

/// <summary>How <see cref="SnsPublisher"/> reads SNS's answers and failures.</summary>
internal static class SnsAnswers
{
    internal static bool IsTransient(Exception e, CancellationToken ct) => e switch
    {
        SnsException sns => sns.IsTransient,
        HttpRequestException => true,
        TaskCanceledException or TimeoutException => !ct.IsCancellationRequested,
        _ => false,
    };

    /// <summary>The request may have reached SNS: no answer in time, or a connection lost after it opened.</summary>
    internal static bool MayHaveArrived(Exception e) => e switch
    {
        TaskCanceledException or TimeoutException => true,
        HttpRequestException h => h.HttpRequestError is not (HttpRequestError.ConnectionError
            or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError),
        _ => false,
    };

    /// <summary>The answer's XML; an error answer as <see cref="SnsException"/> with its code and message.</summary>
    internal static async Task<XDocument> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        XDocument? xml = null;
        try
        {
            xml = XDocument.Parse(text);
        }
        catch (System.Xml.XmlException) when (!response.IsSuccessStatusCode)
        {
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new SnsException(
                (xml is null ? null : Element(xml, "Code")) ?? "UnknownError",
                (xml is null ? null : Element(xml, "Message")) ?? text,
                response.StatusCode);
        }

        return xml!;
    }

    internal static string? Element(XDocument xml, string localName) =>
        xml.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim();
}
