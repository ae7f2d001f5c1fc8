using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Finance.V1;
using Platform.Indicators.V1;
using Platform.Objectives.V1;
using Platform.ServiceDefaults.Security;
using Xunit.Abstractions;

namespace Hardening.Tests;

/// <summary>Concurrent updates: with one etag exactly one wins; without an etag none is refused.</summary>
[Collection(SystemCollection.Name)]
public sealed class RaceTests(SystemFixture system, ITestOutputHelper output)
{
    private const int Writers = 12;

    public static TheoryData<string> Updates => new() { "UpdatePlan", "UpdateObjective", "UpdateIndicator", "UpdateInvestment" };

    [Theory]
    [MemberData(nameof(Updates))]
    public async Task Same_etag_has_exactly_one_winner_and_no_etag_is_never_refused(string update)
    {
        var rpc = RpcCatalog.All.Single(r => r.Name == update);
        var owner = system.Platform.GrpcAs("races", "racer", Roles.Admin);
        var resources = await RealResources.CreateAsync(owner, "rc" + Guid.NewGuid().ToString("N")[..6]);
        var filler = new RequestFiller(resources);
        var token = system.Token("races", "racer", Roles.Admin);

        var withEtag = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i =>
            system.Caller.GrpcAsync(rpc, "same-etag", Titled(filler.Fill(rpc, out _), $"etag {i}", keepEtag: true), token)));
        var withoutEtag = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i =>
            system.Caller.GrpcAsync(rpc, "no-etag", Titled(filler.Fill(rpc, out _), $"free {i}", keepEtag: false), token)));

        var text = Report.Summarize($"Races {update}", 2 * Writers, new Dictionary<string, IReadOnlyList<Outcome>>
        {
            ["same etag: winners"] = withEtag.Where(o => o.Succeeded).ToList(),
            ["same etag: neither winner nor ABORTED"] = withEtag.Where(o => !o.Succeeded && o.GrpcStatus != StatusCode.Aborted).ToList(),
            ["no etag: refused"] = withoutEtag.Where(o => !o.Succeeded).ToList(),
        });
        output.WriteLine(text);
        Assert.True(withEtag.Count(o => o.Succeeded) == 1 && withEtag.All(o => o.Succeeded || o.GrpcStatus == StatusCode.Aborted), text);
        Assert.True(withoutEtag.All(o => o.Succeeded), text);
    }

    /// <summary>The filled update with a distinct value in its masked field, with or without the resource's etag.</summary>
    private static IMessage Titled(IMessage request, string value, bool keepEtag)
    {
        var resourceField = request.Descriptor.Fields.InFieldNumberOrder().First(f => f.FieldType == Google.Protobuf.Reflection.FieldType.Message && f.Name != "update_mask");
        var resource = (IMessage)resourceField.Accessor.GetValue(request);
        var mask = (FieldMask)request.Descriptor.FindFieldByName("update_mask").Accessor.GetValue(request);
        resource.Descriptor.FindFieldByName(mask.Paths[0]).Accessor.SetValue(resource, value);
        if (!keepEtag) resource.Descriptor.FindFieldByName("etag").Accessor.SetValue(resource, "");
        return request;
    }
}
