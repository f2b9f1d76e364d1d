using System.Globalization;
using System.Text.Json;
using Lifestyle.Projections.Stream;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lifestyle.Projections.Jobs;

/// <summary>
/// The daily-close Lambda function, invoked by EventBridge Scheduler at 00:00 UTC (managed dotnet10 runtime, raw JSON
/// in and out, no Amazon.Lambda.* packages). Handler string:
/// <c>Lifestyle.Projections::Lifestyle.Projections.Jobs.DailyCloseEntryPoint::HandleAsync</c>.
/// The payload may be empty, the schedule's <c>{"job":"daily-close"}</c>, or name the day: <c>{"date":"yyyy-MM-dd"}</c>;
/// without a date it closes yesterday (UTC). Failures throw, so the scheduler retries; reruns are idempotent.
/// </summary>
public sealed class DailyCloseEntryPoint
{
    private readonly DailyCloseJob job;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Action? flush;

    /// <summary>What the Lambda runtime calls once per execution environment.</summary>
    public DailyCloseEntryPoint()
        : this(LambdaServices.Build())
    {
    }

    public DailyCloseEntryPoint(DailyCloseJob job, TimeProvider? time = null, ILogger? logger = null)
    {
        this.job = job;
        this.time = time ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
    }

    private DailyCloseEntryPoint(IServiceProvider services)
        : this(services.GetRequiredService<DailyCloseJob>(), services.GetService<TimeProvider>(), services.GetService<ILogger<DailyCloseEntryPoint>>())
    {
        flush = Infrastructure.Telemetry.TelemetryServices.Start(services);
    }

    public async Task<System.IO.Stream> HandleAsync(System.IO.Stream input)
    {
        var date = await DateOfAsync(input) ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1);
        DailyCloseResult result;
        try
        {
            using var span = Infrastructure.Telemetry.LifestyleTelemetry.Source.StartActivity("daily-close");
            result = await job.RunAsync(date, CancellationToken.None);
        }
        finally
        {
            flush?.Invoke();
        }

        logger.LogInformation("{Summary}", result.Summary());

        var output = new MemoryStream();
        await using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteString("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteNumber("goals", result.Goals);
            json.WriteNumber("broken", result.Broken);
            json.WriteNumber("atRisk", result.AtRisk);
            json.WriteNumber("summaries", result.Summaries);
            json.WriteNumber("alreadyRecorded", result.AlreadyRecorded);
            json.WriteNumber("leftPending", result.LeftPending);
            json.WriteNumber("insights", result.Insights);
            json.WriteEndObject();
        }

        output.Position = 0;
        return output;
    }

    /// <summary>The <c>date</c> of the payload, or null when it names none (empty, <c>null</c>, another object).</summary>
    public static async Task<DateOnly?> DateOfAsync(System.IO.Stream input)
    {
        using var reader = new StreamReader(input);
        var text = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        using var payload = JsonDocument.Parse(text);
        if (payload.RootElement.ValueKind != JsonValueKind.Object
            || !payload.RootElement.TryGetProperty("date", out var date) || date.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return DateOnly.TryParseExact(date.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new FormatException($"\"date\" must be yyyy-MM-dd, not {date}.");
    }
}
