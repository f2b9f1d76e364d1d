namespace Lifestyle.Api.Tests.Fixtures;

/// <summary>Request bodies the tests reuse.</summary>
public static class Goals
{
    public static object Daily(decimal target = 8, string timezone = "UTC") =>
        new { title = "Drink water", pattern = "daily", target, unit = "glasses", timezone };

    public static object Total(decimal target) => new { title = "Read pages", pattern = "total", target, unit = "pages" };

    public static object Limit(decimal target) => new { title = "Coffee", pattern = "limit", target, unit = "cups" };
}
