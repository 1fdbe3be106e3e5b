using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests;

public sealed class AdsTests : SandboxTest
{
    public AdsTests(SandboxFixture fixture) : base(fixture)
    {
    }

    [Theory]
    [InlineData("ad-granted-1", "granted", true, false)]
    [InlineData("ad-revoked-1", "revoked", true, true)]
    [InlineData("ad-failed-1", "failed", false, false)]
    [InlineData("ad-pending-1", null, false, false)]
    public async Task Seeded_ads_report_their_mediator_status(string adId, string? status, bool granted, bool revoked)
    {
        var response = await GetAsync($"v2/ads_network/status/{adId}");

        AssertStatus(HttpStatusCode.OK, response);
        var ad = response.Json;
        Assert.Equal(adId, ad.GetProperty("identifier").GetString());
        Assert.Equal(status, ad.GetProperty("mediator_ack_status").GetString());
        Assert.Equal(granted, ad.GetProperty("mediator_granted_at").ValueKind == JsonValueKind.String);
        Assert.Equal(revoked, ad.GetProperty("mediator_revoked_at").ValueKind == JsonValueKind.String);
        Assert.Equal(4, ad.EnumerateObject().Count());
    }

    [Fact]
    public async Task An_unknown_ad_is_404_ad_not_found()
    {
        AssertError(HttpStatusCode.NotFound, "ad_not_found", await GetAsync("v2/ads_network/status/ad-nope"));
    }
}
