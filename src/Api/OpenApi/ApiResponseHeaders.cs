using Microsoft.OpenApi;

namespace Lifestyle.Api.OpenApi;

/// <summary>The headers the API sets on its answers (<c>Retry-After</c> goes on every 429 and 503 by itself).</summary>
public static class ApiResponseHeaders
{
    public static readonly ApiParameter ETag = new("ETag", ParameterLocation.Header,
        "The goal's version, quoted: send it back in `If-Match` or `If-None-Match`.", JsonSchemaType.String);

    public static readonly ApiParameter Location = new("Location", ParameterLocation.Header, "The new goal's path.", JsonSchemaType.String);

    public static readonly ApiParameter Replayed = new("Idempotent-Replayed", ParameterLocation.Header,
        "`true` when this is the recorded answer to an earlier request with the same `Idempotency-Key`.", JsonSchemaType.String)
    { Enum = ["true"] };

    public static readonly ApiParameter Consistency = new("Lifestyle-Consistency", ParameterLocation.Header,
        "`stale` when the read model had not reached the requested version within 2 s.", JsonSchemaType.String)
    { Enum = ["stale"] };

    public static readonly ApiParameter RetryAfter = new("Retry-After", ParameterLocation.Header,
        "Whole seconds to wait before retrying.", JsonSchemaType.Integer)
    { Minimum = 1 };

    public static readonly ApiParameter ContentDisposition = new("Content-Disposition", ParameterLocation.Header,
        "`attachment` with the file name `lifestyle-export.json` or `.csv`.", JsonSchemaType.String);

    public static readonly ApiParameter[] Command = [ETag, Replayed];
}
