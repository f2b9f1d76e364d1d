using System.Globalization;
using System.Text;
using System.Text.Json;
using Lifestyle.Api.Http;
using Lifestyle.Api.OpenApi;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Queries.Export.ExportData;
using MediatR;
using Microsoft.OpenApi;

namespace Lifestyle.Api.Endpoints;

/// <summary>GET /v1/export?format=json|csv, written to the response goal by goal.</summary>
public static class ExportEndpoint
{
    public const string CsvHeader = "goalId,goalTitle,pattern,unit,activityId,occurredAt,value,note";

    public static RouteGroupBuilder MapExport(this RouteGroupBuilder v1)
    {
        v1.MapGet("/export", async (HttpContext ctx, IMediator mediator) =>
        {
            var format = QueryParams.Value(ctx, "format") ?? "json";
            if (format is not ("json" or "csv"))
            {
                throw new BadRequestException("format", "format must be json or csv.");
            }

            var goals = await mediator.Send(new ExportDataQuery(CommandHttp.UserId(ctx)), ctx.RequestAborted);
            ctx.Response.Headers.ContentDisposition = $"attachment; filename=\"lifestyle-export.{format}\"";
            if (format == "csv")
            {
                ctx.Response.ContentType = "text/csv; charset=utf-8";
                await WriteCsvAsync(ctx.Response.Body, goals, ctx.RequestAborted);
            }
            else
            {
                ctx.Response.ContentType = "application/json; charset=utf-8";
                await WriteJsonAsync(ctx.Response.Body, goals, ctx.RequestAborted);
            }
        }).Describe("exportData", ApiTags.Export, "Export every goal with its activities")
            .WithDescription($"CSV columns `{CsvHeader}`, RFC 4180 quoting; a cell that starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`.")
            .WithParameters(ApiParameters.Format)
            .Produces<ExportDocument>(200, "application/json").AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Responses?["200"].Content?.Add("text/csv", new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
                return Task.CompletedTask;
            })
            .WithResponseHeaders(200, ApiResponseHeaders.ContentDisposition)
            .WithProblems("validation-failed");
        return v1;
    }

    /// <summary>{"goals":[…]}, one goal at a time, every write asynchronous (Kestrel forbids synchronous I/O).</summary>
    public static async Task WriteJsonAsync(Stream body, IAsyncEnumerable<ExportedGoal> goals, CancellationToken ct)
    {
        await body.WriteAsync("{\"goals\":["u8.ToArray(), ct);
        var first = true;
        await foreach (var goal in goals.WithCancellation(ct))
        {
            if (!first)
            {
                await body.WriteAsync(","u8.ToArray(), ct);
            }

            first = false;
            await JsonSerializer.SerializeAsync(body, goal, StoreJson.Options, ct);
            await body.FlushAsync(ct);
        }

        await body.WriteAsync("]}"u8.ToArray(), ct);
    }

    /// <summary>RFC 4180: CRLF line ends; fields with commas, quotes or line breaks quoted, quotes doubled.</summary>
    public static async Task WriteCsvAsync(Stream body, IAsyncEnumerable<ExportedGoal> goals, CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(CsvHeader);
        await foreach (var g in goals.WithCancellation(ct))
        {
            string Row(string activityId, string occurredAt, string value, string note) =>
                string.Join(',', new[] { g.GoalId, g.Title, g.Pattern, g.Unit ?? "", activityId, occurredAt, value, note }.Select(Field));
            if (g.Activities.Count == 0)
            {
                await writer.WriteLineAsync(Row("", "", "", ""));
            }

            foreach (var a in g.Activities)
            {
                await writer.WriteLineAsync(Row(a.ActivityId,
                    a.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
                    a.Value.ToString(CultureInfo.InvariantCulture), a.Note ?? ""));
            }

            await writer.FlushAsync(ct);
        }
    }

    /// <summary>
    /// One cell: a leading <c>= + - @</c>, tab or CR gets a <c>'</c> so a spreadsheet shows text, not a
    /// formula (OWASP CSV injection); then RFC 4180 quoting.
    /// </summary>
    public static string Field(string value)
    {
        var cell = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
    }
}

/// <summary>The JSON export's shape (written goal by goal, never built whole).</summary>
public sealed record ExportDocument(IReadOnlyList<ExportedGoal> Goals);
