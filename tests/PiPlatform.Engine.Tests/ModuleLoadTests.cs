using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Engine.Tests;

/// <summary>
/// The module loads from its built folder as a user imports it, beside the engine's own assemblies: what a separate
/// pwsh cannot show a test is which copy of each assembly this process really runs.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ModuleLoadTests(EngineFixture fixture)
{
    [Fact]
    public void ImportModuleLoadsTheBuiltFolderAtItsManifestVersion()
    {
        using EngineSession session = fixture.NewSession(connect: false);

        RunResult module = session.RunOrThrow("Get-Module PiPlatform | Select-Object ModuleBase, @{ n = 'Version'; e = { [string]$_.Version } }, @{ n = 'Cmdlets'; e = { @($_.ExportedCmdlets.Keys) } }");

        Assert.Equal(ModuleUnderTest.Folder, module.Single<string>("ModuleBase"));
        Assert.Equal(ModuleUnderTest.ModuleVersion(ModuleUnderTest.ManifestPath), module.Single<string>("Version"));
        Assert.Contains("Connect-PiPlatform", ((object[])module.Single<object>("Cmdlets")).Cast<string>());
        RunResult where = session.RunOrThrow("[PiPlatform.Payment].Assembly.Location; [PiPlatform.Commands.GetPiPaymentCommand].Assembly.Location");
        Assert.All(where.BaseObjects, location => Assert.Equal(ModuleUnderTest.Folder, Path.GetDirectoryName((string)location)));
    }

    [Fact]
    public async Task TheEngineKeepsItsOwnCopiesOfWhatTheModuleShipsOnlyForWindowsPowerShell()
    {
        using EngineSession session = fixture.NewSession();
        // Load what a payout touches (Ed25519 signing and JSON) before looking.
        session.RunOrThrow("param($id) Get-PiPayment $id | Out-Null", new { id = await fixture.Sandbox.FirstPaymentIdAsync() });

        Assembly[] loaded = AppDomain.CurrentDomain.GetAssemblies();
        // Only the module's own two DLLs come from its folder: System.Text.Json 8.0.6 and its closure are there for 5.1.
        string[] fromModule = loaded.Where(a => !a.IsDynamic && a.Location.StartsWith(ModuleUnderTest.Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(a => a.GetName().Name!).Order().ToArray();
        Assert.Equal(["PiPlatform", "PiPlatform.Client"], fromModule);
        Assembly json = Assert.Single(loaded, a => a.GetName().Name == "System.Text.Json");
        Assert.True(json.GetName().Version!.Major >= 10, $"System.Text.Json {json.GetName().Version} is not the runtime's");
    }

    [Fact]
    public async Task TheBouncyCastleThisHostLoadsIsTheVersionTheModuleShips()
    {
        // The in-process sandbox brings BouncyCastle into this host's own dependencies, so the module signs with that
        // copy rather than its own (in pwsh it loads its own). Equal versions keep the tests honest; a drift fails here.
        using EngineSession session = fixture.NewSession();
        session.RunOrThrow("param($id) Get-PiPayment $id | Out-Null", new { id = await fixture.Sandbox.FirstPaymentIdAsync() });

        Assembly bouncy = Assert.Single(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "BouncyCastle.Cryptography");
        string shipped = Path.Combine(ModuleUnderTest.Folder, "BouncyCastle.Cryptography.dll");
        Assert.Equal(AssemblyName.GetAssemblyName(shipped).Version, bouncy.GetName().Version);
        Assert.Equal(System.Diagnostics.FileVersionInfo.GetVersionInfo(shipped).FileVersion,
            System.Diagnostics.FileVersionInfo.GetVersionInfo(bouncy.Location).FileVersion);
    }

    [Fact]
    public void UtilityAndManagementComeFromThisEnginesOwnHome()
    {
        using EngineSession session = fixture.NewSession(connect: false);

        RunResult paths = session.RunOrThrow("$PSHOME; (Get-Command Group-Object, Export-Csv, ConvertTo-Json, Get-ChildItem).Module.Path");

        // $PSHOME is the SDK's folder in this test's bin, not the dotnet tool's pwsh that may have started the run.
        string home = (string)paths.BaseObjects.First();
        Assert.StartsWith(AppContext.BaseDirectory, home + Path.DirectorySeparatorChar);
        Assert.All(paths.BaseObjects.Skip(1), b => Assert.StartsWith(Path.Combine(home, "Modules", "Microsoft.PowerShell."), (string)b));
    }

    [Fact]
    public async Task EachRunspaceHasItsOwnDefaultConnection()
    {
        using EngineSession connected = fixture.NewSession();
        using EngineSession other = fixture.NewSession(connect: false);

        RunResult refused = other.Run("param($id) Get-PiPayment $id", new { id = await fixture.Sandbox.FirstPaymentIdAsync() });

        var error = Assert.Single(refused.Errors);
        Assert.Equal($"{ModuleErrorIds.NotConnected},PiPlatform.Commands.GetPiPaymentCommand", error.FullyQualifiedErrorId);
        Assert.Empty(other.RunOrThrow("Get-PiPlatformConnection").Output);
        Assert.Single(connected.RunOrThrow("Get-PiPlatformConnection").Output);
        Assert.Single(connected.RunOrThrow("param($id) Get-PiPayment $id", new { id = await fixture.Sandbox.FirstPaymentIdAsync() }).Output);
    }
}
