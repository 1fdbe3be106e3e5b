# The help generator (build/HelpGenerator.psm1): help that does not fit the cmdlets fails the build with a message
# naming the cmdlet and what is missing, and the help it writes says, in Get-Help, what the Markdown says.
BeforeDiscovery {
    $script:docs = Join-Path $PSScriptRoot '../../docs/en-US'
    $script:pages = @(Get-ChildItem $docs -Filter '*.md' | Where-Object Name -NotLike 'about_*' | ForEach-Object { @{ Name = $_.BaseName; Path = $_.FullName } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-PiPlatformUnderTest
    $script:build = Join-Path $PSScriptRoot '../../build'
    Import-Module (Join-Path $build 'HelpGenerator.psm1') -Force
    Import-Module (Join-Path $build 'CommandHelp.psm1') -Force
    $script:docs = Join-Path $PSScriptRoot '../../docs/en-US'
    $script:module = Get-Module PiPlatform

    function New-DocsCopy {
        $copy = Join-Path $TestDrive "docs-$([guid]::NewGuid().ToString('n'))"
        Copy-Item -Recurse -LiteralPath $docs -Destination $copy
        $copy
    }

    function Edit-Page([string] $Docs, [string] $Name, [scriptblock] $Edit) {
        $path = Join-Path $Docs "$Name.md"
        $text = (Get-Content -Raw -LiteralPath $path) -replace "`r`n", "`n"
        $edited = & $Edit $text
        if ($edited -eq $text) { throw "The edit of $Name.md changed nothing: the test would prove nothing." }
        Set-Content -LiteralPath $path -Value $edited -NoNewline
    }

    # The generator's error message for a docs folder, or $null when it writes the help.
    function Get-HelpProblem([string] $Docs, [string] $Output = (Join-Path $TestDrive "out-$([guid]::NewGuid().ToString('n'))")) {
        try { New-ModuleHelp -Module $module -DocsPath $Docs -OutputPath $Output | Out-Null; $null }
        catch { $_.Exception.Message }
    }
}

Describe 'New-ModuleHelp on the docs as they are' {
    It 'finds no problem and writes the MAML and the about topic' {
        $output = Join-Path $TestDrive 'as-they-are'
        $written = New-ModuleHelp -Module $module -DocsPath $docs -OutputPath $output
        @($written.Name | Sort-Object) | Should -Be @('about_PiPlatform.help.txt', 'PiPlatform.dll-Help.xml')
    }
}

Describe 'New-ModuleHelp refuses help that does not fit the cmdlets: <Case>' -ForEach @(
    @{ Case = 'a parameter without a description'; Expected = 'Get-PiPayment \(.*Get-PiPayment\.md\): parameter -Incomplete has no description\.'
        Edit = { param($d) Edit-Page $d 'Get-PiPayment' { $args[0] -replace '(?s)(### -Incomplete\n).*?(?=\n##)', '$1' } } }
    @{ Case = 'a parameter not documented'; Expected = 'Get-PiMe \(.*\): parameter -Connection is not documented \(add ''### -Connection'' under PARAMETERS\)\.'
        Edit = { param($d) Edit-Page $d 'Get-PiMe' { $args[0] -replace '(?s)### -Connection\n.*?(?=\n##)', '' } } }
    @{ Case = 'a documented parameter that does not exist'; Expected = 'Get-PiAdStatus \(.*\): documents -AdIdentifier, which Get-PiAdStatus does not have\.'
        Edit = { param($d) Edit-Page $d 'Get-PiAdStatus' { $args[0] -replace '### -AdId\n', "### -AdId`n`nThe ids.`n`n### -AdIdentifier`n" } } }
    @{ Case = 'a common parameter documented'; Expected = 'Get-PiMe \(.*\): -Verbose is a common parameter, which Get-Help describes itself'
        Edit = { param($d) Edit-Page $d 'Get-PiMe' { $args[0] -replace '## INPUTS', "### -Verbose`n`nSays more.`n`n## INPUTS" } } }
    @{ Case = 'one example left'; Expected = 'Disconnect-PiPlatform \(.*\): has 1 example\(s\) under EXAMPLES; at least 2 are needed'
        Edit = { param($d) Edit-Page $d 'Disconnect-PiPlatform' { $args[0] -replace '(?s)### Example 2:.*?(?=## PARAMETERS)', '' } } }
    @{ Case = 'an example without remarks'; Expected = 'Get-PiMe \(.*\): ''Example 1: [^'']+'' has no remarks'
        Edit = { param($d) Edit-Page $d 'Get-PiMe' { $args[0] -replace '(?s)(### Example 1:[^\n]*\n\n```powershell\n.*?\n```\n).*?(?=\n### Example 2)', '$1' } } }
    @{ Case = 'an example without code'; Expected = 'Stop-PiSandbox \(.*\): ''Example 2: [^'']+'' has no code'
        Edit = { param($d) Edit-Page $d 'Stop-PiSandbox' { $args[0] -replace '(?s)(### Example 2:[^\n]*\n\n)```powershell\n.*?\n```\n', '$1' } } }
    @{ Case = 'no synopsis'; Expected = 'Start-PiSandbox \(.*\): SYNOPSIS is missing\.'
        Edit = { param($d) Edit-Page $d 'Start-PiSandbox' { $args[0] -replace '(?s)(## SYNOPSIS\n).*?(?=\n## )', '$1' } } }
    @{ Case = 'no description'; Expected = 'Submit-PiPayment \(.*\): DESCRIPTION is missing\.'
        Edit = { param($d) Edit-Page $d 'Submit-PiPayment' { $args[0] -replace '(?s)(## DESCRIPTION\n).*?(?=\n## )', '$1' } } }
    @{ Case = 'a syntax written by hand'; Expected = 'Get-PiMe \(.*\): line \d+: SYNTAX is generated from the cmdlet at build time'
        Edit = { param($d) Edit-Page $d 'Get-PiMe' { $args[0] -replace '(## SYNTAX\n)', "`$1`nGet-PiMe [-AccessToken] <SecureString[]>`n" } } }
    @{ Case = 'a range in the prose that is not the cmdlet''s'; Expected = 'Start-PiSandbox \(.*\): parameter -Seed says ''from 0 to 1000000'', but it accepts 0 to \d+\.'
        Edit = { param($d) Edit-Page $d 'Start-PiSandbox' { $args[0] -replace 'to seed, from 0 to [\d,]+,', 'to seed, from 0 to 1000000,' } } }
    @{ Case = 'a cmdlet without a page'; Expected = 'Get-PiAdStatus: no help page; write .*Get-PiAdStatus\.md\.'
        Edit = { param($d) Remove-Item (Join-Path $d 'Get-PiAdStatus.md') } }
    @{ Case = 'a page for a cmdlet that does not exist'; Expected = 'Get-PiYou\.md documents Get-PiYou, which is not a cmdlet of PiPlatform\.'
        Edit = { param($d) ((Get-Content -Raw (Join-Path $d 'Get-PiMe.md')) -replace '# Get-PiMe\n', "# Get-PiYou`n") | Set-Content (Join-Path $d 'Get-PiYou.md') } }
    @{ Case = 'an about topic without its title'; Expected = 'about_PiPlatform\.md: about_PiPlatform\.md must start with the heading ''# about_PiPlatform''\.'
        Edit = { param($d) Edit-Page $d 'about_PiPlatform' { $args[0] -replace '^# about_PiPlatform', '# About PiPlatform' } } }
) {
    It 'fails with one message, naming the cmdlet and what is missing, and writes nothing' {
        $copy = New-DocsCopy
        & $Edit $copy
        $output = Join-Path $TestDrive "refused-$([guid]::NewGuid().ToString('n'))"
        $problem = Get-HelpProblem $copy $output
        $problem | Should -Match 'has 1 problem\(s\):' -Because 'the edit breaks one thing only'
        $problem | Should -Match $Expected
        $output | Should -Not -Exist
    }
}

Describe 'New-ModuleHelp with several problems' {
    It 'lists them all in one error, one a line' {
        $copy = New-DocsCopy
        Remove-Item (Join-Path $copy 'Get-PiAdStatus.md')
        Edit-Page $copy 'Get-PiPayment' { $args[0] -replace '(?s)(### -Incomplete\n).*?(?=\n##)', '$1' }
        $lines = (Get-HelpProblem $copy) -split "`n"
        $lines[0] | Should -Match 'has 2 problem\(s\):$'
        $lines[1..2] | Should -Match '^  (Get-PiAdStatus: no help page|Get-PiPayment .*-Incomplete has no description)'
    }
}

Describe 'Build-Help.ps1, as build.ps1 runs it (a fresh pwsh, the built module folder)' {
    BeforeAll {
        # A copy of the built module's top folder (not its sandbox), so the help written here is this test's own.
        $script:moduleCopy = Join-Path $TestDrive 'module/PiPlatform/0.1.0'
        New-Item -ItemType Directory -Path $moduleCopy | Out-Null
        Get-ChildItem -File $module.ModuleBase | Copy-Item -Destination $moduleCopy
        function Invoke-BuildHelp([string] $Docs) {
            $errors = Join-Path $TestDrive 'build-help.err'
            & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -File (Join-Path $build 'Build-Help.ps1') `
                -ModulePath $moduleCopy -DocsPath $Docs 2> $errors | Out-Null
            [pscustomobject]@{ Exit = $LASTEXITCODE; Errors = Get-Content -Raw $errors }
        }
    }

    It 'exits 1 with the problems on stderr when a page lacks a parameter''s description' {
        $copy = New-DocsCopy
        Edit-Page $copy 'Get-PiMe' { $args[0] -replace '(?s)(### -ThrottleLimit\n).*?(?=\n##)', '$1' }
        $run = Invoke-BuildHelp $copy
        $run.Exit | Should -Be 1
        $run.Errors | Should -Match 'Get-PiMe \(.*Get-PiMe\.md\): parameter -ThrottleLimit has no description\.'
        Join-Path $moduleCopy 'en-US' | Should -Not -Exist
    }

    It 'writes help that Get-Help shows as the Markdown says, with the syntax taken from the cmdlet' {
        $copy = New-DocsCopy
        Edit-Page $copy 'Get-PiAdStatus' {
            $args[0] -replace '(?s)(## SYNOPSIS\n\n).*?\n', "`$1Checks ads \*before\* rewarding; see ``Get-Help``.`n" `
                -replace '(?s)(### -ThrottleLimit\n.*?Default value: )[^\n]*', '$1Sixteen, as measured' `
                -replace '## PARAMETERS', "### Example 9: A new one`n`n``````powershell`n'ad-1' | Get-PiAdStatus`n```````n`nIt asks about one ad.`n`n## PARAMETERS"
        }
        (Invoke-BuildHelp $copy).Exit | Should -Be 0
        $help = Start-Job {
            Import-Module (Join-Path $using:moduleCopy 'PiPlatform.psd1')
            $full = Get-Help Get-PiAdStatus -Full
            [pscustomobject]@{
                Synopsis = $full.Synopsis
                Example  = $full.examples.example[-1] | Select-Object title, code, @{ Name = 'remarks'; Expression = { $_.remarks.Text -join '' } }
                Default  = ($full.parameters.parameter | Where-Object name -eq 'ThrottleLimit').defaultValue
                Syntax   = ($full.syntax | Out-String -Width 200).Trim()
                Position = ($full.parameters.parameter | Where-Object name -eq 'AdId').position
            }
        } | Receive-Job -Wait -AutoRemoveJob
        $help.Synopsis | Should -Be 'Checks ads *before* rewarding; see Get-Help.'
        $help.Example.title | Should -Be '-------------------------- Example 9: A new one --------------------------'
        $help.Example.code | Should -Be "'ad-1' | Get-PiAdStatus"
        $help.Example.remarks | Should -Be 'It asks about one ad.'
        $help.Default | Should -Be 'Sixteen, as measured'
        $help.Position | Should -Be '0'
        $syntax = (Get-Command Get-PiAdStatus).ParameterSets[0].ToString() -replace '<int>', '<Int32>' -replace '<string\[\]>', '<String[]>'
        $help.Syntax | Should -Be "Get-PiAdStatus $syntax"
    }
}

Describe 'Get-Help <Name> shows what docs/en-US/<Name>.md says' -ForEach $pages {
    BeforeAll {
        $page = Read-CommandHelp -Path $Path
        $help = Get-Help $Name -Full
        # Get-Help ends every paragraph but the last with a line break of its own.
        function Get-Text($Paragraphs) { @($Paragraphs | ForEach-Object { "$($_.Text)".TrimEnd("`r", "`n") } | Where-Object { $_ }) }
    }

    It 'the synopsis and the description, paragraph by paragraph' {
        $help.Synopsis | Should -Be ($page.Synopsis -join ' ')
        Get-Text $help.description | Should -Be @($page.Description)
    }

    It 'every example: title, code and remarks' {
        $examples = @($help.examples.example)
        $examples.Count | Should -Be $page.Examples.Count
        for ($i = 0; $i -lt $examples.Count; $i++) {
            $examples[$i].title | Should -Be "-------------------------- $($page.Examples[$i].Title) --------------------------"
            $examples[$i].code | Should -Be ($page.Examples[$i].Code -join "`n`n")
            Get-Text $examples[$i].remarks | Should -Be @($page.Examples[$i].Remarks)
        }
    }

    It 'every parameter, in the page''s order, with its description and default value' {
        @($help.parameters.parameter.name) | Should -Be @($page.Parameters.Keys)
        foreach ($parameter in $help.parameters.parameter) {
            $documented = $page.Parameters[$parameter.name]
            Get-Text $parameter.description | Should -Be @($documented.Description) -Because "-$($parameter.name)'s description"
            $default = if ($documented.DefaultValue) { $documented.DefaultValue } elseif ($parameter.type.name -eq 'SwitchParameter') { 'False' } else { 'None' }
            $parameter.defaultValue | Should -Be $default -Because "-$($parameter.name)'s default value"
        }
    }

    It 'the inputs, outputs, notes and related links' {
        @($help.inputTypes.inputType.type.name) | Should -Be @($page.Inputs.TypeName)
        @($help.inputTypes.inputType | ForEach-Object { (Get-Text $_.description) -join "`n" }) | Should -Be @($page.Inputs | ForEach-Object { $_.Description -join "`n" })
        @($help.returnValues.returnValue.type.name) | Should -Be @($page.Outputs.TypeName)
        @($help.returnValues.returnValue | ForEach-Object { (Get-Text $_.description) -join "`n" }) | Should -Be @($page.Outputs | ForEach-Object { $_.Description -join "`n" })
        Get-Text $help.alertSet.alert | Should -Be @($page.Notes)
        @($help.relatedLinks.navigationLink.linkText) | Should -Be @($page.Links.Text)
    }
}
