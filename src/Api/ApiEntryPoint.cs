namespace Lifestyle.Api;

/// <summary>Names the API's assembly for WebApplicationFactory where another executable's Program is also loaded.</summary>
public sealed class ApiEntryPoint;
