# The module as a whole: manifest, exports, conventions, and coexistence with pwsh's own assemblies.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-PiPlatformUnderTest
    $script:commands = @(Get-Command -Module PiPlatform -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name; Command = $_ } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-PiPlatformUnderTest
    $script:module = Get-Module PiPlatform
    $script:manifestPath = Join-Path $module.ModuleBase 'PiPlatform.psd1'
}

Describe 'The built manifest' {
    It 'passes Test-ModuleManifest' {
        $manifest = Test-ModuleManifest -Path $manifestPath -ErrorAction Stop
        $manifest.Name | Should -Be 'PiPlatform'
        $manifest.Version | Should -Be $module.Version
    }

    It 'sits in a folder named after its version' {
        Split-Path $module.ModuleBase -Leaf | Should -Be $module.Version.ToString()
    }

    It 'declares both editions, 5.1 and .NET Framework 4.7.2' {
        $data = Import-PowerShellDataFile $manifestPath
        $data.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $data.PowerShellVersion | Should -Be '5.1'
        $data.DotNetFrameworkVersion | Should -Be '4.7.2'
    }

    It 'exports exactly the cmdlets it lists, and the Cancel-PiPayment alias' {
        $data = Import-PowerShellDataFile $manifestPath
        @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($data.CmdletsToExport | Sort-Object)
        $module.ExportedFunctions.Count | Should -Be 0
        (Get-Alias Cancel-PiPayment).ResolvedCommandName | Should -Be 'Stop-PiPayment'
    }

    It 'ships no copy of System.Management.Automation and no PowerShell SDK' {
        Get-ChildItem $module.ModuleBase -Filter 'System.Management.Automation.dll' | Should -BeNullOrEmpty
        Get-ChildItem $module.ModuleBase -Filter 'Microsoft.PowerShell.*.dll' | Should -BeNullOrEmpty
    }

    It 'ships the sandbox as a portable app that dotnet runs: no OS launcher, symbols, XML docs or web.config' {
        $sandbox = Join-Path $module.ModuleBase 'sandbox'
        Join-Path $sandbox 'PiPlatform.Sandbox.dll' | Should -Exist
        @(Get-ChildItem $sandbox -File | Where-Object Extension -NotIn '.dll', '.json').Name | Should -BeNullOrEmpty
    }

    It 'uses the runtime''s own System.Text.Json on PowerShell 7, not the copy shipped for 5.1' {
        $json = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'System.Text.Json' }
        $json.Location | Should -Not -BeLike "$($module.ModuleBase)*"
    }
}

Describe 'What Windows PowerShell 5.1 would load (checked from metadata; 5.1 itself cannot run here)' {
    BeforeAll {
        function Get-AssemblyReferences([string] $Path) {
            $stream = [IO.File]::OpenRead($Path)
            try {
                $reader = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader([System.Reflection.PortableExecutable.PEReader]::new($stream))
                foreach ($handle in $reader.AssemblyReferences) {
                    $reference = $reader.GetAssemblyReference($handle)
                    [pscustomobject]@{ Name = $reader.GetString($reference.Name); Version = $reference.Version }
                }
            }
            finally { $stream.Dispose() }
        }
        $script:shipped = @{}
        Get-ChildItem $module.ModuleBase -Filter '*.dll' | ForEach-Object {
            $name = [Reflection.AssemblyName]::GetAssemblyName($_.FullName)
            $shipped[$name.Name] = $name.Version
        }
        $script:references = Get-ChildItem $module.ModuleBase -Filter '*.dll' | ForEach-Object { Get-AssemblyReferences $_.FullName }
    }

    It 'targets netstandard 2.0 only, so .NET Framework 4.7.2 can load every DLL' {
        $references | Where-Object Name -in 'System.Runtime', 'mscorlib', 'System.Private.CoreLib' | Should -BeNullOrEmpty
        ($references | Where-Object Name -eq 'netstandard').Version | Sort-Object -Unique | Should -Be ([version]'2.0.0.0')
    }

    It 'ships every assembly it references, beyond netstandard and PowerShell itself' {
        $missing = $references | Where-Object { $_.Name -notin 'netstandard', 'System.Management.Automation' -and -not $shipped.ContainsKey($_.Name) }
        $missing | Should -BeNullOrEmpty
    }

    It 'compiles against the PowerShell 5.1 reference API (System.Management.Automation 3.0.0.0)' {
        ($references | Where-Object Name -eq 'System.Management.Automation').Version | Sort-Object -Unique | Should -Be ([version]'3.0.0.0')
    }

    It 'resolves by name every reference whose version differs from the shipped file (5.1 has no binding redirects for modules)' {
        $resolved = [PiPlatform.ModuleInitializer].GetField('Shipped', [Reflection.BindingFlags]'NonPublic, Static').GetValue($null)
        $mismatched = $references | Where-Object { $shipped.ContainsKey($_.Name) -and $shipped[$_.Name] -ne $_.Version } | Select-Object -ExpandProperty Name -Unique
        $mismatched | Should -Not -BeNullOrEmpty -Because 'System.Memory and System.Text.Json ask for different System.Runtime.CompilerServices.Unsafe versions'
        $mismatched | ForEach-Object { $resolved.Contains($_) | Should -BeTrue -Because "$_ is asked for in a version that is not shipped" }
    }
}

