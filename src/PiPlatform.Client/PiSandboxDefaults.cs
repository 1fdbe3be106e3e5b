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

        /// <summary>Where the sandbox listens by default.</summary>
        public static readonly Uri BaseUri = new Uri($"http://127.0.0.1:{Port}/");
    }
}
