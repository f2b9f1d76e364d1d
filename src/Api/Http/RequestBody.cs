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

    public static T Parse<T>(byte[] body)
        where T : class
    {
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

    private static JsonSerializerOptions Strict(JsonSerializerOptions o)
    {
        o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        o.AllowTrailingCommas = false;
        return o;
    }
}
