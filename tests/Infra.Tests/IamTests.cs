using System.Text.Json;
using Lifestyle.Infra.Tests.Hcl;

namespace Lifestyle.Infra.Tests;

/// <summary>Least privilege (infra/iam.tf): named actions on named resources, one role per function.</summary>
[Collection(InfraCollection.Name)]
public sealed class IamTests(InfraFixture infra)
{
    /// <summary>
    /// Statements (by Sid) allowed a Resource "*" because AWS offers no resource-level permission for
    /// their actions. Empty: the one such need, the VPC network-interface actions of Lambda, is met by
    /// attaching the AWS managed AWSLambdaVPCAccessExecutionRole (see AllowedManagedPolicies).
    /// </summary>
    private static readonly HashSet<string> AwsRequiredWildcardSids = [];

    private static readonly string[] AllowedManagedPolicies = [":iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"];

    private static readonly Dictionary<string, string[]> ExpectedActions = new()
    {
        ["projector"] =
        [
            "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query",
            "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams",
            "sns:Publish", "sqs:SendMessage", "logs:CreateLogStream", "logs:PutLogEvents",
        ],
        ["api"] =
        [
            "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem",
            "dynamodb:TransactWriteItems", "dynamodb:Query", "dynamodb:DescribeTable",
            "dynamodb:BatchWriteItem", "dynamodb:DeleteItem",
            "logs:CreateLogStream", "logs:PutLogEvents",
        ],
        ["daily_close"] =
        [
            "dynamodb:Query", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "sns:Publish",
            "logs:CreateLogStream", "logs:PutLogEvents",
        ],
        ["erasure"] =
        [
            "dynamodb:Query", "dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
            "dynamodb:TransactWriteItems", "logs:CreateLogStream", "logs:PutLogEvents",
        ],
        ["scheduler"] = ["lambda:InvokeFunction", "sqs:SendMessage"],
    };

    private TerraformConfig Tf => infra.Config;

    private IEnumerable<(string Document, JsonElement Statement)> Statements =>
        Tf.Data("aws_iam_policy_document").SelectMany(d => d.Body.Blocks("statement").Select(s => (d.Name, s)));

    [Fact]
    public void No_statement_allows_every_action_of_a_service()
    {
        Assert.NotEmpty(Statements);
        Assert.All(Statements, s =>
        {
            Assert.False(s.Statement.TryGetProperty("not_actions", out _), $"{s.Document}: not_actions");
            var actions = Actions(s.Statement);
            Assert.NotEmpty(actions);
            Assert.All(actions, a => Assert.Matches("^[a-z0-9-]+:[A-Za-z0-9]+$", a));
        });
    }

    [Fact]
    public void No_statement_names_every_resource()
    {
        Assert.All(Statements, s =>
        {
            Assert.False(s.Statement.TryGetProperty("not_resources", out _), $"{s.Document}: not_resources");
            if (AwsRequiredWildcardSids.Contains(s.Statement.Str("sid") ?? ""))
            {
                return;
            }

            Assert.All(Resources(s.Statement), r =>
            {
                Assert.NotEqual("*", r);
                Assert.StartsWith("${", r, StringComparison.Ordinal); // an ARN of a resource declared here
            });
        });
    }

    [Fact]
    public void Every_statement_has_a_sid_and_allows()
    {
        Assert.All(Statements, s =>
        {
            Assert.False(string.IsNullOrEmpty(s.Statement.Str("sid")), $"{s.Document}: statement without sid");
            Assert.Contains(s.Statement.Str("effect") ?? "Allow", new[] { "Allow" });
        });
    }

    [Fact]
    public void Each_policy_lists_exactly_the_actions_its_function_needs()
    {
        foreach (var (document, expected) in ExpectedActions)
        {
            var body = Tf.Data("aws_iam_policy_document").Single(d => d.Name == document).Body;
            var actions = body.Blocks("statement").SelectMany(Actions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            Assert.Equal(expected.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), actions);
        }
    }

    [Fact]
    public void Table_permissions_cover_the_table_and_its_indexes_only()
    {
        foreach (var document in new[] { "projector", "api", "daily_close" })
        {
            var statements = Tf.Data("aws_iam_policy_document").Single(d => d.Name == document).Body.Blocks("statement")
                .Where(s => Actions(s).Any(a => a is "dynamodb:Query" or "dynamodb:GetItem"));
            var statement = Assert.Single(statements);
            Assert.Equal(["${aws_dynamodb_table.main.arn}", "${aws_dynamodb_table.main.arn}/index/*"], Resources(statement));
        }
    }

