namespace Lifestyle.Projections.Tests.Fixtures;

/// <summary>
/// The DynamoDB Streams event of the AWS Lambda developer guide ("Example DynamoDB Streams record event":
/// INSERT 111, MODIFY 222, REMOVE 333 with eventSourceARN), with our keys and a nested NewImage.
/// </summary>
public static class SampleEvents
{
    public const string StreamArn = "arn:aws:dynamodb:us-east-1:123456789012:table/lifestyle/stream/2024-06-10T19:26:16.525";

    public const string ThreeRecords = """
    {
      "Records": [
        {
          "eventID": "1",
          "eventVersion": "1.0",
          "dynamodb": {
            "ApproximateCreationDateTime": 1717990000.0,
            "Keys": { "PK": { "S": "USER#alice" }, "SK": { "S": "ACTIVITY#g1#2024-06-10T19:26:16.5250000Z" } },
            "NewImage": {
              "PK": { "S": "USER#alice" },
              "SK": { "S": "ACTIVITY#g1#2024-06-10T19:26:16.5250000Z" },
              "eventType": { "S": "goal.activity-logged.v1" },
              "version": { "N": "2" },
              "data": { "M": {
                "value": { "N": "2.50" },
                "tags": { "L": [ { "S": "morning" }, { "N": "7" }, { "M": { "deep": { "BOOL": true } } } ] },
                "note": { "NULL": true }
              } }
            },
            "StreamViewType": "NEW_AND_OLD_IMAGES",
            "SequenceNumber": "111",
            "SizeBytes": 26
          },
          "awsRegion": "us-east-1",
          "eventName": "INSERT",
          "eventSourceARN": "arn:aws:dynamodb:us-east-1:123456789012:table/lifestyle/stream/2024-06-10T19:26:16.525",
          "eventSource": "aws:dynamodb"
        },
        {
          "eventID": "2",
          "eventVersion": "1.0",
          "dynamodb": {
            "OldImage": { "PK": { "S": "USER#alice" }, "SK": { "S": "GOAL#g1" }, "version": { "N": "1" } },
            "SequenceNumber": "222",
            "Keys": { "PK": { "S": "USER#alice" }, "SK": { "S": "GOAL#g1" } },
            "SizeBytes": 59,
            "NewImage": {
              "PK": { "S": "USER#alice" },
              "SK": { "S": "GOAL#g1" },
              "version": { "N": "2" },
              "flags": { "SS": [ "a", "b" ] },
              "sizes": { "NS": [ "1", "2.5" ] },
              "blob": { "B": "AQID" },
              "blobs": { "BS": [ "AQ==", "Ag==" ] }
            },
            "StreamViewType": "NEW_AND_OLD_IMAGES"
          },
          "awsRegion": "us-east-1",
          "eventName": "MODIFY",
          "eventSourceARN": "arn:aws:dynamodb:us-east-1:123456789012:table/lifestyle/stream/2024-06-10T19:26:16.525",
          "eventSource": "aws:dynamodb"
        },
        {
          "eventID": "3",
          "eventVersion": "1.0",
          "dynamodb": {
            "Keys": { "PK": { "S": "USER#alice" }, "SK": { "S": "IDEMPOTENCY#k1" } },
            "SizeBytes": 38,
            "SequenceNumber": "333",
            "OldImage": { "PK": { "S": "USER#alice" }, "SK": { "S": "IDEMPOTENCY#k1" } },
            "StreamViewType": "NEW_AND_OLD_IMAGES"
          },
          "awsRegion": "us-east-1",
          "eventName": "REMOVE",
          "eventSourceARN": "arn:aws:dynamodb:us-east-1:123456789012:table/lifestyle/stream/2024-06-10T19:26:16.525",
          "eventSource": "aws:dynamodb"
        }
      ]
    }
    """;

    /// <summary>A minimal event of records with the given sequence numbers (keys PK=USER#u, SK=GOAL#g{n}).</summary>
    public static string WithSequences(params string[] sequences) =>
        "{\"Records\":[" + string.Join(",", sequences.Select(Record)) + "]}";

    public static string Record(string sequence) => $$$"""
        {"eventID":"e{{{sequence}}}","eventName":"MODIFY","eventVersion":"1.1","eventSource":"aws:dynamodb","awsRegion":"us-east-1",
         "dynamodb":{"Keys":{"PK":{"S":"USER#u"},"SK":{"S":"GOAL#g{{{sequence}}}"}},"NewImage":{"PK":{"S":"USER#u"},"SK":{"S":"GOAL#g{{{sequence}}}"}},
                     "SequenceNumber":"{{{sequence}}}","SizeBytes":10,"StreamViewType":"NEW_AND_OLD_IMAGES"},
         "eventSourceARN":"{{{StreamArn}}}"}
        """;
}
