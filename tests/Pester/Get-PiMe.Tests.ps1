BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:sandbox = Initialize-PiTest
}

AfterAll { Complete-PiTest $sandbox }

Describe 'Get-PiMe' {
    It 'returns the user of a token given as a string' {
        $me = Get-PiMe -AccessToken 'sandbox-token-alice'
        $me.PSTypeNames[0] | Should -Be 'PiPlatform.User'
        $me.Uid | Should -Be 'uid-alice-0001'
        $me.Username | Should -Be 'alice'
        $me.Scopes | Should -Contain 'payments'
        $me.ValidUntil | Should -BeGreaterThan ([DateTimeOffset]::UtcNow)
    }

    It 'takes a SecureString' {
        (Get-PiMe (ConvertTo-SecureString 'sandbox-token-bob' -AsPlainText -Force)).Uid | Should -Be 'uid-bob-0002'
    }

    It 'takes a pipeline of tokens, by value and by property name' {
        ('sandbox-token-alice', 'sandbox-token-bob' | Get-PiMe).Uid | Should -Be 'uid-alice-0001', 'uid-bob-0002'
        $users = Invoke-Sandbox $sandbox '/sandbox/users' | Where-Object { -not $_.token_expired }
        ($users | Get-PiMe).Uid | Should -Be $users.uid
    }

    It 'takes a hashtable holding the token, as ConvertFrom-Json -AsHashtable gives it' {
        (@{ access_token = 'sandbox-token-alice' } | Get-PiMe).Uid | Should -Be 'uid-alice-0001'
        (Get-PiMe -AccessToken @{ AccessToken = 'sandbox-token-bob' }).Uid | Should -Be 'uid-bob-0002'
    }

    It 'says an expired token is invalid, without showing it' {
        'sandbox-token-alice', 'sandbox-token-carol' | Get-PiMe -ErrorVariable failed -ErrorAction SilentlyContinue | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'invalid_token,PiPlatform.Commands.GetPiMeCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failed[0].TargetObject | Should -Be 'access token #2'
        ($failed[0] | Out-String) + $failed[0].Exception.ToString() | Should -Not -Match 'sandbox-token-carol'
    }

    It 'writes nothing for an answer of the wrong shape, only an unexpected_response error' {
        # scopes must be an array of strings: a reader that skipped what it did not expect returned a user here.
        Invoke-Sandbox $sandbox '/sandbox/faults' -Method POST -Body @{
            status = 200; count = 1; path_contains = '/v2/me'
            body = '{"uid":"uid-alice-0001","credentials":{"scopes":"payments","valid_until":{"timestamp":1700000000}}}'
        } | Out-Null
        $users = 'sandbox-token-alice' | Get-PiMe -ErrorVariable failed -ErrorAction SilentlyContinue
        $users | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -Be 'unexpected_response,PiPlatform.Commands.GetPiMeCommand'
        $failed[0].TargetObject | Should -Be 'access token #1'
        # The fault is used up: the same token reads normally again.
        (Get-PiMe 'sandbox-token-alice').Uid | Should -Be 'uid-alice-0001'
    }
}
