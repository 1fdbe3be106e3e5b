BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-PiPlatformUnderTest
    $script:sandbox = Start-PiSandbox
    $script:secureKey = ConvertTo-SecureString 'pi-sandbox-key' -AsPlainText -Force
}

AfterAll {
    $sandbox | Stop-PiSandbox
}

Describe 'Connect-PiPlatform' {
    # Pester 6 allows AfterEach only inside a block: every Describe closes the connections its tests made.
    AfterEach { Disconnect-AllPiConnections }

    It 'connects with a SecureString key and makes it the default' {
        Connect-PiPlatform -ApiKey $secureKey -BaseUri $sandbox.BaseUri
        $connection = Get-PiPlatformConnection -Default
        $connection.BaseUri | Should -Be $sandbox.BaseUri
        $connection.IsDefault | Should -BeTrue
        @(Get-PiPayment -Incomplete).Count | Should -BeGreaterThan 0
    }

    It 'takes the key from $env:PI_API_KEY' {
        $env:PI_API_KEY = 'pi-sandbox-key'
        try {
            Connect-PiPlatform -BaseUri $sandbox.BaseUri -Verbose 4>&1 | Out-String | Should -Match 'PI_API_KEY'
            @(Get-PiPayment -Incomplete).Count | Should -BeGreaterThan 0
        }
        finally { Remove-Item env:PI_API_KEY }
    }

    It 'fails clearly without any key' {
        Remove-Item env:PI_API_KEY -ErrorAction Ignore
        { Connect-PiPlatform -BaseUri $sandbox.BaseUri } | Should -Throw -ErrorId 'missing_api_key,PiPlatform.Commands.ConnectPiPlatformCommand'
    }

    It 'refuses an empty -ApiKey rather than falling back to $env:PI_API_KEY' {
        $env:PI_API_KEY = 'pi-sandbox-key'
        try {
            { Connect-PiPlatform -ApiKey (New-Object System.Security.SecureString) -BaseUri $sandbox.BaseUri } |
                Should -Throw -ErrorId 'empty_api_key,PiPlatform.Commands.ConnectPiPlatformCommand'
            Get-PiPlatformConnection | Should -BeNullOrEmpty
        }
        finally { Remove-Item env:PI_API_KEY }
    }

    It 'connects once per piped input, the last one becoming the default' {
        $other = [uri] 'http://127.0.0.1:1/'
        $connections = [pscustomobject]@{ BaseUri = $other }, $sandbox | Connect-PiPlatform -Sandbox -PassThru
        $connections.BaseUri | Should -Be $other, $sandbox.BaseUri
        (Get-PiPlatformConnection -Default).BaseUri | Should -Be $sandbox.BaseUri
    }

    It 'refuses a plain string key (secrets are SecureStrings)' {
        { Connect-PiPlatform -ApiKey 'pi-sandbox-key' -BaseUri $sandbox.BaseUri } | Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,PiPlatform.Commands.ConnectPiPlatformCommand'
    }

    It 'refuses http to another host unless told to' {
        { Connect-PiPlatform -ApiKey $secureKey -BaseUri 'http://pi.example.com' } |
            Should -Throw -ErrorId 'unencrypted_authentication_refused,PiPlatform.Commands.ConnectPiPlatformCommand'
        $c = Connect-PiPlatform -ApiKey $secureKey -BaseUri 'http://pi.example.com' -AllowUnencryptedAuthentication -PassThru
        $c.BaseUri.Host | Should -Be 'pi.example.com'
    }

    It 'refuses a base URI with a user name and password, and shows neither' {
        $uri = $sandbox.BaseUri.AbsoluteUri -replace '^http://', 'http://me:hunter2-PASSWORD@'
        { Connect-PiPlatform -ApiKey $secureKey -BaseUri $uri } | Should -Throw -ErrorId 'invalid_base_uri,PiPlatform.Commands.ConnectPiPlatformCommand'
        $Error[0].TargetObject + $Error[0].Exception.Message | Should -Not -Match 'hunter2'
        Get-PiPlatformConnection | Should -BeNullOrEmpty
    }

    It 'trims the newline a key read from a file or vault often ends with, and refuses a key no header can carry' {
        Connect-PiPlatform -ApiKey (ConvertTo-SecureString "pi-sandbox-key`n" -AsPlainText -Force) -BaseUri $sandbox.BaseUri
        @(Get-PiPayment -Incomplete).Count | Should -BeGreaterThan 0
        { Connect-PiPlatform -ApiKey (ConvertTo-SecureString "pi-sandbox`r`nkey" -AsPlainText -Force) -BaseUri $sandbox.BaseUri } |
            Should -Throw -ErrorId 'invalid_api_key,PiPlatform.Commands.ConnectPiPlatformCommand'
        $Error[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'keeps a connection open that the user holds from Get-PiPlatformConnection when connecting again' {
        Connect-PiPlatform -Sandbox $sandbox.BaseUri
        $held = Get-PiPlatformConnection -Default
        Connect-PiPlatform -Sandbox $sandbox.BaseUri
        $held.IsOpen | Should -BeTrue
        @(Get-PiPayment -Incomplete -Connection $held).Count | Should -BeGreaterThan 0
    }

    It '-Sandbox connects to a sandbox with its well-known key' {
        $c = Connect-PiPlatform -Sandbox $sandbox.BaseUri -PassThru
        $c.IsSandbox | Should -BeTrue
        (Get-PiPayment -PaymentId (Get-SandboxPayments $sandbox)[0].identifier).Identifier | Should -Not -BeNullOrEmpty
    }

    It 'shows its retry policy, rate cap and answer size cap, defaults and given' {
        $default = Connect-PiPlatform -Sandbox $sandbox.BaseUri -PassThru
        $default.MaximumRetryCount, $default.RetryIntervalSec, $default.MaxRequestsPerSecond, $default.MaxResponseSizeMB | Should -Be 3, 1, $null, 16
        $given = Connect-PiPlatform -Sandbox $sandbox.BaseUri -MaximumRetryCount 0 -RetryIntervalSec 5 -MaxRequestsPerSecond 7 -MaxResponseSizeMB 2 -PassThru
        $given.MaximumRetryCount, $given.RetryIntervalSec, $given.MaxRequestsPerSecond, $given.MaxResponseSizeMB | Should -Be 0, 5, 7, 2
        { Connect-PiPlatform -Sandbox $sandbox.BaseUri -MaximumRetryCount 11 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PiPlatform.Commands.ConnectPiPlatformCommand'
    }

    It 'masks the key: only a long key shows its last four characters' {
        $long = ConvertTo-SecureString 'sk_live_ABCDEFGHIJKLMNOP1234' -AsPlainText -Force
        $c = Connect-PiPlatform -ApiKey $long -BaseUri $sandbox.BaseUri -PassThru
        $c.ApiKeyHint | Should -Be '****1234'
        ($c | Format-List * | Out-String) | Should -Not -Match 'ABCDEFGHIJKLMNOP'
        (Connect-PiPlatform -ApiKey $secureKey -BaseUri $sandbox.BaseUri -PassThru).ApiKeyHint | Should -Be '****'
    }

    It 'says clearly when nothing is connected' {
        { Get-PiPayment -PaymentId abc } | Should -Throw -ErrorId 'not_connected,PiPlatform.Commands.GetPiPaymentCommand'
    }

    It 'refuses a connection closed by Disconnect-PiPlatform' {
        $c = Connect-PiPlatform -Sandbox $sandbox.BaseUri -PassThru
        Disconnect-PiPlatform -Connection $c
        $c.IsOpen | Should -BeFalse
        { Get-PiPayment -PaymentId abc -Connection $c } | Should -Throw -ErrorId 'connection_closed,PiPlatform.Commands.GetPiPaymentCommand'
        Get-PiPlatformConnection | Should -BeNullOrEmpty
    }

    It 'Disconnect-PiPlatform -Connection $null is an error, and the default stays open' {
        $c = Connect-PiPlatform -Sandbox $sandbox.BaseUri -PassThru
        { Disconnect-PiPlatform -Connection $null } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PiPlatform.Commands.DisconnectPiPlatformCommand'
        $c.IsOpen | Should -BeTrue
    }
}

Describe 'Two connections side by side' {
    AfterEach { Disconnect-AllPiConnections }
    BeforeAll {
        $script:mainnet = Start-PiSandbox -Network 'Pi Network' -Seed 7
    }
    AfterAll { $mainnet | Stop-PiSandbox }

    It 'talks to a Testnet and a Mainnet app in one script with -Connection' {
        $test = Connect-PiPlatform -Sandbox $sandbox.BaseUri -PassThru
        $main = Connect-PiPlatform -Sandbox $mainnet.BaseUri -PassThru
        (Get-PiPlatformConnection).Count | Should -Be 2
        $testId = (Get-SandboxPayments $sandbox)[0].identifier
        $mainId = (Get-SandboxPayments $mainnet)[0].identifier
        (Get-PiPayment $testId -Connection $test).Network | Should -Be 'Pi Testnet'
        (Get-PiPayment $mainId -Connection $main).Network | Should -Be 'Pi Network'
        # The default is the last one connected; a payment only the other app has is not found there.
        # (Both sandboxes seed the same deterministic ids, so make one on the Testnet sandbox alone.)
        $onlyTestnet = New-SandboxPayment $sandbox
        (Get-SandboxPayments $mainnet).identifier | Should -Not -Contain $onlyTestnet
        (Get-PiPayment $onlyTestnet -Connection $test).Identifier | Should -Be $onlyTestnet
        Get-PiPayment $onlyTestnet -ErrorAction SilentlyContinue -ErrorVariable missing
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'payment_not_found,*'
    }
}

Describe 'Connections are per runspace' {
    AfterEach { Disconnect-AllPiConnections }

    It 'a -Parallel runspace does not see this session''s default connection' {
        $moduleBase = (Get-Module PiPlatform).ModuleBase
        Connect-PiPlatform -Sandbox $sandbox.BaseUri
        $seen = 1 | ForEach-Object -Parallel {
            Import-Module (Join-Path $using:moduleBase "PiPlatform.psd1")
            @(Get-PiPlatformConnection).Count
        } -ThrottleLimit 1
        $seen | Should -Be 0
        @(Get-PiPlatformConnection).Count | Should -Be 1
    }
}
