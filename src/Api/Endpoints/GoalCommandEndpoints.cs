using Lifestyle.Api.Http;
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
        }).Produces<CommandResponse>(201).Command<CreateGoalCommand>();

        v1.MapPatch("/goals/{goalId}", async (string goalId, HttpContext ctx, IMediator mediator) =>
        {
            var (body, meta) = await ReadAsync(ctx);
            var r = RequestBody.Parse<UpdateGoalRequest>(ctx, body);
            var result = await mediator.Send(new UpdateGoalCommand(meta, goalId, r.Title, r.Target, r.Unit,
                r.TimesPerWeek, r.Milestones, r.EndDate), ctx.RequestAborted);
            return CommandHttp.ToResult(ctx, result);
        }).Produces<CommandResponse>().Command<UpdateGoalCommand>();

        foreach (var transition in Enum.GetValues<GoalTransition>())
        {
            v1.MapPost($"/goals/{{goalId}}/{transition.ToString().ToLowerInvariant()}",
                async (string goalId, HttpContext ctx, IMediator mediator) =>
                {
                    var (_, meta) = await ReadAsync(ctx);
                    var result = await mediator.Send(new ChangeGoalStatusCommand(meta, goalId, transition), ctx.RequestAborted);
                    return CommandHttp.ToResult(ctx, result);
                }).Produces<CommandResponse>().Command<ChangeGoalStatusCommand>();
        }

        v1.MapPost("/goals/{goalId}/activities", async (string goalId, HttpContext ctx, IMediator mediator) =>
        {
            var (body, meta) = await ReadAsync(ctx);
            var r = RequestBody.Parse<LogActivityRequest>(ctx, body);
            var result = await mediator.Send(new LogActivityCommand(meta, goalId, r.Value, r.OccurredAt, r.Note), ctx.RequestAborted);
            return CommandHttp.ToResult(ctx, result);
        }).Produces<CommandResponse>(201).Command<LogActivityCommand>();

        v1.MapDelete("/goals/{goalId}/activities/{activityId}",
            async (string goalId, string activityId, HttpContext ctx, IMediator mediator) =>
            {
                var (_, meta) = await ReadAsync(ctx);
                var result = await mediator.Send(new RemoveActivityCommand(meta, goalId, activityId), ctx.RequestAborted);
                return CommandHttp.ToResult(ctx, result);
            }).Produces<CommandResponse>().Command<RemoveActivityCommand>();

        return v1;
    }

    private static async Task<(byte[] Body, CommandMetadata Meta)> ReadAsync(HttpContext ctx)
    {
        var body = await RequestBody.ReadAsync(ctx);
        return (body, CommandHttp.Metadata(ctx, body));
    }
}
