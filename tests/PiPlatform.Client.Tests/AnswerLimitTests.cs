using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace PiPlatform.Client.Tests
{
    /// <summary>Answers no real Pi gives: too large, a gzip bomb, control characters in the text; and a base URI ending in /v2.</summary>
    [Collection(SandboxCollection.Name)]
    public class AnswerLimitTests
    {
        private readonly SandboxFixture _sandbox;

        public AnswerLimitTests(SandboxFixture sandbox) => _sandbox = sandbox;

        [Fact]
        public async Task AnAnswerOverTheCapIsRefusedAsResponseTooLarge()
        {
            string id = await _sandbox.NewU2APaymentAsync();
            using var client = new PiClient(new PiClientOptions
            {
                BaseUri = _sandbox.BaseUri, ApiKey = SandboxFixture.Secure(PiSandboxDefaults.ApiKey), MaxResponseBytes = 1000, Retry = SandboxFixture.QuickRetry,
            });
            await _sandbox.PostAsync("sandbox/faults", new { status = 200, count = 1, path_contains = id, body = "{\"pad\":\"" + new string('x', 5000) + "\"}" });

            var error = await Assert.ThrowsAsync<PiTransportException>(() => client.GetPaymentAsync(id));

            Assert.Equal("response_too_large", error.ErrorCode);
            Assert.Equal(PiErrorKind.LimitExceeded, error.Kind);
            Assert.Single(await _sandbox.RequestLogAsync(id)); // not retried: it would only be as large again
        }

        [Fact]
        public async Task AGzipBombIsStoppedAtTheCapWithoutFillingMemory()
        {
            await using var bomb = await BombServer.StartAsync(inflatedBytes: 512L * 1024 * 1024);
            using var client = new PiClient(new PiClientOptions { BaseUri = bomb.BaseUri, ApiKey = SandboxFixture.Secure("k"), Retry = RetryPolicy.None });
            GC.Collect();
            long before = GC.GetTotalMemory(true);

            var error = await Assert.ThrowsAsync<PiTransportException>(() => client.GetPaymentAsync("abc"));

            long grown = Math.Max(0, GC.GetTotalMemory(false) - before);
            Assert.Equal("response_too_large", error.ErrorCode);
            Assert.True(grown < 64L * 1024 * 1024, $"the managed heap grew by {grown / 1048576} MB reading a 512 MB bomb");
        }

        [Fact]
        public async Task ControlCharactersFromTheServerNeverReachTheErrorText()
        {
            using PiClient client = _sandbox.NewClient();
            string id = await _sandbox.NewU2APaymentAsync();
            await _sandbox.PostAsync("sandbox/faults", new { status = 400, count = 1, path_contains = id,
                body = "{\"error\":\"bad\\u001b[2J\",\"error_message\":\"evil \\u001b[31mred\\u0007 text\\r\\nnext\"}" });

            var error = await Assert.ThrowsAsync<PiValidationException>(() => client.GetPaymentAsync(id));

            Assert.DoesNotContain(error.ToString(), c => c == '\u001b' || c == '\u0007' || c == '\r');
            Assert.Contains("evil", error.ApiMessage);
            Assert.Equal("http_400", error.ErrorCode); // "bad<ESC>[2J" is no API code
        }

        [Fact]
        public async Task ARefusedAnswerSaysWhatWasWrongAndNamesThePayment()
        {
            using PiClient client = _sandbox.NewClient();
            string id = await _sandbox.NewU2APaymentAsync();
            await _sandbox.PostAsync("sandbox/faults", new { status = 200, count = 1, path_contains = id, method = "GET",
                body = "{\"identifier\":\"" + id + "\",\"amount\":-1}" });

            var error = await Assert.ThrowsAsync<PiApiException>(() => client.GetPaymentAsync(id));

            Assert.Equal("unexpected_response", error.ErrorCode);
            Assert.False(string.IsNullOrEmpty(error.Error.Problem));
            Assert.Contains("It was refused:", error.Message);
            Assert.Contains(id, error.Error.Problem);
        }

        [Fact]
        public async Task ABaseUriPastedFromThePiDocsEndingInV2Works()
        {
            string id = await _sandbox.NewU2APaymentAsync();
            using var client = new PiClient(new PiClientOptions { BaseUri = new Uri(_sandbox.BaseUri, "v2"), ApiKey = SandboxFixture.Secure(PiSandboxDefaults.ApiKey) });
            Assert.Equal(id, (await client.GetPaymentAsync(id)).Identifier);
            Assert.Equal(_sandbox.BaseUri, client.BaseUri);
        }

        /// <summary>Answers every request with a small gzip body that inflates to a huge JSON string.</summary>
        private static class BombServer
        {
            public static Task<LoopbackServer> StartAsync(long inflatedBytes)
            {
                byte[] gzip = Compress(inflatedBytes);
                return LoopbackServer.StartAsync(async context =>
                {
                    context.Response.ContentType = "application/json";
                    context.Response.Headers.ContentEncoding = "gzip";
                    try
                    {
                        await context.Response.Body.WriteAsync(gzip);
                    }
                    catch (IOException)
                    {
                        // The client stopped reading at its cap and went away: as it should.
                    }
                });
            }

            private static byte[] Compress(long inflatedBytes)
            {
                using var packed = new MemoryStream();
                using (var zip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
                {
                    zip.Write("{\"pad\":\""u8);
                    var letters = new byte[1 << 20];
                    Array.Fill(letters, (byte)'a');
                    for (long written = 0; written < inflatedBytes; written += letters.Length) zip.Write(letters);
                    zip.Write("\"}"u8);
                }
                return packed.ToArray();
            }
        }
    }
}
