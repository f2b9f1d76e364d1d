using System.Reflection;
using System.Text.Json;
using Lifestyle.Infra.Tests.Hcl;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Infrastructure.Dynamo;

namespace Lifestyle.Infra.Tests;

/// <summary>The functions run what the code provides, configured with the names the code binds.</summary>
[Collection(InfraCollection.Name)]
public sealed class LambdaTests(InfraFixture infra)
{
    private const string ProjectorHandler = "Lifestyle.Projections::Lifestyle.Projections.Stream.LambdaEntryPoint::HandleAsync";

    /// <summary>The daily-close job's handler (infra/locals.tf, src/Projections/Host/Jobs/DailyCloseEntryPoint.cs).</summary>
    private const string DailyCloseHandler = "Lifestyle.Projections::Lifestyle.Projections.Jobs.DailyCloseEntryPoint::HandleAsync";

    private static readonly string TableName = $"{DynamoOptions.Section}__{nameof(DynamoOptions.TableName)}";
    private static readonly string Region = $"{DynamoOptions.Section}__{nameof(DynamoOptions.Region)}";
    private static readonly string Redis = $"{RedisOptions.Section}__{nameof(RedisOptions.Configuration)}";

    private TerraformConfig Tf => infra.Config;

    private JsonElement Function(string name) => Tf.Resource("aws_lambda_function", name);

