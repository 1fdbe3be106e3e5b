using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;
using System.Reflection;

namespace PiPlatform.Engine.Tests;

/// <summary>
/// One runspace of the in-process engine, as a user's session: the built module imported from its folder with
/// Import-Module and, unless asked not to, Connect-PiPlatform -Sandbox. Each test takes its own and disposes it.
/// </summary>
public sealed class EngineSession : IDisposable
{
    private readonly Runspace _runspace;

    public EngineSession(Uri? sandbox, PSHost? host = null)
    {
        // CreateDefault2: the core cmdlets; Utility, Management and the module come as a user's session gets them.
        InitialSessionState state = InitialSessionState.CreateDefault2();
        _runspace = host is null ? RunspaceFactory.CreateRunspace(state) : RunspaceFactory.CreateRunspace(host, state);
        _runspace.Open();
        try
        {
            RunOrThrow("param($manifest) Import-Module $manifest -ErrorAction Stop", new { manifest = ModuleUnderTest.ManifestPath });
            if (sandbox != null) RunOrThrow("param($uri) Connect-PiPlatform -Sandbox $uri", new { uri = sandbox });
        }
        catch
        {
            _runspace.Dispose();
            throw;
        }
    }

    public Runspace Runspace => _runspace;

    /// <summary>
    /// Runs <paramref name="script"/> in a new pipeline and collects every stream. Its param block takes the properties
    /// of <paramref name="parameters"/> by name (<c>new { ids }</c> for <c>param($ids)</c>: an array stays one argument).
    /// A terminating error is returned in <see cref="RunResult.Thrown"/>, with what was output before it.
    /// </summary>
    public RunResult Run(string script, object? parameters = null)
    {
        using PowerShell ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        foreach (PropertyInfo property in parameters?.GetType().GetProperties() ?? [])
        {
            ps.AddParameter(property.Name, property.GetValue(parameters));
        }

        var output = new PSDataCollection<PSObject>();
        Exception? thrown = null;
        try
        {
            ps.Invoke(null, output);
        }
        catch (RuntimeException e)
        {
            thrown = e;
        }

        return new RunResult
        {
            Output = output.ToList(),
            Errors = ps.Streams.Error.ToList(),
            Verbose = ps.Streams.Verbose.Select(v => v.Message).ToList(),
            Warnings = ps.Streams.Warning.Select(w => w.Message).ToList(),
            Progress = ps.Streams.Progress.ToList(),
            Thrown = thrown,
        };
    }

    /// <summary>Runs a step the test relies on: any error in it fails the test at once, with its message.</summary>
    public RunResult RunOrThrow(string script, object? parameters = null)
    {
        RunResult result = Run(script, parameters);
        if (result.Thrown != null) throw new InvalidOperationException($"'{script}' threw: {result.Thrown.Message}", result.Thrown);
        if (result.Errors.Count > 0) throw new InvalidOperationException($"'{script}' wrote an error: {result.Errors[0]}");
        return result;
    }

    public void Dispose() => _runspace.Dispose();
}
