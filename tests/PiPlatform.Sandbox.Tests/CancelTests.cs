using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests;

public sealed class CancelTests : SandboxTest
{
    public CancelTests(SandboxFixture fixture) : base(fixture)
    {
    }

    [Theory]
    [InlineData("awaiting_approval")]
    [InlineData("approved")]
    public async Task Cancel_sets_cancelled_while_no_transaction_exists(string state)
    {
        string id = Id((await SeededAsync(state))[0]);

        var response = await PostAsync($"v2/payments/{id}/cancel");

        AssertStatus(HttpStatusCode.OK, response);
        Assert.True(Flag(response.Json, "cancelled"));
        Assert.False(Flag(response.Json, "user_cancelled"));
        Assert.True(Flag(await PaymentAsync(id), "cancelled"));
    }

    [Fact]
    public async Task Cancelling_an_unknown_payment_is_404()
    {
        AssertError(HttpStatusCode.NotFound, "payment_not_found", await PostAsync("v2/payments/nope/cancel"));
    }

    [Fact]
    public async Task Cancelling_a_completed_payment_is_409_already_completed()
    {
        string id = Id((await SeededAsync("completed"))[0]);

        AssertError(HttpStatusCode.Conflict, "already_completed", await PostAsync($"v2/payments/{id}/cancel"), id);
    }

    [Theory]
    [InlineData("cancelled")]
    [InlineData("user_cancelled")]
    public async Task Cancelling_a_cancelled_payment_is_409_cancelled_payment(string state)
    {
        string id = Id((await SeededAsync(state))[0]);

        AssertError(HttpStatusCode.Conflict, "cancelled_payment", await PostAsync($"v2/payments/{id}/cancel"), id);
    }

    [Theory]
    [InlineData("tx_unverified")]
    [InlineData("tx_verified")]
    public async Task Cancelling_once_a_transaction_exists_is_409_payment_tx_present(string state)
    {
        string id = Id((await SeededAsync(state))[0]);

        AssertError(HttpStatusCode.Conflict, "payment_tx_present", await PostAsync($"v2/payments/{id}/cancel"), id);
        Assert.False(Flag(await PaymentAsync(id), "cancelled"));
    }

    [Fact]
    public async Task Cancelling_an_a2u_payment_frees_the_user_for_a_new_one()
    {
        string body = $$$"""{"payment":{"amount":1,"memo":"again","metadata":{},"uid":"{{{Alice}}}"}}""";
        var blocked = await PostAsync("v2/payments", body);
        AssertError(HttpStatusCode.Conflict, "ongoing_payment_found", blocked, Id(blocked.Payment));

        AssertStatus(HttpStatusCode.OK, await PostAsync($"v2/payments/{Id(blocked.Payment)}/cancel"));

        AssertStatus(HttpStatusCode.OK, await PostAsync("v2/payments", body));
    }
}
