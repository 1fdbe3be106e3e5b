# The test runner itself: a suite that runs no test must fail the build, not pass it quietly.

BeforeAll {
    $script:runner = Join-Path $PSScriptRoot 'Invoke-PesterSuite.ps1'
    $script:pester = (Get-Module Pester).Path
    $script:module = $env:PIPLATFORM_MODULE_PATH

    function Invoke-Suite([string] $Folder) {
        $summary = Join-Path $TestDrive "summary-$(Split-Path $Folder -Leaf).json"
        $pwsh = Join-Path $PSHOME 'pwsh'
        & $pwsh -NoProfile -NonInteractive -File $runner -PesterManifest $pester -ModulePath $module `
            -SummaryPath $summary -ResultPath (Join-Path $TestDrive 'result.xml') -Path $Folder *> $null
        [pscustomobject]@{ Exit = $LASTEXITCODE; Summary = Get-Content -Raw -LiteralPath $summary | ConvertFrom-Json }
    }
}

Describe 'Invoke-PesterSuite' {
    It 'fails a run in which a test file ran no tests' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'empty')
        Set-Content -LiteralPath (Join-Path $folder 'Nothing.Tests.ps1') -Value "Describe 'nothing' { It 'is skipped' -Skip { } }"
        Set-Content -LiteralPath (Join-Path $folder 'Something.Tests.ps1') -Value "Describe 'something' { It 'passes' { 1 | Should -Be 1 } }"
        $run = Invoke-Suite $folder
        $run.Exit | Should -Be 1
        $run.Summary.Passed | Should -Be 1
        $run.Summary.Failed | Should -Be 1
    }

    It 'passes a run in which every file ran a test' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'full')
        Set-Content -LiteralPath (Join-Path $folder 'Something.Tests.ps1') -Value "Describe 'something' { It 'passes' { 1 | Should -Be 1 } }"
        $run = Invoke-Suite $folder
        $run.Exit | Should -Be 0
        $run.Summary.Failed | Should -Be 0
    }
}
