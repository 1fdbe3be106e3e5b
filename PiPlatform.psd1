# The single source of the module's version: build.ps1 and Directory.Build.props both read ModuleVersion
# from here. build.ps1 copies this file into out/PiPlatform/<version>/ unchanged.
@{
    RootModule             = 'PiPlatform.dll'
    # Loaded with the module so that [PiPlatform.Payment] and the other client types resolve before any cmdlet runs.
    RequiredAssemblies     = @('PiPlatform.Client.dll')
    ModuleVersion          = '0.1.0'
    GUID                   = '5f0b3c1e-7d2a-4b8e-9c61-3a4f2e8d9b70'
    Author                 = 'PiPlatform contributors'
    CompanyName            = 'PiPlatform'
    Copyright              = '(c) PiPlatform contributors. MIT License.'
    Description            = 'Operate Pi Network Platform API payments from PowerShell: typed payment and user objects on the pipeline, idempotent approve/complete/cancel, and a local sandbox.'
    PowerShellVersion      = '5.1'
    CompatiblePSEditions   = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('PiPlatform.Format.ps1xml')
    TypesToProcess         = @('PiPlatform.Types.ps1xml')
    CmdletsToExport        = @(
        'Connect-PiPlatform'
        'Disconnect-PiPlatform'
        'Get-PiPlatformConnection'
        'Get-PiMe'
        'Get-PiPayment'
        'Approve-PiPayment'
        'Complete-PiPayment'
        'Stop-PiPayment'
        'Submit-PiPayment'
        'Resume-PiPayment'
        'New-PiPayment'
        'Get-PiAdStatus'
        'Send-PiNotification'
        'Start-PiSandbox'
        'Stop-PiSandbox'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @('Cancel-PiPayment')
    PrivateData            = @{
        PSData = @{
            Tags         = @('Pi', 'PiNetwork', 'Payments', 'PlatformAPI', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ReleaseNotes = 'First release: the whole Pi Platform API as cmdlets, and a local sandbox.'
        }
    }
}