Describe 'Living beside pwsh''s own assemblies' {
    It 'makes the client''s types usable as soon as it is imported, before any cmdlet runs' {
        # A fresh process: in this one a test has long since loaded the types.
        $known = Start-Job { Import-Module $using:manifestPath; [bool]('PiPlatform.Payment' -as [type]) } | Receive-Job -Wait -AutoRemoveJob
        $known | Should -BeTrue
    }

    It 'leaves ConvertTo-Json, ConvertFrom-Json and Invoke-RestMethod working after import' {
        $sandbox = Start-PiSandbox
        try {
            Connect-PiPlatform -Sandbox $sandbox.BaseUri
            $payment = Get-PiPayment -PaymentId (Get-SandboxPayments $sandbox)[0].identifier
            $roundTrip = $payment | ConvertTo-Json -Depth 5 | ConvertFrom-Json
            $roundTrip.Identifier | Should -Be $payment.Identifier
            (Invoke-RestMethod -Uri ([uri]::new($sandbox.BaseUri, '/sandbox/users'))).Count | Should -BeGreaterThan 0
        }
        finally {
            Disconnect-PiPlatform
            $sandbox | Stop-PiSandbox
        }
    }
}

Describe 'Cmdlet <Name>' -ForEach $commands {
    It 'uses an approved verb' {
        $Command.Verb | Should -BeIn (Get-Verb).Verb
    }

    It 'uses the Pi noun prefix' {
        $Command.Noun | Should -BeLike 'Pi*'
    }

    It 'declares its output type' {
        $Command.OutputType.Count | Should -BeGreaterThan 0
    }

    It 'supports ShouldProcess if it changes state' {
        if ($Command.Verb -in 'Approve', 'Complete', 'Stop', 'New', 'Send') {
            $Command.Parameters.Keys | Should -Contain 'WhatIf'
            $Command.Parameters.Keys | Should -Contain 'Confirm'
        }
    }
}

