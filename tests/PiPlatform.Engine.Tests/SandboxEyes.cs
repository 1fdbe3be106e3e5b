using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;

namespace PiPlatform.Engine.Tests;

/// <summary>
/// The test's own view of the sandbox over plain HTTP, never through the module: the user's side (/sandbox/
/// endpoints), its counts of requests and real changes, and its Horizon ledger.
/// </summary>
public sealed class SandboxEyes(HttpClient http)
{
    /// <summary>A new user-to-app payment awaiting approval, as the user's app creates it; its identifier.</summary>
    public async Task<string> NewUserToAppAsync(decimal amount = 1.5m, string user = "uid-alice-0001", string memo = "engine test")
    {
        using HttpResponseMessage created = await http.PostAsJsonAsync("sandbox/payments", new { user_uid = user, amount, memo });
        created.EnsureSuccessStatusCode();
        using JsonDocument doc = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("identifier").GetString()!;
    }

    /// <summary>The user cancels a user-to-app payment, in the sandbox's user-side role.</summary>
    public async Task UserCancelAsync(string id)
    {
        using HttpResponseMessage cancelled = await http.PostAsync($"sandbox/payments/{id}/user_cancel", null);
        cancelled.EnsureSuccessStatusCode();
    }

    /// <summary>How many real state changes of one kind (approve, complete, cancel, ...) the sandbox made on a payment.</summary>
    public async Task<int> ChangesAsync(string id, string kind)
    {
        using JsonDocument stats = await GetAsync("sandbox/stats");
        return stats.RootElement.GetProperty("changes").GetProperty("by_payment").TryGetProperty(id, out JsonElement counts)
            && counts.TryGetProperty(kind, out JsonElement n) ? n.GetInt32() : 0;
    }

    /// <summary>Every API request (Pi's and Horizon's) the sandbox has seen since start or reset.</summary>
    public async Task<int> RequestTotalAsync()
    {
        using JsonDocument stats = await GetAsync("sandbox/stats");
        return stats.RootElement.GetProperty("requests").GetProperty("total").GetInt32();
    }

    /// <summary>Milliseconds added before every API answer (0: none).</summary>
    public async Task SetLatencyAsync(int milliseconds)
    {
        using HttpResponseMessage set = await http.PostAsJsonAsync("sandbox/config", new { latency_ms = milliseconds });
        set.EnsureSuccessStatusCode();
    }

    /// <summary>A payment as the sandbox stores it, in its own JSON (amount as the wire number).</summary>
    public async Task<string> RawPaymentJsonAsync(string id)
    {
        using JsonDocument all = await GetAsync("sandbox/payments");
        foreach (JsonElement p in all.RootElement.GetProperty("payments").EnumerateArray())
        {
            if (p.GetProperty("identifier").GetString() == id) return p.GetRawText();
        }

        throw new InvalidOperationException($"The sandbox has no payment {id}.");
    }

    /// <summary>The identifier of the sandbox's first payment (seeded at start).</summary>
    public async Task<string> FirstPaymentIdAsync()
    {
        using JsonDocument all = await GetAsync("sandbox/payments");
        return all.RootElement.GetProperty("payments")[0].GetProperty("identifier").GetString()!;
    }

    /// <summary>GET of any sandbox or Horizon path, as JSON.</summary>
    public async Task<JsonDocument> GetAsync(string path) => JsonDocument.Parse(await http.GetStringAsync(path));
}
