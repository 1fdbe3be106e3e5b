using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Engine.Tests;

/// <summary>
/// App-to-user payouts through a real pipeline, New-PiPayment | Submit-PiPayment | Complete-PiPayment, from the wallet
/// that -Sandbox connects; the chain is read from the sandbox's Horizon and ledger, never from the module.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class PayoutPipelineTests(EngineFixture fixture)
{
    private const string Payout = "New-PiPayment -Confirm:$false | Submit-PiPayment -Confirm:$false | Complete-PiPayment";

    [Fact]
    public async Task OnePayoutIsPaidOnceOnTheChainAndCompleted()
    {
        string payee = fixture.NewPayee();
        using EngineSession session = fixture.NewSession();
        string wallet = (string)session.RunOrThrow("(Get-PiPlatformConnection).WalletAddress").BaseObjects.Single();

        RunResult run = session.RunOrThrow(
            $"param($uid) [pscustomobject]@{{ UserUid = $uid; Amount = 1.25; Memo = 'engine payout' }} | {Payout}", new { uid = payee });

        string id = run.Single<string>("Identifier");
        string txid = run.Single<string>("TxId");
        Assert.Equal("Completed", run.Single<object>("State").ToString());
        Assert.Equal(wallet, run.Single<string>("FromAddress"));
        Assert.Equal(1.25m, run.Single<decimal>("Amount"));
        JsonElement[] onChain = await PaidFromAsync(wallet, id);
        JsonElement paid = Assert.Single(onChain);
        Assert.Equal(txid, paid.GetProperty("hash").GetString());
        using JsonDocument ledger = await fixture.Sandbox.GetAsync($"sandbox/ledger/payments/{id}");
        Assert.Equal(1, ledger.RootElement.GetProperty("successful").GetInt32());
        Assert.Equal(txid, ledger.RootElement.GetProperty("linked_txid").GetString());
        Assert.Equal(1, await fixture.Sandbox.ChangesAsync(id, "complete"));
    }

    [Fact]
    public async Task ABatchOfPayoutsSpendsOneSequenceNumberEach()
    {
        string[] payees = [fixture.NewPayee(), fixture.NewPayee(), fixture.NewPayee()];
        using EngineSession session = fixture.NewSession();
        string wallet = (string)session.RunOrThrow("[PiPlatform.PiSandboxDefaults]::WalletAddress").BaseObjects.Single();
        long before = await SequenceAsync(wallet);

        RunResult run = session.RunOrThrow(
            $"param($uids) $i = 0; $uids | ForEach-Object {{ [pscustomobject]@{{ UserUid = $_; Amount = 0.5 + (++$i); Memo = \"batch $i\" }} }} | {Payout}",
            new { uids = payees });

        Assert.Equal(payees, run.Property<string>("UserUid"));
        Assert.Equal([1.5m, 2.5m, 3.5m], run.Property<decimal>("Amount"));
        Assert.All(run.Property<object>("State"), s => Assert.Equal("Completed", s.ToString()));
        Assert.Equal(before + 3, await SequenceAsync(wallet));
        foreach (var (id, txid) in run.Property<string>("Identifier").Zip(run.Property<string>("TxId")))
        {
            Assert.Equal(txid, Assert.Single(await PaidFromAsync(wallet, id)).GetProperty("hash").GetString());
        }
    }

    /// <summary>The wallet's successful transactions whose memo is the payment id, as Horizon lists them (newest first).</summary>
    private async Task<JsonElement[]> PaidFromAsync(string wallet, string paymentId)
    {
        using JsonDocument page = await fixture.Sandbox.GetAsync($"accounts/{wallet}/transactions?order=desc&limit=200");
        return page.RootElement.GetProperty("_embedded").GetProperty("records").EnumerateArray()
            .Where(r => r.GetProperty("successful").GetBoolean() && r.GetProperty("memo").GetString() == paymentId)
            .Select(r => r.Clone()).ToArray();
    }

    private async Task<long> SequenceAsync(string wallet)
    {
        using JsonDocument account = await fixture.Sandbox.GetAsync($"accounts/{wallet}");
        return long.Parse(account.RootElement.GetProperty("sequence").GetString()!);
    }
}