# The MAML is generated at build time from docs/en-US/*.md and the compiled cmdlets' metadata (build/, see
# HelpGenerator.Tests.ps1), so these tests prove the generated help matches that metadata as Get-Help reads it:
# a generator that dropped a parameter set, a position, an alias or a pipeline binding fails here.
Describe 'Get-Help <Name>' -ForEach $commands {
    BeforeAll {
        $help = Get-Help $Name -Full
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters
        $documented = @($help.parameters.parameter)

        # Either a parameter in one set (CommandParameterInfo) or its metadata (ParameterSetMetadata): both have the flags.
        function Get-PipelineInputText($Metadata) {
            $ways = @(if ($Metadata.ValueFromPipeline) { 'ByValue' }; if ($Metadata.ValueFromPipelineByPropertyName) { 'ByPropertyName' })
            if ($ways) { "True ($($ways -join ', '))" } else { 'False' }
        }
    }

    It 'has a synopsis and a description from the module''s help file' {
        # Without a help file, Get-Help makes the synopsis from the syntax.
        $help.Synopsis | Should -Not -Match 'CommonParameters|^\s*$'
        ($help.description.Text -join '').Length | Should -BeGreaterThan 80
    }

    It 'has at least two examples, each with code and remarks' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code | Should -Match "\b$Name\b|\|"
            ($example.remarks.Text -join '').Trim() | Should -Not -BeNullOrEmpty
        }
    }

    It 'documents every parameter, and only those' {
        $expected = @($Command.Parameters.Keys | Where-Object { $_ -notin $common } | Sort-Object)
        @($documented.name | Sort-Object) | Should -Be $expected
        foreach ($parameter in $documented) {
            ($parameter.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs a description"
        }
    }

    It 'gives each parameter its real aliases and pipeline input' {
        foreach ($parameter in $documented) {
            $metadata = $Command.Parameters[$parameter.name]
            $aliases = if ($metadata.Aliases.Count) { ($metadata.Aliases | Sort-Object) -join ', ' } else { 'none' }
            (($parameter.aliases -split ',\s*' | Sort-Object) -join ', ') | Should -Be $aliases -Because "-$($parameter.name)'s aliases"
            $inputs = @($metadata.ParameterSets.Values | ForEach-Object { Get-PipelineInputText $_ } | Sort-Object -Unique)
            $parameter.pipelineInput | Should -BeIn $inputs -Because "-$($parameter.name)'s pipeline input"
        }
    }

    It 'shows one syntax per parameter set, with each parameter''s real position, pipeline input and mandatoriness' {
        $syntax = @($help.syntax.syntaxItem)
        $syntax.Count | Should -Be $Command.ParameterSets.Count
        foreach ($set in $Command.ParameterSets) {
            $names = @($set.Parameters.Name | Where-Object { $_ -notin $common } | Sort-Object)
            $item = $syntax | Where-Object { (@($_.parameter.name | Sort-Object) -join ',') -eq ($names -join ',') }
            $item | Should -Not -BeNullOrEmpty -Because "the $($set.Name) set ($($names -join ', ')) needs a syntax item"
            foreach ($parameter in $set.Parameters | Where-Object Name -notin $common) {
                $shown = $item.parameter | Where-Object name -eq $parameter.Name
                $position = if ($parameter.Position -ge 0) { "$($parameter.Position)" } else { 'named' }
                $shown.position | Should -Be $position -Because "-$($parameter.Name) in $($set.Name)"
                $shown.required | Should -Be "$($parameter.IsMandatory)".ToLowerInvariant() -Because "-$($parameter.Name) in $($set.Name)"
                $shown.pipelineInput | Should -Be (Get-PipelineInputText $parameter) -Because "-$($parameter.Name) in $($set.Name)"
                $aliases = if ($parameter.Aliases.Count) { ($parameter.Aliases | Sort-Object) -join ', ' } else { 'none' }
                (($shown.aliases -split ',\s*' | Sort-Object) -join ', ') | Should -Be $aliases -Because "-$($parameter.Name)'s aliases in $($set.Name)"
            }
        }
    }
}

Describe 'The about_PiPlatform topic' {
    It 'ships with the module and Get-Help finds it' {
        Join-Path $module.ModuleBase 'en-US/about_PiPlatform.help.txt' | Should -Exist
        (Get-Help about_PiPlatform | Out-String) | Should -Match 'Connect-PiPlatform'
    }
}

Describe 'ConfirmImpact' {
    It 'is High for <_>' -ForEach 'Stop-PiPayment', 'New-PiPayment' {
        $type = (Get-Command $_).ImplementingType
        $type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }
}

# Each fact has one owner the others read (src/Shared, compiled into the client and the sandbox); these catch a
# copy creeping back in, as Start-PiSandbox -Seed's 1,000,000 beside the sandbox's 100,000 once did.
Describe 'Facts owned once' {
    It 'Start-PiSandbox -Seed stops where the sandbox does, and its largest value starts a sandbox' {
        $range = (Get-Command Start-PiSandbox).Parameters.Seed.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateRangeAttribute] }
        $range.MaxRange | Should -Be ([PiPlatform.PiSandboxDefaults]::MaxSeedCount)
        $largest = Start-PiSandbox -Seed $range.MaxRange
        try {
            $largest.IsRunning | Should -BeTrue
            $largest.Seed | Should -Be $range.MaxRange
        }
        finally { $largest | Stop-PiSandbox }
    }

    It 'every ErrorId is a snake_case code of the catalog, and the module''s own say their next step in the message' {
        [PiPlatform.PiErrorCatalog]::All.Code | Where-Object { $_ -cnotmatch '^[a-z][a-z0-9]*(_[a-z0-9]+)*$' } | Should -BeNullOrEmpty
        Disconnect-AllPiConnections
        $err = { Get-PiPayment -PaymentId abc } | Should -Throw -ErrorId 'not_connected,PiPlatform.Commands.GetPiPaymentCommand' -PassThru
        $err.Exception.Message | Should -Match 'Run Connect-PiPlatform first'
        $err.ErrorDetails.RecommendedAction | Should -Be ([PiPlatform.PiErrorCatalog]::Find('not_connected').RecommendedAction)
    }
}
