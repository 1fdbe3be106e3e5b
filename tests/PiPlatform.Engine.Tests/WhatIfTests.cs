using System.Linq;
using System.Threading.Tasks;
using Xunit;

using PiPlatformTests;

namespace PiPlatform.Engine.Tests;

/// <summary>-WhatIf as the host shows it: one "What if:" line per input, naming it, and no request sent.</summary>
[Collection(EngineCollection.Name)]
public sealed class WhatIfTests(EngineFixture fixture)
{
    [Fact]
    public async Task ApproveWhatIfWritesOneLinePerPaymentAndSendsNothing()
    {
        string[] ids = [await fixture.Sandbox.NewUserToAppAsync(), await fixture.Sandbox.NewUserToAppAsync(), await fixture.Sandbox.NewUserToAppAsync()];
        var host = new ScriptedHost();
        using EngineSession session = fixture.NewSession(host);
        int before = await fixture.Sandbox.RequestTotalAsync();

        RunResult run = session.RunOrThrow("param($ids) $ids | Approve-PiPayment -WhatIf -ThrottleLimit 4", new { ids });

        Assert.Empty(run.Output);
        Assert.Equal(ids.Select(id => $"What if: Performing the operation \"Approve payment\" on target \"{id}\"."), host.Lines);
        Assert.Equal(before, await fixture.Sandbox.RequestTotalAsync());
        Assert.Empty(host.Questions);
    }

    [Fact]
    public async Task WhatIfPreferenceCoversNewPiPaymentToo()
    {
        string payee = fixture.NewPayee();
        var host = new ScriptedHost();
        using EngineSession session = fixture.NewSession(host);
        int before = await fixture.Sandbox.RequestTotalAsync();

        RunResult run = session.RunOrThrow("param($uid) $WhatIfPreference = $true; New-PiPayment -UserUid $uid -Amount 12.5 -Memo 'what if'", new { uid = payee });

        Assert.Empty(run.Output);
        string line = Assert.Single(host.Lines);
        Assert.StartsWith("What if: ", line);
        Assert.Contains(payee, line);
        Assert.Contains("12.5 Pi", line);
        Assert.Equal(before, await fixture.Sandbox.RequestTotalAsync());
    }
}
