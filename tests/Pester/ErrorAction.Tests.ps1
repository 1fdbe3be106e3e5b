# -ErrorAction Stop on every API cmdlet: the first failing input is one terminating error with the API's ErrorId and
# the input as its target, and the input after it is neither written nor sent (ThrottleLimit 1: strictly in turn).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:sandbox = Initialize-PiTest
    $script:good = (Get-SandboxPayments $sandbox | Where-Object { $_.direction -eq 'user_to_app' } | Select-Object -First 1).identifier
}

AfterAll { Complete-PiTest $sandbox }

Describe '-ErrorAction Stop on <Command>' -ForEach @(
    @{ Command = 'Get-PiPayment'; ErrorId = 'payment_not_found'; Bad = 'NoSuchPayment'; Route = 'GET /v2/payments/{id}'
        Run = { param($inputs) $inputs | Get-PiPayment -ThrottleLimit 1 -ErrorAction Stop } }
    @{ Command = 'Approve-PiPayment'; ErrorId = 'payment_not_found'; Bad = 'NoSuchPayment'; Route = 'POST /v2/payments/{id}/approve'
        Run = { param($inputs) $inputs | Approve-PiPayment -ThrottleLimit 1 -ErrorAction Stop } }
    @{ Command = 'Complete-PiPayment'; ErrorId = 'payment_not_found'; Bad = 'NoSuchPayment'; Route = 'POST /v2/payments/{id}/complete'
        Run = { param($inputs) $inputs | Complete-PiPayment -TxId ('a' * 64) -ThrottleLimit 1 -ErrorAction Stop } }
    @{ Command = 'Stop-PiPayment'; ErrorId = 'payment_not_found'; Bad = 'NoSuchPayment'; Route = 'POST /v2/payments/{id}/cancel'
        Run = { param($inputs) $inputs | Stop-PiPayment -Confirm:$false -ThrottleLimit 1 -ErrorAction Stop } }
    @{ Command = 'Get-PiMe'; ErrorId = 'invalid_token'; Bad = 'sandbox-token-carol'; Route = 'GET /v2/me'; Target = 'access token #1'
        Run = { param($inputs) $inputs | Get-PiMe -ThrottleLimit 1 -ErrorAction Stop } }
    @{ Command = 'Get-PiAdStatus'; ErrorId = 'ad_not_found'; Bad = 'ad-nope'; Route = 'GET /v2/ads_network/status/{adId}'
        Run = { param($inputs) $inputs | Get-PiAdStatus -ThrottleLimit 1 -ErrorAction Stop } }
    @{ Command = 'New-PiPayment'; ErrorId = 'missing_wallet'; Bad = 'uid-dave-0004'; Route = 'POST /v2/payments'
        Run = { param($inputs) $inputs | ForEach-Object { [pscustomobject]@{ UserUid = $_; Amount = 1; Memo = 'm' } } | New-PiPayment -Confirm:$false -ThrottleLimit 1 -ErrorAction Stop } }
) {
    BeforeEach {
        Invoke-Sandbox $sandbox '/sandbox/reset' -Method POST -Body @{} | Out-Null
    }

    It 'throws the first failure with its ErrorId and target, and sends nothing after it' {
        $after = switch ($Command) { 'Get-PiMe' { 'sandbox-token-alice' } 'Get-PiAdStatus' { 'ad-granted-1' } 'New-PiPayment' { 'uid-payee-1' } default { $good } }
        $thrown = $null
        try { & $Run @($Bad, $after) | Out-Null } catch { $thrown = $_ }

        $thrown | Should -Not -BeNullOrEmpty
        $thrown.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $expected = if ($Target) { $Target } else { $Bad }
        $(if ($thrown.TargetObject -is [PiPlatform.Payment]) { $thrown.TargetObject.Identifier } else { $thrown.TargetObject }) | Should -Be $expected
        (Get-SandboxStats $sandbox).requests.by_route.$Route | Should -Be 1
    }
}

Describe '-ErrorAction Stop on Send-PiNotification' {
    It 'throws for the first notification of a batch Pi refuses, and writes none of the batch' {
        $thrown = $null
        $written = [System.Collections.Generic.List[object]]::new()
        try {
            [pscustomobject]@{ UserUid = 'uid-alice-0001'; Title = ''; Body = 'b' }, [pscustomobject]@{ UserUid = 'uid-alice-0001'; Title = 't'; Body = 'b' } |
                Send-PiNotification -Confirm:$false -ErrorAction Stop | ForEach-Object { $written.Add($_) }
        }
        catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'invalid_notification,*'
        $thrown.TargetObject | Should -Be 'uid-alice-0001'
        $written | Should -BeNullOrEmpty
    }
}
