using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests;

/// <summary>Injected failures: what proxies answer, and lost responses after real processing.</summary>
public sealed class FaultTests : SandboxTest
{
    private const string Html = "<html><body><h1>502 Bad Gateway</h1></body></html>";

    public FaultTests(SandboxFixture fixture) : base(fixture)
    {
    }

    [Fact]
    public async Task A_fault_answers_its_status_content_type_and_body_once()
    {
        await QueueFaultAsync($$"""{"status":502,"content_type":"text/html","body":"{{Html}}"}""");

        var faulted = await GetAsync("v2/payments/incomplete_server_payments");
        var next = await GetAsync("v2/payments/incomplete_server_payments");

        Assert.Equal(HttpStatusCode.BadGateway, faulted.Status);
        Assert.Equal("text/html", faulted.ContentType);
        Assert.Equal(Html, faulted.Text);
        AssertStatus(HttpStatusCode.OK, next);
    }

    [Fact]
    public async Task A_fault_with_a_count_is_used_up_after_that_many_requests()
    {
        await QueueFaultAsync("""{"status":500,"count":2}""");

        var statuses = new[]
        {
            (await GetAsync("v2/payments/incomplete_server_payments")).Status,
            (await GetAsync("v2/payments/incomplete_server_payments")).Status,
            (await GetAsync("v2/payments/incomplete_server_payments")).Status,
        };

        Assert.Equal(new[] { HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK }, statuses);
    }

    [Fact]
    public async Task An_empty_body_fault_answers_nothing_at_all()
    {
        await QueueFaultAsync("""{"status":502,"body":""}""");

        var response = await GetAsync("v2/payments/incomplete_server_payments");

        Assert.Equal(HttpStatusCode.BadGateway, response.Status);
        Assert.Equal(string.Empty, response.Text);
        Assert.Null(response.ContentType);
    }

    [Fact]
    public async Task A_429_fault_carries_retry_after()
    {
        await QueueFaultAsync("""{"status":429,"retry_after":"2","body":"{\"error\":\"too_many_requests\"}"}""");

        var response = await GetAsync("v2/payments/incomplete_server_payments");

        Assert.Equal((HttpStatusCode)429, response.Status);
        Assert.Equal("2", response.Message.Headers.GetValues("Retry-After").Single());
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        Assert.Equal("too_many_requests", response.ErrorCode);
    }

    [Fact]
    public async Task A_fault_only_hits_requests_matching_its_path_and_method()
    {
        string id = Id((await SeededAsync("awaiting_approval"))[0]);
        await QueueFaultAsync("""{"status":503,"path_contains":"/approve","method":"post"}""");

        var get = await GetAsync($"v2/payments/{id}");
        var cancelOther = await PostAsync($"v2/payments/{Id((await SeededAsync("awaiting_approval"))[1])}/cancel");
        var approve = await PostAsync($"v2/payments/{id}/approve");

        AssertStatus(HttpStatusCode.OK, get);
        AssertStatus(HttpStatusCode.OK, cancelOther);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, approve.Status);
        // Before processing (the default), the faulted request changed nothing.
        Assert.False(Flag(await PaymentAsync(id), "developer_approved"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"action\":\"answer\",")] // the default, spelled out
    public async Task An_after_processing_fault_changes_state_but_loses_the_answer(string action)
    {
        string id = Id((await SeededAsync("awaiting_approval"))[0]);
        await QueueFaultAsync($$"""{{{action}}"status":502,"path_contains":"/approve","content_type":"text/html","body":"{{Html}}","after_processing":true}""");

        var lost = await PostAsync($"v2/payments/{id}/approve");

        Assert.Equal(HttpStatusCode.BadGateway, lost.Status);
        Assert.Equal(Html, lost.Text);
        Assert.Equal("text/html", lost.ContentType);
        Assert.True(Flag(await PaymentAsync(id), "developer_approved"));
        var stats = (await GetAsync("sandbox/stats", null)).Json;
        Assert.Equal(1, stats.GetProperty("changes").GetProperty("by_payment").GetProperty(id).GetProperty("approve").GetInt32());
    }

    [Fact]
    public async Task Faulted_requests_count_in_stats()
    {
        await QueueFaultAsync("""{"status":500,"count":2}""");
        await GetAsync("v2/payments/incomplete_server_payments");
        await GetAsync("v2/payments/incomplete_server_payments");

        var requests = (await GetAsync("sandbox/stats", null)).Json.GetProperty("requests");

        Assert.Equal(2, requests.GetProperty("by_route").GetProperty("GET /v2/payments/incomplete_server_payments").GetInt64());
    }

