# The key and tokens never appear in any stream, error, exception or object.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-PiPlatformUnderTest
    $script:sandbox = Start-PiSandbox
    $script:secret = 'sk_secret_DO_NOT_LEAK_9f8e7d6c5b4a'
    $script:token = 'user-token-DO_NOT_LEAK_1a2b3c4d'
}

AfterAll { Complete-PiTest $sandbox }

Describe 'Secret hygiene' {
    It 'a refused key appears in no stream, error or object' {
        $Error.Clear()
        $key = ConvertTo-SecureString $secret -AsPlainText -Force
        $all = & {
            # Failures are expected here (a refused key); Pester runs tests with ErrorAction Stop.
            $ErrorActionPreference = 'Continue'
            $c = Connect-PiPlatform -ApiKey $key -BaseUri $sandbox.BaseUri -PassThru -Verbose -Debug
            $c
            $c | Format-List * | Out-String
            Get-PiPlatformConnection | Format-Table | Out-String
            Get-PiPayment -Incomplete -Verbose -Debug
            Get-PiPayment -PaymentId abc, def -Verbose -Debug
            Approve-PiPayment abc -Verbose -Debug
            Complete-PiPayment abc -TxId ('a' * 64) -Verbose -Debug
            Stop-PiPayment abc -Confirm:$false -Verbose -Debug
            New-PiPayment -UserUid uid-payee-1 -Amount 1 -Memo m -Confirm:$false -Verbose -Debug
            Get-PiAdStatus ad-granted-1 -Verbose -Debug
            Send-PiNotification -UserUid uid-alice-0001 -Title t -Body b -Confirm:$false -Verbose -Debug
            Get-PiMe $token -Verbose -Debug
            Resume-PiPayment -PaymentId abc -Confirm:$false -Verbose -Debug
        } *>&1 | Out-String
        $errors = $Error | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception.ToString(); $_.ErrorDetails | Out-String }
        # One refusal per API cmdlet, each a proper error: the key was sent to every endpoint and echoed by none.
        $Error.Count | Should -BeGreaterThan 8
        $Error[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $all + ($errors -join "`n") | Should -Not -Match $secret
        $all + ($errors -join "`n") | Should -Not -Match $token
    }

    It 'a working key and token appear in no stream or object either' {
        # The sandbox's own key, so that every call below succeeds and logs its request.
        $all = & {
            $c = Connect-PiPlatform -ApiKey (ConvertTo-SecureString 'pi-sandbox-key' -AsPlainText -Force) -BaseUri $sandbox.BaseUri -PassThru -Verbose -Debug
            $c | Format-List * | Out-String
            $c | ConvertTo-Json -Depth 3
            Get-PiPayment -Incomplete -Verbose -Debug | Out-String
            Get-PiMe 'sandbox-token-alice' -Verbose -Debug | Format-List * | Out-String
            $made = New-PiPayment -UserUid uid-payee-7 -Amount 1 -Memo m -Confirm:$false -Verbose -Debug
            $made | Format-List * | Out-String
            $made | Stop-PiPayment -Confirm:$false -Verbose -Debug | Out-String
            Get-PiAdStatus ad-granted-1 -Verbose -Debug | Out-String
            Send-PiNotification -UserUid uid-alice-0001 -Title t -Body b -Confirm:$false -Verbose -Debug | Out-String
        } *>&1 | Out-String
        $all | Should -Match 'POST /v2/payments/\S+/cancel -> 200'
        $all | Should -Match 'notify -> 201'
        $all | Should -Match 'GET /v2/me -> 200'
        $all | Should -Match 'incomplete_server_payments -> 200'
        $all | Should -Not -Match 'pi-sandbox-key'
        $all | Should -Not -Match 'sandbox-token-alice'
    }

    It 'a token no header can carry is that token''s error, named by position, and the next token goes on' {
        $Error.Clear()
        $users = "$token`r`nX-Injected: 1", 'sandbox-token-alice' | Get-PiMe -ErrorVariable failed -ErrorAction SilentlyContinue
        $users.Uid | Should -Be 'uid-alice-0001'
        $failed[0].FullyQualifiedErrorId | Should -Be 'invalid_access_token,PiPlatform.Commands.GetPiMeCommand'
        $failed[0].TargetObject | Should -Be 'access token #1'
        ($failed[0] | Format-List * -Force | Out-String) + $failed[0].Exception.ToString() | Should -Not -Match $token
    }

    It 'piped input that is no usable token is that token''s error, never the input as TargetObject' {
        # Left to PowerShell's binder, each of these was an ErrorRecord whose TargetObject was the piped input,
        # token and all (InputObjectNotBound, or a transformation or validation error of the pipeline object).
        Connect-PiPlatform -Sandbox $sandbox.BaseUri
        $inputs = @(
            @{ access_token = $token }                                   # a hashtable: its keys are no properties to the binder
            [pscustomobject]@{ access_token = @($token, $null) }          # a list with a null in it
            [pscustomobject]@{ access_token = @($token, 5) }              # a list with a number in it
            [pscustomobject]@{ access_token = [pscustomobject]@{ value = $token } }
            [pscustomobject]@{ access_token = $null; refresh_token = $token }
            [pscustomobject]@{ refresh_token = $token }                   # no token property at all
            ('x' * 70000) + $token                                        # more than a SecureString holds
            42
            'sandbox-token-alice'
        )
        $users = $inputs | Get-PiMe -ErrorVariable failed -ErrorAction SilentlyContinue
        $users.Uid | Should -Be 'uid-alice-0001'
        foreach ($e in $failed) {
            $e.TargetObject | Should -BeOfType [string]
            $e.TargetObject | Should -Match '^access token #\d+$'
            $e.FullyQualifiedErrorId | Should -Match '^(invalid_access_token|invalid_token),PiPlatform.Commands.GetPiMeCommand$'
            $shown = ($e | Format-List * -Force | Out-String) + $e.Exception.ToString() + ($e.ErrorDetails | Out-String) +
                ($e.TargetObject | ConvertTo-Json -Depth 5) + ($e.CategoryInfo | Out-String)
            $shown | Should -Not -Match $token
        }
        $failed.Count | Should -Be 10
        # The hashtable's token was sent and refused by the sandbox like any other wrong token.
        $failed[0].FullyQualifiedErrorId | Should -Be 'invalid_token,PiPlatform.Commands.GetPiMeCommand'
        $failed[0].TargetObject | Should -Be 'access token #1'
        ($failed | Where-Object { $_.Exception.Message -match 'it is null' }).Count | Should -Be 2
        ($failed | Where-Object { $_.Exception.Message -match 'longer than the 65536 characters' }).Count | Should -Be 1
    }

    It 'a key from $env:PI_API_KEY is not echoed either' {
        $env:PI_API_KEY = $secret
        try {
            $out = Connect-PiPlatform -BaseUri $sandbox.BaseUri -Verbose -Debug *>&1 | Out-String
            $out | Should -Not -Match $secret
        }
        finally { Remove-Item env:PI_API_KEY }
    }
}
