using System.Diagnostics.Metrics;
using Lifestyle.Infrastructure.Telemetry;

namespace Lifestyle.Api.Http;

/// <summary>
/// Counts each command request once it is answered: <c>lifestyle.commands</c> by <c>command</c> (e.g. <c>LogActivity</c>)
/// and <c>outcome</c> (<c>ok</c>, the problem code of a 4xx such as <c>goal-paused</c>, or <c>5xx</c>), with the status code.
/// Sits after routing (to know the endpoint) and wraps authentication, rate limiting and the handler.
/// </summary>
public sealed class CommandMetrics(RequestDelegate next)
{
    private static readonly Counter<long> Commands = LifestyleTelemetry.Meter.CreateCounter<long>(
        "lifestyle.commands", "{command}", "Command requests answered, by command and outcome.");

    public async Task InvokeAsync(HttpContext context)
    {
        if (!Commands.Enabled || context.GetEndpoint()?.Metadata.GetMetadata<CommandEndpoint>() is not { } command)
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception e)
        {
            // The exception handler outside answers it; its status and code are the ones it will write.
            var problem = e is OperationCanceledException ? null : ProblemExceptionHandler.Map(e);
            var status = problem?.Status ?? 503;
            Count(command.Name, status, problem?.Extensions["code"] as string ?? ProblemCodes.ForStatus(status));
            throw;
        }

        var answered = context.Response.StatusCode;
        Count(command.Name, answered, answered >= 400 ? ProblemCodes.ForStatus(answered) : null);
    }

    private static void Count(string command, int status, string? code)
    {
        var outcome = status switch
        {
            < 400 => "ok",
            < 500 => code ?? ProblemCodes.ForStatus(status),
            _ => "5xx",
        };
        Commands.Add(1, new("command", command), new("outcome", outcome), new("http.response.status_code", status));
    }
}

/// <summary>Endpoint metadata: this endpoint sends the command <see cref="Name"/>.</summary>
public sealed record CommandEndpoint(string Name)
{
    public static CommandEndpoint Of<TCommand>() => new(typeof(TCommand).Name.Replace("Command", "", StringComparison.Ordinal));
}

public static class CommandEndpointExtensions
{
    public static RouteHandlerBuilder CountedAs<TCommand>(this RouteHandlerBuilder endpoint) => endpoint.WithMetadata(CommandEndpoint.Of<TCommand>());
}
