using System.CommandLine;

namespace Lifestyle.Projections.Cli;

/// <summary>
/// The <c>dotnet run --project src/Projections/Host -- &lt;verb&gt;</c> command line. Exit codes: 0 done,
/// 1 differences found (verify), 2 bad usage or an environment problem.
/// </summary>
public static class ToolCli
{
    public static RootCommand Create() => new("Lifestyle projector: the local stream consumer and the read-model tooling.")
    {
        ToolConfiguration.AwsOption,
        ConsumeCommand.Create(),
        ReplayCommand.Create(),
        VerifyCommand.Create(),
        ReadModelCommands.Switch(),
        ReadModelCommands.Retire(),
        ReadModelCommands.Parked(),
        DailyCloseCommand.Create(),
    };

    public static async Task<int> InvokeAsync(string[] args, InvocationConfiguration? configuration = null)
    {
        configuration ??= new InvocationConfiguration();
        var parse = Create().Parse(args);
        if (parse.Errors.Count == 0)
        {
            ToolConfiguration.Aws = parse.GetValue(ToolConfiguration.AwsOption);
            ToolHost.Verb = parse.CommandResult.Command.Name;
            return await parse.InvokeAsync(configuration);
        }

        foreach (var error in parse.Errors)
        {
            await configuration.Error.WriteLineAsync($"error: {error.Message}");
        }

        await configuration.Error.WriteLineAsync("See --help.");
        return 2;
    }
}
