// A PowerShell host that really prompts: ShouldProcess asks it, and it answers from a script of choices, recording each
// question and every line written to it (-WhatIf's). Compiled by Confirm.Tests.ps1 with Add-Type, and into the engine
// tests, so -Confirm is tested through the host path users see.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace PiPlatformTests
{
    public sealed class ScriptedHost : PSHost
    {
        private readonly ScriptedUI _ui;

        public ScriptedHost(params string[] answers) => _ui = new ScriptedUI(answers);

        public IReadOnlyList<string> Questions => _ui.Questions;

        /// <summary>What was written to the host as lines: -WhatIf's "What if: ..." among them.</summary>
        public IReadOnlyList<string> Lines => _ui.Lines;

        public override string Name => "ScriptedHost";
        public override Version Version { get; } = new Version(1, 0);
        public override Guid InstanceId { get; } = Guid.NewGuid();
        public override PSHostUserInterface UI => _ui;
        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
        public override void SetShouldExit(int exitCode) { }
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
    }

    public sealed class ScriptedUI : PSHostUserInterface
    {
        private readonly Queue<string> _answers;

        public ScriptedUI(IEnumerable<string> answers) => _answers = new Queue<string>(answers);

        public List<string> Questions { get; } = new List<string>();

        public List<string> Lines { get; } = new List<string>();

        // Answers by the hot key a user would type: Y(es), A (Yes to All), N(o), L (No to All).
        private static readonly Dictionary<string, string> Labels = new Dictionary<string, string>
        {
            ["Y"] = "Yes", ["A"] = "Yes to All", ["N"] = "No", ["L"] = "No to All",
        };

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Questions.Add(message);
            if (_answers.Count == 0) throw new InvalidOperationException("The test gave no answer for: " + message);
            string label = Labels[_answers.Dequeue()];
            for (int i = 0; i < choices.Count; i++)
            {
                if (choices[i].Label.Replace("&", "") == label) return i;
            }
            throw new InvalidOperationException("No choice labelled " + label);
        }

        public override PSHostRawUserInterface RawUI => null!;
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
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();
    }
}
