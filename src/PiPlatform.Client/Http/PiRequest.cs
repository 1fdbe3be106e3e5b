using System.Net.Http;
using System.Security;

namespace PiPlatform.Http
{
    /// <summary>One request to an API (Pi's or Horizon), before it is sent.</summary>
    internal sealed class PiRequest
    {
        public PiRequest(HttpMethod method, string path, string route)
        {
            Method = method;
            Path = path;
            Route = route;
        }

        /// <summary>GET or POST.</summary>
        public HttpMethod Method { get; }

        /// <summary>The escaped path, e.g. <c>v2/payments/abc/approve</c>.</summary>
        public string Path { get; }

        /// <summary>The path's template, e.g. <c>v2/payments/{id}/approve</c>, for logs that group requests.</summary>
        public string Route { get; }

        /// <summary>The body (UTF-8), or null.</summary>
        public byte[]? Body { get; init; }

        /// <summary>The body's media type: JSON for Pi, a form for Horizon's POST /transactions.</summary>
        public string ContentType { get; init; } = "application/json";

        /// <summary>A user's access token, for the Bearer endpoints; null means the app's server key.</summary>
        public SecureString? BearerToken { get; init; }
    }
}
