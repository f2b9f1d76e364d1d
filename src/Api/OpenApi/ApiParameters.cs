using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Lifestyle.Api.OpenApi;

/// <summary>
/// A query or header parameter an endpoint reads itself (from <c>HttpContext</c>), so the framework cannot see it;
/// endpoints list theirs with <see cref="EndpointDocs.WithParameters"/>.
/// </summary>
public sealed record ApiParameter(string Name, ParameterLocation In, string Description, JsonSchemaType Type)
{
    public string? Format { get; init; }

    public string? Pattern { get; init; }

    public IReadOnlyList<string>? Enum { get; init; }

    public decimal? Minimum { get; init; }

    public decimal? Maximum { get; init; }

    public JsonNode? Default { get; init; }

    /// <summary>A value valid on a goal at version 1 (the contract test sends it).</summary>
    public JsonNode? Example { get; init; }

    public OpenApiParameter ToOpenApi() => new()
    {
        Name = Name,
        In = In,
        Description = Description,
        Example = Example?.DeepClone(),
        Schema = Schema(),
    };

    public OpenApiHeader ToHeader() => new() { Description = Description, Schema = Schema() };

    private OpenApiSchema Schema() => new()
    {
        Type = Type,
        Format = Format,
        Pattern = Pattern,
        Enum = Enum is null ? null : SchemaTransformer.Words(Enum),
        Minimum = Minimum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Maximum = Maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Default = Default?.DeepClone(),
    };
}

/// <summary>The parameters of the API, as <c>QueryParams</c> and <c>CommandHttp</c> read them.</summary>
public static class ApiParameters
{
    private const string Week = "^[0-9]{4}-(W[0-9]{2}|[0-9]{2}-[0-9]{2})$";

    public static readonly ApiParameter Status = new("status", ParameterLocation.Query,
        "Which goals: one status, or all of them.", JsonSchemaType.String)
    { Enum = ["active", "paused", "completed", "archived", "all"], Default = "active", Example = "all" };

    public static readonly ApiParameter Limit = new("limit", ParameterLocation.Query, "Page size.", JsonSchemaType.Integer)
    { Format = "int32", Minimum = 1, Maximum = 200, Default = 50, Example = 10 };

    public static readonly ApiParameter Cursor = new("cursor", ParameterLocation.Query,
        "The previous page's `nextCursor` (opaque, tamper-evident).", JsonSchemaType.String);

    public static readonly ApiParameter From = new("from", ParameterLocation.Query,
        "First local date (default: 6 days before `to`); 1900-01-01..2999-12-31, at most 366 days.", JsonSchemaType.String)
    { Format = "date", Example = "2026-01-01" };

    public static readonly ApiParameter To = new("to", ParameterLocation.Query,
        "Last local date (default: the goal's today).", JsonSchemaType.String)
    { Format = "date", Example = "2026-01-07" };

    public static readonly ApiParameter FromWeek = new("from", ParameterLocation.Query,
        "First ISO week `YYYY-Www`, or a date in it (default: 7 weeks before `to`); at most 106 weeks.", JsonSchemaType.String)
    { Pattern = Week, Example = "2026-W01" };

    public static readonly ApiParameter ToWeek = new("to", ParameterLocation.Query,
        "Last ISO week `YYYY-Www`, or a date in it (default: the goal's current week).", JsonSchemaType.String)
    { Pattern = Week, Example = "2026-W04" };

    public static readonly ApiParameter Format = new("format", ParameterLocation.Query, "Export format.", JsonSchemaType.String)
    { Enum = ["json", "csv"], Default = "json", Example = "csv" };

    public static readonly ApiParameter MinVersion = new("minVersion", ParameterLocation.Query,
        "Read-your-writes: wait up to 2 s for this goal version; `Lifestyle-Consistency: stale` if it was not reached.",
        JsonSchemaType.Integer)
    { Format = "int64", Minimum = 0, Example = 1 };

    public static readonly ApiParameter MinVersionHeader = new("Lifestyle-Min-Version", ParameterLocation.Header,
        "Read-your-writes as `{goalId}:{version}`: wait up to 2 s for that goal's version.", JsonSchemaType.String)
    { Pattern = "^.+:[0-9]+$", Example = "0123456789abcdef0123456789abcdef:1" };

    public static readonly ApiParameter IfMatch = new("If-Match", ParameterLocation.Header,
        "Apply only at this goal version (`\"3\"`, `W/\"3\"` or `3`; `*` means any), else `412 version-mismatch`.",
        JsonSchemaType.String)
    { Pattern = "^(\\*|(W/)?\"?[0-9]+\"?)$", Example = "\"1\"" };

    public static readonly ApiParameter IfNoneMatch = new("If-None-Match", ParameterLocation.Header,
        "ETags (comma-separated) or `*`: `304` when the goal's ETag is among them.", JsonSchemaType.String)
    { Example = "\"1\"" };

    public static readonly ApiParameter IdempotencyKey = new("Idempotency-Key", ParameterLocation.Header,
        "A repeat with the same key and request within 24 h answers the first response (`Idempotent-Replayed: true`); " +
        "the same key with another request is `422 idempotency-key-reused`.", JsonSchemaType.String)
    { Pattern = "^[A-Za-z0-9_.:-]{1,128}$", Example = "create-2026-01-01:1" };
}
