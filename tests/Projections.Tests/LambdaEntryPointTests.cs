using System.Text;
using System.Text.Json;
using Lifestyle.Projections.Stream;
using Lifestyle.Projections.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Projections.Tests;

public sealed class LambdaEntryPointTests
{
    [Fact]
    public async Task A_failure_at_the_second_record_is_reported_as_exactly_that_item()
    {
        var handler = new FailingAtHandler("222");

        var response = await InvokeAsync(new LambdaEntryPoint(handler), SampleEvents.ThreeRecords);

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"222"}]}""", response);
        Assert.Equal(["111", "222", "333"], Assert.Single(handler.Batches).Select(r => r.SequenceNumber));
    }

    [Fact]
    public async Task When_all_succeed_the_failure_list_is_empty()
    {
        var response = await InvokeAsync(new LambdaEntryPoint(new FailingAtHandler()), SampleEvents.ThreeRecords);

        Assert.Equal("""{"batchItemFailures":[]}""", response);
    }

    [Fact]
    public async Task An_unreadable_record_is_the_failure_after_the_readable_ones_are_handled()
    {
        var broken = SampleEvents.Record("300").Replace("\"Keys\":{", "\"Keys\":{\"bad\":{\"N\":3},", StringComparison.Ordinal);
        var json = "{\"Records\":[" + SampleEvents.Record("100") + "," + SampleEvents.Record("200") + "," + broken + "]}";
        var handler = new FailingAtHandler();

        var response = await InvokeAsync(new LambdaEntryPoint(handler), json);

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"300"}]}""", response);
        Assert.Equal(["100", "200"], Assert.Single(handler.Batches).Select(r => r.SequenceNumber));
    }

    [Fact]
    public async Task A_handler_failure_before_an_unreadable_record_wins()
    {
        var json = "{\"Records\":[" + SampleEvents.Record("100") + "," + SampleEvents.Record("200") + ",{\"dynamodb\":{\"SequenceNumber\":\"300\"}}]}";

        var response = await InvokeAsync(new LambdaEntryPoint(new FailingAtHandler("200")), json);

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"200"}]}""", response);
    }

    [Fact]
    public async Task An_empty_event_calls_nothing_and_reports_no_failure()
    {
        var handler = new FailingAtHandler();

        var response = await InvokeAsync(new LambdaEntryPoint(handler), """{"Records":[]}""");

        Assert.Equal("""{"batchItemFailures":[]}""", response);
        Assert.Empty(handler.Batches);
    }

    [Fact]
    public async Task An_event_that_is_not_json_fails_the_whole_invocation() =>
        await Assert.ThrowsAnyAsync<JsonException>(() => InvokeAsync(new LambdaEntryPoint(new FailingAtHandler()), "{not json"));

    [Fact]
    public async Task The_parameterless_constructor_uses_the_handler_factory_hook()
    {
        var handler = new FailingAtHandler("111");
        LambdaEntryPoint.HandlerFactory = () => handler;
        try
        {
            var response = await InvokeAsync(new LambdaEntryPoint(), SampleEvents.ThreeRecords);

            Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"111"}]}""", response);
        }
        finally
        {
            LambdaEntryPoint.HandlerFactory = null;
        }
    }

    [Fact]
    public void The_handler_method_is_the_one_the_documented_handler_string_names()
    {
        var type = typeof(LambdaEntryPoint);
        var method = Assert.Single(type.GetMethods(), m => m.Name == "HandleAsync");

        Assert.Equal("Lifestyle.Projections", type.Assembly.GetName().Name);
        Assert.Equal("Lifestyle.Projections.Stream.LambdaEntryPoint", type.FullName);
        Assert.Equal(typeof(Task<System.IO.Stream>), method.ReturnType);
        Assert.Equal(typeof(System.IO.Stream), Assert.Single(method.GetParameters()).ParameterType);
        Assert.NotNull(type.GetConstructor(Type.EmptyTypes));
    }

    private static async Task<string> InvokeAsync(LambdaEntryPoint entryPoint, string json)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(json));
        await using var output = await entryPoint.HandleAsync(input);
        using var reader = new StreamReader(output, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
