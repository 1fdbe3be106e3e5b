using System;
using System.Collections.Generic;
using System.Text.Json;

namespace PiPlatform
{
    /// <summary>
    /// The local sandbox's well-known settings and limits, owned here once: this file is compiled into the client
    /// (public, for the cmdlets and for users' own tests) and into the sandbox (internal: the sandbox references no other
    /// project of the repo, so that it stays an independent check of the client's wire format).
    /// </summary>
#if PIPLATFORM_SANDBOX
    internal
#else
    public
#endif
    static class PiSandboxDefaults
    {
        /// <summary>The sandbox's default port (the first digits of pi).</summary>
        public const int Port = 31415;

        /// <summary>The sandbox's well-known API key: not a secret, it only opens the local sandbox.</summary>
        public const string ApiKey = "pi-sandbox-key";

        /// <summary>How many payments the sandbox seeds unless told otherwise: two in each of the seven lifecycle states.</summary>
        public const int SeedCount = 14;

        /// <summary>The most payments the sandbox seeds (its --seed, /sandbox/reset and Start-PiSandbox -Seed all stop here).</summary>
        public const int MaxSeedCount = 100_000;

        /// <summary>The most latency the sandbox adds to an answer, or that a fault delays one by, in ms: a minute, past any timeout.</summary>
        public const int MaxLatencyMs = 60_000;

        /// <summary>
        /// The secret seed of the sandbox's app wallet, public on purpose: it only ever holds the local sandbox's
        /// make-believe Pi, so that payouts can be built and signed against the sandbox without a real key. Never use it
        /// on "Pi Network" or "Pi Testnet": anyone can sign with it. Its raw ed25519 seed is SHA-256 of the UTF-8 text
        /// "PiPlatform sandbox app wallet" (a test checks this and the address).
        /// </summary>
        public const string WalletSeed = "SAWRZ3TSRLRQ2SLB4RJ7UWFB5JWDQPRQYMSWZO4PUMPQGECHVK23IJSF";

        /// <summary>The account id (public address) of <see cref="WalletSeed"/>: the sandbox app wallet.</summary>
        public const string WalletAddress = "GCYDLIAVW6DLLPGMUAY3DW4CA7TTKBSM7WCXD4WUHGAIAAXJWJSZR56C";

        /// <summary>Where the sandbox listens by default.</summary>
        public static readonly Uri BaseUri = new Uri($"http://127.0.0.1:{Port}/");

        /// <summary>What starts the sandbox's first line on standard output, the one a launcher waits for.</summary>
        public const string ReadyLinePrefix = "PiPlatform.Sandbox ready ";

        private const string BaseUriField = "base_uri";

        /// <summary>
        /// The machine-readable line the sandbox prints once it listens: the prefix, then one JSON object, e.g.
        /// <c>PiPlatform.Sandbox ready {"base_uri":"http://127.0.0.1:54321/"}</c>.
        /// </summary>
        public static string ReadyLine(Uri baseUri) =>
            ReadyLinePrefix + JsonSerializer.Serialize(new Dictionary<string, string> { [BaseUriField] = baseUri.AbsoluteUri });

        /// <summary>The base URI of a ready line, or null if <paramref name="line"/> is not one.</summary>
        public static Uri? ReadReadyLine(string? line)
        {
            if (line == null || !line.StartsWith(ReadyLinePrefix, StringComparison.Ordinal)) return null;
            try
            {
                using JsonDocument doc = JsonDocument.Parse(line.Substring(ReadyLinePrefix.Length));
                return doc.RootElement.ValueKind == JsonValueKind.Object
                    && doc.RootElement.TryGetProperty(BaseUriField, out JsonElement uri) && uri.ValueKind == JsonValueKind.String
                    && Uri.TryCreate(uri.GetString(), UriKind.Absolute, out Uri? parsed) ? parsed : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>Limits of the Pi Platform API that the client, the cmdlets and the sandbox all keep to.</summary>
#if PIPLATFORM_SANDBOX
    internal
#else
    public
#endif
    static class PiApiLimits
    {
        /// <summary>The most notifications one POST /v2/in_app_notifications/notify may carry.</summary>
        public const int MaxNotificationsPerRequest = 256;
    }
}
