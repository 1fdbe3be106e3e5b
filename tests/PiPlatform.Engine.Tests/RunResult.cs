using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace PiPlatform.Engine.Tests;

/// <summary>What one invocation left in each stream, and the terminating error it ended with, if any.</summary>
public sealed class RunResult
{
    public required IReadOnlyList<PSObject> Output { get; init; }

    public required IReadOnlyList<ErrorRecord> Errors { get; init; }

    public required IReadOnlyList<string> Verbose { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    public required IReadOnlyList<ProgressRecord> Progress { get; init; }

    /// <summary>The exception the invocation threw (a terminating error), or null.</summary>
    public Exception? Thrown { get; init; }

    /// <summary>The output's base objects: the .NET objects the cmdlets wrote.</summary>
    public IEnumerable<object> BaseObjects => Output.Select(o => o.BaseObject);

    /// <summary>A property of each output object, through the PowerShell adapter (aliases and script properties too).</summary>
    public IEnumerable<T> Property<T>(string name) => Output.Select(o => Value<T>(o, name));

    /// <summary>The one output object's property.</summary>
    public T Single<T>(string name) => Value<T>(Assert.Single(Output), name);

    private static T Value<T>(PSObject o, string name)
    {
        PSPropertyInfo property = o.Properties[name] ?? throw new KeyNotFoundException($"The output has no property {name}.");
        object value = property.Value;
        return (T)(value is PSObject wrapped ? wrapped.BaseObject : value);
    }
}
