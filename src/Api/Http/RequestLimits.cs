namespace Lifestyle.Api.Http;

/// <summary>
/// The application's own URL and header limits (docs/product-rules.md §5): Kestrel's are set higher (see
/// <see cref="ConfigureServer"/>), so a request over ours gets a problem+json answer, not an empty
/// server response.
/// </summary>
public sealed class RequestLimits(RequestDelegate next)
{
    public const int MaxUrlBytes = 8 * 1024;
    public const int MaxHeaderBytes = 32 * 1024;

    public static void ConfigureServer(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerLimits limits)
    {
        limits.MaxRequestBodySize = RequestBody.MaxBytes;
        limits.MaxRequestLineSize = 2 * MaxUrlBytes;
        limits.MaxRequestHeadersTotalSize = 2 * MaxHeaderBytes;
    }

    public Task InvokeAsync(HttpContext ctx)
    {
        var request = ctx.Request;
        var rawTarget = ctx.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget;
        var url = Math.Max(rawTarget?.Length ?? 0, (request.Path.Value ?? "").Length + (request.QueryString.Value ?? "").Length);
        if (url > MaxUrlBytes)
        {
            return Problems.WriteAsync(ctx, Problems.Create(414, "uri-too-long", "URI too long.",
                $"The request URI exceeds {MaxUrlBytes} bytes."));
        }

        long headers = 0;
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                headers += name.Length + (value?.Length ?? 0) + 4;
            }
        }

        return headers > MaxHeaderBytes
            ? Problems.WriteAsync(ctx, Problems.Create(431, "headers-too-large", "Request headers too large.",
                $"The request headers exceed {MaxHeaderBytes} bytes."))
            : next(ctx);
    }
}
