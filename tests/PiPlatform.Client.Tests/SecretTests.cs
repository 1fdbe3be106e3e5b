using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace PiPlatform.Client.Tests
{
    /// <summary>
    /// Keys and tokens: checked before they go into a header, and never in an error, even when a server echoes
    /// the request back (a debugging proxy, a captive portal, a wrong base URI).
    /// </summary>
    [Collection(SandboxCollection.Name)]
    public class SecretTests
    {
        private const string Key = "sk-echoed-key-0123456789abcdef";
        private const string Token = "user-token-echoed-fedcba9876543210";
        private readonly SandboxFixture _sandbox;

        public SecretTests(SandboxFixture sandbox) => _sandbox = sandbox;

        [Theory]
        [InlineData("text/plain")]
        [InlineData("application/json")]
        public async Task AnAnswerThatEchoesTheKeyIsReportedWithTheKeyMasked(string contentType)
        {
            await using var echo = await EchoServer.StartAsync(contentType);
            using PiClient client = NewClient(echo.BaseUri, Key);
            var error = await Assert.ThrowsAsync<PiApiException>(() => client.GetPaymentAsync("abc"));
            Assert.Contains("Key ****", error.ToString());
            Assert.DoesNotContain(Key, error.ToString());
            Assert.DoesNotContain(Key, error.ApiMessage ?? "");
        }

        [Fact]
        public async Task AnAnswerThatEchoesTheTokenIsReportedWithTheTokenMasked()
        {
            await using var echo = await EchoServer.StartAsync("text/plain");
            using PiClient client = NewClient(echo.BaseUri, Key);
            var error = await Assert.ThrowsAsync<PiApiException>(() => client.GetMeAsync(SandboxFixture.Secure(Token)));
            Assert.Contains("Bearer ****", error.ToString());
            Assert.DoesNotContain(Token, error.ToString());
        }

        [Fact]
        public async Task AKeyWithSurroundingWhiteSpaceIsTrimmedAndWorks()
        {
            using PiClient client = NewClient(_sandbox.BaseUri, $"  {PiSandboxDefaults.ApiKey}\r\n");
            Assert.NotNull(await client.GetIncompleteServerPaymentsAsync());
        }

        [Theory]
        [InlineData("pi-sandbox\r\nX-Injected: 1")]
        [InlineData("pi-sandbox-kéy")]
        [InlineData("   ")]
        public void AKeyNoHeaderCanCarryIsRefusedWithoutShowingIt(string key)
        {
            var error = Assert.Throws<PiException>(() => NewClient(_sandbox.BaseUri, key));
            Assert.Equal("invalid_api_key", error.ErrorCode);
            Assert.Equal(PiErrorKind.InvalidArgument, error.Kind);
            if (key.Trim().Length > 0) Assert.DoesNotContain("pi-sandbox", error.Message);
        }

        [Fact]
        public async Task ATokenNoHeaderCanCarryIsThatCallsErrorAndTheClientGoesOn()
        {
            using PiClient client = _sandbox.NewClient();
            int before = await _sandbox.RequestTotalAsync();
            var error = await Assert.ThrowsAsync<PiException>(() => client.GetMeAsync(SandboxFixture.Secure("sandbox-token-alice\r\nX: 1")));
            Assert.Equal("invalid_access_token", error.ErrorCode);
            Assert.DoesNotContain("sandbox-token-alice", error.Message);
            Assert.Equal(before, await _sandbox.RequestTotalAsync());
            Assert.Equal("uid-alice-0001", (await client.GetMeAsync(SandboxFixture.Secure("sandbox-token-alice"))).Uid);
        }

        [Fact]
        public void TheKeyHintShowsOnlyTheLastFourOfALongKey()
        {
            using PiClient longKey = NewClient(_sandbox.BaseUri, Key);
            using PiClient shortKey = NewClient(_sandbox.BaseUri, "short-key");
            Assert.Equal("****cdef", longKey.ApiKeyHint);
            Assert.Equal("****", shortKey.ApiKeyHint);
        }

        private static PiClient NewClient(Uri baseUri, string key) =>
            new PiClient(new PiClientOptions { BaseUri = baseUri, ApiKey = SandboxFixture.Secure(key), Timeout = TimeSpan.FromSeconds(10), Retry = SandboxFixture.QuickRetry });

        /// <summary>A server that answers every request with 502 and the request's Authorization header: a bad proxy.</summary>
        private static class EchoServer
        {
            public static Task<LoopbackServer> StartAsync(string contentType) => LoopbackServer.StartAsync(async context =>
            {
                string sent = context.Request.Headers.Authorization.ToString();
                context.Response.StatusCode = 502;
                context.Response.ContentType = contentType;
                await context.Response.WriteAsync(contentType.Contains("json")
                    ? $"{{\"error\":\"proxy_error\",\"error_message\":\"Bad gateway; you sent Authorization: {sent}\"}}"
                    : $"Bad gateway. You sent: Authorization: {sent}");
            });
        }
    }
}