    [Fact]
    public void Every_function_runs_on_the_managed_dotnet10_runtime()
    {
        var functions = Tf.Resources("aws_lambda_function").ToArray();
        Assert.Equal(["api", "daily_close", "erasure", "projector"], functions.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(functions, f =>
        {
            Assert.Equal("dotnet10", Tf.ValueString(f.Body, "runtime"));
            Assert.Equal(["x86_64"], Tf.Value(f.Body, "architectures").Strings()); // package.sh publishes linux-x64
        });
    }

    [Fact]
    public void Projector_handler_names_a_public_HandleAsync_of_a_stream()
    {
        var handler = Tf.ValueString(Function("projector"), "handler");
        Assert.Equal(ProjectorHandler, handler);
        AssertStreamHandler(handler, Assert.Fail);
    }

    [Fact]
    public void Daily_close_handler_names_a_public_HandleAsync_of_a_stream()
    {
        var handler = Tf.ValueString(Function("daily_close"), "handler");
        Assert.Equal(DailyCloseHandler, handler);
        AssertStreamHandler(handler, Assert.Fail);
    }

    [Fact]
    public void Functions_ship_the_zips_package_sh_builds()
    {
        var script = File.ReadAllText(Path.Combine(RepoPaths.Infra, "package.sh"));
        foreach (var (name, zip) in new[] { ("projector", "projections.zip"), ("daily_close", "projections.zip"), ("erasure", "projections.zip"), ("api", "api.zip") })
        {
            var filename = Tf.ValueString(Function(name), "filename");
            Assert.EndsWith("/" + zip, filename, StringComparison.Ordinal);
            Assert.Contains("$BUILD/" + zip, script, StringComparison.Ordinal);
            Assert.Equal($"${{filebase64sha256({Function(name).Str("filename")?.Trim('$', '{', '}')})}}", Function(name).Str("source_code_hash"));
        }
    }

    [Fact]
    public void Projector_is_configured_with_the_names_the_code_binds()
    {
        var env = EnvVars("projector");
        Assert.Equal([Region, TableName, Redis, "Sns__TopicArn"], env.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("${aws_dynamodb_table.main.name}", env[TableName]);
        Assert.Equal("${aws_sns_topic.notifications.arn}", env["Sns__TopicArn"]);
        Assert.Contains("ssl=true", Tf.Locals["redis_configuration"].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Daily_close_is_configured_for_the_table_and_the_topic()
    {
        var env = EnvVars("daily_close");
        Assert.Equal("${aws_dynamodb_table.main.name}", env[TableName]);
        Assert.Equal("${aws_sns_topic.notifications.arn}", env["Sns__TopicArn"]);
        Assert.True(env.ContainsKey(Region));
    }

    [Fact]
    public void Api_runs_the_aspnet_app_through_the_lambda_web_adapter()
    {
        var api = Function("api");
        Assert.Equal("run.sh", Tf.ValueString(api, "handler"));
        Assert.Contains(":layer:LambdaAdapterLayerX86:", Assert.Single(Tf.Value(api, "layers").Strings()), StringComparison.Ordinal);

        var env = EnvVars("api");
        Assert.Equal("/opt/bootstrap", env["AWS_LAMBDA_EXEC_WRAPPER"]);
        Assert.Equal("Production", env["ASPNETCORE_ENVIRONMENT"]);
        Assert.EndsWith(":" + env["AWS_LWA_PORT"], env["ASPNETCORE_URLS"], StringComparison.Ordinal);
        Assert.Equal("/health/live", env["AWS_LWA_READINESS_CHECK_PATH"]);
        Assert.Equal("${aws_dynamodb_table.main.name}", env[TableName]);
        Assert.True(env.ContainsKey(Region));
        Assert.Equal("${local.redis_configuration}", env[Redis]);
        Assert.Equal("${local.cognito_issuer}", env["Auth__Authority"]);
        Assert.Equal("${aws_cognito_user_pool_client.app.id}", env["Auth__Audience"]);

        var runSh = Path.Combine(RepoPaths.Infra, "lambda", "api-run.sh");
        Assert.Contains("exec dotnet Lifestyle.Api.dll", File.ReadAllText(runSh), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(runSh).HasFlag(UnixFileMode.UserExecute), "api-run.sh must be executable");
        }

        Assert.Contains("\"$INFRA/lambda/api-run.sh\" \"$BUILD/api/run.sh\"",
            File.ReadAllText(Path.Combine(RepoPaths.Infra, "package.sh")), StringComparison.Ordinal);
    }

    [Fact]
    public void Cognito_issuer_is_the_api_authority_and_the_authorizer_issuer()
    {
        Assert.Equal("https://${aws_cognito_user_pool.main.endpoint}", Tf.Locals["cognito_issuer"].GetString());
        var authorizer = Tf.Resource("aws_apigatewayv2_authorizer", "cognito");
        Assert.Equal("JWT", authorizer.Str("authorizer_type"));
        Assert.Equal("${local.cognito_issuer}", authorizer.Block("jwt_configuration").Str("issuer"));
    }

    [Fact]
    public void Only_health_openapi_and_templates_are_public()
    {
        var routes = Tf.Resources("aws_apigatewayv2_route").ToArray();
        var secured = routes.Where(r => r.Body.Str("authorization_type") == "JWT").Select(r => r.Body.Str("route_key"));
        Assert.Equal(["ANY /v1/{proxy+}"], secured);
        var open = Assert.Single(routes, r => r.Body.Str("authorization_type") is null);
        Assert.Equal(["GET /health/{proxy+}", "GET /openapi/{proxy+}", "GET /v1/templates"], ParseToset(open.Body.Str("for_each")!));
    }

    [Fact]
    public void Redis_clients_run_in_the_private_subnets()
    {
        foreach (var name in new[] { "projector", "api", "erasure" })
        {
            var vpc = Function(name).Block("vpc_config");
            Assert.Equal("${aws_subnet.private[*].id}", vpc.Str("subnet_ids"));
            Assert.Equal([$"${{aws_security_group.{name}.id}}"], vpc.GetProperty("security_group_ids").Strings());
        }
    }

    private Dictionary<string, string> EnvVars(string function) => EnvVars(Function(function));

    internal static Dictionary<string, string> EnvVars(JsonElement function) =>
        function.Block("environment").GetProperty("variables").Properties()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);

    /// <summary>"${toset([\"a\", \"b\"])}" → a, b (sorted).</summary>
    private static string[] ParseToset(string expression) =>
        System.Text.RegularExpressions.Regex.Matches(expression, "\"([^\"]+)\"").Select(m => m.Groups[1].Value)
            .Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Checks a handler string of the managed .NET runtime (Assembly::Type::Method) the way Lambda resolves it:
    /// the type loads from the assembly, has a public parameterless constructor, and a public instance method
    /// taking a Stream and returning Task&lt;Stream&gt;.
    /// </summary>
    internal static void AssertStreamHandler(string handler, Action<string> missingType)
    {
        var parts = handler.Split("::");
        Assert.Equal(3, parts.Length);
        var assembly = Assembly.Load(parts[0]);
        var type = assembly.GetType(parts[1]);
        if (type is null)
        {
            missingType($"{parts[1]} is not in {parts[0]}");
            return;
        }

        Assert.True(type.IsPublic && !type.IsAbstract, $"{type} must be a public concrete class");
        Assert.NotNull(type.GetConstructor(Type.EmptyTypes));
        var method = type.GetMethod(parts[2], BindingFlags.Public | BindingFlags.Instance, [typeof(Stream)]);
        Assert.NotNull(method);
        Assert.Equal(typeof(Task<Stream>), method.ReturnType);
    }
}
