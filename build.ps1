#Requires -Version 7.4
<#
.SYNOPSIS
    The one entry point: builds the PiPlatform module, runs its tests, packages it, runs the demo.

.DESCRIPTION
    Run it with the pinned pwsh from the repo's tool manifest:
        dotnet tool restore
        dotnet pwsh ./build.ps1 -Task Test

    Build    assembles the importable module folder out/PiPlatform/<version>/ (manifest, DLLs, format and
             types files, and the sandbox under sandbox/), then generates its Get-Help files into en-US/ from
             docs/en-US/*.md and the built cmdlets' metadata (build/Build-Help.ps1); help that does not fit the
             cmdlets fails the build.
    Test     Build, then xunit (client and sandbox over real HTTP; the built module in an in-process engine) and
             Pester 6 (the built module in a fresh pwsh, against sandboxes it starts); ends with one line
             'N passed, M failed'.
    Package  Build, then a .nupkg of the module in out/packages (Publish-PSResource to a local folder).
    Demo     Build, then start a sandbox and review its pending payments through the pipeline.
    Bench    Build, then the bench project and bench/node (npm ci, if node_modules is missing), then
             bench/Invoke-Benchmark.ps1 with every further argument passed through, e.g.
                 dotnet pwsh ./build.ps1 -Task Bench -Quick
             Heavy: run it on a quiet machine (see bench/README.md). Not part of Test, and not in the solution.
    Clean    removes out/ and every bin/ and obj/.
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Clean', 'Demo', 'Bench')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # -Task Bench only: the arguments for bench/Invoke-Benchmark.ps1 (-Count, -Width, -LatencyMs, -Sweep, -Quick, ...).
    [Parameter(ValueFromRemainingArguments)]
    [string[]] $BenchArguments = @()
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
if ($BenchArguments.Count -gt 0 -and $Task -ne 'Bench') { throw "Unknown arguments for -Task ${Task}: $($BenchArguments -join ' ')" }

$root = $PSScriptRoot
$version = (Import-PowerShellDataFile -Path (Join-Path $root 'PiPlatform.psd1')).ModuleVersion
$out = Join-Path $root 'out'
$moduleDir = Join-Path $out "PiPlatform/$version"
$results = Join-Path $out 'test-results'

function Invoke-Dotnet {
    # Fail the build on any dotnet failure: $ErrorActionPreference does not cover native commands' exit codes.
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Clean {
    Remove-Item -Recurse -Force -ErrorAction Ignore -Path $out
    Get-ChildItem -Path (Join-Path $root 'src'), (Join-Path $root 'tests'), (Join-Path $root 'bench') -Directory -Recurse -Include bin, obj -ErrorAction Ignore |
        Remove-Item -Recurse -Force
}

function Invoke-Build {
    Write-Host "Building PiPlatform $version ($Configuration)" -ForegroundColor Cyan
    Invoke-Dotnet build (Join-Path $root 'PiPowerShell.sln') -c $Configuration --nologo -v quiet
    Remove-Item -Recurse -Force -ErrorAction Ignore -Path $moduleDir
    $staging = Join-Path $out "staging/PiPlatform"
    Remove-Item -Recurse -Force -ErrorAction Ignore -Path $staging
    Invoke-Dotnet publish (Join-Path $root 'src/PiPlatform') -c $Configuration --no-build --nologo -v quiet -o $staging
    Invoke-Dotnet publish (Join-Path $root 'src/PiPlatform.Sandbox') -c $Configuration --no-build --nologo -v quiet -o (Join-Path $moduleDir 'sandbox')
    # The module folder gets the module's DLLs and what Windows PowerShell 5.1 lacks (System.Text.Json and its
    # closure); on PowerShell 7 the runtime's own copies of those win. No pdb, xml docs or deps.json.
    Get-ChildItem -Path $staging -Filter '*.dll' | Copy-Item -Destination $moduleDir
    Copy-Item -Path (Join-Path $staging '*.ps1xml') -Destination $moduleDir
    Copy-Item -Path (Join-Path $root 'PiPlatform.psd1') -Destination $moduleDir
    Invoke-HelpGenerator
    Write-Host "Module: $moduleDir"
}

function Invoke-HelpGenerator {
    # Get-Help's files (en-US/PiPlatform.dll-Help.xml, about_*.help.txt) from docs/en-US and the built cmdlets'
    # metadata. A fresh pwsh imports the module, so this session never loads (and locks) the DLLs it just built.
    Write-Host "Help: docs/en-US and the cmdlets' metadata -> en-US" -ForegroundColor Cyan
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'build/Build-Help.ps1') `
        -ModulePath $moduleDir -DocsPath (Join-Path $root 'docs/en-US')
    if ($LASTEXITCODE -ne 0) { throw "The help in docs/en-US does not fit the cmdlets (the problems are listed above)." }
}

function Get-PesterManifest {
    $project = Join-Path $root 'tests/Pester/Pester.Restore.csproj'
    Invoke-Dotnet restore $project --nologo -v quiet
    $pesterVersion = ([xml](Get-Content -Raw -LiteralPath $project)).Project.ItemGroup.PackageDownload.Version.Trim('[', ']')
    $packages = $env:NUGET_PACKAGES
    if (-not $packages) {
        $packages = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    }
    $manifest = Join-Path $packages "pester/$pesterVersion/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $manifest)) { throw "Pester $pesterVersion was restored but $manifest is missing." }
    $manifest
}

function Get-TrxCount([string] $Path, [string] $Counter) {
    $counters = ([xml](Get-Content -Raw -LiteralPath $Path)).TestRun.ResultSummary.Counters
    [int] $counters.$Counter
}

function Invoke-Test {
    Invoke-Build
    # Results of an earlier run must never be counted as this run's: remove them, or fail.
    if (Test-Path -LiteralPath $results) { Remove-Item -Recurse -Force -LiteralPath $results }
    New-Item -ItemType Directory -Force -Path $results | Out-Null

    Write-Host 'xunit: client and sandbox over real HTTP, the built module in an in-process engine' -ForegroundColor Cyan
    $xunitFailedToRun = $false
    & dotnet test (Join-Path $root 'PiPowerShell.sln') -c $Configuration --no-build --nologo -v quiet `
        --logger 'trx' --logger 'console;verbosity=minimal' --results-directory $results
    if ($LASTEXITCODE -ne 0) { $xunitFailedToRun = $true }
    $trx = @(Get-ChildItem -Path $results -Filter '*.trx' -Recurse)
    $xPassed = ($trx | ForEach-Object { Get-TrxCount $_.FullName 'passed' } | Measure-Object -Sum).Sum
    $xFailed = ($trx | ForEach-Object { (Get-TrxCount $_.FullName 'failed') + (Get-TrxCount $_.FullName 'error') } | Measure-Object -Sum).Sum
    if ($xunitFailedToRun -and $xFailed -eq 0) { $xFailed = 1 } # a test host that crashed reports no failures
    # Every test project must have run and run something: a project that found no tests proves nothing.
    $projects = @(Get-ChildItem -Path (Join-Path $root 'tests') -Filter '*.Tests.csproj' -Recurse)
    if ($trx.Count -ne $projects.Count) {
        Write-Host "xunit: $($projects.Count) test projects but $($trx.Count) result files" -ForegroundColor Red
        $xFailed++
    }
    foreach ($file in $trx) {
        if ((Get-TrxCount $file.FullName 'total') -eq 0) {
            Write-Host "xunit: $($file.Name) ran no tests" -ForegroundColor Red
            $xFailed++
        }
    }

    Write-Host 'Pester: the built module in a fresh pwsh' -ForegroundColor Cyan
    $pester = Get-PesterManifest
    $summary = Join-Path $results 'pester-summary.json'
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'tests/Pester/Invoke-PesterSuite.ps1') `
        -PesterManifest $pester -ModulePath $moduleDir -SummaryPath $summary -ResultPath (Join-Path $results 'pester.xml')
    $pesterExit = $LASTEXITCODE
    $pPassed = 0; $pFailed = 1
    if (Test-Path -LiteralPath $summary) {
        $counts = Get-Content -Raw -LiteralPath $summary | ConvertFrom-Json
        $pPassed = $counts.Passed
        $pFailed = $counts.Failed
    }
    if ($pesterExit -ne 0 -and $pFailed -eq 0) { $pFailed = 1 }

    Write-Host "xunit: $xPassed passed, $xFailed failed; Pester: $pPassed passed, $pFailed failed"
    $passed = $xPassed + $pPassed
    $failed = $xFailed + $pFailed
    Write-Output "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-Package {
    Invoke-Build
    $packages = Join-Path $out 'packages'
    New-Item -ItemType Directory -Force -Path $packages | Out-Null
    $repository = "PiPlatformLocal$PID"
    Register-PSResourceRepository -Name $repository -Uri $packages -Trusted
    try {
        Publish-PSResource -Path $moduleDir -Repository $repository
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
    }
    Get-ChildItem -Path $packages -Filter '*.nupkg' | ForEach-Object { Write-Host "Package: $($_.FullName)" }
}

function Invoke-Demo {
    Invoke-Build
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'examples/Invoke-PaymentReview.ps1') -ModulePath $moduleDir
    if ($LASTEXITCODE -ne 0) { throw "The demo failed with exit code $LASTEXITCODE." }
}

function Invoke-Bench {
    Invoke-Build
    Write-Host 'Building the bench project' -ForegroundColor Cyan
    # Always Release: the ceiling is a measurement, and the driver runs it from bin/Release.
    Invoke-Dotnet build (Join-Path $root 'bench/PiPlatform.Bench') -c Release --nologo -v quiet
    $node = Join-Path $root 'bench/node'
    if (-not (Test-Path -LiteralPath (Join-Path $node 'node_modules'))) {
        if (Get-Command npm -CommandType Application -ErrorAction Ignore) {
            Write-Host 'npm ci in bench/node (pi-backend, for the Node SDK rows)' -ForegroundColor Cyan
            & npm ci --prefix $node --no-audit --no-fund
            if ($LASTEXITCODE -ne 0) { throw "npm ci in bench/node failed with exit code $LASTEXITCODE." }
        }
        else {
            Write-Warning 'npm is not on PATH: the benchmark runs without the pi-backend rows.'
        }
    }
    # A child pwsh (the pinned one), so the benchmark's own arguments are parsed as its parameters.
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'bench/Invoke-Benchmark.ps1') @BenchArguments
    if ($LASTEXITCODE -ne 0) { throw "The benchmark failed with exit code $LASTEXITCODE (see out/bench/logs)." }
}

Push-Location $root
try {
    switch ($Task) {
        'Clean' { Invoke-Clean }
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Package' { Invoke-Package }
        'Demo' { Invoke-Demo }
        'Bench' { Invoke-Bench }
    }
}
finally {
    Pop-Location
}
