using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Engine.Tests;

/// <summary>Where-Object, Group-Object and Sort-Object over payments, feeding the cmdlets as a user's script does.</summary>
[Collection(EngineCollection.Name)]
public sealed class PipelineTests(EngineFixture fixture)
{
    private static readonly decimal[] Amounts = [100m, 9.5m, 20m, 0.25m, 3m, 42m];

    [Fact]
    public async Task WhereObjectPicksWhatApprovePiPaymentChanges()
    {
        string[] ids = await NewPaymentsAsync();
        using EngineSession session = fixture.NewSession();

        RunResult approved = session.RunOrThrow("param($ids) $ids | Get-PiPayment | Where-Object Amount -gt 30 | Approve-PiPayment", new { ids });

        Assert.Equal([ids[0], ids[5]], approved.Property<string>("Identifier"));
        Assert.All(approved.Property<object>("State"), s => Assert.Equal("AwaitingTransaction", s.ToString()));
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.Equal(Amounts[i] > 30 ? 1 : 0, await fixture.Sandbox.ChangesAsync(ids[i], "approve"));
        }
    }

    [Fact]
    public async Task GroupObjectCountsPaymentsByState()
    {
        string[] ids = await NewPaymentsAsync();
        using EngineSession session = fixture.NewSession();
        session.RunOrThrow("param($ids) $ids | Approve-PiPayment | Out-Null", new { ids = new[] { ids[1], ids[3] } });

        RunResult groups = session.RunOrThrow(
            "param($ids) $ids | Get-PiPayment | Group-Object State | Sort-Object Name | ForEach-Object { '{0}={1}' -f $_.Name, (@($_.Group.Identifier) -join ',') }", new { ids });

        Assert.Equal(
            [$"AwaitingApproval={ids[0]},{ids[2]},{ids[4]},{ids[5]}", $"AwaitingTransaction={ids[1]},{ids[3]}"],
            groups.BaseObjects.Cast<string>());
    }

    [Fact]
    public async Task SortObjectOrdersByAmountAsANumber()
    {
        string[] ids = await NewPaymentsAsync();
        using EngineSession session = fixture.NewSession();

        // As text, "100" would sort before "20" and "9.5": the order proves Amount reaches Sort-Object as a number.
        RunResult sorted = session.RunOrThrow("param($ids) $ids | Get-PiPayment | Sort-Object Amount -Descending", new { ids });

        Assert.Equal(Amounts.OrderDescending(), sorted.Property<decimal>("Amount"));
        Assert.Equal(ids.Zip(Amounts).OrderByDescending(p => p.Second).Select(p => p.First), sorted.Property<string>("Identifier"));
    }

    private async Task<string[]> NewPaymentsAsync()
    {
        var ids = new string[Amounts.Length];
        for (int i = 0; i < ids.Length; i++) ids[i] = await fixture.Sandbox.NewUserToAppAsync(Amounts[i]);
        return ids;
    }
}
