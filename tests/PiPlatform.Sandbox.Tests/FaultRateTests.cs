using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests;

/// <summary>Faults that hit a share of requests: drawn per request, reproducible with a seed, capped by a count.</summary>
public sealed class FaultRateTests : SandboxTest
{
    private const string Incomplete = "v2/payments/incomplete_server_payments";

    public FaultRateTests(SandboxFixture fixture) : base(fixture)
    {
    }

    /// <summary>Sends <paramref name="requests"/> GETs one after another and returns each answer's status.</summary>
    private async Task<List<HttpStatusCode>> StatusesAsync(int requests)
    {
        var statuses = new List<HttpStatusCode>(requests);
        for (int i = 0; i < requests; i++)
        {
            statuses.Add((await GetAsync(Incomplete)).Status);
        }

        return statuses;
    }

    private static List<int> Indexes(List<HttpStatusCode> statuses, HttpStatusCode status) =>
        Enumerable.Range(0, statuses.Count).Where(i => statuses[i] == status).ToList();

    [Fact]
    public async Task A_seeded_rate_fault_hits_the_same_requests_in_every_run_and_about_its_share()
    {
        var runs = new List<List<int>>();
        for (int run = 0; run < 2; run++)
        {
            AssertStatus(HttpStatusCode.OK, await PostAsync("sandbox/reset"));
            await QueueFaultAsync("""{"status":503,"rate":0.2,"seed":7}""");
            var statuses = await StatusesAsync(200);
            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, s.ToString()));
            runs.Add(Indexes(statuses, HttpStatusCode.ServiceUnavailable));
            Assert.Equal(runs[run].Count, (await StatsAsync()).GetProperty("faults").GetProperty("injected").GetInt64());
        }

        Assert.Equal(runs[0], runs[1]);
        Assert.InRange(runs[0].Count, 20, 60); // 10 to 30 % of 200
    }

    [Fact]
    public async Task With_a_rate_the_count_caps_the_uses_and_the_spent_fault_is_gone()
    {
        await QueueFaultAsync("""{"status":503,"rate":0.5,"seed":1,"count":3}""");

        var statuses = await StatusesAsync(40);

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.ServiceUnavailable));
        Assert.Equal(0, (await GetAsync("sandbox/faults", null)).Json.GetProperty("faults").GetArrayLength());
    }

    [Fact]
    public async Task A_rate_fault_without_a_count_stays_queued_with_a_null_count()
    {
        await QueueFaultAsync("""{"status":503,"rate":1}""");

        var statuses = await StatusesAsync(10);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
        var pending = (await GetAsync("sandbox/faults", null)).Json.GetProperty("faults");
        Assert.Equal(1, pending.GetArrayLength());
        Assert.Equal(JsonValueKind.Null, pending[0].GetProperty("count").ValueKind);
    }

    [Fact]
    public async Task A_request_the_rate_fault_passes_over_goes_on_to_the_next_matching_fault()
    {
        await QueueFaultAsync("""{"status":503,"rate":0.5,"seed":11}""");
        await QueueFaultAsync("""{"status":500,"count":1000}""");

        var statuses = await StatusesAsync(30);
        var pending = (await GetAsync("sandbox/faults", null)).Json.GetProperty("faults");

        int drawn = statuses.Count(s => s == HttpStatusCode.ServiceUnavailable);
        Assert.Equal(30 - drawn, statuses.Count(s => s == HttpStatusCode.InternalServerError));
        Assert.InRange(drawn, 1, 29);
        // The second fault was used only by the requests the first one passed over.
        Assert.Equal(1000 - (30 - drawn), pending[1].GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_rate_fault_only_draws_for_matching_requests()
    {
        string id = Id((await SeededAsync("awaiting_approval"))[0]);
        await QueueFaultAsync("""{"status":503,"rate":1,"count":1,"path_contains":"/approve"}""");

        AssertStatus(HttpStatusCode.OK, await GetAsync(Incomplete));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await PostAsync($"v2/payments/{id}/approve")).Status);
        AssertStatus(HttpStatusCode.OK, await PostAsync($"v2/payments/{id}/approve"));
    }
}
