using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Engine.Tests;

/// <summary>What a cmdlet writes is a real .NET object of the module's types, with its type names and table view.</summary>
[Collection(EngineCollection.Name)]
public sealed class TypedOutputTests(EngineFixture fixture)
{
    [Fact]
    public async Task GetPiPaymentWritesATypedPaymentWithExactMoney()
    {
        string id = await fixture.Sandbox.NewUserToAppAsync(amount: 2.0000001m, memo: "typed");
        using EngineSession session = fixture.NewSession();

        PSObject payment = Assert.Single(session.RunOrThrow("param($id) Get-PiPayment $id", new { id }).Output);

        object baseObject = payment.BaseObject;
        Assert.Equal("PiPlatform.Payment", baseObject.GetType().FullName);
        Assert.Equal(ModuleUnderTest.Folder, Path.GetDirectoryName(baseObject.GetType().Assembly.Location));
        Assert.Equal("PiPlatform.Payment", payment.TypeNames[0]);
        Assert.Equal(id, baseObject.GetType().GetProperty("Identifier")!.GetValue(baseObject));
        Assert.Equal(2.0000001m, Assert.IsType<decimal>(payment.Properties["Amount"].Value));
        Assert.IsType<DateTimeOffset>(payment.Properties["CreatedAt"].Value);
        object state = payment.Properties["State"].Value;
        Assert.Equal(("PiPlatform.PaymentState", "AwaitingApproval"), (state.GetType().FullName, state.ToString()));
        // PiPlatform.Types.ps1xml: the alias the payment cmdlets' -PaymentId binds by.
        Assert.Equal(id, payment.Properties["PaymentId"].Value);
    }

    [Fact]
    public async Task PaymentsShowInTheModulesNamedTableView()
    {
        string id = await fixture.Sandbox.NewUserToAppAsync(amount: 3.5m, memo: "not in the view");
        using EngineSession session = fixture.NewSession();

        RunResult view = session.RunOrThrow("param($id) (Get-FormatData PiPlatform.Payment).FormatViewDefinition.Name; Get-PiPayment $id | Format-Table | Out-String -Width 200", new { id });

        Assert.Equal("PiPlatform.Payment", view.BaseObjects.First());
        string[] lines = ((string)view.BaseObjects.Last()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["Identifier", "State", "Amount", "UserUid", "Direction", "CreatedAt"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"{id} AwaitingApproval 3.5 uid-alice-0001 UserToApp", string.Join(' ', lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.DoesNotContain(lines, l => l.Contains("not in the view"));
    }
}
