using System;
using System.Net;
using System.Net.Http;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests;

public sealed class AuthTests : SandboxTest
{
    public AuthTests(SandboxFixture fixture) : base(fixture)
    {
    }

    [Theory]
    [InlineData("Key pi-sandbox-key")]
    [InlineData("key pi-sandbox-key")] // the docs' examples send the scheme in lower case
    [InlineData("KEY pi-sandbox-key")]
    public async Task The_key_scheme_is_case_insensitive(string authorization)
    {
        var response = await GetAsync("v2/payments/incomplete_server_payments", authorization);

        AssertStatus(HttpStatusCode.OK, response);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Key wrong-key")]
    [InlineData("Key pi-sandbox-key-and-more")]
    [InlineData("Bearer pi-sandbox-key")]
    [InlineData("pi-sandbox-key")]
    [InlineData("Key ")]
    public async Task A_missing_or_wrong_key_is_401_unauthorized_without_echoing_it(string? authorization)
    {
        var response = await GetAsync("v2/payments/incomplete_server_payments", authorization);

        AssertError(HttpStatusCode.Unauthorized, "unauthorized", response);
        Assert.DoesNotContain("wrong-key", response.Text);
        Assert.DoesNotContain("pi-sandbox-key", response.Text);
    }

    [Theory]
    [InlineData("GET", "v2/payments/anything")]
    [InlineData("POST", "v2/payments/anything/approve")]
    [InlineData("POST", "v2/payments/anything/complete")]
    [InlineData("POST", "v2/payments/anything/cancel")]
    [InlineData("GET", "v2/payments/incomplete_server_payments")]
    [InlineData("POST", "v2/payments")]
    [InlineData("GET", "v2/ads_network/status/ad-granted-1")]
    [InlineData("POST", "v2/in_app_notifications/notify")]
    public async Task Every_server_endpoint_requires_the_key(string method, string path)
    {
        var response = await SendAsync(new HttpMethod(method), path, "{}", authorization: null);

        AssertError(HttpStatusCode.Unauthorized, "unauthorized", response);
    }

    [Fact]
    public async Task Auth_is_checked_before_anything_else_so_nothing_changes_without_a_key()
    {
        string id = Id((await SeededAsync("awaiting_approval"))[0]);

        AssertStatus(HttpStatusCode.Unauthorized, await PostAsync($"v2/payments/{id}/approve", authorization: "Key nope"));

        Assert.False(Flag(await PaymentAsync(id), "developer_approved"));
    }

    [Theory]
    [InlineData("sandbox/users")]
    [InlineData("sandbox/payments")]
    [InlineData("sandbox/stats")]
    [InlineData("sandbox/config")]
    public async Task Sandbox_endpoints_need_no_auth(string path)
    {
        AssertStatus(HttpStatusCode.OK, await GetAsync(path, authorization: null));
    }

    [Fact]
    public async Task Me_answers_the_user_of_a_valid_bearer_token()
    {
        var response = await GetAsync("v2/me", "Bearer sandbox-token-alice");

        AssertStatus(HttpStatusCode.OK, response);
        var me = response.Json;
        Assert.Equal(Alice, me.GetProperty("uid").GetString());
        Assert.Equal("alice", me.GetProperty("username").GetString());
        var credentials = me.GetProperty("credentials");
        Assert.Equal("username,payments,wallet_address,in_app_notifications",
            Csv(credentials.GetProperty("scopes").EnumerateArray().Select(s => s.GetString())));
        var validUntil = credentials.GetProperty("valid_until");
        long timestamp = validUntil.GetProperty("timestamp").GetInt64();
        var iso = DateTimeOffset.Parse(validUntil.GetProperty("iso8601").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(timestamp > DateTimeOffset.UtcNow.ToUnixTimeSeconds(), "valid_until must be in the future");
        Assert.Equal(timestamp, iso.ToUnixTimeSeconds());
        Assert.EndsWith("Z", validUntil.GetProperty("iso8601").GetString());
    }

    [Fact]
    public async Task Me_without_the_username_scope_has_a_null_username()
    {
        var response = await GetAsync("v2/me", "bearer sandbox-token-bob");

        AssertStatus(HttpStatusCode.OK, response);
        Assert.Equal(Bob, response.Json.GetProperty("uid").GetString());
        // Present and null, exactly as the README promises, not left out.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Json.GetProperty("username").ValueKind);
        Assert.Equal("payments", Csv(response.Json.GetProperty("credentials").GetProperty("scopes").EnumerateArray().Select(s => s.GetString())));
    }

    [Theory]
    [InlineData("Bearer sandbox-token-carol")] // expired
    [InlineData("Bearer sandbox-token-nobody")]
    [InlineData("Bearer ")]
    [InlineData("Key pi-sandbox-key")] // the server key is not a user token
    [InlineData(null)]
    public async Task Me_with_an_unknown_or_expired_token_is_401_invalid_token(string? authorization)
    {
        var response = await GetAsync("v2/me", authorization);

        AssertError(HttpStatusCode.Unauthorized, "invalid_token", response);
        Assert.DoesNotContain("sandbox-token", response.Text);
    }

    [Fact]
    public async Task Sandbox_users_lists_the_four_demo_users()
    {
        var response = await GetAsync("sandbox/users", authorization: null);

        AssertStatus(HttpStatusCode.OK, response);
        var users = response.Json.EnumerateArray().ToList();
        Assert.Equal("alice,bob,carol,dave", Csv(users.Select(u => u.GetProperty("username").GetString())));
        Assert.Equal($"{Alice},{Bob},{Carol},{Dave}", Csv(users.Select(u => u.GetProperty("uid").GetString())));
        Assert.Equal("sandbox-token-alice,sandbox-token-bob,sandbox-token-carol,sandbox-token-dave",
            Csv(users.Select(u => u.GetProperty("access_token").GetString())));
        Assert.Equal("True,True,True,False", Csv(users.Select(u => u.GetProperty("has_wallet").GetBoolean())));
        Assert.Equal("False,False,True,False", Csv(users.Select(u => u.GetProperty("token_expired").GetBoolean())));
        Assert.Equal("username,payments,in_app_notifications",
            Csv(users[3].GetProperty("scopes").EnumerateArray().Select(s => s.GetString())));
    }

    [Fact]
    public async Task Dave_has_a_valid_token_despite_having_no_wallet()
    {
        var response = await GetAsync("v2/me", "Bearer sandbox-token-dave");

        AssertStatus(HttpStatusCode.OK, response);
        Assert.Equal("dave", response.Json.GetProperty("username").GetString());
    }
}
