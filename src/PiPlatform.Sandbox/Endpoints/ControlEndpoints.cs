using System;
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

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/sandbox/reset", ResetAsync);

        app.MapGet("/sandbox/stats", (SandboxState state) =>
        {
            var (total, byRoute, byApi) = state.Requests.Snapshot();
            var changes = state.Payments.Changes();
            var traffic = state.Traffic.Snapshot();
            return SandboxJson.Ok(new StatsDto(
                new RequestStatsDto(total, byRoute, byApi),
                new ChangeStatsDto(changes.Total, changes.ByPayment),
                new ConnectionStatsDto(traffic.Accepted, traffic.Open),
                new InFlightDto(traffic.InFlight, traffic.Peak),
                state.InjectedFaults.Snapshot()));
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
            if (!RequestJson.TryGetInt(given, out int n) || n < 0 || n > PiSandboxDefaults.MaxSeedCount)
            {
                return ApiErrors.InvalidArguments($"\"seed\" must be an integer from 0 to {PiSandboxDefaults.MaxSeedCount}.").ToResult();
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
            return ApiErrors.InvalidArguments("The body must be a JSON object, e.g. {\"status\": 502} or {\"action\": \"reset\"}.").ToResult();
        }

        if (FaultRequest.Read(body.Root, out var invalid) is not { } fault)
        {
            return invalid!.ToResult();
        }

        state.Faults.Add(fault);
        return PendingFaults(state);
    }

    private static IResult PendingFaults(SandboxState state) =>
        SandboxJson.Ok(new { faults = state.Faults.Pending() });
}
