using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Engine.Tests;

/// <summary>
/// The error stream as a host holds it: one ErrorRecord per failed input, with the API's code as ErrorId, a category,
/// the payment id as target and the next step, the rest of the input going on; -ErrorAction Stop ends the pipeline.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ErrorStreamTests(EngineFixture fixture)
{
    [Fact]
    public async Task EachMissingPaymentIsItsOwnNonTerminatingError()
    {
        string good = await fixture.Sandbox.NewUserToAppAsync();
        using EngineSession session = fixture.NewSession();

        RunResult run = session.Run("param($ids) $ids | Get-PiPayment", new { ids = new[] { "NoSuchPayment-1", good, "NoSuchPayment-2" } });

        Assert.Null(run.Thrown);
        Assert.Equal([good], run.Property<string>("Identifier"));
        Assert.Equal(["NoSuchPayment-1", "NoSuchPayment-2"], run.Errors.Select(e => e.TargetObject));
        Assert.All(run.Errors, e =>
        {
            Assert.Equal("payment_not_found,PiPlatform.Commands.GetPiPaymentCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
            Assert.Equal((string)e.TargetObject, e.CategoryInfo.TargetName);
            Assert.False(string.IsNullOrWhiteSpace(e.ErrorDetails?.RecommendedAction));
        });
    }

    [Fact]
    public async Task AConflictNamesThePaymentAndTheOthersAreStillChanged()
    {
        string[] ids = [await fixture.Sandbox.NewUserToAppAsync(), await fixture.Sandbox.NewUserToAppAsync(), await fixture.Sandbox.NewUserToAppAsync()];
        await fixture.Sandbox.UserCancelAsync(ids[1]);
        using EngineSession session = fixture.NewSession();

        RunResult run = session.Run("param($ids) $ids | Approve-PiPayment -ThrottleLimit 4", new { ids });

        Assert.Equal([ids[0], ids[2]], run.Property<string>("Identifier"));
        ErrorRecord error = Assert.Single(run.Errors);
        Assert.Equal("cancelled_payment,PiPlatform.Commands.ApprovePiPaymentCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Equal(ids[1], error.TargetObject);
        int[] approvals = [await fixture.Sandbox.ChangesAsync(ids[0], "approve"), await fixture.Sandbox.ChangesAsync(ids[1], "approve"),
            await fixture.Sandbox.ChangesAsync(ids[2], "approve")];
        Assert.Equal(new[] { 1, 0, 1 }, approvals);
    }

    [Fact]
    public async Task ErrorActionStopEndsThePipelineAtTheFirstFailure()
    {
        string[] ids = [await fixture.Sandbox.NewUserToAppAsync(), "NoSuchPayment", await fixture.Sandbox.NewUserToAppAsync()];
        using EngineSession session = fixture.NewSession();

        RunResult run = session.Run("param($ids) $ids | Approve-PiPayment -ThrottleLimit 1 -ErrorAction Stop", new { ids });

        var stop = Assert.IsType<ActionPreferenceStopException>(run.Thrown);
        Assert.Equal("payment_not_found,PiPlatform.Commands.ApprovePiPaymentCommand", stop.ErrorRecord.FullyQualifiedErrorId);
        Assert.Equal("NoSuchPayment", stop.ErrorRecord.TargetObject);
        Assert.Equal([ids[0]], run.Property<string>("Identifier"));
        Assert.Equal(0, await fixture.Sandbox.ChangesAsync(ids[2], "approve"));
    }

    [Fact]
    public void WithoutAConnectionTheCommandFailsAsAWhole()
    {
        using EngineSession session = fixture.NewSession(connect: false);

        // try/catch catches a terminating error only: a per-item error would go on to 'b' and never reach catch.
        RunResult run = session.RunOrThrow("try { 'a', 'b' | Get-PiPayment -ErrorAction Continue } catch { 'caught'; $_ }");

        Assert.Equal("caught", run.BaseObjects.First());
        ErrorRecord error = Assert.IsType<ErrorRecord>(Assert.Single(run.BaseObjects.Skip(1)));
        Assert.Equal($"{ModuleErrorIds.NotConnected},PiPlatform.Commands.GetPiPaymentCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        // The id's owner, read through the loaded module, agrees with the copy these tests keep.
        Assert.Equal(ModuleErrorIds.NotConnected, session.RunOrThrow("[PiPlatform.PiErrorCatalog]::NotConnected").BaseObjects.Single());
        // The message itself says what to run next.
        Assert.Contains("Connect-PiPlatform", error.Exception.Message);
    }
}
