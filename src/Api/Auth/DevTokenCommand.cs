namespace Lifestyle.Api.Auth;

/// <summary><c>dotnet run --project src/Api -- dev-token [userId] [hours]</c>: prints a token for local use.</summary>
public static class DevTokenCommand
{
    public static int Run(string[] args)
    {
        var userId = args.Length > 0 ? args[0] : "dev-user";
        var hours = args.Length > 1 && int.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var h) ? h : 12;
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.Development.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        Console.WriteLine(DevTokens.Create(options, userId, TimeSpan.FromHours(hours)));
        return 0;
    }
}
