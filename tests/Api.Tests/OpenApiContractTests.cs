using System.Net;
using System.Text.Json.Nodes;
using Lifestyle.Api.Http;
using Lifestyle.Api.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>
/// Every operation of the served document, called as a generated client would call it (against DynamoDB Local):
/// each answer's status is one the document lists, with a listed media type; errors are problem+json with a listed code.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiContractTests(ApiFixture api)
{
    [Fact]
    public async Task The_document_has_operations_and_a_problem_code_enum_matching_the_api()
    {
        var document = await ServedDocument.LoadAsync(api.AnonymousClient());

        Assert.True(document.Operations.Count() >= 18, $"only {document.Operations.Count()} operations");
        Assert.Equal(ProblemCodes.All.Order(), document.ProblemCodes.Order());
        Assert.All(document.Operations, op => Assert.False(string.IsNullOrEmpty((string?)op.Operation["operationId"])));
    }

    /// <summary>Required parameters only: with real ids every operation succeeds; without one, it is a listed error.</summary>
    [Fact]
    public async Task Each_operation_with_its_required_parameters_answers_a_listed_status_and_succeeds_on_real_ids()
    {
        var document = await ServedDocument.LoadAsync(api.AnonymousClient());

        var failures = new List<string>();
        foreach (var op in document.Operations)
        {
            var (status, problem, complete) = await CallAsync(op, optional: false, failures);
            if (complete && status >= 400)
            {
                failures.Add($"{op.Id}: {status} on a valid request: {problem}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>Every parameter that has an example in the document, sent with it.</summary>
    [Fact]
    public async Task Each_operation_with_every_documented_example_parameter_answers_a_listed_status()
    {
        var document = await ServedDocument.LoadAsync(api.AnonymousClient());

        var failures = new List<string>();
        foreach (var op in document.Operations)
        {
            await CallAsync(op, optional: true, failures);
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Operations_that_need_a_token_list_401_and_answer_it_without_one_and_public_ones_do_not()
    {
        var document = await ServedDocument.LoadAsync(api.AnonymousClient());
        using var anonymous = api.AnonymousClient();

        foreach (var op in document.Operations)
        {
            using var request = op.Request(new Dictionary<string, string>(), optional: false, out _);
            var response = await anonymous.SendAsync(request);

            if (op.Anonymous)
            {
                Assert.True(response.StatusCode != HttpStatusCode.Unauthorized, $"{op.Id} is documented as public but answered 401");
            }
            else
            {
                Assert.Contains(401, op.Statuses);
                await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
            }
        }
    }

    /// <summary>A fresh user with an active daily goal holding one activity: the ids the document's paths name.</summary>
    private async Task<(HttpClient Client, Dictionary<string, string> Ids)> ArrangeAsync()
    {
        var client = api.ClientFor(ApiFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(Goals.Daily());
        var activityId = await client.LogActivityIdAsync(goalId, 1);
        return (client, new Dictionary<string, string> { ["goalId"] = goalId, ["activityId"] = activityId });
    }

    /// <summary>Sends the operation's request; adds to <paramref name="failures"/> what the document does not allow.</summary>
    private async Task<(int Status, string Body, bool Complete)> CallAsync(DocumentedOperation op, bool optional, List<string> failures)
    {
        var (client, ids) = await ArrangeAsync();
        using (client)
        {
            using var request = op.Request(ids, optional, out var complete);
            var target = $"{op.Id} ({request.Method} {request.RequestUri})";
            using var anonymous = op.Anonymous ? api.AnonymousClient() : null;
            using var response = await (anonymous ?? client).SendAsync(request);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            var media = response.Content.Headers.ContentType?.MediaType;
            if (!op.Statuses.Contains(status))
            {
                failures.Add($"{target}: {status} is not among [{string.Join(", ", op.Statuses)}]: {body}");
            }
            else if (op.MediaTypes(status) is { Count: > 0 } types && !types.Contains(media))
            {
                failures.Add($"{target}: {status} as {media}, documented as [{string.Join(", ", types)}]");
            }

            var problem = status is >= 400 and < 500 || op.MediaTypes(status).Contains("application/problem+json");
            if (problem && (media != "application/problem+json"
                || (string?)JsonNode.Parse(body)?["code"] is not { } code || !op.Document.ProblemCodes.Contains(code)))
            {
                failures.Add($"{target}: {status} is not problem+json with a documented code: {media} {body}");
            }

            return (status, body, complete);
        }
    }
}
