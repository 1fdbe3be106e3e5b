using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Engine.Tests;

/// <summary>Export-Csv and Import-Csv between the cmdlets: ids and amounts come back exactly as they went.</summary>
[Collection(EngineCollection.Name)]
public sealed class CsvRoundTripTests(EngineFixture fixture) : IDisposable
{
    private const decimal Exact = 123456789.1234567m;
    private readonly string _folder = Directory.CreateTempSubdirectory("pi-engine-csv-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ExportedPaymentsImportIntoApprovePiPayment()
    {
        string[] ids = [await fixture.Sandbox.NewUserToAppAsync(Exact), await fixture.Sandbox.NewUserToAppAsync(0.0000001m)];
        string csv = Path.Combine(_folder, "payments.csv");
        using EngineSession session = fixture.NewSession();

        session.RunOrThrow("param($ids, $csv) $ids | Get-PiPayment | Export-Csv -LiteralPath $csv", new { ids, csv });
        RunResult approved = session.RunOrThrow("param($csv) Import-Csv -LiteralPath $csv | Approve-PiPayment", new { csv });

        Assert.Contains("\"123456789.1234567\"", File.ReadAllText(csv));
        Assert.Equal(ids, approved.Property<string>("Identifier"));
        Assert.Equal([Exact, 0.0000001m], approved.Property<decimal>("Amount"));
        foreach (string id in ids) Assert.Equal(1, await fixture.Sandbox.ChangesAsync(id, "approve"));
    }

    [Fact]
    public async Task PayoutRowsCreatePaymentsWhoseCsvCancelsThem()
    {
        string[] payees = [fixture.NewPayee(), fixture.NewPayee()];
        string rows = Path.Combine(_folder, "payouts.csv");
        File.WriteAllLines(rows, ["UserUid,Amount,Memo", $"{payees[0]},123456789.1234567,row one", $"{payees[1]},0.5,row two"]);
        string created = Path.Combine(_folder, "created.csv");
        using EngineSession session = fixture.NewSession();

        RunResult made = session.RunOrThrow(
            "param($rows, $created) Import-Csv -LiteralPath $rows | New-PiPayment -Confirm:$false | Tee-Object -Variable made | Export-Csv -LiteralPath $created; $made", new { rows, created });
        RunResult cancelled = session.RunOrThrow("param($created) Import-Csv -LiteralPath $created | Stop-PiPayment -Confirm:$false", new { created });

        string[] ids = made.Property<string>("Identifier").ToArray();
        Assert.Equal(payees, made.Property<string>("UserUid"));
        Assert.Equal([Exact, 0.5m], made.Property<decimal>("Amount"));
        using JsonDocument stored = JsonDocument.Parse(await fixture.Sandbox.RawPaymentJsonAsync(ids[0]));
        Assert.Equal("123456789.1234567", stored.RootElement.GetProperty("amount").GetRawText());
        Assert.Equal(ids, cancelled.Property<string>("Identifier"));
        Assert.All(cancelled.Property<object>("State"), s => Assert.Equal("Cancelled", s.ToString()));
        foreach (string id in ids) Assert.Equal(1, await fixture.Sandbox.ChangesAsync(id, "cancel"));
    }
}
