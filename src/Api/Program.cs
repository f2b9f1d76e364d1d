using Lifestyle.Api;
using Lifestyle.Api.Auth;

if (args is ["dev-token", ..])
{
    return DevTokenCommand.Run(args[1..]);
}

var app = ApiHost.Build(args);
await app.RunAsync();
return 0;
