# Writes MAML, the XML Get-Help reads for compiled cmdlets, from two sources: the prose of a help page
# (Read-CommandHelp) and the compiled cmdlet's own metadata (Get-Command), so that parameter sets, positions,
# mandatoriness, pipeline input, aliases, wildcards and types can never differ from the code.

Set-StrictMode -Version Latest

$script:Maml = 'http://schemas.microsoft.com/maml/2004/10'
$script:Command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$script:Dev = 'http://schemas.microsoft.com/maml/dev/2004/10'

function Get-TypeName([type] $Type) {
    # Short names, as Get-Help shows them: String[], Int32, Payment[]. Nullable<T> reads as T.
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $Type = $underlying }
    if (-not $Type.IsGenericType) { return $Type.Name }
    '{0}[{1}]' -f ($Type.Name -replace '`\d+$'), (($Type.GenericTypeArguments | ForEach-Object { Get-TypeName $_ }) -join ', ')
}

function Get-PipelineInput($ByValue, $ByPropertyName) {
    $ways = @(if ($ByValue) { 'ByValue' }; if ($ByPropertyName) { 'ByPropertyName' })
    if ($ways) { "True ($($ways -join ', '))" } else { 'False' }
}

function Get-ParameterFacts {
    # A parameter as Get-Help's PARAMETERS section shows it, over all its sets: required only if every set requires
    # it, the position it has where it is positional, and every way it takes pipeline input.
    param([System.Management.Automation.ParameterMetadata] $Parameter)
    $sets = @($Parameter.ParameterSets.Values)
    $positions = @($sets.Position | Where-Object { $_ -ge 0 } | Sort-Object -Unique)
    [pscustomobject]@{
        Required      = -not ($sets | Where-Object { -not $_.IsMandatory })
        Position      = if ($positions.Count) { "$($positions[0])" } else { 'named' }
        PipelineInput = Get-PipelineInput ($sets | Where-Object ValueFromPipeline) ($sets | Where-Object ValueFromPipelineByPropertyName)
    }
}

