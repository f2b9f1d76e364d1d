using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lifestyle.Api.Auth;
using Lifestyle.Stack.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Lifestyle.Dashboard.Tests;

/// <summary>In Production, <c>/</c> serves the page without the dev sign-in, and <c>POST /dev/token</c> is 404.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ProductionPageTests(DashboardFixture fixture)
{
    private const string SigningKey = "dashboard-tests-production-signing-key-0123456789";

    [Fact]
    public async Task Production_serves_the_page_without_dev_sign_in_and_takes_a_pasted_token()
    {
        await using var api = new WebApplicationFactory<Lifestyle.Api.ApiEntryPoint>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            foreach (var (key, value) in fixture.Stack.Settings)
            {
                b.UseSetting(key, value);
            }

            b.UseSetting("Auth:SigningKey", SigningKey);
        });
        var server = StackFixture.StartOnFreePort(api);
        using var http = new HttpClient { BaseAddress = server };

        using (var page = await http.GetAsync(new Uri("/", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            PageHeaders.AssertPresent(page);
        }

        using (var devModule = await http.GetAsync(new Uri("/dev/sign-in.js", UriKind.Relative)))
        {
            Assert.NotEqual(HttpStatusCode.OK, devModule.StatusCode);
        }

        using (var token = await http.PostAsJsonAsync("/dev/token", new { userId = "alice" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
            Assert.Equal("not-found", (string)(await token.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        }

        await using var ui = await DashboardPage.OpenAsync(fixture.Browser, server, 390, 844);
        await Expect(ui.Page.Locator("#idp-note")).ToBeVisibleAsync();
        await Expect(ui.Page.Locator("#dev-form")).ToHaveCountAsync(0);
        await Expect(ui.Page.GetByLabel("User name")).ToHaveCountAsync(0);
        await ui.ScreenshotAsync("production-sign-in.png");

        // A token from the identity provider (here one the configured key signs), pasted in.
        var userId = "prod-" + Guid.NewGuid().ToString("N")[..8];
        var options = new AuthOptions { SigningKey = SigningKey };
        await ui.Page.GetByLabel("Access token").FillAsync(DevTokens.Create(options, userId, TimeSpan.FromMinutes(10)));
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Use this token" }).ClickAsync();
        await Expect(ui.Page.Locator("#who-name")).ToHaveTextAsync(userId);
        await Expect(ui.Page.Locator("#no-goals")).ToBeVisibleAsync();
        await ui.ScreenshotAsync("production.png");
        Assert.Empty(ui.Problems);
    }
}
