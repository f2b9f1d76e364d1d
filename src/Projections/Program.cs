using System.CommandLine;
using Lifestyle.Projections.Cli;

// dotnet run --project src/Projections -- <verb> …
var root = new RootCommand("Lifestyle projector: the local stream consumer and the read-model tooling.")
{
    ConsumeCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
