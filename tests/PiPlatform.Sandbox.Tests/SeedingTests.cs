using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests;

public sealed class SeedingTests : SandboxTest
{
    private static readonly string[] States =
    {
        "awaiting_approval", "approved", "tx_unverified", "tx_verified", "completed", "cancelled", "user_cancelled",
    };

    public SeedingTests(SandboxFixture fixture) : base(fixture)
    {
    }

    [Fact]
    public async Task The_default_seed_has_two_payments_per_state_and_two_open_a2u_payments()
    {
        var payments = await AllPaymentsAsync();

        Assert.Equal(16, payments.Count);
        foreach (string state in States)
        {
            var inState = payments.Where(p => StateOf(p) == state).ToList();
            Assert.True(inState.Count == 2, $"{state}: {inState.Count}");
            // One for alice, one for bob, in each state.
            Assert.Equal(new[] { Alice, Bob }, inState.Select(p => p.GetProperty("user_uid").GetString()).OrderBy(u => u).ToArray());
        }

        var a2u = payments.Where(p => StateOf(p) == "a2u").ToList();
        Assert.Equal(new[] { Alice, Bob }, a2u.Select(p => p.GetProperty("user_uid").GetString()).ToArray());
        Assert.All(a2u, p => Assert.True(Flag(p, "developer_approved")));
        Assert.Equal(JsonValueKind.Null, a2u[0].GetProperty("transaction").ValueKind);
        Assert.True(a2u[1].GetProperty("transaction").GetProperty("verified").GetBoolean());
        Assert.All(a2u, p => Assert.False(Flag(p, "developer_completed")));
    }

    [Fact]
    public async Task Seeded_payments_are_round_robin_over_states_with_users_alternating()
    {
        var payments = await AllPaymentsAsync();

        Assert.Equal(States.Concat(States).ToArray(), payments.Take(14).Select(StateOf).ToArray());
        Assert.Equal(Enumerable.Range(0, 14).Select(i => i % 2 == 0 ? Alice : Bob).ToArray(),
            payments.Take(14).Select(p => p.GetProperty("user_uid").GetString()).ToArray());
    }

    [Fact]
    public async Task Seeded_payments_carry_metadata_and_amounts_of_up_to_seven_decimals()
    {
        var payments = await AllPaymentsAsync();

        Assert.All(payments, p =>
        {
            Assert.Equal(JsonValueKind.String, p.GetProperty("metadata").GetProperty("order_id").ValueKind);
            Assert.Equal(JsonValueKind.String, p.GetProperty("metadata").GetProperty("sku").ValueKind);
            Assert.Matches(@"^\d+(\.\d{1,7})?$", p.GetProperty("amount").GetRawText());
            Assert.Matches("^[A-Za-z0-9]{28}$", Id(p));
        });
        Assert.Contains(payments, p => p.GetProperty("amount").GetRawText() == "3.1415926");
    }

    [Fact]
    public async Task Reset_restores_the_same_deterministic_payments()
    {
        var before = await AllPaymentsAsync();
        string awaiting = Id(before[0]);
        AssertStatus(HttpStatusCode.OK, await PostAsync($"v2/payments/{awaiting}/approve"));
        await CreateUserToAppAsync();

        var reset = await PostAsync("sandbox/reset", authorization: null);
        var after = await AllPaymentsAsync();

        AssertStatus(HttpStatusCode.OK, reset);
        Assert.Equal(16, reset.Json.GetProperty("payments").GetInt32());
        Assert.Equal(before.Select(p => p.GetRawText()), after.Select(p => p.GetRawText()));
        Assert.False(Flag(after[0], "developer_approved"));
    }

    [Fact]
    public async Task Reset_with_a_seed_count_seeds_that_many_plus_the_two_a2u_payments()
    {
        var reset = await PostAsync("sandbox/reset", """{"seed":3}""", null);
        var payments = await AllPaymentsAsync();

        Assert.Equal(5, reset.Json.GetProperty("payments").GetInt32());
        Assert.Equal("awaiting_approval,approved,tx_unverified,a2u,a2u", Csv(payments.Select(StateOf)));

        var zero = await PostAsync("sandbox/reset", """{"seed":0}""", null);
        Assert.Equal(2, zero.Json.GetProperty("payments").GetInt32());
    }

    [Fact]
    public async Task The_same_seed_index_gives_the_same_identifier_whatever_the_count()
    {
        var full = await AllPaymentsAsync();
        await PostAsync("sandbox/reset", """{"seed":2}""", null);
        var small = await AllPaymentsAsync();

        Assert.Equal(Id(full[0]), Id(small[0]));
        Assert.Equal(Id(full[1]), Id(small[1]));
    }

    [Theory]
    [InlineData("""{"seed":-1}""")]
    [InlineData("""{"seed":"many"}""")]
    [InlineData("not json")]
    public async Task Reset_rejects_a_bad_seed(string body)
    {
        AssertError(HttpStatusCode.BadRequest, "invalid_arguments", await PostAsync("sandbox/reset", body, null));
    }
}
