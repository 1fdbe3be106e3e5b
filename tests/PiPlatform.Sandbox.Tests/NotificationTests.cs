using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests;

public sealed class NotificationTests : SandboxTest
{
    public NotificationTests(SandboxFixture fixture) : base(fixture)
    {
    }

    private static string Item(string uid, string title = "Hi", string body = "There", string subroute = "/orders/1") =>
        $$"""{"title":"{{title}}","body":"{{body}}","user_uid":"{{uid}}","subroute":"{{subroute}}"}""";

    private static string Request(params string[] items) => $$"""{"notifications":[{{string.Join(",", items)}}]}""";

    private Task<ApiResponse> NotifyAsync(string body) => PostAsync("v2/in_app_notifications/notify", body);

    private async Task<int> DeliveredCountAsync() =>
        (await GetAsync("sandbox/notifications", null)).Json.GetProperty("notifications").GetArrayLength();

    /// <summary>The notify errors carry a sentence in "error" and nothing else, like the real API.</summary>
    private static void AssertNotifyError(HttpStatusCode status, ApiResponse response)
    {
        AssertStatus(status, response);
        Assert.Equal(new[] { "error" }, response.Json.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Contains(" ", response.ErrorCode);
    }

    [Fact]
    public async Task Notify_answers_201_with_the_delivered_notifications_in_request_order()
    {
        var response = await NotifyAsync(Request(
            Item(Dave, "First", subroute: "/a"), Item(Bob), Item("uid-nobody"), Item(Alice, "Second", "Body 2", "/b/c")));

        AssertStatus(HttpStatusCode.Created, response);
        Assert.True(response.Json.GetProperty("success").GetBoolean());
        var delivered = response.Json.GetProperty("delivered_notifications").EnumerateArray().ToList();
        // bob lacks the in_app_notifications scope and uid-nobody does not exist: both simply absent.
        Assert.Equal($"{Dave},{Alice}", Csv(delivered.Select(d => d.GetProperty("user_uid").GetString())));
        Assert.Equal(new[] { "id", "title", "body", "user_uid", "subroute", "seen_at", "dismissed_at" },
            delivered[1].EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("Second", delivered[1].GetProperty("title").GetString());
        Assert.Equal("Body 2", delivered[1].GetProperty("body").GetString());
        Assert.Equal("/b/c", delivered[1].GetProperty("subroute").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, delivered[1].GetProperty("seen_at").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, delivered[1].GetProperty("dismissed_at").ValueKind);
        Assert.NotEqual(delivered[0].GetProperty("id").GetString(), delivered[1].GetProperty("id").GetString());
        Assert.Equal(2, await DeliveredCountAsync());
    }

    [Fact]
    public async Task More_than_256_notifications_is_400()
    {
        var response = await NotifyAsync(Request(Enumerable.Repeat(Item(Alice), 257).ToArray()));

        AssertNotifyError(HttpStatusCode.BadRequest, response);
        Assert.Equal(0, await DeliveredCountAsync());
    }

    [Fact]
    public async Task Exactly_256_notifications_with_long_texts_are_accepted_well_within_the_body_limit()
    {
        await PostAsync("sandbox/config", """{"notification_quota":1000}""", null);
        string body = Request(Enumerable.Repeat(Item(Alice, new string('t', 100), new string('b', 1000)), 256).ToArray());

        Assert.True(body.Length < SandboxHost.MaxRequestBodyBytes / 2, $"the largest legitimate body is {body.Length} bytes");
        AssertStatus(HttpStatusCode.Created, await NotifyAsync(body));
    }

    [Theory]
    [InlineData("""{"body":"b","user_uid":"uid-alice-0001","subroute":"/x"}""")]
    [InlineData("""{"title":"","body":"b","user_uid":"uid-alice-0001","subroute":"/x"}""")]
    [InlineData("""{"title":"t","body":"","user_uid":"uid-alice-0001","subroute":"/x"}""")]
    [InlineData("""{"title":"t","body":"b","subroute":"/x"}""")]
    [InlineData("""{"title":"t","body":"b","user_uid":"uid-alice-0001"}""")]
    [InlineData("""{"title":"t","body":"b","user_uid":"uid-alice-0001","subroute":"x"}""")]
    [InlineData("""{"title":"t","body":"b","user_uid":"uid-alice-0001","subroute":""}""")]
    [InlineData("\"just text\"")]
    public async Task An_invalid_item_is_422_and_nothing_is_delivered(string invalid)
    {
        var response = await NotifyAsync(Request(Item(Alice), invalid));

        AssertNotifyError(HttpStatusCode.UnprocessableEntity, response);
        Assert.Equal(0, await DeliveredCountAsync());
    }

    [Fact]
    public async Task The_49th_notification_in_24_hours_is_403_naming_the_user_and_nothing_is_delivered()
    {
        AssertStatus(HttpStatusCode.Created, await NotifyAsync(Request(Enumerable.Repeat(Item(Alice), 48).ToArray())));

        var response = await NotifyAsync(Request(Item(Dave), Item(Alice)));

        AssertNotifyError(HttpStatusCode.Forbidden, response);
        Assert.Equal($"Notification quota exceeded for users: {Alice}", response.ErrorCode);
        Assert.Equal(48, await DeliveredCountAsync());
    }

    [Fact]
    public async Task The_quota_names_every_user_over_it_and_counts_this_request()
    {
        await PostAsync("sandbox/config", """{"notification_quota":2}""", null);
        AssertStatus(HttpStatusCode.Created, await NotifyAsync(Request(Item(Alice))));

        var response = await NotifyAsync(Request(Item(Dave), Item(Dave), Item(Dave), Item(Alice), Item(Alice)));

        AssertNotifyError(HttpStatusCode.Forbidden, response);
        Assert.Equal($"Notification quota exceeded for users: {Dave}, {Alice}", response.ErrorCode);
    }

    [Fact]
    public async Task A_delivery_stops_counting_toward_the_quota_24_hours_later()
    {
        await PostAsync("sandbox/config", """{"notification_quota":1}""", null);
        AssertStatus(HttpStatusCode.Created, await NotifyAsync(Request(Item(Alice))));

        Fixture.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        AssertNotifyError(HttpStatusCode.Forbidden, await NotifyAsync(Request(Item(Alice))));
        Fixture.Clock.Advance(TimeSpan.FromSeconds(1));

        AssertStatus(HttpStatusCode.Created, await NotifyAsync(Request(Item(Alice))));
        Assert.Equal(2, await DeliveredCountAsync());
    }

    [Fact]
    public async Task Undelivered_notifications_do_not_count_toward_the_quota()
    {
        var response = await NotifyAsync(Request(Enumerable.Repeat(Item(Bob), 100).ToArray()));

        AssertStatus(HttpStatusCode.Created, response);
        Assert.Equal(0, response.Json.GetProperty("delivered_notifications").GetArrayLength());
    }

    [Fact]
    public async Task Reset_clears_the_quota()
    {
        await NotifyAsync(Request(Enumerable.Repeat(Item(Alice), 48).ToArray()));
        AssertStatus(HttpStatusCode.Forbidden, await NotifyAsync(Request(Item(Alice))));

        await PostAsync("sandbox/reset", null, null);

        AssertStatus(HttpStatusCode.Created, await NotifyAsync(Request(Item(Alice))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"notifications":{}}""")]
    [InlineData("not json")]
    public async Task A_body_without_a_notifications_array_is_400(string body)
    {
        AssertNotifyError(HttpStatusCode.BadRequest, await NotifyAsync(body));
    }
}
