using System.Text.Json;
using Lifestyle.Commands.Users.Erasure;
using Lifestyle.Projections.Stream;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lifestyle.Projections.Jobs;

/// <summary>
/// The erasure-job Lambda function, invoked by EventBridge Scheduler every minute (raw JSON in and out, no
/// Amazon.Lambda.* packages; docs/adr/0011). It finishes the erasures that <c>DELETE /v1/me</c> left pending (an
/// account too large for the request), each resumed from its pending record, within
/// <c>Erasure:JobBudgetSeconds</c> (default 600, under the function's 900 s timeout). Handler string:
/// <c>Lifestyle.Projections::Lifestyle.Projections.Jobs.ErasureEntryPoint::HandleAsync</c>.
/// The payload may be empty or the schedule's <c>{"job":"erasure"}</c>; a failure throws (the next run resumes).
/// </summary>
public sealed class ErasureEntryPoint
{
    public const int DefaultBudgetSeconds = 600;

    private readonly PendingErasures pending;
    private readonly TimeSpan budget;
    private readonly ILogger logger;
    private readonly Action? flush;

    /// <summary>What the Lambda runtime calls once per execution environment.</summary>
    public ErasureEntryPoint()
        : this(LambdaServices.Build(services => services.AddLifestyleErasureJob()))
    {
    }

    public ErasureEntryPoint(PendingErasures pending, TimeSpan budget, ILogger? logger = null)
    {
        this.pending = pending;
        this.budget = budget;
        this.logger = logger ?? NullLogger.Instance;
    }

    private ErasureEntryPoint(IServiceProvider services)
        : this(services.GetRequiredService<PendingErasures>(), BudgetOf(services.GetRequiredService<IConfiguration>()),
            services.GetService<ILogger<ErasureEntryPoint>>())
    {
        flush = Infrastructure.Telemetry.TelemetryServices.Start(services);
    }

    public static TimeSpan BudgetOf(IConfiguration configuration) =>
        TimeSpan.FromSeconds(configuration.GetValue("Erasure:JobBudgetSeconds", DefaultBudgetSeconds));

    public async Task<System.IO.Stream> HandleAsync(System.IO.Stream input)
    {
        PendingErasuresResult result;
        try
        {
            using var span = Infrastructure.Telemetry.LifestyleTelemetry.Source.StartActivity("erasure-job");
            result = await pending.RunAsync(budget, CancellationToken.None);
        }
        finally
        {
            flush?.Invoke();
        }

        logger.LogInformation("Erasure job: {Pending} pending, {Done} done, {Left} left pending", result.Pending, result.Done, result.LeftPending);
        var output = new MemoryStream();
        await using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteNumber("pending", result.Pending);
            json.WriteNumber("done", result.Done);
            json.WriteNumber("leftPending", result.LeftPending);
            json.WriteEndObject();
        }

        output.Position = 0;
        return output;
    }
}
