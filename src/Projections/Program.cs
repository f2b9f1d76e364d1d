using Lifestyle.Projections.Cli;

// dotnet run --project src/Projections -- <verb> …
return await ToolCli.InvokeAsync(args);
