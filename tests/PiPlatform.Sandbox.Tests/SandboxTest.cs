using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests;

/// <summary>An answer as the wire carried it: status, raw text, parsed JSON (if any) and headers.</summary>
public sealed record ApiResponse(HttpStatusCode Status, string Text, JsonElement Json, HttpResponseMessage Message)
{
    public string? ContentType => Message.Content.Headers.ContentType?.ToString();

    public string ErrorCode => Json.GetProperty("error").GetString()!;

    public JsonElement Payment => Json.GetProperty("payment");
}

/// <summary>Base of the fixture-backed tests: resets the sandbox before each test and wraps raw HTTP calls.</summary>
[Collection(SandboxCollection.Name)]
public abstract class SandboxTest : IAsyncLifetime
{
    public const string Key = "Key pi-sandbox-key";
    public const string Alice = "uid-alice-0001";
    public const string Bob = "uid-bob-0002";
    public const string Carol = "uid-carol-0003";
    public const string Dave = "uid-dave-0004";

    protected SandboxTest(SandboxFixture fixture) => Fixture = fixture;

    protected SandboxFixture Fixture { get; }

    public virtual async Task InitializeAsync() => AssertStatus(HttpStatusCode.OK, await PostAsync("sandbox/reset"));

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Sends <paramref name="body"/> as raw JSON text (never serialised from C#, so tests pin the wire format).</summary>
    protected async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? body = null, string? authorization = Key)
    {
        using var request = new HttpRequestMessage(method, path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            // A large body asks first, as curl does: a server refusing it by size then answers before any of it is
            // sent, instead of closing the connection mid-upload (a broken pipe for the test, now and then).
            request.Headers.ExpectContinue = body.Length > 64 * 1024;
        }

        var response = await Fixture.Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        JsonElement json = default;
        try
        {
            if (text.Length > 0)
            {
                json = JsonDocument.Parse(text).RootElement;
            }
        }
        catch (JsonException)
        {
            // Not JSON (an injected HTML fault, for instance): Json stays undefined.
        }

        return new ApiResponse(response.StatusCode, text, json, response);
    }

    protected Task<ApiResponse> GetAsync(string path, string? authorization = Key) => SendAsync(HttpMethod.Get, path, null, authorization);

    protected Task<ApiResponse> PostAsync(string path, string? body = null, string? authorization = Key) =>
        SendAsync(HttpMethod.Post, path, body, authorization);

    protected static void AssertStatus(HttpStatusCode expected, ApiResponse response) =>
        Assert.True(expected == response.Status, $"Expected {(int)expected}, got {(int)response.Status}: {response.Text}");

    /// <summary>Asserts an API error: status, code, a non-empty message, and whether the payment is attached.</summary>
    protected static void AssertError(HttpStatusCode status, string code, ApiResponse response, string? paymentId = null)
    {
        AssertStatus(status, response);
        Assert.Equal(code, response.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(response.Json.GetProperty("error_message").GetString()));
        if (paymentId is null)
        {
            Assert.False(response.Json.TryGetProperty("payment", out _), "unexpected payment in " + response.Text);
        }
        else
        {
            Assert.Equal(paymentId, response.Payment.GetProperty("identifier").GetString());
        }
    }

    /// <summary>Queues a fault (raw JSON, see the sandbox README) and asserts it was accepted.</summary>
    protected async Task QueueFaultAsync(string fault) => AssertStatus(HttpStatusCode.OK, await PostAsync("sandbox/faults", fault, null));

    /// <summary>GET /sandbox/stats: requests by route, changes per payment, connections, requests in flight.</summary>
    protected async Task<JsonElement> StatsAsync() => (await GetAsync("sandbox/stats", null)).Json;

    protected static string Id(JsonElement payment) => payment.GetProperty("identifier").GetString()!;

    protected static bool Flag(JsonElement payment, string status) => payment.GetProperty("status").GetProperty(status).GetBoolean();

    protected async Task<List<JsonElement>> AllPaymentsAsync()
    {
        var response = await GetAsync("sandbox/payments", authorization: null);
        AssertStatus(HttpStatusCode.OK, response);
        return response.Json.GetProperty("payments").EnumerateArray().ToList();
    }

    /// <summary>The seeded U2A payments in one state (see the sandbox README), e.g. "completed".</summary>
    protected async Task<List<JsonElement>> SeededAsync(string state) =>
        (await AllPaymentsAsync()).Where(p => StateOf(p) == state).ToList();

    protected async Task<JsonElement> PaymentAsync(string id)
    {
        var response = await GetAsync($"v2/payments/{id}");
        AssertStatus(HttpStatusCode.OK, response);
        return response.Json;
    }

    /// <summary>Creates a U2A payment as the user's Pi Browser would, awaiting approval.</summary>
    protected async Task<string> CreateUserToAppAsync(string uid = Alice, string amount = "1.5")
    {
        var response = await PostAsync("sandbox/payments",
            $$$"""{"user_uid":"{{{uid}}}","amount":{{{amount}}},"memo":"test","metadata":{"order":"t-1"}}""", authorization: null);
        AssertStatus(HttpStatusCode.Created, response);
        return Id(response.Json);
    }

    /// <summary>A U2A payment, approved, with a transaction attached (verified or not); returns its id and txid.</summary>
    protected async Task<(string Id, string Txid)> CreateWithTransactionAsync(bool verified)
    {
        string id = await CreateUserToAppAsync();
        AssertStatus(HttpStatusCode.OK, await PostAsync($"v2/payments/{id}/approve"));
        var tx = await PostAsync($"sandbox/payments/{id}/transaction", $$"""{"verified":{{(verified ? "true" : "false")}}}""", null);
        AssertStatus(HttpStatusCode.OK, tx);
        return (id, tx.Json.GetProperty("transaction").GetProperty("txid").GetString()!);
    }

    protected static string StateOf(JsonElement p)
    {
        if (p.GetProperty("direction").GetString() == "app_to_user")
        {
            return "a2u";
        }

        var s = p.GetProperty("status");
        bool tx = p.GetProperty("transaction").ValueKind != JsonValueKind.Null;
        return (s.GetProperty("developer_approved").GetBoolean(), tx, s.GetProperty("transaction_verified").GetBoolean(),
                s.GetProperty("developer_completed").GetBoolean(), s.GetProperty("cancelled").GetBoolean(),
                s.GetProperty("user_cancelled").GetBoolean()) switch
        {
            (false, false, false, false, false, false) => "awaiting_approval",
            (true, false, false, false, false, false) => "approved",
            (true, true, false, false, false, false) => "tx_unverified",
            (true, true, true, false, false, false) => "tx_verified",
            (true, true, true, true, false, false) => "completed",
            (_, false, false, false, true, false) => "cancelled",
            (_, false, false, false, false, true) => "user_cancelled",
            _ => "unexpected",
        };
    }

    protected static string TxidOf(JsonElement payment) => payment.GetProperty("transaction").GetProperty("txid").GetString()!;

    protected static string Hex64(char c) => new(c, 64);

    protected static string Csv<T>(IEnumerable<T> items) => string.Join(",", items);
}
