using System;
using Microsoft.AspNetCore.Http;

namespace PiPlatform.Sandbox.Store;

/// <summary>
/// The two APIs the sandbox serves on one base URL: Pi's (/v2) and Horizon's (the root: /, /accounts, /transactions...).
/// They share the HTTP plumbing (latency, faults, stats, request log) and nothing else. /sandbox/ is neither.
/// </summary>
internal static class SandboxApis
{
    public const string Pi = "pi";
    public const string Horizon = "horizon";

    /// <summary>Which API a path belongs to, or null for the sandbox's own /sandbox/ endpoints.</summary>
    public static string? Of(PathString path)
    {
        if (path.StartsWithSegments("/v2", StringComparison.OrdinalIgnoreCase))
        {
            return Pi;
        }

        return path.StartsWithSegments("/sandbox", StringComparison.OrdinalIgnoreCase) ? null : Horizon;
    }
}
