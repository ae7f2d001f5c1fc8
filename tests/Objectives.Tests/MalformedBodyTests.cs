using System.Text;

namespace Objectives.Tests;

/// <summary>Any body a client can send is answered with a client error, never a 500 (found by the fuzz suite).</summary>
public sealed class MalformedBodyTests(ServiceFactory<ObjectivesGrpcService> factory)
    : ObjectivesTest(factory), IClassFixture<ServiceFactory<ObjectivesGrpcService>>
{
    public static TheoryData<string> Bodies() => new()
    {
        """{"title":"a","title":"b","kind":"DUP","startYear":2023,"endYear":2025}""",
        """{"title":"T","kind":"DUP","startYear":1e400,"endYear":2025}""",
        """{"title":"T","kind":"DUP","startYear":99999999999999999999,"endYear":2025}""",
        """{"title":"T","kind":"DUP","startYear":2023,"endYear":2025,"levels":[[[[["x"]]]]]}""",
        "{\"title\":\"\\ud800\",\"kind\":\"DUP\",\"startYear\":2023,\"endYear\":2025}",
        """{"title":null,"kind":null,"startYear":null,"levels":[null]}""",
        """{"title":"T","levels":{"a":1}}""",
        """{"title":{"nested":{"deep":[1,2,{"x":"y"}]}}}""",
        """{"freeChildCodes":"yes"}""",
        """{"kind":7}""",
        """{"kind":-1}""",
        """{"startYear":2023.5}""",
        """{"startYear":"0x10"}""",
        """{"description":123456789012345678901234567890}""",
        """{"description":-0.0000000000000000000000000001e-400}""",
        "\"just a string\"",
        "null",
        "[]",
        "{}{}",
        "{\"title\":\"T\"} trailing",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_malformed_body_is_a_400(string body)
    {
        var response = await Rest("malformed-bodies").PostAsync("/v1/plans?plan_id=fuzz", new StringContent(body, Encoding.UTF8, "application/json"), Cancellation);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.OK,
            $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancellation)}");
        if (response.StatusCode == HttpStatusCode.OK) await Rest("malformed-bodies").DeleteAsync("/v1/plans/fuzz?force=true", Cancellation);
    }

    [Fact]
    public async Task Invalid_utf8_is_a_400()
    {
        var bytes = new ByteArrayContent([0x7b, 0x22, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
        bytes.Headers.ContentType = new("application/json");

        var response = await Rest("malformed-bodies").PostAsync("/v1/plans?plan_id=utf", bytes, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
