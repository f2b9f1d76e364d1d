using System.Diagnostics;

namespace Lifestyle.Api.Tests.Fixtures;

/// <summary>The OpenAPI linter <c>@redocly/cli</c> (npm, installed into .tools/redocly by ./test.sh: scripts/lib.sh ensure_redocly).</summary>
public static class RedoclyCli
{
    /// <summary>.tools/redocly/node_modules/.bin/redocly, or LIFESTYLE_REDOCLY_BIN.</summary>
    public static string Binary =>
        Environment.GetEnvironmentVariable("LIFESTYLE_REDOCLY_BIN") is { Length: > 0 } bin
            ? bin
            : Path.Combine(RepoPaths.Root, ".tools", "redocly", "node_modules", ".bin", "redocly");

    /// <summary><c>redocly lint FILE --format=json</c> with the repository's redocly.yaml; returns its JSON report.</summary>
    public static async Task<string> LintAsync(string file)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException(
                $"redocly not found at {Binary}: run ./test.sh (it installs it), or: source scripts/lib.sh && ensure_redocly");
        }

        var info = new ProcessStartInfo(Binary)
        {
            WorkingDirectory = Path.GetDirectoryName(file)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "lint", file, "--format=json", "--config", Path.Combine(RepoPaths.Root, "redocly.yaml") })
        {
            info.ArgumentList.Add(arg);
        }

        // No usage data sent and no update check: the lint must not depend on the network.
        info.Environment["REDOCLY_TELEMETRY"] = "off";
        info.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {Binary}.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("redocly lint took over 2 minutes.");
        }

        var report = await stdout;
        return report.TrimStart().StartsWith('{')
            ? report
            : throw new InvalidOperationException($"redocly lint exited {process.ExitCode} without a report:\n{report}\n{await stderr}");
    }
}
