using System;
using System.IO;
using System.Text.RegularExpressions;

namespace PiPlatform.Engine.Tests;

/// <summary>
/// Where the built module is: PIPLATFORM_MODULE_PATH (a module folder, as tests/Pester/TestHelpers.psm1 takes it), or
/// out/PiPlatform/&lt;ModuleVersion&gt;/ of this repo, the version read from the root PiPlatform.psd1.
/// </summary>
public static class ModuleUnderTest
{
    public const string EnvironmentVariable = "PIPLATFORM_MODULE_PATH";

    /// <summary>The manifest a user would import: &lt;module folder&gt;/PiPlatform.psd1.</summary>
    public static string ManifestPath { get; } = Resolve();

    /// <summary>The module folder (the manifest's directory).</summary>
    public static string Folder => Path.GetDirectoryName(ManifestPath)!;

    private static string Resolve()
    {
        string? folder = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrEmpty(folder))
        {
            string root = RepoRoot();
            folder = Path.Combine(root, "out", "PiPlatform", ModuleVersion(Path.Combine(root, "PiPlatform.psd1")));
        }

        string manifest = Path.Combine(Path.GetFullPath(folder), "PiPlatform.psd1");
        if (!File.Exists(manifest))
        {
            throw new FileNotFoundException(
                $"The built module is not at {manifest}: run 'dotnet pwsh ./build.ps1 -Task Build' first, or set {EnvironmentVariable}.", manifest);
        }

        return manifest;
    }

    /// <summary>The manifest's ModuleVersion, read as Directory.Build.props reads it.</summary>
    internal static string ModuleVersion(string manifest)
    {
        Match match = Regex.Match(File.ReadAllText(manifest), @"ModuleVersion\s*=\s*'([^']+)'");
        if (!match.Success) throw new InvalidDataException($"No ModuleVersion in {manifest}.");
        return match.Groups[1].Value;
    }

    /// <summary>The first folder above the test binaries that holds PiPowerShell.sln and PiPlatform.psd1.</summary>
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PiPowerShell.sln")) && File.Exists(Path.Combine(dir.FullName, "PiPlatform.psd1")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No repo root (PiPowerShell.sln) above {AppContext.BaseDirectory}; set {EnvironmentVariable}.");
    }
}
