using System.Linq;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PiPlatform.Sandbox.Json;
using PiPlatform.Sandbox.Store;

namespace PiPlatform.Sandbox.Endpoints;

/// <summary>
/// Reads and validates a POST /sandbox/faults body into a <see cref="Fault"/>. Every bad value is refused rather than
/// guessed at: a fault that silently did something else would make the test that queued it pass for the wrong reason.
/// </summary>
internal static class FaultRequest
{
    /// <summary>The longest delay a fault may add: a minute, like the latency setting, longer than any client's timeout.</summary>
    public const int MaxDelayMs = SandboxConfig.MaxLatencyMs;

    private static readonly string[] StringFields = { "action", "path_contains", "method", "content_type", "body", "retry_after", "api" };

    /// <summary>The fault, or null and the invalid_arguments error to answer.</summary>
    public static Fault? Read(JsonElement root, out ApiError? error)
    {
        string? problem = TryRead(root, out var fault);
        error = problem is null ? null : ApiErrors.InvalidArguments(problem);
        return fault;
    }

    private static string? TryRead(JsonElement root, out Fault? fault)
    {
        fault = null;
        if (StringFields.FirstOrDefault(name => RequestJson.TryGetProperty(root, name, out var v) && v.ValueKind != JsonValueKind.String) is { } notString)
        {
            return $"\"{notString}\" must be a string.";
        }

        string action = RequestJson.GetString(root, "action") ?? FaultActions.Answer;
        if (!FaultActions.All.Contains(action))
        {
            return "\"action\" must be \"answer\", \"reset\", \"delay\" or \"truncate\".";
        }

        string? api = RequestJson.GetString(root, "api");
        if (api is not (null or SandboxApis.Pi or SandboxApis.Horizon))
        {
            return "\"api\" must be \"pi\" or \"horizon\" (leave it out for either).";
        }

        bool answers = action == FaultActions.Answer;
        int status = 0;
        string body = RequestJson.GetString(root, "body") ?? string.Empty;
        if (answers)
        {
            // A 1xx is no final answer: the client would wait for the real one forever.
            if (!root.TryGetProperty("status", out var s) || !RequestJson.TryGetInt(s, out status) || status is < 200 or > 599)
            {
                return "\"status\" must be an HTTP status code from 200 to 599 (it is required unless \"action\" is not \"answer\").";
            }

            // Kestrel refuses to write a body after these (it throws mid-answer), and HTTP forbids one.
            if (body.Length > 0 && status is StatusCodes.Status204NoContent or StatusCodes.Status205ResetContent or StatusCodes.Status304NotModified)
            {
                return $"A {status} answer has no body: leave \"body\" out or empty.";
            }
        }

        int delayMs = 0;
        if (action == FaultActions.Delay
            && (!RequestJson.TryGetProperty(root, "delay_ms", out var d) || !RequestJson.TryGetInt(d, out delayMs) || delayMs is < 1 or > MaxDelayMs))
        {
            return $"\"delay_ms\" is required with \"action\": \"delay\" and must be an integer from 1 to {MaxDelayMs}.";
        }

        double? rate = null;
        if (RequestJson.TryGetProperty(root, "rate", out var r))
        {
            if (r.ValueKind != JsonValueKind.Number || !r.TryGetDouble(out double given) || given is <= 0 or > 1)
            {
                return "\"rate\" must be a number greater than 0 and at most 1 (the share of matching requests that take the fault).";
            }

            rate = given;
        }

        int? seed = null;
        if (RequestJson.TryGetProperty(root, "seed", out var sd))
        {
            if (!RequestJson.TryGetInt(sd, out int given))
            {
                return "\"seed\" must be a 32-bit integer.";
            }

            seed = given;
        }

        // Without a rate, the next request only (today's behaviour); with one, as many as are drawn.
        int? count = rate is null ? 1 : null;
        if (RequestJson.TryGetProperty(root, "count", out var c))
        {
            if (!RequestJson.TryGetInt(c, out int given) || given < 1)
            {
                return "\"count\" must be a positive integer.";
            }

            count = given;
        }

        bool afterProcessing = false;
        if (RequestJson.TryGetProperty(root, "after_processing", out var a))
        {
            if (a.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return "\"after_processing\" must be true or false.";
            }

            afterProcessing = a.ValueKind == JsonValueKind.True;
        }

        // A delayed or truncated answer is the real one, so those two always process; the other fields stay null
        // where they do not apply, so GET /sandbox/faults shows what each fault will do.
        fault = new Fault(action,
            answers ? status : null,
            count,
            RequestJson.GetString(root, "path_contains"),
            RequestJson.GetString(root, "method"),
            answers ? RequestJson.GetString(root, "content_type") : null,
            answers ? body : null,
            answers ? RequestJson.GetString(root, "retry_after") : null,
            afterProcessing || action is FaultActions.Delay or FaultActions.Truncate,
            action == FaultActions.Delay ? delayMs : null,
            rate,
            seed,
            api);
        return null;
    }
}
