using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lifestyle.Commands.Common;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Api.Http;

/// <summary>HTTP ↔ command plumbing: user, If-Match, Idempotency-Key, and the command's answer.</summary>
public static class CommandHttp
{
    private static readonly JsonSerializerOptions ResponseJson = new(StoreJson.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string UserId(HttpContext ctx) =>
        ctx.User.FindFirst("sub")?.Value ?? throw new InvalidOperationException("Authenticated request without sub.");

    public static CommandMetadata Metadata(HttpContext ctx, byte[] body)
    {
        var ifMatch = ctx.Request.Headers.IfMatch.ToString();
        var key = ctx.Request.Headers["Idempotency-Key"].ToString();
        var idempotency = key.Length == 0 ? null : new IdempotencyRequest(key, Fingerprint(ctx, ifMatch, body));
        return new CommandMetadata(UserId(ctx), ParseIfMatch(ifMatch), idempotency);
    }

    public static IResult ToResult(HttpContext ctx, CommandResult result, string? location = null)
    {
        var headers = ctx.Response.Headers;
        headers.ETag = $"\"{result.Body.Version}\"";
        if (location is not null)
        {
            headers.Location = location;
        }

        if (result.Replayed)
        {
            headers["Idempotent-Replayed"] = "true";
        }

        return Results.Json(result.Body, ResponseJson, statusCode: result.StatusCode);
    }

    /// <summary><c>"3"</c>, <c>W/"3"</c> or <c>3</c>; <c>*</c> or absent means any version.</summary>
    public static long? ParseIfMatch(string header)
    {
        var value = header.Trim();
        if (value.Length == 0 || value == "*")
        {
            return null;
        }

        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return long.TryParse(value.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new BadRequestException("If-Match", "If-Match must be a goal version, e.g. \"3\".");
    }

    /// <summary>Same key + same fingerprint = the same request (method, path, If-Match, body bytes).</summary>
    private static string Fingerprint(HttpContext ctx, string ifMatch, byte[] body)
    {
        var head = Encoding.UTF8.GetBytes($"{ctx.Request.Method}\n{ctx.Request.Path}\n{ifMatch}\n");
        return Convert.ToHexStringLower(SHA256.HashData([.. head, .. body]));
    }
}
