using Platform.Names;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Errors;

namespace Platform.ServiceDefaults.Tests;

public sealed class ApiHelperTests
{
    [Theory]
    [InlineData("dup-2023-2025", true)]
    [InlineData("a", true)]
    [InlineData("", false)]
    [InlineData("Dup", false)]
    [InlineData("1-plan", false)]
    [InlineData("plan_1", false)]
    [InlineData("a-very-long-identifier-that-goes-well-beyond-sixty-three-characters", false)]
    public void Resource_ids_follow_the_aip_122_pattern(string id, bool valid) =>
        Assert.Equal(valid, ResourceIds.IsValid(id));

    [Fact]
    public void Parse_id_refuses_other_collections_and_bad_ids()
    {
        Assert.Equal("dup", ResourceNames.Parse<PlanName>("plans/dup").PlanId);
        foreach (var name in new[] { "", "budgets/dup", "plans/", "plans/Dup", "plans/a/b" })
        {
            var ex = Assert.Throws<RpcException>(() => ResourceNames.Parse<PlanName>(name));
            Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        }
    }

    [Fact]
    public void Validator_collects_every_violation_before_throwing()
    {
        var validator = new RequestValidator();
        validator.Text("", "title", 10);
        validator.Text(new string('x', 11), "summary", 10);
        validator.Range(3000, 1900, 2200, "year");
        Assert.True(validator.Text("ok", "other", 10));

        var ex = Assert.Throws<RpcException>(validator.ThrowIfInvalid);
        var fields = ex.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field);
        Assert.Equal(["title", "summary", "year"], fields);
    }

    [Fact]
    public void Page_tokens_round_trip_and_are_bound_to_their_query()
    {
        var fingerprint = Paging.Fingerprint("plans", "kind=DUP");
        var token = Paging.Encode("dup-2023", fingerprint);

        var validator = new RequestValidator();
        Assert.Equal("dup-2023", Paging.Decode(token, fingerprint, validator));
        Assert.True(validator.IsValid);

        Assert.Null(Paging.Decode(token, Paging.Fingerprint("plans", "kind=PEG"), validator));
        Assert.Null(Paging.Decode("%%%", fingerprint, validator));
        Assert.Equal(["page_token", "page_token"], validator.Violations.Select(v => v.Field));
    }

    [Fact]
    public void A_hand_made_token_with_a_non_numeric_id_is_invalid_argument_not_a_crash()
    {
        var fingerprint = AuditLogFingerprint();
        Assert.Equal(41, PageRequest.Read(10, Paging.Encode("41", fingerprint), fingerprint).AfterId);
        Assert.Equal(0, PageRequest.Read(10, "", fingerprint).AfterId);

        var forged = PageRequest.Read(10, Paging.Encode("41 OR 1=1", fingerprint), fingerprint);
        var ex = Assert.Throws<RpcException>(() => forged.AfterId);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }

    private static string AuditLogFingerprint() => Platform.ServiceDefaults.Data.AuditLog.ListFingerprint("plans/x");

    [Theory]
    [InlineData("1234.56", false, true, "1234.56")]
    [InlineData("", false, true, null)]
    [InlineData("-5.00", true, true, "-5.00")]
    [InlineData("-5.00", false, false, null)]
    [InlineData("1.005", false, false, null)]
    [InlineData("12a", false, false, null)]
    public void Money_has_two_places_and_a_sign_only_where_allowed(string text, bool allowNegative, bool ok, string? expected)
    {
        var validator = new RequestValidator();
        Assert.Equal(ok, Decimals.TryParseMoney(text, "amount", validator, required: false, allowNegative, out var value));
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(ok, validator.IsValid);
    }

    [Theory]
    [InlineData("12", 2, "12.00")]
    [InlineData("0.125", 2, "0.125")]
    [InlineData("73.4200", 0, "73.42")]
    public void Format_at_least_keeps_every_significant_place(string value, int places, string expected) =>
        Assert.Equal(expected, Decimals.FormatAtLeast(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), places));

    [Theory]
    [InlineData(0, 50)]
    [InlineData(10, 10)]
    [InlineData(10_000, 500)]
    public void Page_size_defaults_and_caps(int requested, int expected) =>
        Assert.Equal(expected, Paging.PageSize(requested, new RequestValidator()));

    [Fact]
    public void Page_keeps_the_extra_row_out_and_points_past_the_last_item()
    {
        var page = Page<string>.From(["a", "b", "c"], 2, s => s, "q");
        Assert.Equal(["a", "b"], page.Items);
        var validator = new RequestValidator();
        Assert.Equal("b", Paging.Decode(page.NextPageToken, "q", validator));
        Assert.Equal("", Page<string>.From(["a", "b"], 2, s => s, "q").NextPageToken);
    }

    private static readonly IReadOnlySet<string> Updatable = new HashSet<string> { "title", "description" };

    [Fact]
    public void Update_mask_resolves_star_absent_and_explicit_paths()
    {
        var validator = new RequestValidator();
        Assert.Equal(Updatable, UpdateMasks.Resolve(new FieldMask { Paths = { "*" } }, Updatable, _ => false, validator));
        Assert.Equal(["title"], UpdateMasks.Resolve(null, Updatable, p => p == "title", validator));
        Assert.Equal(["description"], UpdateMasks.Resolve(new FieldMask { Paths = { "description" } }, Updatable, _ => true, validator));
        Assert.True(validator.IsValid);

        UpdateMasks.Resolve(new FieldMask { Paths = { "title", "etag" } }, Updatable, _ => true, validator);
        Assert.Equal(["update_mask"], validator.Violations.Select(v => v.Field));
    }

    [Theory]
    [InlineData("endYear", "end_year")]
    [InlineData("end_year", "end_year")]
    [InlineData("pnrrMeasure", "pnrr_measure")]
    [InlineData("title", "title")]
    public void Json_mask_paths_read_as_proto_field_names(string path, string expected) =>
        Assert.Equal(expected, UpdateMasks.ProtoName(path));

    [Fact]
    public void Etag_check_accepts_current_or_empty_and_aborts_otherwise()
    {
        Etags.Check("", 3, "plans/x");
        Etags.Check(Etags.Format(3), 3, "plans/x");
        var ex = Assert.Throws<RpcException>(() => Etags.Check(Etags.Format(2), 3, "plans/x"));
        Assert.Equal(StatusCode.Aborted, ex.StatusCode);
    }

    [Theory]
    [InlineData(StatusCode.InvalidArgument, 400)]
    [InlineData(StatusCode.NotFound, 404)]
    [InlineData(StatusCode.AlreadyExists, 409)]
    [InlineData(StatusCode.Aborted, 409)]
    [InlineData(StatusCode.PermissionDenied, 403)]
    [InlineData(StatusCode.Unauthenticated, 401)]
    [InlineData(StatusCode.ResourceExhausted, 429)]
    [InlineData(StatusCode.Unavailable, 503)]
    [InlineData(StatusCode.Internal, 500)]
    public void Grpc_codes_map_to_http_statuses_as_google_apis_do(StatusCode code, int http) =>
        Assert.Equal(http, StatusJson.HttpStatusFor(code));
}
