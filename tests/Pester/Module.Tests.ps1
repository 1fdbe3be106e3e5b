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

    It 'uses the runtime''s own System.Text.Json on PowerShell 7, not the copy shipped for 5.1' {
        $json = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'System.Text.Json' }
        $json.Location | Should -Not -BeLike "$($module.ModuleBase)*"
    }
}

Describe 'Living beside pwsh''s own assemblies' {
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

    It 'has a synopsis in its source (full MAML help is a later issue)' {
        $source = Get-ChildItem (Join-Path $PSScriptRoot '../../src/PiPlatform/Commands') -Filter "$($Command.Verb)$($Command.Noun -replace '-', '')Command.cs"
        $source | Should -Not -BeNullOrEmpty
        Get-Content -Raw $source.FullName | Should -Match 'para type="synopsis">\S'
    }

    It 'supports ShouldProcess if it changes state' {
        if ($Command.Verb -in 'Approve', 'Complete', 'Stop', 'New', 'Send') {
            $Command.Parameters.Keys | Should -Contain 'WhatIf'
            $Command.Parameters.Keys | Should -Contain 'Confirm'
        }
    }
}

Describe 'ConfirmImpact' {
    It 'is High for <_>' -ForEach 'Stop-PiPayment', 'New-PiPayment' {
        $type = (Get-Command $_).ImplementingType
        $type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }
}
