using Lifestyle.Stack.Tests.Fixtures;
using Lifestyle.TestSupport;
using Microsoft.Playwright;
using Xunit;

namespace Lifestyle.Dashboard.Tests;

/// <summary>
/// The whole stack with the API on a real loopback port, and Debian's headless Chromium driven by Playwright
/// (scripts/lib.sh ensure_chromium installs it; Playwright never downloads a browser here).
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public StackFixture Stack { get; } = new() { RealServer = true };

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>.tools/test-results/dashboard (git-ignored): screenshots of the runs.</summary>
    public static string ArtifactsDir { get; } = Path.Combine(RepoPaths.Root, ".tools", "test-results", "dashboard");

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("LIFESTYLE_CHROMIUM") is { Length: > 0 } path ? path : ChromiumPath;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium not found at {executable}: run ./test.sh (it installs Debian's chromium).");
        }

        Directory.CreateDirectory(ArtifactsDir);
        await Stack.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // Root in CI has no user namespace sandbox; /dev/shm may be small in containers.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await Stack.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
