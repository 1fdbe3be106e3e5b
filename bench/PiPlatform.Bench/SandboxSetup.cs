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
/// ConvertFrom-Json a long while): fresh payments for an approve run, and the seeded ids for the GET runs.
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
        int next = -1;
        var workers = Enumerable.Range(0, SetupWidth).Select(_ => Task.Run(async () =>
        {
            for (int i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                ids[i] = await CreateOneAsync(http);
            }
        }));
        await Task.WhenAll(workers);
        await File.WriteAllLinesAsync(options.Text("out"), ids);
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
