using System.CommandLine;
using Lifestyle.Projections.Cli;

// dotnet run --project src/Projections -- <verb> …
var root = new RootCommand("Lifestyle projector: the local stream consumer and the read-model tooling.")
{
    ConsumeCommand.Create(),
    ReplayCommand.Create(),
    VerifyCommand.Create(),
    ReadModelCommands.Switch(),
    ReadModelCommands.Retire(),
    ReadModelCommands.Parked(),
};
return await root.Parse(args).InvokeAsync();
