using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Client.Tests
{
    /// <summary>Notifications: one outcome per input, batches of 256, one user's quota never costs the others.</summary>
    [Collection(SandboxCollection.Name)]
    public class NotificationTests
    {
        private readonly SandboxFixture _sandbox;

        public NotificationTests(SandboxFixture sandbox) => _sandbox = sandbox;

        private static Notification To(string uid, string title = "Hi") =>
            new Notification { UserUid = uid, Title = title, Body = "Body", Subroute = "/shop" };

        [Fact]
        public async Task EachInputGetsAnOutcomeInOrder()
        {
            await _sandbox.PostAsync("sandbox/reset", new { });
            using PiClient client = _sandbox.NewClient();
            var outcomes = await client.SendNotificationsAsync(new[] { To("uid-alice-0001"), To("uid-bob-0002"), new Notification { UserUid = "uid-dave-0004", Title = "t", Body = "b", Subroute = "no-slash" }, To("uid-dave-0004") });
            Assert.True(outcomes[0].Result!.Delivered);
            Assert.NotNull(outcomes[0].Result!.NotificationId);
            Assert.False(outcomes[1].Result!.Delivered); // bob has not granted the scope
            Assert.Equal("invalid_notification", outcomes[2].Error!.ErrorCode);
            Assert.True(outcomes[3].Result!.Delivered);
        }

        [Fact]
        public async Task AUserOverQuotaFailsAloneAndTheRestAreSent()
        {
            await _sandbox.PostAsync("sandbox/reset", new { });
            using PiClient client = _sandbox.NewClient();
            var first = await client.SendNotificationsAsync(Enumerable.Range(0, 47).Select(i => To("uid-alice-0001", $"n{i}")).ToList());
            Assert.All(first, o => Assert.True(o.Result!.Delivered));
            var log = new ListLog();
            var second = await client.WithLog(log).SendNotificationsAsync(new[] { To("uid-alice-0001", "a"), To("uid-dave-0004", "d"), To("uid-alice-0001", "b") });
            Assert.Equal("notification_quota_exceeded", second[0].Error!.ErrorCode);
            Assert.Equal(PiErrorKind.LimitExceeded, second[0].Error!.Kind);
            Assert.Contains("uid-alice-0001", second[0].Error!.Message);
            Assert.True(second[1].Result!.Delivered);
            Assert.Equal("notification_quota_exceeded", second[2].Error!.ErrorCode);
        }

        [Fact]
        public async Task MoreThan256AreSplitIntoRequestsOf256()
        {
            await _sandbox.PostAsync("sandbox/reset", new { });
            using PiClient client = _sandbox.NewClient();
            int before = await _sandbox.RequestTotalAsync();
            var many = Enumerable.Range(0, 600).Select(i => To("uid-bob-0002", $"n{i}")).ToList();
            IReadOnlyList<NotificationOutcome> outcomes = await client.SendNotificationsAsync(many);
            Assert.Equal(600, outcomes.Count);
            Assert.All(outcomes, o => Assert.False(o.Result!.Delivered));
            Assert.Equal(3, await _sandbox.RequestTotalAsync() - before);
        }

        [Fact]
        public async Task AServerSide422FailsEveryNotificationOfTheBatchNamingNone()
        {
            await _sandbox.PostAsync("sandbox/reset", new { });
            await _sandbox.PostAsync("sandbox/faults", new { status = 422, count = 1, path_contains = "notify", body = "{\"error\":\"subroute is invalid\"}" });
            using PiClient client = _sandbox.NewClient();
            var outcomes = await client.SendNotificationsAsync(new[] { To("uid-alice-0001"), To("uid-dave-0004") });
            Assert.All(outcomes, o => Assert.Equal("invalid_notification", o.Error!.ErrorCode));
            Assert.All(outcomes, o => Assert.Contains("subroute is invalid", o.Error!.Message));
            Assert.Equal(PiErrorKind.InvalidArgument, outcomes[0].Error!.Kind);
        }
    }
}
