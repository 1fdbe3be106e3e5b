using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests;

/// <summary>
/// What the concurrency tests of the module read off the sandbox: connections accepted, requests in flight,
/// the request log, and added latency. Each is checked here against a plain HttpClient that the test controls.
/// </summary>
public sealed class TrafficTests : SandboxTest
{
    public TrafficTests(SandboxFixture fixture) : base(fixture)
    {
    }

    private static HttpClient NewClient(SandboxFixture fixture, int maxConnections = int.MaxValue) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections }) { BaseAddress = fixture.Host.BaseUri };

    private static async Task<HttpStatusCode> GetPaymentAsync(HttpClient http, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v2/payments/{id}");
        request.Headers.TryAddWithoutValidation("Authorization", Key);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_keep_alive_client_is_one_accepted_connection_and_a_new_client_is_another()
    {
        string id = Id((await AllPaymentsAsync())[0]);
        await PostAsync("sandbox/reset", null, null);
        long before = (await StatsAsync()).GetProperty("connections").GetProperty("accepted").GetInt64();

        using (var http = NewClient(Fixture))
        {
            for (int i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, await GetPaymentAsync(http, id));
        }

        using (var other = NewClient(Fixture))
        {
            Assert.Equal(HttpStatusCode.OK, await GetPaymentAsync(other, id));
        }

        // The fixture's own client may or may not have opened one more for the stats call itself.
        long accepted = (await StatsAsync()).GetProperty("connections").GetProperty("accepted").GetInt64() - before;
        Assert.InRange(accepted, 2, 3);
    }

    [Fact]
    public async Task Requests_in_flight_are_counted_with_their_peak()
    {
        string id = Id((await AllPaymentsAsync())[0]);
        await PostAsync("sandbox/config", """{"latency_ms":300}""", null);
        using var http = NewClient(Fixture);

        var six = Enumerable.Range(0, 6).Select(_ => GetPaymentAsync(http, id)).ToArray();
        await Task.Delay(150);
        var during = (await StatsAsync()).GetProperty("in_flight");
        await Task.WhenAll(six);
        var after = (await StatsAsync()).GetProperty("in_flight");

        Assert.Equal(6, during.GetProperty("current").GetInt32());
        Assert.Equal(0, after.GetProperty("current").GetInt32());
        Assert.Equal(6, after.GetProperty("peak").GetInt32());
    }

    [Fact]
    public async Task Added_latency_delays_api_answers_only_and_reset_removes_it()
    {
        string id = Id((await AllPaymentsAsync())[0]);
        await PostAsync("sandbox/config", """{"latency_ms":250}""", null);
        using var http = NewClient(Fixture);

        var clock = Stopwatch.StartNew();
        await GetPaymentAsync(http, id);
        TimeSpan api = clock.Elapsed;
        clock.Restart();
        await GetAsync("sandbox/users", null);
        TimeSpan control = clock.Elapsed;

        Assert.True(api >= TimeSpan.FromMilliseconds(240), $"the /v2 answer took {api.TotalMilliseconds} ms");
        Assert.True(control < TimeSpan.FromMilliseconds(240), $"the /sandbox answer took {control.TotalMilliseconds} ms");
        await PostAsync("sandbox/reset", null, null);
        Assert.Equal(0, (await GetAsync("sandbox/config", null)).Json.GetProperty("latency_ms").GetInt32());
    }

    [Fact]
    public async Task The_request_log_has_each_api_request_with_its_status_and_monotonic_times()
    {
        string id = Id((await AllPaymentsAsync())[0]);
        await GetAsync($"v2/payments/{id}");
        await GetAsync("v2/payments/no-such-payment");
        await GetAsync("sandbox/users", null);

        var log = (await GetAsync("sandbox/requests", null)).Json.GetProperty("requests").EnumerateArray().ToList();

        Assert.Equal(2, log.Count);
        Assert.Equal(("GET", $"/v2/payments/{id}", 200), (log[0].GetProperty("method").GetString(), log[0].GetProperty("path").GetString(), log[0].GetProperty("status").GetInt32()));
        Assert.Equal(404, log[1].GetProperty("status").GetInt32());
        Assert.True(log[0].GetProperty("answered_ms").GetDouble() >= log[0].GetProperty("received_ms").GetDouble());
        Assert.True(log[1].GetProperty("received_ms").GetDouble() >= log[0].GetProperty("answered_ms").GetDouble());
    }
}
