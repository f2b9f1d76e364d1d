using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Lifestyle.Infrastructure.Dynamo;

public static class DynamoClientFactory
{
    /// <summary>
    /// Against a local endpoint, fixed dummy credentials: DynamoDB Local keeps one database per
    /// access key and region, so every process of the stack must present the same ones (letters and digits only, as DynamoDB Local 2.x requires).
    /// </summary>
    public static IAmazonDynamoDB Create(DynamoOptions options)
    {
        var config = new AmazonDynamoDBConfig
        {
            MaxErrorRetry = options.MaxErrorRetry,
            Timeout = TimeSpan.FromMilliseconds(options.TimeoutMs),
        };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
            return new AmazonDynamoDBClient(config);
        }

        config.ServiceURL = options.ServiceUrl;
        config.AuthenticationRegion = options.Region;
        return new AmazonDynamoDBClient(new BasicAWSCredentials("lifestylelocal", "lifestylelocal"), config);
    }
}
