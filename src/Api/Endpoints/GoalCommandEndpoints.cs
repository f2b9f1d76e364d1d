using Lifestyle.Api.Http;
using Lifestyle.Api.OpenApi;
using Lifestyle.Commands.Common;
using Lifestyle.Commands.Goals.ChangeGoalStatus;
using Lifestyle.Commands.Goals.CreateGoal;
using Lifestyle.Commands.Goals.LogActivity;
using Lifestyle.Commands.Goals.RemoveActivity;
using Lifestyle.Commands.Goals.UpdateGoal;
using MediatR;

namespace Lifestyle.Api.Endpoints;

public static class GoalCommandEndpoints
{
    public static RouteGroupBuilder MapGoalCommands(this RouteGroupBuilder v1)
    {
        v1.MapPost("/goals", async (HttpContext ctx, IMediator mediator) =>
        {
            var (body, meta) = await ReadAsync(ctx);
            var r = RequestBody.Parse<CreateGoalRequest>(ctx, body);
            var result = await mediator.Send(new CreateGoalCommand(meta, r.Title, r.Pattern, r.Target, r.Unit,
                r.TimesPerWeek, r.Milestones, r.StartDate, r.EndDate, r.Timezone, r.TemplateId), ctx.RequestAborted);
            return CommandHttp.ToResult(ctx, result, $"/v1/goals/{result.Body.GoalId}");
        }).Describe("createGoal", ApiTags.Goals, "Create a goal")
            .WithBody<CreateGoalRequest>("""{"title":"Drink water","pattern":"daily","target":8,"unit":"glasses"}""")
            .WithParameters(ApiParameters.IdempotencyKey)
            .Produces<CommandResponse>(201).WithResponseHeaders(201, [ApiResponseHeaders.Location, .. ApiResponseHeaders.Command])
            .WithProblems("validation-failed", "unsupported-media-type", "payload-too-large", "goal-quota-exceeded",
                "idempotency-key-reused", "service-unavailable")
            .CountedAs<CreateGoalCommand>();

        v1.MapPatch("/goals/{goalId}", async (string goalId, HttpContext ctx, IMediator mediator) =>
        {
            var (body, meta) = await ReadAsync(ctx);
            var r = RequestBody.Parse<UpdateGoalRequest>(ctx, body);
            var result = await mediator.Send(new UpdateGoalCommand(meta, goalId, r.Title, r.Target, r.Unit,
                r.TimesPerWeek, r.Milestones, r.EndDate), ctx.RequestAborted);
            return CommandHttp.ToResult(ctx, result);
        }).Describe("updateGoal", ApiTags.Goals, "Change a goal's definition (never its pattern)")
            .WithBody<UpdateGoalRequest>("""{"title":"Drink more water"}""")
            .Command(200).WithProblems([.. EndpointDocs.CommandCodes, "unsupported-media-type"])
            .CountedAs<UpdateGoalCommand>();

        foreach (var transition in Enum.GetValues<GoalTransition>())
        {
            v1.MapPost($"/goals/{{goalId}}/{transition.ToString().ToLowerInvariant()}",
                async (string goalId, HttpContext ctx, IMediator mediator) =>
                {
                    var (_, meta) = await ReadAsync(ctx);
                    var result = await mediator.Send(new ChangeGoalStatusCommand(meta, goalId, transition), ctx.RequestAborted);
                    return CommandHttp.ToResult(ctx, result);
                }).Describe($"{transition.ToString().ToLowerInvariant()}Goal", ApiTags.Goals, $"{transition} a goal")
                .Command(200).WithProblems(EndpointDocs.CommandCodes)
            .CountedAs<ChangeGoalStatusCommand>();
        }

        v1.MapPost("/goals/{goalId}/activities", async (string goalId, HttpContext ctx, IMediator mediator) =>
        {
            var (body, meta) = await ReadAsync(ctx);
            var r = RequestBody.Parse<LogActivityRequest>(ctx, body);
            var result = await mediator.Send(new LogActivityCommand(meta, goalId, r.Value, r.OccurredAt, r.Note), ctx.RequestAborted);
            return CommandHttp.ToResult(ctx, result);
        }).Describe("logActivity", ApiTags.Activities, "Log an activity against a goal")
            .WithBody<LogActivityRequest>("""{"value":1}""")
            .Command(201).WithProblems([.. EndpointDocs.CommandCodes, "unsupported-media-type"])
            .CountedAs<LogActivityCommand>();

        v1.MapDelete("/goals/{goalId}/activities/{activityId}",
            async (string goalId, string activityId, HttpContext ctx, IMediator mediator) =>
            {
                var (_, meta) = await ReadAsync(ctx);
                var result = await mediator.Send(new RemoveActivityCommand(meta, goalId, activityId), ctx.RequestAborted);
                return CommandHttp.ToResult(ctx, result);
            }).Describe("removeActivity", ApiTags.Activities, "Remove an activity (appends ActivityRemoved)")
            .Command(200).WithProblems([.. EndpointDocs.CommandCodes, "activity-not-found"])
            .CountedAs<RemoveActivityCommand>();

        return v1;
    }

    private static async Task<(byte[] Body, CommandMetadata Meta)> ReadAsync(HttpContext ctx)
    {
        var body = await RequestBody.ReadAsync(ctx);
        return (body, CommandHttp.Metadata(ctx, body));
    }
}
