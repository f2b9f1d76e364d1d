using Lifestyle.Api.Http;
using Lifestyle.Api.OpenApi;
using Lifestyle.Queries.Insights.GetInsights;
using Lifestyle.Queries.Insights.GetRecommendations;
using MediatR;

namespace Lifestyle.Api.Endpoints;

/// <summary>Insights and recommendations, read from what the daily close computed (docs/insights.md).</summary>
public static class InsightEndpoints
{
    public static RouteGroupBuilder MapInsights(this RouteGroupBuilder v1)
    {
        v1.MapGet("/insights", async (HttpContext ctx, IMediator mediator) =>
                Results.Ok(await mediator.Send(new GetInsightsQuery(CommandHttp.UserId(ctx)), ctx.RequestAborted)))
            .Describe("getInsights", ApiTags.Insights, "Each active goal's met rate, trend, best and worst weekday and a suggestion")
            .Produces<InsightList>();

        v1.MapGet("/recommendations", async (HttpContext ctx, IMediator mediator) =>
                Results.Ok(await mediator.Send(new GetRecommendationsQuery(CommandHttp.UserId(ctx)), ctx.RequestAborted)))
            .Describe("getRecommendations", ApiTags.Insights, "Up to five templates the user has not adopted, ranked, with reasons")
            .Produces<RecommendationList>();
        return v1;
    }
}
