using Lifestyle.Infrastructure.Telemetry;
using MediatR;

namespace Lifestyle.Infrastructure.Mediation;

/// <summary>A span per request, named by its type (e.g. <c>LogActivityCommand</c>), around validation and the handler.</summary>
public sealed class TracingBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string SpanName = typeof(TRequest).Name;

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        LifestyleTelemetry.Source.HasListeners() ? TracedAsync(next) : next();

    private static async Task<TResponse> TracedAsync(RequestHandlerDelegate<TResponse> next)
    {
        using var span = LifestyleTelemetry.Source.StartActivity(SpanName);
        try
        {
            return await next();
        }
        catch (Exception e)
        {
            LifestyleTelemetry.Failed(span, e);
            throw;
        }
    }
}
