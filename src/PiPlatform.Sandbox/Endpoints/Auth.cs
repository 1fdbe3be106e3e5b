using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using PiPlatform.Sandbox.Json;
using PiPlatform.Sandbox.Store;

namespace PiPlatform.Sandbox.Endpoints;

/// <summary>The two schemes of the API: <c>Key</c> for server calls, <c>Bearer</c> for /v2/me.</summary>
internal static class Auth
{
    /// <summary>An endpoint filter: the request must carry <c>Authorization: Key &lt;api key&gt;</c>.</summary>
    public static ValueTask<object?> RequireApiKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        string expected = http.RequestServices.GetRequiredService<SandboxState>().Options.ApiKey;
        string? given = Credential(http.Request, "Key");
        return given is not null && FixedTimeEquals(given, expected)
            ? next(context)
            : ValueTask.FromResult<object?>(ApiErrors.Unauthorized().ToResult());
    }

    /// <summary>The demo user whose valid (unexpired) access token the request carries, if any.</summary>
    public static DemoUser? BearerUser(HttpRequest request)
    {
        string? token = Credential(request, "Bearer");
        return token is not null && DemoData.UsersByToken.TryGetValue(token, out var user) && !user.TokenExpired ? user : null;
    }

    /// <summary>The credential after the scheme; the scheme is case-insensitive (the docs' examples send "key").</summary>
    private static string? Credential(HttpRequest request, string scheme)
    {
        StringValues values = request.Headers.Authorization;
        if (values.Count != 1 || values[0] is not { } header)
        {
            return null;
        }

        header = header.Trim();
        int space = header.IndexOf(' ');
        if (space <= 0 || !header.AsSpan(0, space).Equals(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string credential = header[(space + 1)..].Trim();
        return credential.Length > 0 ? credential : null;
    }

    // Constant-time, out of habit: the sandbox's key is public, but code like this gets copied.
    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
