using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests;

/// <summary>/sandbox/stats (how tests prove -WhatIf and retries) and /sandbox/config.</summary>
public sealed class StatsAndConfigTests : SandboxTest
{
    public StatsAndConfigTests(SandboxFixture fixture) : base(fixture)
    {
    }

    [Fact]
    public async Task Requests_are_counted_by_route_template_including_failures()
    {
        var seeded = await AllPaymentsAsync();
        await GetAsync($"v2/payments/{Id(seeded[0])}");
        await GetAsync($"v2/payments/{Id(seeded[1])}");
        await GetAsync("v2/payments/unknown-id");
        await PostAsync($"v2/payments/{Id(seeded[0])}/approve");
        await PostAsync($"v2/payments/{Id(seeded[0])}/approve", authorization: "Key wrong");
        await GetAsync("v2/me", "Bearer sandbox-token-alice");
        await GetAsync("v2/payments/incomplete_server_payments");

        var requests = (await StatsAsync()).GetProperty("requests");

        Assert.Equal(7, requests.GetProperty("total").GetInt64());
        var byRoute = requests.GetProperty("by_route");
        Assert.Equal(3, byRoute.GetProperty("GET /v2/payments/{id}").GetInt64());
        Assert.Equal(2, byRoute.GetProperty("POST /v2/payments/{id}/approve").GetInt64());
        Assert.Equal(1, byRoute.GetProperty("GET /v2/me").GetInt64());
        Assert.Equal(1, byRoute.GetProperty("GET /v2/payments/incomplete_server_payments").GetInt64());
        Assert.Equal(4, byRoute.EnumerateObject().Count());
    }

    [Fact]
    public async Task Sandbox_requests_are_not_counted()
    {
        await GetAsync("sandbox/users", null);
        await CreateUserToAppAsync();

        var requests = (await StatsAsync()).GetProperty("requests");

        Assert.Equal(0, requests.GetProperty("total").GetInt64());
        Assert.Empty(requests.GetProperty("by_route").EnumerateObject());
    }

    [Fact]
    public async Task Changes_count_real_state_changes_only()
    {
        var (id, txid) = await CreateWithTransactionAsync(verified: true);
        await PostAsync($"v2/payments/{id}/approve"); // already approved: no change
        await PostAsync($"v2/payments/{id}/complete", $$"""{"txid":"{{txid}}"}""");
        await PostAsync($"v2/payments/{id}/complete", $$"""{"txid":"{{txid}}"}"""); // already completed
        await PostAsync($"v2/payments/{id}/cancel"); // refused
        await PostAsync($"sandbox/payments/{id}/verify", null, null); // already verified

        var changes = (await StatsAsync()).GetProperty("changes");

        var mine = changes.GetProperty("by_payment").GetProperty(id);
        Assert.Equal("""{"approve":1,"complete":1,"cancel":0,"user_cancel":0,"transaction":1,"verify":0,"create":1}""", mine.GetRawText());
        Assert.Equal(4, changes.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Every_payment_is_listed_in_changes_even_untouched()
    {
        var seeded = await AllPaymentsAsync();
        var byPayment = (await StatsAsync()).GetProperty("changes").GetProperty("by_payment");

        Assert.Equal(seeded.Select(Id).OrderBy(x => x, System.StringComparer.Ordinal),
            byPayment.EnumerateObject().Select(p => p.Name).OrderBy(x => x, System.StringComparer.Ordinal));
        Assert.All(byPayment.EnumerateObject(), p => Assert.All(p.Value.EnumerateObject(), c => Assert.Equal(0, c.Value.GetInt32())));
    }

    [Fact]
    public async Task Reset_clears_the_stats()
    {
        await PostAsync($"v2/payments/{Id((await AllPaymentsAsync())[0])}/approve");
        Assert.Equal(1, (await StatsAsync()).GetProperty("changes").GetProperty("total").GetInt64());

        await PostAsync("sandbox/reset", null, null);

        var stats = await StatsAsync();
        Assert.Equal(0, stats.GetProperty("requests").GetProperty("total").GetInt64());
        Assert.Equal(0, stats.GetProperty("changes").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Config_has_defaults_updates_given_keys_and_is_cleared_by_reset()
    {
        Assert.Equal("""{"repeat_approve":"error","notification_quota":48,"latency_ms":0,"latency_jitter_ms":0}""", (await GetAsync("sandbox/config", null)).Text);

        var updated = await PostAsync("sandbox/config", """{"repeat_approve":"ok","unknown":1}""", null);

        AssertStatus(HttpStatusCode.OK, updated);
        Assert.Equal("""{"repeat_approve":"ok","notification_quota":48,"latency_ms":0,"latency_jitter_ms":0}""", updated.Text);
        Assert.Equal(updated.Text, (await GetAsync("sandbox/config", null)).Text);
        await PostAsync("sandbox/reset", null, null);
        Assert.Equal("error", (await GetAsync("sandbox/config", null)).Json.GetProperty("repeat_approve").GetString());
    }

    [Theory]
    [InlineData("""{"repeat_approve":"maybe"}""")]
    [InlineData("""{"repeat_approve":true}""")]
    [InlineData("""{"notification_quota":-1}""")]
    [InlineData("""{"notification_quota":"lots"}""")]
    [InlineData("""{"latency_ms":-1}""")]
    [InlineData("""{"latency_ms":60001}""")]
    [InlineData("""{"latency_jitter_ms":"slow"}""")]
    [InlineData("[]")]
    public async Task Config_rejects_bad_values(string body)
    {
        AssertError(HttpStatusCode.BadRequest, "invalid_arguments", await PostAsync("sandbox/config", body, null));
        Assert.Equal("""{"repeat_approve":"error","notification_quota":48,"latency_ms":0,"latency_jitter_ms":0}""", (await GetAsync("sandbox/config", null)).Text);
    }
}
