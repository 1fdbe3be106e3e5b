using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PiPlatform.Sandbox.Horizon.Endpoints;
using PiPlatform.Sandbox.Horizon.Json;
using PiPlatform.Sandbox.Json;
using PiPlatform.Sandbox.Store;

namespace PiPlatform.Sandbox.Endpoints;

/// <summary>
/// The request pipeline: routing, then one middleware that counts API requests (Pi's /v2 and Horizon's) by route
/// template and injects queued faults (<see cref="FaultInjector"/>), then the endpoints. The two APIs share this
/// plumbing only: each answers its own errors in its own shape (Pi's JSON error, Horizon's RFC 7807 problem).
/// </summary>
internal static class SandboxPipeline
{
    private const string FallbackPattern = "{**path}";
    private const string NoRoute = "(no route)";

    public static void Configure(WebApplication app, SandboxState state)
    {
        // Routing first, so the middleware below knows the matched route template.
        app.UseRouting();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SandboxPipeline));
        app.Use(next => context => HandleAsync(context, next, state, logger));

        PlatformEndpoints.MapMe(app);
        var keyed = app.MapGroup(string.Empty).AddEndpointFilter(Auth.RequireApiKey);
        PaymentEndpoints.Map(keyed);
        PlatformEndpoints.MapKeyed(keyed);
        SandboxEndpoints.Map(app);
        ControlEndpoints.Map(app);
        LedgerControlEndpoints.Map(app);
        HorizonEndpoints.Map(app);
        TransactionEndpoints.Map(app);

        // Unknown paths answer in their API's error format rather than an empty 404: Horizon's beside /v2 and /sandbox/.
        // ("{**path}" rather than MapFallback's default, which skips paths that look like file names.)
        app.MapFallback(FallbackPattern, (HttpRequest request) => SandboxApis.Of(request.Path) == SandboxApis.Horizon
            ? HorizonProblems.NotFound().ToResult()
            : ApiErrors.RouteNotFound(request.Method, request.Path).ToResult());
    }

    private static async Task HandleAsync(HttpContext context, RequestDelegate next, SandboxState state, ILogger logger)
    {
        var request = context.Request;
        string? api = SandboxApis.Of(request.Path);
        if (api is null)
        {
            await AnswerGuardedAsync(context, next, null, SandboxApis.Pi, logger);
            return;
        }

        if (api == SandboxApis.Horizon)
        {
            // Clients take the server's time from Date (js-stellar-sdk fetchTimebounds), so it is the sandbox clock's,
            // set as the headers go out: after any fault has cleared the response.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.Date = state.Time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
                context.Response.Headers["Latest-Ledger"] = state.Ledger.Latest().Ledger.ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
        }

        state.Requests.Count(api, request.Method + " " + RouteTemplate(context));
        double received = state.Traffic.Enter();
        Fault? fault = null;
        try
        {
            await DelayAsync(state.Config.Current, context.RequestAborted);
            fault = state.Faults.TryTake(api, request.Method, request.Path.Value ?? string.Empty);
            if (fault is not null)
            {
                state.InjectedFaults.Count(fault.Action);
            }

            await AnswerGuardedAsync(context, next, fault, api, logger);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up during the added latency: there is nobody left to answer.
        }
        finally
        {
            int answered = fault?.Action == FaultActions.Reset ? TrafficStats.NoAnswer : context.Response.StatusCode;
            state.Traffic.Leave(api, request.Method, request.Path.Value ?? string.Empty, answered, received);
        }
    }

    /// <summary>Added latency: the configured delay plus a random share of the jitter, per answer.</summary>
    private static Task DelayAsync(ConfigDto config, CancellationToken aborted)
    {
        int ms = config.LatencyMs + (config.LatencyJitterMs > 0 ? Random.Shared.Next(config.LatencyJitterMs + 1) : 0);
        return ms > 0 ? Task.Delay(ms, aborted) : Task.CompletedTask;
    }

    private static async Task AnswerGuardedAsync(HttpContext context, RequestDelegate next, Fault? fault, string api, ILogger logger)
    {
        try
        {
            await (fault is null ? next(context) : FaultInjector.ApplyAsync(context, next, fault));
        }
        catch (BadHttpRequestException e) when (CanStillAnswer(context))
        {
            // Kestrel refusing the request itself (a body over the limit, a broken chunk), met when an endpoint reads
            // the body: the client's mistake, answered with Kestrel's status in the API's error shape.
            await AnswerAsync(context, api == SandboxApis.Horizon
                ? HorizonProblems.RequestRejected(e.StatusCode, e.Message).ToResult()
                : ApiErrors.RequestRejected(e, SandboxHost.MaxRequestBodyBytes).ToResult());
        }
        catch (Exception e) when (CanStillAnswer(context))
        {
            // A sandbox bug: logged (stderr), or nobody would learn more than the client's 500.
            logger.LogError(e, "Unhandled exception answering {Method} {Path}", context.Request.Method, context.Request.Path);
            await AnswerAsync(context, api == SandboxApis.Horizon ? HorizonProblems.ServerError().ToResult() : ApiErrors.Unknown().ToResult());
        }
    }

    /// <summary>If not (answer under way, or client gone), the exception goes on to Kestrel, which logs it itself.</summary>
    private static bool CanStillAnswer(HttpContext context) =>
        !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested;

    private static Task AnswerAsync(HttpContext context, IResult error)
    {
        context.Response.Clear();
        return error.ExecuteAsync(context);
    }

    private static string RouteTemplate(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } raw } && raw != FallbackPattern ? raw : NoRoute;
}
