using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Engine.Tests;

/// <summary>-Verbose lines name their item first, whatever order the answers came in, and never show the key.</summary>
[Collection(EngineCollection.Name)]
public sealed class VerboseTests(EngineFixture fixture)
{
    [Fact]
    public async Task EachVerboseLineStartsWithItsPayment()
    {
        string[] ids = [await fixture.Sandbox.NewUserToAppAsync(), await fixture.Sandbox.NewUserToAppAsync(), await fixture.Sandbox.NewUserToAppAsync()];
        using EngineSession session = fixture.NewSession();

        RunResult run = session.RunOrThrow("param($ids) $ids | Approve-PiPayment -ThrottleLimit 4 -Verbose", new { ids });

        Assert.Equal(ids, run.Property<string>("Identifier"));
        foreach (string id in ids)
        {
            Assert.Contains(run.Verbose, line => line.StartsWith($"Payment {id}: POST /v2/payments/{id}/approve -> 200"));
        }

        // Every line names one of the inputs first: the module's own lines, and -Verbose's ShouldProcess line.
        var named = new Regex(@"^Payment (?<id>\S+): |^Performing the operation ""Approve payment"" on target ""(?<id>[^""]+)""");
        Assert.All(run.Verbose, line => Assert.Contains(named.Match(line).Groups["id"].Value, ids));
        Assert.All(run.Verbose, line => Assert.DoesNotContain("pi-sandbox-key", line));
    }
}
