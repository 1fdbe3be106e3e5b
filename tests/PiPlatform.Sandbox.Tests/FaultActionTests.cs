using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests;

/// <summary>The fault actions a network does rather than a proxy: no answer, a late answer, a cut answer.</summary>
public sealed class FaultActionTests : SandboxTest
{
    public FaultActionTests(SandboxFixture fixture) : base(fixture)
    {
    }

    private async Task<int> ApproveCountAsync(string id) =>
        (await StatsAsync()).GetProperty("changes").GetProperty("by_payment").GetProperty(id).GetProperty("approve").GetInt32();

    private async Task<string> AwaitingApprovalAsync() => Id((await SeededAsync("awaiting_approval"))[0]);

    [Fact]
    public async Task A_reset_gives_the_client_a_network_error_and_changes_nothing()
    {
        string id = await AwaitingApprovalAsync();
        await QueueFaultAsync("""{"action":"reset","path_contains":"/approve"}""");

        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync($"v2/payments/{id}/approve"));

        Assert.Equal(0, await ApproveCountAsync(id));
        // The client's pool recovers: the next request gets a new connection and the real answer.
        AssertStatus(HttpStatusCode.OK, await PostAsync($"v2/payments/{id}/approve"));
        var logged = (await GetAsync("sandbox/requests", null)).Json.GetProperty("requests").EnumerateArray()
            .Where(r => r.GetProperty("path").GetString()!.EndsWith("/approve", StringComparison.Ordinal))
            .Select(r => r.GetProperty("status").GetInt32());
        Assert.Equal(new[] { 0, 200 }, logged); // 0: no answer at all
    }

    [Fact]
    public async Task A_reset_after_processing_changes_state_and_loses_the_answer()
    {
        string id = await AwaitingApprovalAsync();
        await QueueFaultAsync("""{"action":"reset","path_contains":"/approve","after_processing":true}""");

        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync($"v2/payments/{id}/approve"));

        Assert.Equal(1, await ApproveCountAsync(id));
        Assert.True(Flag(await PaymentAsync(id), "developer_approved"));
    }

    [Fact]
    public async Task A_delay_gives_the_real_answer_at_least_delay_ms_later()
    {
        string id = await AwaitingApprovalAsync();
        await QueueFaultAsync("""{"action":"delay","delay_ms":250,"path_contains":"/approve"}""");

        var clock = Stopwatch.StartNew();
        var late = await PostAsync($"v2/payments/{id}/approve");
        clock.Stop();

        AssertStatus(HttpStatusCode.OK, late);
        Assert.True(clock.ElapsedMilliseconds >= 250, $"answered after {clock.ElapsedMilliseconds} ms");
        Assert.Equal("application/json; charset=utf-8", late.ContentType);
        Assert.Equal((await GetAsync($"v2/payments/{id}")).Text, late.Text);
        Assert.Equal(1, await ApproveCountAsync(id));
    }

    [Fact]
    public async Task A_delay_longer_than_the_clients_timeout_is_a_success_the_client_never_hears_of()
    {
        string id = await AwaitingApprovalAsync();
        await QueueFaultAsync("""{"action":"delay","delay_ms":1500,"path_contains":"/approve"}""");
        using var impatient = new HttpClient { BaseAddress = Fixture.Host.BaseUri, Timeout = TimeSpan.FromMilliseconds(150) };
        using var approve = new HttpRequestMessage(HttpMethod.Post, $"v2/payments/{id}/approve");
        approve.Headers.TryAddWithoutValidation("Authorization", Key);

        // HttpClient reports its own timeout as a cancellation.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.SendAsync(approve));

        // Processed at once, only the answer was held back.
        Assert.Equal(1, await ApproveCountAsync(id));
        // The sandbox notices the client gone and stops waiting, so no request is left in flight for the next test.
        await WaitUntilAsync(async () => (await StatsAsync()).GetProperty("in_flight").GetProperty("current").GetInt32() == 0);
    }

    [Fact]
    public async Task A_truncate_sends_the_real_status_and_half_the_body_then_ends_the_connection()
    {
        string id = await AwaitingApprovalAsync();
        await QueueFaultAsync("""{"action":"truncate","path_contains":"/approve"}""");
        using var approve = new HttpRequestMessage(HttpMethod.Post, $"v2/payments/{id}/approve");
        approve.Headers.TryAddWithoutValidation("Authorization", Key);

        using var cut = await Fixture.Http.SendAsync(approve, HttpCompletionOption.ResponseHeadersRead);
        var (received, error) = await ReadToEndAsync(cut);

        Assert.Equal(HttpStatusCode.OK, cut.StatusCode);
        Assert.Equal("application/json; charset=utf-8", cut.Content.Headers.ContentType?.ToString());
        Assert.IsAssignableFrom<IOException>(error);
        byte[] real = Encoding.UTF8.GetBytes((await GetAsync($"v2/payments/{id}")).Text);
        Assert.Equal(real.Take(real.Length / 2), received);
        Assert.Equal(1, await ApproveCountAsync(id));
    }

    [Fact]
    public async Task Pending_faults_list_their_action_fields_and_unlimited_count_as_null()
    {
        await QueueFaultAsync("""{"action":"delay","delay_ms":5,"rate":0.5,"seed":3,"path_contains":"/x","status":504}""");

        var listed = (await GetAsync("sandbox/faults", null)).Json.GetProperty("faults")[0];

        Assert.Equal("delay", listed.GetProperty("action").GetString());
        Assert.Equal(5, listed.GetProperty("delay_ms").GetInt32());
        Assert.Equal(0.5, listed.GetProperty("rate").GetDouble());
        Assert.Equal(3, listed.GetProperty("seed").GetInt32());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("count").ValueKind);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("status").ValueKind); // it does not apply to a delay
        Assert.True(listed.GetProperty("after_processing").GetBoolean()); // a delay always processes
    }

    [Fact]
    public async Task Stats_count_the_faults_applied_by_action_until_a_reset()
    {
        await QueueFaultAsync("""{"status":503}""");
        await QueueFaultAsync("""{"action":"reset"}""");
        await QueueFaultAsync("""{"action":"delay","delay_ms":1}""");
        await QueueFaultAsync("""{"action":"truncate"}""");
        await QueueFaultAsync("""{"status":500,"path_contains":"/never-requested"}""");
        await GetAsync("v2/payments/incomplete_server_payments");
        await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync("v2/payments/incomplete_server_payments"));
        await GetAsync("v2/payments/incomplete_server_payments");
        await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync("v2/payments/incomplete_server_payments")); // the cut body

        var faults = (await StatsAsync()).GetProperty("faults");
        AssertStatus(HttpStatusCode.OK, await PostAsync("sandbox/reset"));
        var afterReset = (await StatsAsync()).GetProperty("faults");

        Assert.Equal(4, faults.GetProperty("injected").GetInt64());
        foreach (string action in new[] { "answer", "reset", "delay", "truncate" })
        {
            Assert.Equal(1, faults.GetProperty("by_action").GetProperty(action).GetInt64());
            Assert.Equal(0, afterReset.GetProperty("by_action").GetProperty(action).GetInt64());
        }

        Assert.Equal(0, afterReset.GetProperty("injected").GetInt64());
    }

    /// <summary>Reads a body as far as it goes: the bytes that came, and the exception that ended it early, if any.</summary>
    private static async Task<(byte[] Received, Exception? Error)> ReadToEndAsync(HttpResponseMessage response)
    {
        using var received = new MemoryStream();
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.CopyToAsync(received);
            return (received.ToArray(), null);
        }
        catch (IOException e)
        {
            return (received.ToArray(), e);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(5), "condition not met within 5 s");
            await Task.Delay(20);
        }
    }
}
