namespace Lifestyle.Api.Dashboard;

/// <summary>
/// The reference dashboard (docs/product-rules.md §10): the static files under wwwroot at <c>/</c>, anonymous and under a
/// Content-Security-Policy without inline script, and <c>POST /dev/token</c> in Development.
/// </summary>
public static class DashboardSetup
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Call before authentication: the page and its files need no token.</summary>
    public static WebApplication UseDashboard(this WebApplication app)
    {
        var development = app.Environment.IsDevelopment();
        var files = new StaticFileOptions
        {
            OnPrepareResponse = r => AddPageHeaders(r.Context.Response.Headers),
        };

        // wwwroot/dev holds the development sign-in; outside Development it is never served.
        app.UseWhen(ctx => development || !ctx.Request.Path.StartsWithSegments("/dev"), page =>
        {
            page.UseDefaultFiles();
            page.UseStaticFiles(files);
        });
        app.MapDevToken(development);
        return app;
    }

    private static void AddPageHeaders(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
    }
}
