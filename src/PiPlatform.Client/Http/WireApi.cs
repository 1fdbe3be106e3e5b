using System;
using System.Net.Http.Headers;

namespace PiPlatform.Http
{
    /// <summary>
    /// What differs between the two HTTP APIs a connection speaks, Pi's Platform API and Horizon (the blockchain's):
    /// where it lives, how a request proves who sends it, and how a failed answer reads. Everything else (rate cap,
    /// timeout budget, retries, size cap, logging) is the one request path, <see cref="PiTransport"/>.
    /// </summary>
    internal abstract class WireApi : IDisposable
    {
        /// <summary>The name log lines and errors use for it: "Pi" or "Horizon".</summary>
        public abstract string Name { get; }

        /// <summary>What starts this API's log lines and error texts before the method: "Horizon " (Pi's need none).</summary>
        public virtual string LogPrefix => Name + " ";

        /// <summary>The root request paths are added to, ending in '/'.</summary>
        public abstract Uri Root { get; }

        /// <summary>The Authorization header for this request, or null.</summary>
        public abstract AuthenticationHeaderValue? Credential(PiRequest request);

        /// <summary>The error a failed answer in this API's own shape stands for.</summary>
        public abstract PiApiError ReadError(PiRequest request, Answer answer);

        /// <summary>An answer that is not this API's JSON (a proxy's page, a truncated body), or a 2xx refused as read.</summary>
        public abstract PiApiError Unexpected(PiRequest request, Answer answer, string? problem = null);

        /// <summary>Releases any secret the API holds.</summary>
        public virtual void Dispose()
        {
        }
    }
}
