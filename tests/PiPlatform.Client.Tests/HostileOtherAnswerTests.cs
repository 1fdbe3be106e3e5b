using System;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Client.Tests
{
    /// <summary>
    /// The user (/v2/me), ad status and notify answers of the wrong shape are refused as <c>unexpected_response</c>,
    /// and well-formed ones still read; each case is served by a sandbox fault.
    /// </summary>
    [Collection(SandboxCollection.Name)]
    public class HostileOtherAnswerTests
    {
        private readonly SandboxFixture _sandbox;

        public HostileOtherAnswerTests(SandboxFixture sandbox) => _sandbox = sandbox;

        private async Task<User> ServeAndGetMeAsync(string body)
        {
            await _sandbox.PostAsync("sandbox/faults", new { status = 200, count = 1, path_contains = "/v2/me", body });
            using PiClient client = _sandbox.NewClient();
            return await client.GetMeAsync(SandboxFixture.Secure("sandbox-token-alice"));
        }

        private async Task<AdStatus> ServeAndGetAdAsync(string body)
        {
            await _sandbox.PostAsync("sandbox/faults", new { status = 200, count = 1, path_contains = "ads_network/status", body });
            using PiClient client = _sandbox.NewClient();
            return await client.GetAdStatusAsync("ad-1");
        }

        private static void AssertUnexpected(PiApiException error) => Assert.Equal("unexpected_response", error.ErrorCode);

        [Theory]
        [InlineData("""{"credentials":{"scopes":[],"valid_until":{"timestamp":1700000000}}}""")]
        [InlineData("""{"uid":null,"credentials":{"scopes":[],"valid_until":{"timestamp":1700000000}}}""")]
        [InlineData("""{"uid":42,"credentials":{"scopes":[],"valid_until":{"timestamp":1700000000}}}""")]
        [InlineData("""{"uid":"","credentials":{"scopes":[],"valid_until":{"timestamp":1700000000}}}""")]
        [InlineData("""{"uid":"u","uid":"v","credentials":{"scopes":[],"valid_until":{"timestamp":1700000000}}}""")]
        [InlineData("""{"uid":"u"}""")]
        [InlineData("""{"uid":"u","credentials":{"valid_until":{"timestamp":1700000000}}}""")]
        [InlineData("""{"uid":"u","credentials":{"scopes":"payments","valid_until":{"timestamp":1700000000}}}""")]
        [InlineData("""{"uid":"u","credentials":{"scopes":["payments",1],"valid_until":{"timestamp":1700000000}}}""")]
        [InlineData("""{"uid":"u","credentials":{"scopes":[],"valid_until":"2030-01-01T00:00:00Z"}}""")]
        [InlineData("""{"uid":"u","credentials":{"scopes":[],"valid_until":1700000000}}""")]
        [InlineData("""{"uid":"u","credentials":{"scopes":[],"valid_until":{}}}""")]
        [InlineData("""{"uid":"u","credentials":{"scopes":[],"valid_until":{"timestamp":"soon"}}}""")]
        [InlineData("""{"uid":"u","credentials":{"scopes":[],"valid_until":{"timestamp":1700000000.5}}}""")]
        [InlineData("""{"uid":"u","credentials":{"scopes":[],"valid_until":{"iso8601":"tomorrow"}}}""")]
        [InlineData("""{"uid":"u","credentials":{"scopes":[],"valid_until":{"timestamp":1700000000,"iso8601":"2031-01-01T00:00:00Z"}}}""")]
        public async Task AUserOfTheWrongShapeIsRefused(string body) =>
            AssertUnexpected(await Assert.ThrowsAsync<PiApiException>(() => ServeAndGetMeAsync(body)));

        [Fact]
        public async Task AWellFormedCraftedUserStillReads()
        {
            User u = await ServeAndGetMeAsync("""
                {"uid":"u1","username":null,"credentials":{"scopes":["payments","username"],
                 "valid_until":{"timestamp":1700000000,"iso8601":"2023-11-14T22:13:20.000Z"}},"new_field":1}
                """);
            Assert.Equal("u1", u.Uid);
            Assert.Null(u.Username);
            Assert.Equal(new[] { "payments", "username" }, u.Scopes);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), u.ValidUntil);
        }

        [Theory]
        [InlineData("{}")]
        [InlineData("""{"identifier":null}""")]
        [InlineData("""{"identifier":7}""")]
        [InlineData("""{"identifier":["ad-1"]}""")]
        [InlineData("""{"identifier":"ad-1","identifier":"ad-2"}""")]
        [InlineData("""{"identifier":"ad-1","mediator_ack_status":5}""")]
        [InlineData("""{"identifier":"ad-1","mediator_ack_status":true}""")]
        [InlineData("""{"identifier":"ad-1","mediator_ack_status":{"state":"granted"}}""")]
        [InlineData("""{"identifier":"ad-1","mediator_ack_status":"granted","mediator_granted_at":"soon"}""")]
        [InlineData("""{"identifier":"ad-1","mediator_ack_status":"granted","mediator_granted_at":1700000000}""")]
        [InlineData("""{"identifier":"ad-1","mediator_ack_status":"revoked","mediator_revoked_at":false}""")]
        [InlineData("[]")]
        public async Task AnAdStatusOfTheWrongShapeIsRefused(string body) =>
            AssertUnexpected(await Assert.ThrowsAsync<PiApiException>(() => ServeAndGetAdAsync(body)));

        [Fact]
        public async Task AWellFormedCraftedAdStatusStillReads()
        {
            AdStatus granted = await ServeAndGetAdAsync(
                """{"identifier":"ad-1","mediator_ack_status":"granted","mediator_granted_at":"2024-05-06T07:08:09Z","mediator_revoked_at":null}""");
            Assert.Equal("granted", granted.MediatorAckStatus);
            Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero), granted.MediatorGrantedAt);
            AdStatus pending = await ServeAndGetAdAsync("""{"identifier":"ad-1","mediator_ack_status":null}""");
            Assert.Null(pending.MediatorAckStatus);
            Assert.Null(pending.MediatorGrantedAt);
        }

        [Theory]
        [InlineData("""{"success":true}""")]
        [InlineData("""{"success":true,"delivered_notifications":null}""")]
        [InlineData("""{"success":true,"delivered_notifications":{}}""")]
        [InlineData("""{"success":true,"delivered_notifications":"uid-alice-0001"}""")]
        [InlineData("""{"success":true,"delivered_notifications":["uid-alice-0001"]}""")]
        [InlineData("""{"success":true,"delivered_notifications":[{"title":"Hi"}]}""")]
        [InlineData("""{"success":true,"delivered_notifications":[{"user_uid":"uid-alice-0001","user_uid":"uid-dave-0004"}]}""")]
        [InlineData("""{"success":true,"delivered_notifications":[],"delivered_notifications":[]}""")]
        public async Task ANotifyAnswerWithoutItsListIsRefusedNotReadAsNobodyReached(string body)
        {
            await _sandbox.PostAsync("sandbox/faults", new { status = 201, count = 1, path_contains = "notify", body });
            using PiClient client = _sandbox.NewClient();
            var outcomes = await client.SendNotificationsAsync(new[]
            {
                new Notification { UserUid = "uid-alice-0001", Title = "Hi", Body = "Body", Subroute = "/shop" },
            });
            // Refused, and since nobody can tell from it who was reached, reported as unknown: never resent, never "not delivered".
            Assert.Null(outcomes[0].Result);
            Assert.Equal("notification_delivery_unknown", outcomes[0].Error!.ErrorCode);
            AssertUnexpected(Assert.IsAssignableFrom<PiApiException>(outcomes[0].Error!.InnerException));
        }

        [Fact]
        public async Task AWellFormedCraftedNotifyAnswerStillReads()
        {
            await _sandbox.PostAsync("sandbox/faults", new { status = 201, count = 1, path_contains = "notify",
                body = """{"success":true,"delivered_notifications":[{"id":"n1","title":"Hi","body":"Body","user_uid":"uid-alice-0001","subroute":"/shop","seen_at":null,"dismissed_at":null}]}""" });
            using PiClient client = _sandbox.NewClient();
            var outcomes = await client.SendNotificationsAsync(new[]
            {
                new Notification { UserUid = "uid-alice-0001", Title = "Hi", Body = "Body", Subroute = "/shop" },
                new Notification { UserUid = "uid-bob-0002", Title = "Hi", Body = "Body", Subroute = "/shop" },
            });
            Assert.True(outcomes[0].Result!.Delivered);
            Assert.Equal("n1", outcomes[0].Result!.NotificationId);
            Assert.False(outcomes[1].Result!.Delivered);
        }
    }
}
