using System.Text.Json;
using System.Text.Json.Serialization;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Api.Http;

/// <summary>Reads a JSON body with the 64 KiB limit enforced by us (any host), strict about names and types.</summary>
public static class RequestBody
{
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Options = Strict(StoreJson.Configure(new JsonSerializerOptions()));

    public static async Task<byte[]> ReadAsync(HttpContext ctx)
    {
        if (ctx.Request.ContentLength > MaxBytes)
        {
            throw new PayloadTooLargeException(MaxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await ctx.Request.Body.ReadAsync(chunk, ctx.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new PayloadTooLargeException(MaxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The body as <typeparamref name="T"/>: 415 unless it is declared JSON (checked after the size, before the syntax).</summary>
    public static T Parse<T>(HttpContext ctx, byte[] body)
        where T : class
    {
        var contentType = ctx.Request.ContentType;
        if ((contentType is not null || body.Length > 0) && !IsJson(contentType))
        {
            throw new UnsupportedMediaTypeException(contentType);
        }

        if (body.Length == 0)
        {
            throw new BadRequestException("body", "A JSON object body is required.");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body, Options)
                ?? throw new BadRequestException("body", "A JSON object body is required.");
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            throw new BadRequestException(field, $"Malformed JSON or wrong type at '{field}'.");
        }
    }

    /// <summary><c>application/json</c>, with parameters allowed (a charset must be UTF-8).</summary>
    public static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (media.Charset.Length == 0 || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || media.Charset.Equals("\"utf-8\"", StringComparison.OrdinalIgnoreCase));

    private static JsonSerializerOptions Strict(JsonSerializerOptions o)
    {
        o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        o.AllowTrailingCommas = false;
        return o;
    }
}
