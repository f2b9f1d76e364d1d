using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Lifestyle.Api.OpenApi;

/// <summary>Applies <see cref="EndpointDocs"/>' metadata: parameters, problem codes, response headers, anonymity.</summary>
public sealed class OperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        foreach (var parameter in metadata.OfType<ParametersMetadata>().SelectMany(m => m.Parameters))
        {
            (operation.Parameters ??= []).Add(parameter.ToOpenApi());
        }

        var responses = operation.Responses ?? [];
        foreach (var status in metadata.OfType<ProblemCodesMetadata>().SelectMany(m => m.Codes)
                     .GroupBy(c => Http.ProblemCodes.Statuses[c]))
        {
            if (responses.TryGetValue(status.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), out var r)
                && r is OpenApiResponse response)
            {
                response.Description = $"{ReasonPhrases.GetReasonPhrase(status.Key)}: " +
                    string.Join(", ", status.Distinct().Select(c => $"`{c}`"));
                if (status.Key is 429 or 503)
                {
                    AddHeaders(response, [ApiResponseHeaders.RetryAfter]);
                }
            }
        }

        foreach (var headers in metadata.OfType<ResponseHeadersMetadata>())
        {
            if (responses.TryGetValue(headers.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var r)
                && r is OpenApiResponse response)
            {
                AddHeaders(response, headers.Headers);
            }
        }

        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
        }

        return Task.CompletedTask;
    }

    private static void AddHeaders(OpenApiResponse response, IEnumerable<ApiParameter> headers)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        foreach (var header in headers)
        {
            response.Headers[header.Name] = header.ToHeader();
        }
    }
}
