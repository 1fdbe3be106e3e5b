using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace PiPlatform.Bench;

/// <summary>
/// The driver's untimed setup, in C# because it is bulk HTTP and JSON (100,000 ids would take PowerShell's
/// ConvertFrom-Json a long while): fresh payments for an approve run, the seeded ids for the GET runs, and a
/// warm-up of the sandbox before a block's first timed run.
/// </summary>
internal static class SandboxSetup
{
    // Enough to make setup quick, few enough to leave the sandbox idle again at once.
    private const int SetupWidth = 8;

    /// <summary>The user side creates --count payments awaiting approval; their ids go to --out, one a line.</summary>
    public static async Task CreatePaymentsAsync(Options options)
    {
        int count = options.PositiveInt("count");
        using var http = SandboxHttp.Create(options.BaseUri("base-uri"), apiKey: null);
        var ids = new string[count];
        await ForEachAsync(count, async i => ids[i] = await CreateOneAsync(http));
        await File.WriteAllLinesAsync(options.Text("out"), ids);
    }

    /// <summary>
    /// Untimed traffic over every route the runs use (create, GET, approve), so the sandbox's JIT is done before the
    /// first timed run of a block rather than billed to it. In rounds with pauses: the runtime only starts counting
    /// calls for tier-1 compilation once no new method has been compiled for a while (100 ms by default), so one burst
    /// leaves the tier-up, seconds of CPU on a background thread, to the first timed run. The block's runs reset the
    /// sandbox afterwards; the driver then waits for its CPU to go quiet.
    /// </summary>
    public static async Task WarmUpAsync(Options options)
    {
        const int Rounds = 3;
        int count = options.PositiveInt("count");
        using var http = SandboxHttp.Create(options.BaseUri("base-uri"), options.OptionalText("api-key"));
        for (int round = 0; round < Rounds; round++)
        {
            var ids = new string[count];
            await ForEachAsync(count, async i => ids[i] = await CreateOneAsync(http));
            await ForEachAsync(count, async i => (await http.GetAsync("v2/payments/" + ids[i])).EnsureSuccessStatusCode().Dispose());
            await ForEachAsync(count, async i => (await http.PostAsync("v2/payments/" + ids[i] + "/approve", null)).EnsureSuccessStatusCode().Dispose());
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>The first --count payment ids from GET /sandbox/payments (the seeded ones come first), to --out.</summary>
    public static async Task ListIdsAsync(Options options)
    {
        int count = options.PositiveInt("count");
        using var http = SandboxHttp.Create(options.BaseUri("base-uri"), apiKey: null);
        await using var body = await http.GetStreamAsync("sandbox/payments");
        using var list = await JsonDocument.ParseAsync(body);
        var ids = new List<string>(count);
        foreach (var payment in list.RootElement.GetProperty("payments").EnumerateArray().Take(count))
        {
            ids.Add(payment.GetProperty("identifier").GetString() ?? throw new InvalidDataException("A payment without an identifier."));
        }

        if (ids.Count < count)
        {
            throw new InvalidDataException($"The sandbox has {ids.Count} payments, {count} were asked for: start it with a larger --seed.");
        }

        await File.WriteAllLinesAsync(options.Text("out"), ids);
    }

    private static async Task ForEachAsync(int count, Func<int, Task> body)
    {
        int next = -1;
        var workers = Enumerable.Range(0, SetupWidth).Select(_ => Task.Run(async () =>
        {
            for (int i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                await body(i);
            }
        }));
        await Task.WhenAll(workers);
    }

    private static async Task<string> CreateOneAsync(HttpClient http)
    {
        const string Body = """{"user_uid":"uid-alice-0001","amount":1,"memo":"bench"}""";
        using var content = new StringContent(Body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("sandbox/payments", content);
        string text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST /sandbox/payments answered {(int)response.StatusCode}: {text}");
        }

        using var payment = JsonDocument.Parse(text);
        return payment.RootElement.GetProperty("identifier").GetString() ?? throw new InvalidDataException("A payment without an identifier.");
    }
}
