using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PiPlatform.Sandbox.Json;
using PiPlatform.Sandbox.Store;

namespace PiPlatform.Sandbox.Endpoints;

/// <summary>/sandbox/ endpoints that are a test's eyes and hands: reset, stats, config, faults, notifications.</summary>
internal static class ControlEndpoints
{
    public const int MaxSeed = 100_000;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/sandbox/reset", ResetAsync);

        app.MapGet("/sandbox/stats", (SandboxState state) =>
        {
            var (total, byRoute) = state.Requests.Snapshot();
            var changes = state.Payments.Changes();
            var traffic = state.Traffic.Snapshot();
            return SandboxJson.Ok(new StatsDto(
                new RequestStatsDto(total, byRoute),
                new ChangeStatsDto(changes.Total, changes.ByPayment),
                new ConnectionStatsDto(traffic.Accepted, traffic.Open),
                new InFlightDto(traffic.InFlight, traffic.Peak)));
        });

        app.MapGet("/sandbox/requests", (SandboxState state) => SandboxJson.Ok(new { requests = state.Traffic.Log() }));

        app.MapGet("/sandbox/config", (SandboxState state) => SandboxJson.Ok(state.Config.Current));
        app.MapPost("/sandbox/config", UpdateConfigAsync);

        app.MapGet("/sandbox/faults", (SandboxState state) => PendingFaults(state));
        app.MapPost("/sandbox/faults", AddFaultAsync);
        app.MapDelete("/sandbox/faults", (SandboxState state) =>
        {
            state.Faults.Clear();
            return PendingFaults(state);
        });

        app.MapGet("/sandbox/notifications", (SandboxState state) =>
            SandboxJson.Ok(new { notifications = state.Notifications.All() }));
    }

    private static async Task<IResult> ResetAsync(HttpRequest request, SandboxState state)
    {
        var body = await RequestJson.ReadAsync(request);
        int? seed = null;
        if (body.Kind == BodyKind.Invalid)
        {
            return ApiErrors.InvalidArguments("The body must be empty or {\"seed\": N}.").ToResult();
        }

        if (body.Kind == BodyKind.Object && RequestJson.TryGetProperty(body.Root, "seed", out var given))
        {
            if (!RequestJson.TryGetInt(given, out int n) || n < 0 || n > MaxSeed)
            {
                return ApiErrors.InvalidArguments($"\"seed\" must be an integer from 0 to {MaxSeed}.").ToResult();
            }

            seed = n;
        }

        return SandboxJson.Ok(new { payments = state.Reset(seed) });
    }

    /// <summary>
    /// Body {"repeat_approve"?: "error"|"ok", "notification_quota"?: N, "latency_ms"?: N, "latency_jitter_ms"?: N};
    /// keys not given stay as they are.
    /// </summary>
    private static async Task<IResult> UpdateConfigAsync(HttpRequest request, SandboxState state)
    {
        var body = await RequestJson.ReadAsync(request);
        if (body.Kind != BodyKind.Object)
        {
            return ApiErrors.InvalidArguments("The body must be a JSON object.").ToResult();
        }

        string? repeatApprove = null;
        if (RequestJson.TryGetProperty(body.Root, "repeat_approve", out _))
        {
            repeatApprove = RequestJson.GetString(body.Root, "repeat_approve");
            if (repeatApprove is not (SandboxConfig.RepeatApproveError or SandboxConfig.RepeatApproveOk))
            {
                return ApiErrors.InvalidArguments("\"repeat_approve\" must be \"error\" or \"ok\".").ToResult();
            }
        }

        int? quota = null;
        if (RequestJson.TryGetProperty(body.Root, "notification_quota", out var q))
        {
            if (!RequestJson.TryGetInt(q, out int n) || n < 0)
            {
                return ApiErrors.InvalidArguments("\"notification_quota\" must be a non-negative integer.").ToResult();
            }

            quota = n;
        }

        int? latency = null, jitter = null;
        foreach (var (name, set) in new (string, Action<int>)[] { ("latency_ms", n => latency = n), ("latency_jitter_ms", n => jitter = n) })
        {
            if (RequestJson.TryGetProperty(body.Root, name, out var l))
            {
                if (!RequestJson.TryGetInt(l, out int n) || n is < 0 or > SandboxConfig.MaxLatencyMs)
                {
                    return ApiErrors.InvalidArguments($"\"{name}\" must be an integer from 0 to {SandboxConfig.MaxLatencyMs}.").ToResult();
                }

                set(n);
            }
        }

        return SandboxJson.Ok(state.Config.Update(repeatApprove, quota, latency, jitter));
    }

    private static async Task<IResult> AddFaultAsync(HttpRequest request, SandboxState state)
    {
        var body = await RequestJson.ReadAsync(request);
        if (body.Kind != BodyKind.Object)
        {
            return ApiErrors.InvalidArguments("The body must be a JSON object with at least \"status\".").ToResult();
        }

        var root = body.Root;
        // A 1xx is no final answer: the client would wait for the real one forever.
        if (!root.TryGetProperty("status", out var s) || !RequestJson.TryGetInt(s, out int status) || status is < 200 or > 599)
        {
            return ApiErrors.InvalidArguments("\"status\" must be an HTTP status code from 200 to 599.").ToResult();
        }

        string faultBody = RequestJson.GetString(root, "body") ?? string.Empty;
        // Kestrel refuses to write a body after these (it throws mid-answer), and HTTP forbids one.
        if (faultBody.Length > 0 && status is StatusCodes.Status204NoContent or StatusCodes.Status205ResetContent or StatusCodes.Status304NotModified)
        {
            return ApiErrors.InvalidArguments($"A {status} answer has no body: leave \"body\" out or empty.").ToResult();
        }

        int count = 1;
        if (RequestJson.TryGetProperty(root, "count", out var c) && (!RequestJson.TryGetInt(c, out count) || count < 1))
        {
            return ApiErrors.InvalidArguments("\"count\" must be a positive integer.").ToResult();
        }

        bool afterProcessing = RequestJson.TryGetProperty(root, "after_processing", out var a) && a.ValueKind == JsonValueKind.True;
        var fault = new Fault(status, count,
            RequestJson.GetString(root, "path_contains"),
            RequestJson.GetString(root, "method"),
            RequestJson.GetString(root, "content_type"),
            faultBody,
            RequestJson.GetString(root, "retry_after"),
            afterProcessing);
        state.Faults.Add(fault);
        return PendingFaults(state);
    }

    private static IResult PendingFaults(SandboxState state) =>
        SandboxJson.Ok(new { faults = state.Faults.Pending().Select(f => f.Fault with { Count = f.Remaining }).ToList() });
}
