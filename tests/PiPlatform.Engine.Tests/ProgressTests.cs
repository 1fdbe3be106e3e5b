using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Engine.Tests;

/// <summary>
/// Progress records, which no redirection of a child pwsh captures: shown for a batch of more than ten items that runs
/// longer than half a second (the sandbox adds 20 ms per answer), always ended with a Completed record.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ProgressTests(EngineFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => fixture.Sandbox.SetLatencyAsync(0);

    [Fact]
    public async Task ALongBatchShowsDoneOfTotalThenCompleted()
    {
        string[] ids = await NewPaymentsAsync(40);
        ids[7] = "NoSuchPayment";
        await fixture.Sandbox.SetLatencyAsync(20);
        using EngineSession session = fixture.NewSession();

        RunResult run = session.Run("param($ids) Get-PiPayment -PaymentId $ids -ThrottleLimit 1 -ErrorAction SilentlyContinue", new { ids });

        Assert.Equal(39, run.Output.Count);
        ProgressRecord[] records = run.Progress.ToArray();
        // A few a second at most: 40 answers of 20 ms or more give far fewer records than items.
        Assert.InRange(records.Length, 2, 20);
        Assert.All(records, r => Assert.Equal((records[0].ActivityId, "Get-PiPayment"), (r.ActivityId, r.Activity)));
        Assert.All(records[..^1], r =>
        {
            Assert.Equal(ProgressRecordType.Processing, r.RecordType);
            Assert.Matches(new Regex(@"^\d+ of 40 done, [01] failed, \d+/s$"), r.StatusDescription);
            Assert.InRange(r.PercentComplete, 1, 100);
        });
        Assert.Equal(ProgressRecordType.Completed, records[^1].RecordType);
        Assert.Contains(records, r => r.StatusDescription.Contains(", 1 failed"));
        // Each record is the moment it was written: the counts the host kept go up.
        int[] done = records[..^1].Select(r => int.Parse(r.StatusDescription.Split(' ')[0])).ToArray();
        Assert.Equal(done.Order().Distinct(), done);
    }

    [Fact]
    public async Task AHandfulOfItemsShowsNoProgress()
    {
        string[] ids = await NewPaymentsAsync(5);
        await fixture.Sandbox.SetLatencyAsync(150);
        using EngineSession session = fixture.NewSession();

        RunResult run = session.RunOrThrow("param($ids) $ids | Get-PiPayment -ThrottleLimit 1", new { ids });

        Assert.Equal(5, run.Output.Count);
        Assert.Empty(run.Progress);
    }

    private async Task<string[]> NewPaymentsAsync(int count)
    {
        var ids = new string[count];
        for (int i = 0; i < count; i++) ids[i] = await fixture.Sandbox.NewUserToAppAsync();
        return ids;
    }
}
