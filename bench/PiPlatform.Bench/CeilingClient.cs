using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace PiPlatform.Bench;

/// <summary>
/// The ceiling: what the same requests cost with nothing between the program and the wire. One shared
/// HttpClient, <c>--width</c> workers taking the next id from a shared counter, each answer read to its end
/// and its status checked, nothing parsed. Any client that does more (JSON, objects, a pipeline) is measured
/// against this.
/// </summary>
internal static class CeilingClient
{
    public static async Task<int> RunAsync(Options options)
    {
        Uri baseUri = options.BaseUri("base-uri");
        string[] ids = File.ReadAllLines(options.Text("ids"));
        string op = options.Text("op");
        if (op is not ("get" or "approve"))
        {
            throw new UsageException("--op must be get or approve.");
        }

        int width = options.PositiveInt("width");

        // Startup as every client times it: make the client, connect, the first call (the ids are read already).
        var startup = Stopwatch.StartNew();
        using var http = SandboxHttp.Create(baseUri, options.OptionalText("api-key"));

        string? warmupId = options.OptionalText("warmup-id");
        if (warmupId is not null)
        {
            using var first = await http.GetAsync(PaymentPath(warmupId));
            first.EnsureSuccessStatusCode();
        }

        ClientProtocol.Ready(startup.Elapsed);

        var tally = new Tally();
        int next = -1;
        var wall = Stopwatch.StartNew();
        var workers = new Task[width];
        for (int w = 0; w < width; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                for (int i = Interlocked.Increment(ref next); i < ids.Length; i = Interlocked.Increment(ref next))
                {
                    await SendOneAsync(http, op, ids[i], tally);
                }
            });
        }

        await Task.WhenAll(workers);
        wall.Stop();

        ClientProtocol.Finish(new ResultLine("ceiling", op, width, ids.Length, tally.Ok, tally.Failed, wall.Elapsed.TotalMilliseconds, tally.FirstError));
        return 0;
    }

    private static async Task SendOneAsync(HttpClient http, string op, string id, Tally tally)
    {
        try
        {
            // The approve is a POST with no body, as the API documents it.
            using var request = op == "get"
                ? new HttpRequestMessage(HttpMethod.Get, PaymentPath(id))
                : new HttpRequestMessage(HttpMethod.Post, PaymentPath(id) + "/approve");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            if (response.IsSuccessStatusCode)
            {
                tally.Succeeded();
            }
            else
            {
                string body = await response.Content.ReadAsStringAsync();
                tally.FailedWith($"{(int)response.StatusCode} {body}");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            tally.FailedWith(e.Message);
        }
    }

    private static string PaymentPath(string id) => "v2/payments/" + Uri.EscapeDataString(id);

    /// <summary>Counts shared by the workers.</summary>
    private sealed class Tally
    {
        private int _ok;
        private int _failed;
        private string? _firstError;

        public int Ok => Volatile.Read(ref _ok);

        public int Failed => Volatile.Read(ref _failed);

        public string? FirstError => Volatile.Read(ref _firstError);

        public void Succeeded() => Interlocked.Increment(ref _ok);

        public void FailedWith(string error)
        {
            Interlocked.Increment(ref _failed);
            Interlocked.CompareExchange(ref _firstError, error, null);
        }
    }
}

/// <summary>The one way this program talks to the sandbox: a keep-alive pool, the API key, a 20 s timeout like the SDKs.</summary>
internal static class SandboxHttp
{
    public const string DefaultApiKey = PiSandboxDefaults.ApiKey;

    public static HttpClient Create(Uri baseUri, string? apiKey)
    {
        var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(20) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Key", apiKey ?? DefaultApiKey);
        return http;
    }
}
