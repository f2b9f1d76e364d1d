using Lifestyle.Api.Http;
using Lifestyle.Api.OpenApi;
using Lifestyle.Commands.Users.EraseUser;
using Lifestyle.Infrastructure.Erasure;
using Lifestyle.Queries.Users.GetErasure;
using MediatR;

namespace Lifestyle.Api.Endpoints;

/// <summary>The right to be forgotten: DELETE /v1/me and the erasure's status.</summary>
public static class ErasureEndpoints
{
    public static RouteGroupBuilder MapErasure(this RouteGroupBuilder v1)
    {
        v1.MapDelete("/me", async (HttpContext ctx, IMediator mediator) =>
        {
            var result = await mediator.Send(new EraseUserCommand(CommandHttp.UserId(ctx)), ctx.RequestAborted);
            ctx.Response.Headers.Location = $"/v1/me/erasure/{result.ErasureId}";
            return Results.Json(new { erasureId = result.ErasureId, status = result.Status }, statusCode: StatusCodes.Status202Accepted);
        })
            .Describe("eraseMe", ApiTags.Account, "Erase the account: every goal, event, read model, cached copy and pending notification of the user")
            .Produces<EraseUserResult>(StatusCodes.Status202Accepted);

        v1.MapGet("/me/erasure/{erasureId}", async (string erasureId, HttpContext ctx, IMediator mediator) =>
        {
            var status = await mediator.Send(new GetErasureQuery(CommandHttp.UserId(ctx), erasureId), ctx.RequestAborted);
            return Results.Ok(new { erasureId = status.ErasureId, status = status.Status, items = status.Items, finishedAt = status.FinishedAt });
        })
            .Describe("getErasure", ApiTags.Account, "Where an erasure of the caller's account stands: pending (items removed so far) or done")
            .Produces<ErasureStatus>()
            .WithProblems("validation-failed", "erasure-not-found");
        return v1;
    }
}
