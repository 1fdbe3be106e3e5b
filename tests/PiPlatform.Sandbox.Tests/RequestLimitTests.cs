using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests;

/// <summary>Bodies over the sandbox's 1 MB limit: 413 in the API's error shape (never a 500), and the sandbox carries on.</summary>
public sealed class RequestLimitTests : SandboxTest
{
    public RequestLimitTests(SandboxFixture fixture) : base(fixture)
    {
    }

    /// <summary>Valid JSON one byte over the limit, so only its size is wrong.</summary>
    private static string Oversized()
    {
        const string Start = "{\"txid\":\"", End = "\"}";
        return Start + new string('a', SandboxHost.MaxRequestBodyBytes + 1 - Start.Length - End.Length) + End;
    }

    [Fact]
    public async Task An_oversized_body_to_a_payment_endpoint_is_413_request_too_large_and_changes_nothing()
    {
        var ready = (await SeededAsync("tx_verified"))[0];
        string body = Oversized();
        Assert.Equal(SandboxHost.MaxRequestBodyBytes + 1, body.Length);

        AssertError(HttpStatusCode.RequestEntityTooLarge, "request_too_large", await PostAsync($"v2/payments/{Id(ready)}/complete", body));

        Assert.False(Flag(await PaymentAsync(Id(ready)), "developer_completed"));
        AssertStatus(HttpStatusCode.OK, await PostAsync($"v2/payments/{Id(ready)}/complete", $$"""{"txid":"{{TxidOf(ready)}}"}"""));
    }

    [Fact]
    public async Task An_oversized_body_to_a_sandbox_endpoint_is_413_request_too_large()
    {
        string id = Id((await SeededAsync("approved"))[0]);

        AssertError(HttpStatusCode.RequestEntityTooLarge, "request_too_large",
            await PostAsync($"sandbox/payments/{id}/transaction", Oversized(), null));

        AssertStatus(HttpStatusCode.OK, await PostAsync($"sandbox/payments/{id}/transaction", null, null));
    }
}
