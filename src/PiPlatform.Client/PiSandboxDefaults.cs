using System;

namespace PiPlatform
{
    /// <summary>
    /// The local sandbox's well-known settings. The sandbox project keeps its own copy (it stands apart from the
    /// client); a test checks that the two agree.
    /// </summary>
    public static class PiSandboxDefaults
    {
        /// <summary>The sandbox's default port.</summary>
        public const int Port = 31415;

        /// <summary>The sandbox's well-known API key: not a secret, it only opens the local sandbox.</summary>
        public const string ApiKey = "pi-sandbox-key";

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
    }
}
