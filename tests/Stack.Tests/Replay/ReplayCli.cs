using System.CommandLine;
using Lifestyle.Projections.Cli;
using Lifestyle.Stack.Tests.Fixtures;

namespace Lifestyle.Stack.Tests;

/// <summary>What one verb printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> OutputLines =>
        Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}--- stderr\n{Error}";
}

/// <summary>
/// Runs the operator verbs in-process, as <c>dotnet run --project src/Projections/Host -- …</c> would:
/// the same commands under a root command, configured through the environment variables of docs/product-rules.md §8
/// (the tool's host reads them), with stdout and stderr captured. One verb at a time per process.
/// </summary>
public static class ReplayCli
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static Task<CliRun> RunCliAsync(this StackFixture stack, params string[] args) =>
        stack.RunCliWithAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs a verb with some environment variables overridden (restored afterwards).</summary>
    public static async Task<CliRun> RunCliWithAsync(this StackFixture stack, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var settings = stack.Settings;
        var variables = new Dictionary<string, string?>
        {
            ["DynamoDb__ServiceUrl"] = settings["DynamoDb:ServiceUrl"],
            ["DynamoDb__TableName"] = settings["DynamoDb:TableName"],
            ["Redis__Configuration"] = settings["Redis:Configuration"],
            ["ReadModels__RefreshSeconds"] = settings["ReadModels:RefreshSeconds"],
        };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        await OneAtATime.WaitAsync();
        var saved = variables.Keys.ToDictionary(name => name, Environment.GetEnvironmentVariable);
        var (stdout, stderr) = (Console.Out, Console.Error);
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            Console.SetOut(output);
            Console.SetError(error);
            var code = await ToolCli.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error });
            return new CliRun(code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            OneAtATime.Release();
        }
    }
}
