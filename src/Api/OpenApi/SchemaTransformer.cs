using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Lifestyle.Api.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Lifestyle.Api.OpenApi;

/// <summary>What the schema generator cannot infer: problem codes, word enums, our instant converter, omitted nulls.</summary>
public sealed class SchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;

        // UtcDateTimeOffsetConverter hides the type from the generator, which then writes only the format.
        if ((Nullable.GetUnderlyingType(type) ?? type) == typeof(DateTimeOffset))
        {
            schema.Type = type == typeof(DateTimeOffset) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
            schema.Description ??= context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), false)
                .OfType<DescriptionAttribute>().FirstOrDefault()?.Description;
        }

        if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(AllowedValuesAttribute), false)
                .OfType<AllowedValuesAttribute>().FirstOrDefault() is { } allowed)
        {
            schema.Enum = Words(allowed.Values.OfType<string>());
        }

        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), false)
                    .OfType<JsonIgnoreAttribute>().Any(a => a.Condition == JsonIgnoreCondition.WhenWritingNull) == true)
            {
                schema.Required?.Remove(property.Name);
            }
        }

        if (type == typeof(ProblemDetails))
        {
            DescribeProblem(schema);
        }

        return Task.CompletedTask;
    }

    public static List<JsonNode> Words(IEnumerable<string> words) => words.Select(w => (JsonNode)JsonValue.Create(w)!).ToList();

    private static void DescribeProblem(OpenApiSchema schema)
    {
        // Problems.Create and the framework's ProblemDetailsService always set these two.
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" };
        schema.Properties["title"] = new OpenApiSchema { Type = JsonSchemaType.String };
        schema.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "What went wrong, for programs (stable).",
            Enum = Words(ProblemCodes.All),
        };
        schema.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "For `validation-failed`: the messages of each field (or header) at fault.",
            AdditionalProperties = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        };
        schema.Required = new HashSet<string> { "status", "title", "code" };
    }
}
