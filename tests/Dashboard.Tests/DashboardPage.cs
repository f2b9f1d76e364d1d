using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lifestyle.Dashboard.Tests;

/// <summary>The dashboard in one browser context, driven as a person would (keyboard where it matters).</summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext context;

    private DashboardPage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Script errors, dialogs (an executed <c>alert</c>) and Content-Security-Policy violations.</summary>
    public List<string> Problems { get; } = [];

    public ILocator Cards => Page.Locator("#goals > li.goal");

    public static async Task<DashboardPage> OpenAsync(IBrowser browser, Uri server, int width = 1280, int height = 900)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = "Europe/Berlin",
            Locale = "en-US",
        });
        var ui = new DashboardPage(context, await context.NewPageAsync());
        ui.Page.PageError += (_, e) => ui.Problems.Add("page error: " + e);
        ui.Page.Console += (_, m) =>
        {
            if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                ui.Problems.Add("console: " + m.Text);
            }
        };
        ui.Page.Dialog += async (_, d) =>
        {
            ui.Problems.Add("dialog: " + d.Message);
            await d.DismissAsync();
        };
        await ui.Page.GotoAsync("/");
        return ui;
    }

    public ILocator Card(string title) =>
        Cards.Filter(new LocatorFilterOptions { Has = Page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true }) });

    /// <summary>Signs in with the keyboard: the user name field has focus on the sign-in screen.</summary>
    public async Task SignInAsync(string userId)
    {
        var field = Page.GetByLabel("User name");
        await Expect(field).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(userId);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#who-name")).ToHaveTextAsync(userId);
    }

    public async Task SignOutAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Page.Locator("#sign-in")).ToBeVisibleAsync();
    }

    /// <summary>Logs through the card's form (Enter in the amount field) and waits for the card's new progress.</summary>
    public async Task LogAsync(ILocator card, decimal value, string progress, string? note = null)
    {
        var amount = card.GetByLabel("Amount", new() { Exact = false });
        await amount.FillAsync(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (note is not null)
        {
            await card.GetByLabel("Note (optional)").FillAsync(note);
        }

        await amount.PressAsync("Enter");
        await Expect(card.Locator(".progress-text")).ToHaveTextAsync(progress);
        await Expect(card.Locator(".card-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Logged "));
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardFixture.ArtifactsDir, name), FullPage = true });

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