    [Fact]
    public async Task Faults_never_hit_sandbox_endpoints_and_delete_clears_them()
    {
        await QueueFaultAsync("""{"status":500,"count":5}""");

        AssertStatus(HttpStatusCode.OK, await GetAsync("sandbox/users", null));
        var pending = await GetAsync("sandbox/faults", null);
        Assert.Equal(5, pending.Json.GetProperty("faults")[0].GetProperty("count").GetInt32());
        AssertStatus(HttpStatusCode.OK, await SendAsync(System.Net.Http.HttpMethod.Delete, "sandbox/faults", null, null));

        AssertStatus(HttpStatusCode.OK, await GetAsync("v2/payments/incomplete_server_payments"));
        Assert.Equal(0, (await GetAsync("sandbox/faults", null)).Json.GetProperty("faults").GetArrayLength());
    }

    [Fact]
    public async Task A_fault_answers_even_without_credentials_like_a_proxy_would()
    {
        await QueueFaultAsync("""{"status":502}""");

        Assert.Equal(HttpStatusCode.BadGateway, (await GetAsync("v2/payments/incomplete_server_payments", authorization: null)).Status);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"status":42}""")]
    [InlineData("""{"status":"502"}""")]
    [InlineData("""{"status":502,"count":0}""")]
    [InlineData("""{"status":502,"count":"2"}""")]
    [InlineData("""{"status":100}""")] // a 1xx is no final answer: the client would hang
    [InlineData("""{"status":199}""")]
    [InlineData("""{"status":600}""")]
    [InlineData("""{"status":204,"body":"{}"}""")] // no body is allowed after these three
    [InlineData("""{"status":205,"body":"x"}""")]
    [InlineData("""{"status":304,"body":"{}"}""")]
    [InlineData("""{"action":"answer"}""")] // status is required for an answer, whether or not the action is spelled out
    [InlineData("""{"action":"reset","count":0}""")]
    [InlineData("""{"action":"delay","delay_ms":1,"count":-1}""")]
    public async Task A_bad_fault_is_400_invalid_arguments_and_not_queued(string body)
    {
        AssertError(HttpStatusCode.BadRequest, "invalid_arguments", await PostAsync("sandbox/faults", body, null));

        Assert.Equal(0, (await GetAsync("sandbox/faults", null)).Json.GetProperty("faults").GetArrayLength());
    }

    [Theory]
    [InlineData(204)]
    [InlineData(304)]
    public async Task A_bodiless_status_fault_answers_with_no_body(int status)
    {
        await QueueFaultAsync($$"""{"status":{{status}}}""");

        var response = await GetAsync("v2/payments/incomplete_server_payments");

        Assert.Equal((HttpStatusCode)status, response.Status);
        Assert.Equal(string.Empty, response.Text);
        AssertStatus(HttpStatusCode.OK, await GetAsync("v2/payments/incomplete_server_payments"));
    }

    [Theory]
    [InlineData("""{"action":"explode"}""", "action")]
    [InlineData("""{"action":"RESET"}""", "action")]
    [InlineData("""{"action":5}""", "action")]
    [InlineData("""{"action":"delay"}""", "delay_ms")]
    [InlineData("""{"action":"delay","delay_ms":0}""", "delay_ms")]
    [InlineData("""{"action":"delay","delay_ms":60001}""", "delay_ms")]
    [InlineData("""{"action":"delay","delay_ms":"500"}""", "delay_ms")]
    [InlineData("""{"status":502,"rate":0}""", "rate")]
    [InlineData("""{"status":502,"rate":-0.2}""", "rate")]
    [InlineData("""{"status":502,"rate":1.01}""", "rate")]
    [InlineData("""{"status":502,"rate":"0.5"}""", "rate")]
    [InlineData("""{"status":502,"rate":0.5,"seed":1.5}""", "seed")]
    [InlineData("""{"status":502,"rate":0.5,"seed":"7"}""", "seed")]
    [InlineData("""{"status":502,"rate":0.5,"seed":4294967296}""", "seed")]
    [InlineData("""{"status":502,"after_processing":"yes"}""", "after_processing")]
    [InlineData("""{"status":502,"body":{"error":"x"}}""", "body")]
    [InlineData("""{"status":502,"path_contains":7}""", "path_contains")]
    public async Task A_bad_value_is_refused_with_a_message_naming_the_field(string body, string field)
    {
        var response = await PostAsync("sandbox/faults", body, null);

        AssertError(HttpStatusCode.BadRequest, "invalid_arguments", response);
        Assert.Contains($"\"{field}\"", response.Json.GetProperty("error_message").GetString());
        Assert.Equal(0, (await GetAsync("sandbox/faults", null)).Json.GetProperty("faults").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"action":"reset"}""")] // only an answer needs a status
    [InlineData("""{"action":"truncate","after_processing":false}""")]
    [InlineData("""{"action":"delay","delay_ms":60000,"status":504}""")] // a status is ignored where it does not apply
    [InlineData("""{"status":502,"rate":1,"seed":-3}""")]
    public async Task A_fault_of_another_action_needs_no_status(string body)
    {
        await QueueFaultAsync(body);

        Assert.Equal(1, (await GetAsync("sandbox/faults", null)).Json.GetProperty("faults").GetArrayLength());
    }
}