function Test-Wildcards($Parameter) {
    [bool]($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
}

function Get-SyntaxOrder {
    # The order Get-Command -Syntax uses: positional by position, then mandatory named, then the rest as declared.
    param([System.Management.Automation.CommandParameterSetInfo] $Set)
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters
    $parameters = @($Set.Parameters | Where-Object Name -NotIn $common)
    $parameters | Where-Object Position -GE 0 | Sort-Object Position
    $parameters | Where-Object { $_.Position -lt 0 -and $_.IsMandatory }
    $parameters | Where-Object { $_.Position -lt 0 -and -not $_.IsMandatory }
}

function Write-Paragraphs([Xml.XmlWriter] $Writer, [string] $Element, [string[]] $Paragraphs) {
    $Writer.WriteStartElement('maml', $Element, $Maml)
    foreach ($paragraph in $Paragraphs) { $Writer.WriteElementString('maml', 'para', $Maml, $paragraph) }
    $Writer.WriteEndElement()
}

function Write-Type([Xml.XmlWriter] $Writer, [string] $Name) {
    $Writer.WriteStartElement('dev', 'type', $Dev)
    $Writer.WriteElementString('maml', 'name', $Maml, $Name)
    $Writer.WriteElementString('maml', 'uri', $Maml, '')
    $Writer.WriteEndElement()
}

function Write-ParameterElement {
    # One <command:parameter>, in a syntax item (Description $null) or in the PARAMETERS section.
    param([Xml.XmlWriter] $Writer, [string] $Name, [type] $Type, [string[]] $Aliases, [bool] $Wildcards,
        $Required, [string] $Position, [string] $PipelineInput, [string[]] $Description, [string] $DefaultValue, [switch] $InSyntax)
    $isSwitch = $Type -eq [System.Management.Automation.SwitchParameter]
    $Writer.WriteStartElement('command', 'parameter', $Command)
    $Writer.WriteAttributeString('required', "$([bool]$Required)".ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', "$Wildcards".ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $PipelineInput)
    $Writer.WriteAttributeString('position', $Position)
    $Writer.WriteAttributeString('aliases', $(if ($Aliases) { $Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('maml', 'name', $Maml, $Name)
    if (-not $InSyntax) { Write-Paragraphs $Writer 'Description' $Description }
    if (-not ($InSyntax -and $isSwitch)) {
        # A switch takes no value: in PARAMETERS it reads '-WhatIf [<SwitchParameter>]', in the syntax '[-WhatIf]'.
        $Writer.WriteStartElement('command', 'parameterValue', $Command)
        $Writer.WriteAttributeString('required', "$(-not $isSwitch)".ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString((Get-TypeName $Type))
        $Writer.WriteEndElement()
    }
    Write-Type $Writer (Get-TypeName $Type)
    if (-not $InSyntax) { $Writer.WriteElementString('dev', 'defaultValue', $Dev, $DefaultValue) }
    $Writer.WriteEndElement()
}

function Write-MamlCommand {
    <#
    .SYNOPSIS
        Writes one <command:command>: the page's prose, and the cmdlet's metadata for everything else.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [Xml.XmlWriter] $Writer, [Parameter(Mandatory)] $Help,
        [Parameter(Mandatory)] [System.Management.Automation.CmdletInfo] $Cmdlet)

    $Writer.WriteStartElement('command', 'command', $Command)
    foreach ($prefix in @{ maml = $Maml; command = $Command; dev = $Dev }.GetEnumerator()) {
        $Writer.WriteAttributeString('xmlns', $prefix.Key, $null, $prefix.Value)
    }
    $Writer.WriteStartElement('command', 'details', $Command)
    $Writer.WriteElementString('command', 'name', $Command, $Cmdlet.Name)
    $Writer.WriteElementString('command', 'verb', $Command, $Cmdlet.Verb)
    $Writer.WriteElementString('command', 'noun', $Command, $Cmdlet.Noun)
    Write-Paragraphs $Writer 'description' $Help.Synopsis
    $Writer.WriteEndElement()
    Write-Paragraphs $Writer 'description' $Help.Description

    $Writer.WriteStartElement('command', 'syntax', $Command)
    foreach ($set in $Cmdlet.ParameterSets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $Command)
        $Writer.WriteElementString('maml', 'name', $Maml, $Cmdlet.Name)
        foreach ($parameter in Get-SyntaxOrder $set) {
            Write-ParameterElement -Writer $Writer -InSyntax -Name $parameter.Name -Type $parameter.ParameterType -Aliases $parameter.Aliases `
                -Wildcards (Test-Wildcards $parameter) -Required $parameter.IsMandatory `
                -Position $(if ($parameter.Position -ge 0) { "$($parameter.Position)" } else { 'named' }) `
                -PipelineInput (Get-PipelineInput $parameter.ValueFromPipeline $parameter.ValueFromPipelineByPropertyName)
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    # PARAMETERS in the page's order: the order its author chose to explain them in.
    $Writer.WriteStartElement('command', 'parameters', $Command)
    foreach ($documented in $Help.Parameters.Values) {
        $parameter = $Cmdlet.Parameters[$documented.Name]
        $facts = Get-ParameterFacts $parameter
        $default = if ($documented.DefaultValue) { $documented.DefaultValue } elseif ($parameter.SwitchParameter) { 'False' } else { 'None' }
        Write-ParameterElement -Writer $Writer -Name $parameter.Name -Type $parameter.ParameterType -Aliases $parameter.Aliases `
            -Wildcards (Test-Wildcards $parameter) -Required $facts.Required -Position $facts.Position -PipelineInput $facts.PipelineInput `
            -Description $documented.Description -DefaultValue $default
    }
    $Writer.WriteEndElement()

    foreach ($kind in @{ Name = 'inputTypes'; Item = 'inputType'; Types = $Help.Inputs }, @{ Name = 'returnValues'; Item = 'returnValue'; Types = $Help.Outputs }) {
        $Writer.WriteStartElement('command', $kind.Name, $Command)
        foreach ($type in $kind.Types) {
            $Writer.WriteStartElement('command', $kind.Item, $Command)
            $Writer.WriteStartElement('dev', 'type', $Dev)
            $Writer.WriteElementString('maml', 'name', $Maml, $type.TypeName)
            $Writer.WriteEndElement()
            Write-Paragraphs $Writer 'description' $type.Description
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('maml', 'alertSet', $Maml)
    Write-Paragraphs $Writer 'alert' $Help.Notes
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'examples', $Command)
    foreach ($example in $Help.Examples) {
        $Writer.WriteStartElement('command', 'example', $Command)
        # The dashes are how Get-Help sets examples apart; platyPS writes them the same way.
        $Writer.WriteElementString('maml', 'title', $Maml, "-------------------------- $($example.Title) --------------------------")
        $Writer.WriteElementString('dev', 'code', $Dev, ($example.Code -join "`n`n"))
        $Writer.WriteStartElement('dev', 'remarks', $Dev)
        foreach ($paragraph in $example.Remarks) { $Writer.WriteElementString('maml', 'para', $Maml, $paragraph) }
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $Command)
    foreach ($link in $Help.Links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $Maml)
        $Writer.WriteElementString('maml', 'linkText', $Maml, $link.Text)
        # Only an absolute address means anything to Get-Help (-Online); a page's relative .md link is for readers.
        $Writer.WriteElementString('maml', 'uri', $Maml, $(if ($link.Uri -match '^https?://') { $link.Uri } else { '' }))
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()
}

Export-ModuleMember -Function Write-MamlCommand
