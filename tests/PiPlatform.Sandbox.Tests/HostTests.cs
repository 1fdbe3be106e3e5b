using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests;

/// <summary>SandboxHost itself: options, stopping, and concurrent use. Each test owns its host.</summary>
public sealed class HostTests
{
    private static HttpClient Client(SandboxHost host) => new() { BaseAddress = host.BaseUri, Timeout = TimeSpan.FromSeconds(10) };

    private static HttpRequestMessage Keyed(HttpMethod method, string path, string key = "pi-sandbox-key")
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Authorization", "Key " + key);
        return request;
    }

    [Fact]
    public async Task Base_uri_is_loopback_with_the_chosen_port_and_a_trailing_slash()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, Seed = 0 });

        Assert.Equal("127.0.0.1", host.BaseUri.Host);
        Assert.NotEqual(0, host.BaseUri.Port);
        Assert.Equal("/", host.BaseUri.AbsolutePath);
        Assert.EndsWith("/", host.BaseUri.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_custom_api_key_replaces_the_default_one()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, Seed = 0, ApiKey = "custom-key" });
        using var http = Client(host);

        var withDefault = await http.SendAsync(Keyed(HttpMethod.Get, "v2/payments/incomplete_server_payments"));
        var withCustom = await http.SendAsync(Keyed(HttpMethod.Get, "v2/payments/incomplete_server_payments", "custom-key"));

        Assert.Equal(HttpStatusCode.Unauthorized, withDefault.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withCustom.StatusCode);
    }

    [Fact]
    public async Task Stopping_closes_the_port_and_is_idempotent()
    {
        var host = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, Seed = 0 });
        using var http = Client(host);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("sandbox/users")).StatusCode);

        await host.StopAsync();
        await host.StopAsync();
        await host.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("sandbox/users"));
    }

    [Fact]
    public async Task A_port_in_use_fails_to_start()
    {
        await using var first = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, Seed = 0 });

        await Assert.ThrowsAnyAsync<IOException>(() => SandboxHost.StartAsync(new SandboxOptions { Port = first.BaseUri.Port, Seed = 0 }));
    }

    [Theory]
    [InlineData(-1, 0, "k", "Pi Testnet")]
    [InlineData(70000, 0, "k", "Pi Testnet")]
    [InlineData(0, -1, "k", "Pi Testnet")]
    [InlineData(0, 0, "", "Pi Testnet")]
    [InlineData(0, 0, "k", "Pi Mainnet")]
    public async Task Invalid_options_are_refused(int port, int seed, string key, string network)
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            SandboxHost.StartAsync(new SandboxOptions { Port = port, Seed = seed, ApiKey = key, Network = network }));
    }

    [Fact]
    public async Task Concurrent_approves_of_one_payment_change_it_exactly_once()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, Seed = 1 });
        using var http = Client(host);
        var payments = JsonDocument.Parse(await http.GetStringAsync("sandbox/payments")).RootElement.GetProperty("payments");
        string id = payments[0].GetProperty("identifier").GetString()!;

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
            (await http.SendAsync(Keyed(HttpMethod.Post, $"v2/payments/{id}/approve"))).StatusCode));

        Assert.Equal(1, answers.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(199, answers.Count(s => s == HttpStatusCode.Conflict));
        var stats = JsonDocument.Parse(await http.GetStringAsync("sandbox/stats")).RootElement;
        Assert.Equal(200, stats.GetProperty("requests").GetProperty("total").GetInt64());
        Assert.Equal(1, stats.GetProperty("changes").GetProperty("by_payment").GetProperty(id).GetProperty("approve").GetInt32());
    }

    [Fact]
    public async Task Concurrent_creations_all_succeed_with_distinct_identifiers()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, Seed = 0 });
        using var http = Client(host);

        var ids = await Task.WhenAll(Enumerable.Range(0, 300).Select(async i =>
        {
            using var content = new StringContent($$"""{"user_uid":"uid-alice-0001","amount":{{i + 1}},"memo":"m"}""", Encoding.UTF8, "application/json");
            var response = await http.PostAsync("sandbox/payments", content);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("identifier").GetString();
        }));

        Assert.Equal(300, ids.Distinct().Count());
        var all = JsonDocument.Parse(await http.GetStringAsync("sandbox/payments")).RootElement.GetProperty("payments");
        Assert.Equal(302, all.GetArrayLength());
    }
}
