BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:sandbox = Initialize-PiTest
}

AfterAll { Complete-PiTest $sandbox }

Describe 'Get-PiAdStatus' {
    It 'gets each ad''s status from the pipeline' {
        $out = 'ad-granted-1', 'ad-revoked-1', 'ad-pending-1' | Get-PiAdStatus
        $out.MediatorAckStatus | Should -Be 'granted', 'revoked', $null
        $out[0].MediatorGrantedAt | Should -BeOfType [DateTimeOffset]
        $out[1].MediatorRevokedAt | Should -Not -BeNullOrEmpty
        $out[2].MediatorGrantedAt | Should -BeNullOrEmpty
    }

    It 'reports an unknown ad as not found and goes on' {
        $out = 'nope', 'ad-failed-1' | Get-PiAdStatus -ErrorVariable failed -ErrorAction SilentlyContinue
        $out.MediatorAckStatus | Should -Be 'failed'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be 'nope'
    }
}