    [Fact]
    public void The_api_deletes_only_for_the_erasure_and_only_on_the_base_table()
    {
        var statements = Tf.Data("aws_iam_policy_document").Single(d => d.Name == "api").Body.Blocks("statement")
            .Where(s => Actions(s).Any(a => a is "dynamodb:BatchWriteItem" or "dynamodb:DeleteItem")).ToList();
        var erasure = Assert.Single(statements);
        Assert.Equal("Erasure", erasure.Str("sid"));
        Assert.Equal(["dynamodb:BatchWriteItem", "dynamodb:DeleteItem"], Actions(erasure).Order(StringComparer.Ordinal));
        Assert.Equal(["${aws_dynamodb_table.main.arn}"], Resources(erasure));
    }

    [Fact]
    public void The_erasure_job_works_on_the_base_table_only_and_the_scheduler_may_invoke_it()
    {
        var table = Assert.Single(Tf.Data("aws_iam_policy_document").Single(d => d.Name == "erasure").Body.Blocks("statement"),
            s => Actions(s).Any(a => a.StartsWith("dynamodb:", StringComparison.Ordinal)));
        Assert.Equal(["${aws_dynamodb_table.main.arn}"], Resources(table));
        var invoke = Assert.Single(Tf.Data("aws_iam_policy_document").Single(d => d.Name == "scheduler").Body.Blocks("statement"),
            s => s.Str("sid") == "InvokeErasure");
        Assert.Equal(["${aws_lambda_function.erasure.arn}", "${aws_lambda_function.erasure.arn}:*"], Resources(invoke));
    }

    [Fact]
    public void The_api_gets_a_generated_erasure_hash_key()
    {
        var api = Tf.Resources("aws_lambda_function").Single(f => f.Name == "api").Body;
        var variables = api.Blocks("environment").Single().GetProperty("variables");
        Assert.Equal("${random_password.erasure_hash_key.result}", variables.Str("Erasure__HashKey"));
        var key = Tf.Resources("random_password").Single(r => r.Name == "erasure_hash_key").Body;
        Assert.True(key.GetProperty("length").GetInt32() >= Lifestyle.Infrastructure.Erasure.UserIdHasher.MinKeyLength);
    }

    [Fact]
    public void Inline_policies_come_from_checked_policy_documents()
    {
        Assert.Empty(Tf.Resources("aws_iam_policy"));
        Assert.All(Tf.Resources("aws_iam_role_policy"), p =>
            Assert.Matches(@"^\$\{data\.aws_iam_policy_document\.[a-z_]+\.json\}$", p.Body.Str("policy")));
        Assert.All(Tf.Resources("aws_iam_role"), r =>
            Assert.Matches(@"^\$\{data\.aws_iam_policy_document\.[a-z_]+\.json\}$", r.Body.Str("assume_role_policy")));
    }

    [Fact]
    public void Only_the_documented_managed_policy_is_attached()
    {
        var attachments = Tf.Resources("aws_iam_role_policy_attachment").ToArray();
        Assert.NotEmpty(attachments);
        Assert.All(attachments, a =>
        {
            var arn = Tf.ValueString(a.Body, "policy_arn");
            Assert.Contains(AllowedManagedPolicies, allowed => arn.EndsWith(allowed, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Each_function_has_its_own_role()
    {
        var roles = Tf.Resources("aws_lambda_function").Select(f => f.Body.Str("role")).ToArray();
        Assert.Equal(4, roles.Length);
        Assert.Equal(roles.Length, roles.Distinct(StringComparer.Ordinal).Count());
        Assert.All(roles, r => Assert.Matches(@"^\$\{aws_iam_role\.[a-z_]+\.arn\}$", r));
    }

    [Fact]
    public void Vpc_functions_and_only_they_get_network_interface_permissions()
    {
        var attachedRoles = Tf.Resources("aws_iam_role_policy_attachment")
            .Select(a => a.Body.Str("role")!.Replace(".name}", ".arn}", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        foreach (var (_, function) in Tf.Resources("aws_lambda_function"))
        {
            Assert.Equal(function.TryGetProperty("vpc_config", out _), attachedRoles.Contains(function.Str("role")!));
        }
    }

    private string[] Actions(JsonElement statement) =>
        Tf.PossibleValues(statement.GetProperty("actions")).SelectMany(v => v.Strings()).ToArray();

    private string[] Resources(JsonElement statement) =>
        statement.TryGetProperty("resources", out var r)
            ? Tf.PossibleValues(r).SelectMany(v => v.Strings()).ToArray()
            : [];
}
