using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests;

/// <summary>
/// Thousands of concurrent lifecycle calls racing on the same few payments, over one HttpClient: every answer, every
/// final state and every change count must be one the lifecycle allows, and all three must agree with each other.
/// </summary>
public sealed class LifecycleUnderLoadTests : SandboxTest
{
    private const int PaymentCount = 20;
    private const int RequestCount = 2000;
    private const int Workers = 24;

    public LifecycleUnderLoadTests(SandboxFixture fixture) : base(fixture)
    {
    }

    private enum Call
    {
        Get,
        Approve,
        Transaction,
        Complete,
        Cancel,
    }

    /// <summary>
    /// The mix, by weight: the user's transaction (verified at once) is in it so that completions can succeed too, and
    /// cancel is rarer than the others so that some payments get as far as completed before one is cancelled.
    /// </summary>
    private static readonly Call[] Mix =
    {
        Call.Get, Call.Get, Call.Get, Call.Approve, Call.Approve, Call.Approve,
        Call.Transaction, Call.Transaction, Call.Complete, Call.Complete, Call.Cancel,
    };

    private static readonly Dictionary<Call, HttpStatusCode[]> Allowed = new()
    {
        [Call.Get] = new[] { HttpStatusCode.OK },
        [Call.Approve] = new[] { HttpStatusCode.OK, HttpStatusCode.Conflict },
        [Call.Transaction] = new[] { HttpStatusCode.OK, HttpStatusCode.Conflict },
        // 400 verification_failed: approved, but no transaction yet.
        [Call.Complete] = new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Conflict },
        [Call.Cancel] = new[] { HttpStatusCode.OK, HttpStatusCode.Conflict },
    };

    private static string TxidOf(int payment) => string.Concat(Enumerable.Repeat(payment.ToString("x2"), 32));

    private Task<ApiResponse> SendAsync(Call call, string id, string txid) => call switch
    {
        Call.Get => GetAsync($"v2/payments/{id}"),
        Call.Approve => PostAsync($"v2/payments/{id}/approve"),
        Call.Transaction => PostAsync($"sandbox/payments/{id}/transaction", $$"""{"txid":"{{txid}}","verified":true}""", null),
        Call.Complete => PostAsync($"v2/payments/{id}/complete", $$"""{"txid":"{{txid}}"}"""),
        _ => PostAsync($"v2/payments/{id}/cancel"),
    };

    [Fact]
    public async Task Concurrent_calls_leave_every_payment_in_a_lifecycle_state_its_answers_and_counts_agree_with()
    {
        var ids = new List<string>();
        for (int i = 0; i < PaymentCount; i++)
        {
            ids.Add(await CreateUserToAppAsync(i % 2 == 0 ? Alice : Bob));
        }

        var random = new Random(2024);
        var plan = Enumerable.Range(0, RequestCount).Select(_ => (Payment: random.Next(PaymentCount), Call: Mix[random.Next(Mix.Length)])).ToArray();
        var statuses = new HttpStatusCode[RequestCount];
        var seenStates = new string?[RequestCount];
        int taken = -1;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            for (int i; (i = Interlocked.Increment(ref taken)) < RequestCount;)
            {
                var (payment, call) = plan[i];
                var response = await SendAsync(call, ids[payment], TxidOf(payment));
                statuses[i] = response.Status;
                seenStates[i] = call == Call.Get && response.Status == HttpStatusCode.OK ? StateOf(response.Json) : null;
            }
        })));

        for (int i = 0; i < RequestCount; i++)
        {
            Assert.True(Allowed[plan[i].Call].Contains(statuses[i]), $"{plan[i].Call} answered {(int)statuses[i]}");
            Assert.NotEqual("unexpected", seenStates[i]);
        }

        var stats = await StatsAsync();
        var byPayment = stats.GetProperty("changes").GetProperty("by_payment");
        var final = (await AllPaymentsAsync()).ToDictionary(Id);
        for (int p = 0; p < PaymentCount; p++)
        {
            string id = ids[p];
            var counts = byPayment.GetProperty(id);
            int Count(string change) => counts.GetProperty(change).GetInt32();
            int Succeeded(Call call) => Enumerable.Range(0, RequestCount).Count(i => plan[i].Payment == p && plan[i].Call == call && statuses[i] == HttpStatusCode.OK);

            string state = StateOf(final[id]);
            var changed = (Approve: Count("approve"), Transaction: Count("transaction"), Complete: Count("complete"), Cancel: Count("cancel"));
            var expected = state switch
            {
                "awaiting_approval" => (0, 0, 0, 0),
                "approved" => (1, 0, 0, 0),
                "tx_verified" => (1, 1, 0, 0),
                "completed" => (1, 1, 1, 0),
                // Cancelled before or after an approval, never once a transaction exists.
                "cancelled" => (Flag(final[id], "developer_approved") ? 1 : 0, 0, 0, 1),
                _ => throw new Xunit.Sdk.XunitException($"{id} ended in the state {state}"),
            };
            Assert.True(expected == changed, $"{id} is {state} but its changes are {changed}");
            Assert.Equal((0, 0, 1), (Count("verify"), Count("user_cancel"), Count("create")));
            // Each 200 answer is exactly one change: no change went unanswered, none was answered twice.
            Assert.Equal(changed, (Succeeded(Call.Approve), Succeeded(Call.Transaction), Succeeded(Call.Complete), Succeeded(Call.Cancel)));
        }

        Assert.Equal(plan.Count(c => c.Call != Call.Transaction), stats.GetProperty("requests").GetProperty("total").GetInt64());
    }
}
