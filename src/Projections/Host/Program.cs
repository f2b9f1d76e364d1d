using Lifestyle.Projections.Cli;

// dotnet run --project src/Projections/Host -- <verb> …
return await ToolCli.InvokeAsync(args);
