using System.CommandLine;
using System.Globalization;
using Lifestyle.Projections.Jobs;
using Lifestyle.Projections.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Cli;

/// <summary>
/// <c>daily-close [--date yyyy-MM-dd]</c>: closes a UTC day (default yesterday) — streaks broken and at risk, weekly
/// summaries when a Sunday closes — as the scheduled Lambda does in AWS. Needs Sns__ServiceUrl (local) or Sns__TopicArn.
/// </summary>
public static class DailyCloseCommand
{
    public static Command Create()
    {
        var date = new Option<string?>("--date") { Description = "The UTC day to close, yyyy-MM-dd (default: yesterday, UTC)." };
        var command = new Command("daily-close", "Record and send streaks broken / at risk and weekly summaries for a day (idempotent per date).")
        {
            date,
        };
        command.SetAction((parse, ct) => ToolHost.RunAsync(sp => RunAsync(sp, parse.GetValue(date), ct), ct));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider sp, string? dateText, CancellationToken ct)
    {
        var date = dateText is null
            ? DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).AddDays(-1)
            : DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw new ArgumentException($"--date must be yyyy-MM-dd, not '{dateText}'.");
        if (!sp.GetRequiredService<IOptions<SnsOptions>>().Value.IsEnabled)
        {
            throw new ArgumentException("notifications are off: set Sns__ServiceUrl (e.g. http://127.0.0.1:4566) or Sns__TopicArn.");
        }

        var result = await sp.GetRequiredService<DailyCloseJob>().RunAsync(date, ct);
        Console.WriteLine(result.Summary());
        return 0;
    }
}
