#!/bin/sh
# Start-up script of the API Lambda function (handler "run.sh", see infra/api.tf; package.sh copies
# this file into api.zip as run.sh). The AWS Lambda Web Adapter layer (AWS_LAMBDA_EXEC_WRAPPER=
# /opt/bootstrap) runs it in place of the .NET runtime's own bootstrap, waits until
# GET /health/live answers on 127.0.0.1:8080 (ASPNETCORE_URLS), then forwards each API Gateway
# request to Kestrel. The managed dotnet10 runtime provides `dotnet` and the ASP.NET Core
# shared framework; the app is published framework-dependent for linux-x64.
set -e
cd "$(dirname "$0")" # content root: appsettings.json sits beside the assembly
exec dotnet Lifestyle.Api.dll
