# Shared by the Pester files: import the built module, start and reach a sandbox.

function Import-PiPlatformUnderTest {
    $path = $env:PIPLATFORM_MODULE_PATH
    if (-not $path) {
        # Run by hand after 'build.ps1 -Task Build': the newest built version.
        $path = Get-ChildItem (Join-Path $PSScriptRoot '../../out/PiPlatform') -Directory | Sort-Object { [version]$_.Name } | Select-Object -Last 1 -ExpandProperty FullName
    }
    Import-Module (Join-Path $path 'PiPlatform.psd1') -Force -Global
}

function Initialize-PiTest {
    # What most test files need first: the built module, a sandbox of their own, a default connection to it.
    Import-PiPlatformUnderTest
    $sandbox = Start-PiSandbox
    Connect-PiPlatform -Sandbox $sandbox.BaseUri
    $sandbox
}

function Disconnect-AllPiConnections {
    # Closes every connection this runspace made, default or not.
    Get-PiPlatformConnection | ForEach-Object { Disconnect-PiPlatform -Connection $_ }
}

function Complete-PiTest {
    param([Parameter(Mandatory)] $Sandbox)
    Disconnect-AllPiConnections
    $Sandbox | Stop-PiSandbox
}

function Get-SandboxChanges {
    # How many real state changes of one kind (approve, complete, cancel, ...) the sandbox made on a payment.
    param([Parameter(Mandatory)] $Sandbox, [Parameter(Mandatory)] [string] $Id, [Parameter(Mandatory)] [string] $Kind)
    $counts = (Get-SandboxStats $Sandbox).changes.by_payment.$Id
    if ($counts) { [int]$counts.$Kind } else { 0 }
}

function Invoke-Sandbox {
    # The sandbox's own /sandbox/ endpoints: the user's side and the test's eyes (no key needed).
    param(
        [Parameter(Mandatory)] $Sandbox,
        [Parameter(Mandatory)] [string] $Path,
        [string] $Method = 'GET',
        $Body
    )
    $request = @{ Uri = [uri]::new($Sandbox.BaseUri, $Path); Method = $Method }
    if ($null -ne $Body) {
        $request.Body = $Body | ConvertTo-Json -Depth 10
        $request.ContentType = 'application/json'
    }
    Invoke-RestMethod @request
}

function Set-SandboxConfig {
    # Behaviour switches and added latency, e.g. Set-SandboxConfig $sandbox @{ latency_ms = 20 }; a reset clears them.
    param([Parameter(Mandatory)] $Sandbox, [Parameter(Mandatory)] [hashtable] $Config)
    Invoke-Sandbox $Sandbox '/sandbox/config' -Method POST -Body $Config | Out-Null
}

function Reset-Sandbox {
    param([Parameter(Mandatory)] $Sandbox, [int] $Seed = 14)
    Invoke-Sandbox $Sandbox '/sandbox/reset' -Method POST -Body @{ seed = $Seed } | Out-Null
}

function New-PiRunspace {
    # A second PowerShell with the module imported and connected to the sandbox: its streams (progress among them,
    # which no redirection captures) can be read, and it can be stopped mid-command as Ctrl+C would.
    param([Parameter(Mandatory)] $Sandbox)
    $ps = [powershell]::Create()
    $null = $ps.AddScript({
            param($ModulePath, $BaseUri)
            Import-Module (Join-Path $ModulePath 'PiPlatform.psd1')
            Connect-PiPlatform -Sandbox $BaseUri
        }).AddArgument((Get-Module PiPlatform).ModuleBase).AddArgument($Sandbox.BaseUri)
    $null = $ps.Invoke()
    $ps.Commands.Clear()
    $ps
}

function Get-SandboxPayments {
    param([Parameter(Mandatory)] $Sandbox)
    (Invoke-Sandbox $Sandbox '/sandbox/payments').payments
}

function Get-SandboxStats {
    param([Parameter(Mandatory)] $Sandbox)
    Invoke-Sandbox $Sandbox '/sandbox/stats'
}

function New-SandboxPayment {
    # A fresh user-to-app payment, as the user's app would create it; -State takes it along the lifecycle.
    param(
        [Parameter(Mandatory)] $Sandbox,
        [ValidateSet('AwaitingApproval', 'AwaitingTransaction', 'ReadyToComplete', 'TransactionUnverified')]
        [string] $State = 'AwaitingApproval',
        [decimal] $Amount = 1.5,
        [string] $UserUid = 'uid-alice-0001'
    )
    $payment = Invoke-Sandbox $Sandbox '/sandbox/payments' -Method POST -Body @{ user_uid = $UserUid; amount = $Amount; memo = 'test'; metadata = @{ order = 'o-1' } }
    $id = $payment.identifier
    if ($State -ne 'AwaitingApproval') {
        $null = Invoke-RestMethod -Method POST -Uri ([uri]::new($Sandbox.BaseUri, "/v2/payments/$id/approve")) -Headers @{ Authorization = "Key $([PiPlatform.PiSandboxDefaults]::ApiKey)" }
    }
    if ($State -in 'ReadyToComplete', 'TransactionUnverified') {
        $null = Invoke-Sandbox $Sandbox "/sandbox/payments/$id/transaction" -Method POST -Body @{ verified = ($State -eq 'ReadyToComplete') }
    }
    $id
}

Export-ModuleMember -Function Import-PiPlatformUnderTest, Initialize-PiTest, Complete-PiTest, Disconnect-AllPiConnections, Get-SandboxChanges, Invoke-Sandbox, Set-SandboxConfig, Reset-Sandbox, New-PiRunspace, Get-SandboxPayments, Get-SandboxStats, New-SandboxPayment
