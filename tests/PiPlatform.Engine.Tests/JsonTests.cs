using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Engine.Tests;

/// <summary>ConvertTo-Json of what the cmdlets write: payments keep exact money; connections never carry a secret.</summary>
[Collection(EngineCollection.Name)]
public sealed class JsonTests(EngineFixture fixture)
{
    [Fact]
    public async Task APaymentConvertsWithItsIdentifierAndExactAmount()
    {
        string id = await fixture.Sandbox.NewUserToAppAsync(amount: 123456789.1234567m, memo: "json");
        using EngineSession session = fixture.NewSession();

        string json = (string)session.RunOrThrow("param($id) Get-PiPayment $id | ConvertTo-Json -Depth 5", new { id }).BaseObjects.Single();

        using JsonDocument doc = JsonDocument.Parse(json);
        Assert.Equal(id, doc.RootElement.GetProperty("Identifier").GetString());
        Assert.Equal("123456789.1234567", doc.RootElement.GetProperty("Amount").GetRawText());
        Assert.Equal("json", doc.RootElement.GetProperty("Memo").GetString());
        Assert.False(doc.RootElement.GetProperty("Status").GetProperty("DeveloperApproved").GetBoolean());
    }

    [Fact]
    public void ConnectionsConvertWithoutTheirKeyOrWalletSeed()
    {
        using EngineSession session = fixture.NewSession();
        // -Sandbox's connection (the well-known key and wallet seed), and one with a key of the test's own.
        RunResult run = session.RunOrThrow(@"
            param($uri)
            $key = 'engine-test-key-7f3a9c'
            $sandbox = Get-PiPlatformConnection
            $own = Connect-PiPlatform -Sandbox $uri -ApiKey (ConvertTo-SecureString $key -AsPlainText -Force) -PassThru
            $key; [PiPlatform.PiSandboxDefaults]::WalletSeed; 'pi-sandbox-key'
            ConvertTo-Json -InputObject @($sandbox, $own) -Depth 6
            Disconnect-PiPlatform -Connection $own", new { uri = fixture.BaseUri });

        string[] secrets = run.BaseObjects.Take(3).Cast<string>().ToArray();
        string json = (string)run.BaseObjects.Last();
        using JsonDocument doc = JsonDocument.Parse(json);
        Assert.Equal(2, doc.RootElement.GetArrayLength());
        Assert.All(doc.RootElement.EnumerateArray(), c => Assert.StartsWith(fixture.BaseUri.ToString().TrimEnd('/'), c.GetProperty("BaseUri").GetString()));
        Assert.All(doc.RootElement.EnumerateArray(), c => Assert.StartsWith("G", c.GetProperty("WalletAddress").GetString()));
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, json));
    }
}
