using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Client.Tests
{
    /// <summary>
    /// Exactly once under faults, one request at a time: reads are retried, changes are read back before they are ever
    /// sent again, a create is looked for among the incomplete payments, and a notify is never sent twice. Each test
    /// checks the sandbox's own count of real changes, not just what the client says.
    /// </summary>
    [Collection(SandboxCollection.Name)]
    public class RetryTests
    {
        private const string Carol = "uid-carol-0003";
        private readonly SandboxFixture _sandbox;

        public RetryTests(SandboxFixture sandbox) => _sandbox = sandbox;

        private Task FaultAsync(object fault) => _sandbox.PostAsync("sandbox/faults", fault);

        [Fact]
        public async Task AReadIsRetriedAfter5xxAnswersAndEachRetryIsLogged()
        {
            using PiClient client = _sandbox.NewClient();
            string id = await _sandbox.NewU2APaymentAsync();
            await FaultAsync(new { status = 503, count = 2, path_contains = id, method = "GET" });
            var log = new ListLog();

            Payment p = await client.WithLog(log).GetPaymentAsync(id);

            Assert.Equal(id, p.Identifier);
            Assert.Equal(3, (await _sandbox.RequestLogAsync(id)).Count);
            Assert.Contains(log.Lines, l => l.Contains("retry 1 of 3"));
            Assert.Contains(log.Lines, l => l.Contains("retry 2 of 3"));
        }

        [Fact]
        public async Task AReadGivesUpAfterItsRetriesWithAServerError()
        {
            using PiClient client = _sandbox.NewClient(retry: new RetryPolicy(2, TimeSpan.FromMilliseconds(10)));
            string id = await _sandbox.NewU2APaymentAsync();
            await FaultAsync(new { status = 503, count = 5, path_contains = id, method = "GET" });

            var error = await Assert.ThrowsAsync<PiApiException>(() => client.GetPaymentAsync(id));

            Assert.Equal("server_error", error.ErrorCode);
            Assert.Equal(PiErrorKind.ServerError, error.Kind);
            Assert.Equal(3, (await _sandbox.RequestLogAsync(id)).Count);
        }

        [Fact]
        public async Task AnApproveWhoseAnswerWasLostIsConfirmedByReadBackAndNotSentAgain()
        {
            using PiClient client = _sandbox.NewClient();
            string id = await _sandbox.NewU2APaymentAsync();
            await FaultAsync(new { status = 502, count = 1, path_contains = id + "/approve", after_processing = true });
            var log = new ListLog();

            Payment p = await client.WithLog(log).ApprovePaymentAsync(id);

            Assert.True(p.Status.DeveloperApproved);
            Assert.Equal(1, await _sandbox.ChangesAsync(id, "approve"));
            Assert.Single(await _sandbox.RequestLogAsync(id + "/approve"));
            Assert.Contains(log.Lines, l => l.Contains("confirmed by read-back"));
        }

        [Fact]
        public async Task AnApproveRefusedWithA503IsReadBackThenSentAgain()
        {
            using PiClient client = _sandbox.NewClient();
            string id = await _sandbox.NewU2APaymentAsync();
            await FaultAsync(new { status = 503, count = 1, path_contains = id + "/approve" });
            var log = new ListLog();

            Payment p = await client.WithLog(log).ApprovePaymentAsync(id);

            Assert.True(p.Status.DeveloperApproved);
            Assert.Equal(1, await _sandbox.ChangesAsync(id, "approve"));
            Assert.Equal(2, (await _sandbox.RequestLogAsync(id + "/approve")).Count);
            Assert.Contains(log.Lines, l => l.Contains("it has not happened: retry 1 of 3"));
        }

        [Fact]
        public async Task AChangeWhoseStateCannotBeReadBackIsPaymentStateUnknownAndIsNotRepeated()
        {
            using PiClient client = _sandbox.NewClient();
            string id = await _sandbox.NewU2APaymentAsync();
            await FaultAsync(new { status = 502, count = 1, path_contains = id + "/approve", after_processing = true });
            await FaultAsync(new { status = 503, count = 10, path_contains = id, method = "GET" });

            var error = await Assert.ThrowsAsync<PiException>(() => client.ApprovePaymentAsync(id));

            Assert.Equal("payment_state_unknown", error.ErrorCode);
            Assert.Contains(id, error.Message);
            Assert.Contains("Get-PiPayment", error.RecommendedAction);
            Assert.Single(await _sandbox.RequestLogAsync(id + "/approve"));
            Assert.Equal(1, await _sandbox.ChangesAsync(id, "approve"));
            // The GET faults not used up would fail later tests' reads of this payment: clear them.
            await _sandbox.Http.DeleteAsync(new Uri(_sandbox.BaseUri, "sandbox/faults"));
        }

        [Fact]
        public async Task ACreateWhoseAnswerWasLostIsFoundAmongTheIncompletePaymentsNotCreatedTwice()
        {
            using PiClient client = _sandbox.NewClient();
            var request = new PaymentRequest { UserUid = Carol, Amount = 0.25m, Memo = "payout 1", Metadata = new System.Collections.Hashtable { ["order"] = 7, ["tags"] = new[] { "a", "b" } } };
            await FaultAsync(new { status = 504, count = 1, method = "POST", path_contains = "/v2/payments", after_processing = true });
            var log = new ListLog();

            Payment created = await client.WithLog(log).CreatePaymentAsync(request);
            try
            {
                Assert.Equal(Carol, created.UserUid);
                Assert.Single(await client.GetIncompleteServerPaymentsAsync(), p => p.UserUid == Carol);
                Assert.Single(await _sandbox.RequestLogAsync("/v2/payments"), r => r.Status == 504);
                Assert.Contains(log.Lines, l => l.Contains("confirmed by read-back"));
            }
            finally
            {
                await client.CancelPaymentAsync(created.Identifier);
            }
        }

        [Fact]
        public async Task ACreateRefusedBeforeProcessingIsSentAgainAndMadeOnce()
        {
            using PiClient client = _sandbox.NewClient();
            await FaultAsync(new { status = 503, count = 1, method = "POST", path_contains = "/v2/payments" });

            Payment created = await client.CreatePaymentAsync(new PaymentRequest { UserUid = Carol, Amount = 1m, Memo = "payout 2" });
            try
            {
                Assert.Single(await client.GetIncompleteServerPaymentsAsync(), p => p.UserUid == Carol);
                Assert.Equal(1, await _sandbox.ChangesAsync(created.Identifier, "create"));
            }
            finally
            {
                await client.CancelPaymentAsync(created.Identifier);
            }
        }

        [Fact]
        public async Task ANotifyWhoseAnswerWasLostIsNotSentAgainAndEachNotificationSaysSo()
        {
            using PiClient client = _sandbox.NewClient();
            await _sandbox.PostAsync("sandbox/reset", new { });
            await FaultAsync(new { status = 502, count = 1, path_contains = "/notify", after_processing = true });
            var batch = new[] { "one", "two" }.Select(t => new Notification { UserUid = "uid-alice-0001", Title = t, Body = "b", Subroute = "/" }).ToList();

            var outcomes = await client.SendNotificationsAsync(batch);

            Assert.All(outcomes, o => Assert.Equal("notification_delivery_unknown", o.Error?.ErrorCode));
            Assert.Single(await _sandbox.RequestLogAsync("/notify"));
        }
    }
}
