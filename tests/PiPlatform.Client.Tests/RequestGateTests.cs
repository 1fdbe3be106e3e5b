using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Client.Tests
{
    /// <summary>
    /// What one connection's calls share: a 429 pauses all of them, the rate cap spaces all of them, and a call's
    /// waits stay inside its timeout. Read off the sandbox's request log (when each request arrived), not a stopwatch.
    /// </summary>
    [Collection(SandboxCollection.Name)]
    public class RequestGateTests
    {
        private readonly SandboxFixture _sandbox;

        public RequestGateTests(SandboxFixture sandbox) => _sandbox = sandbox;

        [Fact]
        public async Task A429PausesEveryCallOfTheConnectionNotOnlyTheOneThatGotIt()
        {
            using PiClient client = _sandbox.NewClient();
            string limited = await _sandbox.NewU2APaymentAsync();
            string other = await _sandbox.NewU2APaymentAsync();
            await _sandbox.PostAsync("sandbox/faults", new { status = 429, count = 1, path_contains = limited, retry_after = "1" });

            Task<Payment> first = client.GetPaymentAsync(limited);
            while ((await _sandbox.RequestLogAsync(limited)).Count == 0) await Task.Delay(10);
            Payment second = await client.GetPaymentAsync(other);
            await first;

            var told = (await _sandbox.RequestLogAsync(limited)).Single(r => r.Status == 429);
            var sent = (await _sandbox.RequestLogAsync(other)).Single();
            Assert.Equal(other, second.Identifier);
            Assert.True(sent.ReceivedMs >= told.AnsweredMs + 900, $"the other call went out {sent.ReceivedMs - told.AnsweredMs:0} ms after the 429");
        }

        [Fact]
        public async Task ARetryAfterLongerThanTheTimeoutLeftFailsAtOnceInsteadOfWaitingPastIt()
        {
            using PiClient client = _sandbox.NewClient(timeout: TimeSpan.FromSeconds(2));
            string id = await _sandbox.NewU2APaymentAsync();
            await _sandbox.PostAsync("sandbox/faults", new { status = 429, count = 1, path_contains = id, retry_after = "30" });
            var log = new ListLog();

            var error = await Assert.ThrowsAsync<PiRateLimitException>(() => client.WithLog(log).GetPaymentAsync(id));

            Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
            Assert.Single(await _sandbox.RequestLogAsync(id));
            Assert.Contains(log.Lines, l => l.Contains("not retrying"));
        }

        [Fact]
        public async Task TheRateCapSpacesConcurrentCalls()
        {
            using PiClient client = _sandbox.NewClient(maxRequestsPerSecond: 10);
            string id = await _sandbox.NewU2APaymentAsync();

            await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.GetPaymentAsync(id)));

            var received = (await _sandbox.RequestLogAsync(id)).Select(r => r.ReceivedMs).OrderBy(t => t).ToList();
            Assert.Equal(6, received.Count);
            // Six requests at 10 a second: five gaps of 100 ms (a little slack for timer resolution).
            Assert.True(received[5] - received[0] >= 480, $"six requests spanned {received[5] - received[0]:0} ms");
            Assert.Equal(10, client.MaxRequestsPerSecond);
        }
    }
}
