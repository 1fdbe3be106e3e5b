using System.Linq;
using System.Threading.Tasks;
using Xunit;

using PiPlatformTests;

namespace PiPlatform.Engine.Tests;

/// <summary>-Confirm and ConfirmImpact through a host that prompts: questions in input order, only the Yes ones changed.</summary>
[Collection(EngineCollection.Name)]
public sealed class ConfirmTests(EngineFixture fixture)
{
    [Fact]
    public async Task YesNoAndNoToAllChangeOnlyWhatWasAnsweredYes()
    {
        string[] ids = await NewPaymentsAsync(5);
        var host = new ScriptedHost("Y", "N", "Y", "L");
        using EngineSession session = fixture.NewSession(host);

        RunResult run = session.RunOrThrow("param($ids) $ids | Approve-PiPayment -Confirm -ThrottleLimit 4", new { ids });

        Assert.Equal(4, host.Questions.Count);
        for (int i = 0; i < 4; i++) Assert.Contains(ids[i], host.Questions[i]);
        Assert.Equal([ids[0], ids[2]], run.Property<string>("Identifier"));
        int[] approvals = await ChangesAsync(ids, "approve");
        Assert.Equal(new[] { 1, 0, 1, 0, 0 }, approvals);
    }

    [Fact]
    public async Task StopPiPaymentAsksWithoutConfirmAndYesToAllStopsAsking()
    {
        // ConfirmImpact High against the default $ConfirmPreference High: a user is asked without -Confirm.
        string[] ids = await NewPaymentsAsync(4);
        var host = new ScriptedHost("N", "A");
        using EngineSession session = fixture.NewSession(host);

        RunResult run = session.RunOrThrow("param($ids) $ids | Stop-PiPayment", new { ids });

        Assert.Equal(2, host.Questions.Count);
        Assert.Contains(ids[1], host.Questions[1]);
        Assert.Equal(ids[1..], run.Property<string>("Identifier"));
        int[] cancels = await ChangesAsync(ids, "cancel");
        Assert.Equal(new[] { 0, 1, 1, 1 }, cancels);
    }

    [Fact]
    public async Task ConfirmFalseAsksNothing()
    {
        string[] ids = await NewPaymentsAsync(2);
        var host = new ScriptedHost();
        using EngineSession session = fixture.NewSession(host);

        RunResult run = session.RunOrThrow("param($ids) $ids | Stop-PiPayment -Confirm:$false", new { ids });

        Assert.Empty(host.Questions);
        Assert.Equal(ids, run.Property<string>("Identifier"));
    }

    private async Task<string[]> NewPaymentsAsync(int count)
    {
        var ids = new string[count];
        for (int i = 0; i < count; i++) ids[i] = await fixture.Sandbox.NewUserToAppAsync();
        return ids;
    }

    private async Task<int[]> ChangesAsync(string[] ids, string kind)
    {
        var changes = new int[ids.Length];
        for (int i = 0; i < ids.Length; i++) changes[i] = await fixture.Sandbox.ChangesAsync(ids[i], kind);
        return changes;
    }
}
