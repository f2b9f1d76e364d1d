using Lifestyle.Api.Http;
using Lifestyle.Api.OpenApi;
using Lifestyle.Domain.Progress;
using Lifestyle.Queries.Common;
using Lifestyle.Queries.Dashboard.GetDashboard;
using Lifestyle.Queries.Goals.GetGoal;
using Lifestyle.Queries.Goals.GetGoalDays;
using Lifestyle.Queries.Goals.GetGoalWeeks;
using Lifestyle.Queries.Goals.ListActivities;
using Lifestyle.Queries.Goals.ListGoals;
using MediatR;

namespace Lifestyle.Api.Endpoints;

public static class GoalQueryEndpoints
{
    public static RouteGroupBuilder MapGoalQueries(this RouteGroupBuilder v1)
    {
        v1.MapGet("/goals", async (HttpContext ctx, IMediator mediator, ReadModelReader reader) =>
        {
            await WaitForHeaderVersionAsync(ctx, reader);
            var q = new ListGoalsQuery(CommandHttp.UserId(ctx), QueryParams.Value(ctx, "status") ?? "active",
                QueryParams.Int(ctx, "limit") ?? 50, QueryParams.Value(ctx, "cursor"));
            return Results.Ok(await mediator.Send(q, ctx.RequestAborted));
        }).Describe("listGoals", ApiTags.Goals, "List the user's goals")
            .WithParameters(ApiParameters.Status, ApiParameters.Limit, ApiParameters.Cursor, ApiParameters.MinVersionHeader)
            .Produces<GoalList>().WithResponseHeaders(200, ApiResponseHeaders.Consistency)
            .WithProblems("validation-failed");

        v1.MapGet("/goals/{goalId}", async (string goalId, HttpContext ctx, IMediator mediator) =>
        {
            var min = QueryParams.MinVersion(ctx, goalId);
            var result = await mediator.Send(new GetGoalQuery(CommandHttp.UserId(ctx), goalId, MinFor(min, goalId)), ctx.RequestAborted);
            var etag = $"\"{result.View.Version}\"";
            ctx.Response.Headers.ETag = etag;
            QueryParams.MarkStale(ctx, result.Stale);
            var ifNoneMatch = ctx.Request.Headers.IfNoneMatch.ToString();
            return ifNoneMatch.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Ok(result.View);
        }).Describe("getGoal", ApiTags.Goals, "Get a goal with its progress and streak")
            .WithParameters(ApiParameters.MinVersion, ApiParameters.MinVersionHeader, ApiParameters.IfNoneMatch)
            .Produces<GoalView>().WithResponseHeaders(200, ApiResponseHeaders.ETag, ApiResponseHeaders.Consistency)
            .Produces(StatusCodes.Status304NotModified).WithResponseHeaders(304, ApiResponseHeaders.ETag)
            .WithProblems("validation-failed", "goal-not-found");

        v1.MapGet("/goals/{goalId}/days", async (string goalId, HttpContext ctx, IMediator mediator) =>
        {
            var q = new GetGoalDaysQuery(CommandHttp.UserId(ctx), goalId, QueryParams.Date(ctx, "from"), QueryParams.Date(ctx, "to"),
                MinFor(QueryParams.MinVersion(ctx, goalId), goalId));
            var result = await mediator.Send(q, ctx.RequestAborted);
            QueryParams.MarkStale(ctx, result.Stale);
            return Results.Ok(new DaySeries(result.Items));
        }).Describe("getGoalDays", ApiTags.Progress, "A goal's days, ascending, days without activity included")
            .Series<DaySeries>(ApiParameters.From, ApiParameters.To);

        v1.MapGet("/goals/{goalId}/weeks", async (string goalId, HttpContext ctx, IMediator mediator) =>
        {
            var q = new GetGoalWeeksQuery(CommandHttp.UserId(ctx), goalId, QueryParams.WeekOrDate(ctx, "from"),
                QueryParams.WeekOrDate(ctx, "to"), MinFor(QueryParams.MinVersion(ctx, goalId), goalId));
            var result = await mediator.Send(q, ctx.RequestAborted);
            QueryParams.MarkStale(ctx, result.Stale);
            return Results.Ok(new WeekSeries(result.Items));
        }).Describe("getGoalWeeks", ApiTags.Progress, "A goal's ISO weeks, ascending")
            .Series<WeekSeries>(ApiParameters.FromWeek, ApiParameters.ToWeek);

        v1.MapGet("/goals/{goalId}/activities", async (string goalId, HttpContext ctx, IMediator mediator) =>
        {
            var q = new ListActivitiesQuery(CommandHttp.UserId(ctx), goalId, QueryParams.Int(ctx, "limit") ?? 50,
                QueryParams.Value(ctx, "cursor"));
            return Results.Ok(await mediator.Send(q, ctx.RequestAborted));
        }).Describe("listActivities", ApiTags.Activities, "A goal's activities, newest occurredAt first")
            .WithParameters(ApiParameters.Limit, ApiParameters.Cursor)
            .Produces<ActivityList>().WithProblems("validation-failed", "goal-not-found");

        v1.MapGet("/dashboard", async (HttpContext ctx, IMediator mediator, ReadModelReader reader) =>
        {
            await WaitForHeaderVersionAsync(ctx, reader);
            return Results.Ok(await mediator.Send(new GetDashboardQuery(CommandHttp.UserId(ctx)), ctx.RequestAborted));
        }).Describe("getDashboard", ApiTags.Dashboard, "Every active goal, with today's summary")
            .WithParameters(ApiParameters.MinVersionHeader)
            .Produces<DashboardView>().WithResponseHeaders(200, ApiResponseHeaders.Consistency)
            .WithProblems("validation-failed");

        v1.MapExport();
        return v1;
    }

    private static RouteHandlerBuilder Series<T>(this RouteHandlerBuilder builder, ApiParameter from, ApiParameter to) =>
        builder.WithParameters(from, to, ApiParameters.MinVersion, ApiParameters.MinVersionHeader)
            .Produces<T>().WithResponseHeaders(200, ApiResponseHeaders.Consistency)
            .WithProblems("validation-failed", "invalid-date-range", "goal-not-found");

    private static long? MinFor((string GoalId, long Version)? min, string goalId) =>
        min is { } m && m.GoalId == goalId ? m.Version : null;

    /// <summary>For listings: the header names the goal whose write the client wants to see.</summary>
    private static async Task WaitForHeaderVersionAsync(HttpContext ctx, ReadModelReader reader)
    {
        if (QueryParams.MinVersion(ctx, null) is { } min)
        {
            var (_, stale) = await reader.GetAtLeastAsync(CommandHttp.UserId(ctx), min.GoalId, min.Version,
                ReadModelReader.ReadYourWritesWait, ctx.RequestAborted);
            QueryParams.MarkStale(ctx, stale);
        }
    }
}

public sealed record DaySeries(IReadOnlyList<DayFigures> Items);

public sealed record WeekSeries(IReadOnlyList<WeekFigures> Items);
