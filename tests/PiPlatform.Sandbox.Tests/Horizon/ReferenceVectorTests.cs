using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace PiPlatform.Sandbox.Tests.Horizon;

/// <summary>
/// Envelopes made by the reference library, @stellar/stellar-base 15.0.0 (tests/vectors/horizon/make-vectors.js, output
/// pasted below): the sandbox must accept them, and the test-side builder must reproduce them byte for byte. Each side
/// is thereby checked against Stellar's own code, not only against the other.
/// </summary>
public sealed class ReferenceVectorTests
{
    /// <summary>2026-01-01T00:00:00Z: the vectors' time bounds are built around it.</summary>
    private const ulong T0 = 1767225600;

    private const string SeededPaymentId = "lbv8ybDCFhVgqHYQh3DnJGLjjoHx";

    private const string SeededPayout =
        "AAAAAgAAAACwNaAVt4a1vMygMbHbggfnNQZM/YVx8tQ5gIAC6bJlmAABhqABMS0AAAAAAQAAAAEAAAAAaVW5AAAAAABpVbm0AAAAAQAAABxsYnY4eWJEQ0Zo"
        + "VmdxSFlRaDNEbkpHTGpqb0h4AAAAAQAAAAAAAAABAAAAAKCBAhJnOg6wl7GmOOLIlB+/Gv6HSlItI5YN2PLt15+GAAAAAAAAAAAA5OHAAAAAAAAAAAHpsmWY"
        + "AAAAQHqAccVBOlvKKqIOxcsOBc//lCglAMEOKn5CH33Yx1TEB75Rb2R4sudkInKbp8sL0W14gn763NJTXOLIT1zqLAo=";

    private const string SeededPayoutHash = "429d85a1eab649898836d8aa50c93464d94f3125d48731ab0bb63f78572c012a";

    private const string EdgePayout =
        "AAAAAgAAAACwNaAVt4a1vMygMbHbggfnNQZM/YVx8tQ5gIAC6bJlmAAD0JABMS0AAAAAAgAAAAEAAAAAAAAAAAAAAAAAAAAAAAAAAQAAAA92ZWN0b3IgMiDi"
        + "nJMgw6kAAAAAAQAAAAAAAAABAAAAAFq8QaZrPEXfHyIkT8+O8YmPafrOynt9flIVhCooDDiOAAAAAAAAAAAAAAABAAAAAAAAAAHpsmWYAAAAQPHJN0IaH5kd"
        + "TowfBZKT4g6Ciu+/WVtTwjI4XHBokxtX3/YQbuCj9GXevbwo9PJTzbaNDCDgujM2QB1oxNhvags=";

    private const string EdgePayoutHash = "e94c6b672fd0b46a3b67e9d92c2911ce81aa6ac73c18ab0a8e53dc4cf6ae7145";

    [Fact]
    public void The_test_builder_reproduces_the_seeded_payout_byte_for_byte()
    {
        var built = TestEnvelope.Payment(HorizonTest.AppSeed, HorizonTest.GenesisSequence + 1, 100_000, T0, T0 + 180,
            SeededPaymentId, HorizonTest.WalletOf("alice"), 15_000_000);

        Assert.Equal(SeededPayout, built.Base64);
        Assert.Equal(SeededPayoutHash, built.Hash);
    }

    [Fact]
    public void The_test_builder_reproduces_the_edge_payout_byte_for_byte()
    {
        var built = TestEnvelope.Payment(HorizonTest.AppSeed, HorizonTest.GenesisSequence + 2, 250_000, 0, 0,
            "vector 2 \u2713 \u00e9", HorizonTest.WalletOf("bob"), 1);

        Assert.Equal(EdgePayout, built.Base64);
        Assert.Equal(EdgePayoutHash, built.Hash);
    }

    [Fact]
    public async Task The_sandbox_applies_both_reference_envelopes_on_its_clock_and_links_the_seeded_payout()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds((long)T0 + 60));
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Port = 0 }, clock);
        using var http = new HttpClient { BaseAddress = host.BaseUri };

        var (seededStatus, seeded) = await SubmitAsync(http, SeededPayout);
        var (edgeStatus, edge) = await SubmitAsync(http, EdgePayout);

        Assert.Equal(HttpStatusCode.OK, seededStatus);
        Assert.Equal(SeededPayoutHash, seeded.GetProperty("hash").GetString());
        Assert.Equal(SeededPaymentId, seeded.GetProperty("memo").GetString());
        Assert.Equal(HttpStatusCode.OK, edgeStatus);
        Assert.Equal(EdgePayoutHash, edge.GetProperty("hash").GetString());
        Assert.Equal("vector 2 \u2713 \u00e9", edge.GetProperty("memo").GetString());
        Assert.Equal("250000", edge.GetProperty("max_fee").GetString());
        Assert.Equal("100000", edge.GetProperty("fee_charged").GetString());
        using var payment = new HttpRequestMessage(HttpMethod.Get, $"v2/payments/{SeededPaymentId}");
        payment.Headers.TryAddWithoutValidation("Authorization", SandboxTest.Key);
        var linked = JsonDocument.Parse(await (await http.SendAsync(payment)).Content.ReadAsStringAsync()).RootElement.GetProperty("transaction");
        Assert.Equal(SeededPayoutHash, linked.GetProperty("txid").GetString());
    }

    [Fact]
    public async Task The_seeded_payout_is_too_late_once_its_max_time_has_passed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds((long)T0 + 181));
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Port = 0 }, clock);
        using var http = new HttpClient { BaseAddress = host.BaseUri };

        var (status, problem) = await SubmitAsync(http, SeededPayout);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("tx_too_late", problem.GetProperty("extras").GetProperty("result_codes").GetProperty("transaction").GetString());
    }

    private static async Task<(HttpStatusCode, JsonElement)> SubmitAsync(HttpClient http, string envelope)
    {
        using var body = new FormUrlEncodedContent(new[] { new KeyValuePair<string, string>("tx", envelope) });
        using var response = await http.PostAsync("transactions", body);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }
}
