using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests;

public sealed class ApproveTests : SandboxTest
{
    public ApproveTests(SandboxFixture fixture) : base(fixture)
    {
    }

    [Fact]
    public async Task Approve_sets_developer_approved_and_answers_the_payment()
    {
        string id = await CreateUserToAppAsync();

        var response = await PostAsync($"v2/payments/{id}/approve");

        AssertStatus(HttpStatusCode.OK, response);
        Assert.Equal(id, Id(response.Json));
        Assert.True(Flag(response.Json, "developer_approved"));
        Assert.True(Flag(await PaymentAsync(id), "developer_approved"));
    }

    [Fact]
    public async Task Approving_an_unknown_payment_is_404()
    {
        AssertError(HttpStatusCode.NotFound, "payment_not_found", await PostAsync("v2/payments/nope/approve"));
    }

    [Theory]
    [InlineData("cancelled")]
    [InlineData("user_cancelled")]
    public async Task Approving_a_cancelled_payment_is_409_cancelled_payment(string state)
    {
        string id = Id((await SeededAsync(state))[0]);

        var response = await PostAsync($"v2/payments/{id}/approve");

        AssertError(HttpStatusCode.Conflict, "cancelled_payment", response, id);
        Assert.False(Flag(await PaymentAsync(id), "developer_approved"));
    }

    [Fact]
    public async Task Approving_a_completed_payment_is_409_already_completed()
    {
        string id = Id((await SeededAsync("completed"))[0]);

        AssertError(HttpStatusCode.Conflict, "already_completed", await PostAsync($"v2/payments/{id}/approve"), id);
    }

    [Fact]
    public async Task A_repeated_approve_is_409_already_approved_with_the_payment_by_default()
    {
        string id = await CreateUserToAppAsync();
        AssertStatus(HttpStatusCode.OK, await PostAsync($"v2/payments/{id}/approve"));

        var repeat = await PostAsync($"v2/payments/{id}/approve");

        AssertError(HttpStatusCode.Conflict, "already_approved", repeat, id);
        Assert.True(Flag(repeat.Payment, "developer_approved"));
        Assert.Equal(1, await ChangeCountAsync(id, "approve"));
    }

    [Fact]
    public async Task A_repeated_approve_is_200_when_configured_ok_and_still_changes_nothing()
    {
        AssertStatus(HttpStatusCode.OK, await PostAsync("sandbox/config", """{"repeat_approve":"ok"}""", null));
        string id = await CreateUserToAppAsync();
        AssertStatus(HttpStatusCode.OK, await PostAsync($"v2/payments/{id}/approve"));

        var repeat = await PostAsync($"v2/payments/{id}/approve");

        AssertStatus(HttpStatusCode.OK, repeat);
        Assert.True(Flag(repeat.Json, "developer_approved"));
        Assert.Equal(1, await ChangeCountAsync(id, "approve"));
    }

    [Fact]
    public async Task The_repeat_approve_setting_still_refuses_cancelled_payments()
    {
        await PostAsync("sandbox/config", """{"repeat_approve":"ok"}""", null);
        string id = Id((await SeededAsync("cancelled"))[0]);

        AssertError(HttpStatusCode.Conflict, "cancelled_payment", await PostAsync($"v2/payments/{id}/approve"), id);
    }

    [Fact]
    public async Task Seeded_approved_payments_answer_already_approved()
    {
        string id = Id((await SeededAsync("tx_verified"))[0]);

        AssertError(HttpStatusCode.Conflict, "already_approved", await PostAsync($"v2/payments/{id}/approve"), id);
    }

    private async Task<int> ChangeCountAsync(string id, string change)
    {
        var stats = await GetAsync("sandbox/stats", null);
        return stats.Json.GetProperty("changes").GetProperty("by_payment").GetProperty(id).GetProperty(change).GetInt32();
    }
}
