using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace PiPlatform.Engine.Tests;

/// <summary>
/// A host whose user answers ShouldProcess's questions from a script of hot keys (Y, N, A for Yes to All, L for No
/// to All), as at the keyboard, and records each question and every line written to it (-WhatIf's among them).
/// </summary>
public sealed class ScriptedHost(params string[] answers) : PSHost
{
    private readonly ScriptedUI _ui = new(answers);

    /// <summary>Each question asked, as "caption: message".</summary>
    public IReadOnlyList<string> Questions => _ui.Questions;

    /// <summary>The lines written to the host.</summary>
    public IReadOnlyList<string> Lines => _ui.Lines;

    /// <summary>Answers the test gave that no question used.</summary>
    public int AnswersLeft => _ui.AnswersLeft;

    public override string Name => nameof(ScriptedHost);
    public override Version Version { get; } = new(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override void SetShouldExit(int exitCode) { }
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }

    private sealed class ScriptedUI(IEnumerable<string> answers) : PSHostUserInterface
    {
        private readonly Queue<string> _answers = new(answers);

        public List<string> Questions { get; } = [];

        public List<string> Lines { get; } = [];

        public int AnswersLeft => _answers.Count;

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Questions.Add($"{caption}: {message}");
            if (_answers.Count == 0) throw new InvalidOperationException($"The test gave no answer for: {message}");
            string key = _answers.Dequeue();
            // A choice's hot key is the letter after '&' in its label: &Yes, Yes to &All, &No, No to A&ll.
            for (int i = 0; i < choices.Count; i++)
            {
                string label = choices[i].Label;
                int amp = label.IndexOf('&');
                if (amp >= 0 && amp + 1 < label.Length && string.Equals(label[amp + 1].ToString(), key, StringComparison.OrdinalIgnoreCase)) return i;
            }

            throw new InvalidOperationException($"No choice has the hot key {key}: {string.Join(", ", choices.Select(c => c.Label))}");
        }

        public override PSHostRawUserInterface? RawUI => null;
        public override string ReadLine() => throw new NotSupportedException();
        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();
        public override void Write(string value) { }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }
        public override void WriteLine(string value) => Lines.Add(value);
        public override void WriteErrorLine(string value) { }
        public override void WriteDebugLine(string message) { }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) { }
        public override void WriteWarningLine(string message) { }
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();
    }
}
