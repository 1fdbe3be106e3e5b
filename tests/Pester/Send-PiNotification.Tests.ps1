BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:sandbox = Initialize-PiTest
}

AfterAll { Complete-PiTest $sandbox }

Describe 'Send-PiNotification' {
    BeforeEach { Invoke-Sandbox $sandbox '/sandbox/reset' -Method POST -Body @{} | Out-Null }

    It 'sends Import-Csv rows and says per row whether it was delivered' {
        $csv = Join-Path $TestDrive 'notify.csv'
        @(
            [pscustomobject]@{ UserUid = 'uid-alice-0001'; Title = 'Sale'; Body = 'Half price'; Subroute = '/shop' }
            [pscustomobject]@{ UserUid = 'uid-bob-0002'; Title = 'Sale'; Body = 'Half price'; Subroute = '/shop' }
        ) | Export-Csv $csv
        $out = Import-Csv $csv | Send-PiNotification
        $out.UserUid | Should -Be 'uid-alice-0001', 'uid-bob-0002'
        $out.Delivered | Should -Be $true, $false
        $out[0].NotificationId | Should -Not -BeNullOrEmpty
    }

    It 'sends 600 in three requests and returns 600 results in order' {
        $before = (Get-SandboxStats $sandbox).requests.total
        $out = 1..600 | ForEach-Object { [pscustomobject]@{ UserUid = 'uid-bob-0002'; Title = "n$_"; Body = 'b' } } | Send-PiNotification
        $out | Should -HaveCount 600
        $out[599].Title | Should -Be 'n600'
        (Get-SandboxStats $sandbox).requests.total - $before | Should -Be 3
    }

    It 'a user over quota is that item''s error naming the user; the others are delivered' {
        1..48 | ForEach-Object { [pscustomobject]@{ UserUid = 'uid-alice-0001'; Title = "n$_"; Body = 'b' } } | Send-PiNotification | Out-Null
        $out = @(
            [pscustomobject]@{ UserUid = 'uid-alice-0001'; Title = 'one too many'; Body = 'b' }
            [pscustomobject]@{ UserUid = 'uid-dave-0004'; Title = 'hello'; Body = 'b' }
        ) | Send-PiNotification -ErrorVariable failed -ErrorAction SilentlyContinue
        $out.UserUid | Should -Be 'uid-dave-0004'
        $out.Delivered | Should -BeTrue
        $failed[0].FullyQualifiedErrorId | Should -Be 'notification_quota_exceeded,PiPlatform.Commands.SendPiNotificationCommand'
        $failed[0].TargetObject | Should -Be 'uid-alice-0001'
        $failed[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
    }

    It 'an invalid notification is its own error and sends nothing for it' {
        $before = (Get-SandboxStats $sandbox).requests.total
        Send-PiNotification -UserUid uid-alice-0001 -Title 't' -Body 'b' -Subroute 'no-slash' -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'invalid_notification,*'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        (Get-SandboxStats $sandbox).requests.total | Should -Be $before
    }

    It '-WhatIf sends nothing' {
        $before = (Get-SandboxStats $sandbox).requests.total
        Send-PiNotification -UserUid uid-alice-0001 -Title 't' -Body 'b' -WhatIf
        (Get-SandboxStats $sandbox).requests.total | Should -Be $before
    }
}
