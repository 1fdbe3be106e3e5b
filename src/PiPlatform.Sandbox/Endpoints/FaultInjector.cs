using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using PiPlatform.Sandbox.Json;
using PiPlatform.Sandbox.Store;

namespace PiPlatform.Sandbox.Endpoints;

/// <summary>What each fault action does to the request it hit and to its answer (see <see cref="FaultActions"/>).</summary>
internal static class FaultInjector
{
    public static Task ApplyAsync(HttpContext context, RequestDelegate next, Fault fault) => fault.Action switch
    {
        FaultActions.Reset => ResetAsync(context, next, fault.AfterProcessing),
        FaultActions.Delay => DelayAsync(context, next, fault.DelayMs ?? 0),
        FaultActions.Truncate => TruncateAsync(context, next),
        _ => AnswerAsync(context, next, fault),
    };

    /// <summary>The fault's own answer; after processing, in place of the real one (a lost response).</summary>
    private static async Task AnswerAsync(HttpContext context, RequestDelegate next, Fault fault)
    {
        if (fault.AfterProcessing)
        {
            await ProcessAndKeepBodyAsync(context, next);
            context.Response.Clear();
        }

        var response = context.Response;
        response.StatusCode = fault.Status ?? StatusCodes.Status500InternalServerError;
        if (fault.RetryAfter is not null)
        {
            response.Headers.RetryAfter = fault.RetryAfter;
        }

        // A body without a content type is taken for JSON; an empty body gets no content type at all.
        string body = fault.Body ?? string.Empty;
        if (fault.ContentType is not null || body.Length > 0)
        {
            response.ContentType = fault.ContentType ?? SandboxJson.ContentType;
        }

        if (body.Length > 0)
        {
            await response.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>No answer at all; after processing, the state change happened and only its answer is lost.</summary>
    private static async Task ResetAsync(HttpContext context, RequestDelegate next, bool afterProcessing)
    {
        if (afterProcessing)
        {
            await ProcessAndKeepBodyAsync(context, next);
        }

        context.Abort();
    }

    /// <summary>
    /// Processed at once (state changes happen now), answered <paramref name="delayMs"/> later: with a delay longer than
    /// the client's timeout, the client gives up on a request that did succeed.
    /// </summary>
    private static async Task DelayAsync(HttpContext context, RequestDelegate next, int delayMs)
    {
        byte[] body = await ProcessAndKeepBodyAsync(context, next);
        await Task.Delay(delayMs, context.RequestAborted);
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>
    /// The real status and headers, the first half of the body, then the end of the connection. Not by Abort() right
    /// after the write: bytes still queued in Kestrel's output go down with the connection, so now and then the client
    /// would see a reset instead. Instead the body is one chunk of a chunked answer whose last chunk never comes, and
    /// "Connection: close" makes Kestrel close the connection once all of it is sent: the client always reads exactly
    /// half of the body, then an end of stream mid-answer.
    /// </summary>
    private static async Task TruncateAsync(HttpContext context, RequestDelegate next)
    {
        byte[] body = await ProcessAndKeepBodyAsync(context, next);
        var response = context.Response;
        response.Headers.Connection = "close";
        if (!CanHaveBody(context))
        {
            // Nothing to cut (HEAD, 204, 304): the answer goes out whole, and the connection closes after it.
            return;
        }

        int half = body.Length / 2;
        if (!HttpProtocol.IsHttp11(context.Request.Protocol))
        {
            // Chunks are HTTP/1.1's (HttpClient and curl speak it here unless told otherwise). Elsewhere only an abort
            // says the body was cut, with the risk above: the client may see a reset instead.
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body.AsMemory(0, half), context.RequestAborted);
            await response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
            return;
        }

        // A Transfer-Encoding set by the application tells Kestrel the framing is the application's own.
        response.ContentLength = null;
        response.Headers.TransferEncoding = "chunked";
        if (half > 0)
        {
            // Never an empty chunk: "0\r\n\r\n" is the last chunk, which would end the body properly.
            await response.Body.WriteAsync(Encoding.ASCII.GetBytes($"{half:x}\r\n"), context.RequestAborted);
            await response.Body.WriteAsync(body.AsMemory(0, half), context.RequestAborted);
            await response.Body.WriteAsync("\r\n"u8.ToArray(), context.RequestAborted);
        }
    }

    private static bool CanHaveBody(HttpContext context) =>
        !HttpMethods.IsHead(context.Request.Method)
        && context.Response.StatusCode is not (StatusCodes.Status204NoContent or StatusCodes.Status304NotModified) and >= 200;

    /// <summary>
    /// Processes the request for real (state changes happen) and returns the body it answered, which is not sent; the
    /// status and headers stay set on the response for the caller to send, change or clear.
    /// </summary>
    private static async Task<byte[]> ProcessAndKeepBodyAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var sink = new MemoryStream();
        var capture = new StreamResponseBodyFeature(sink);
        context.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            await next(context);
            // Flushes what the endpoint wrote through the response's PipeWriter into the sink.
            await capture.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }

        return sink.ToArray();
    }
}
