# One cmdlet's help page, docs/en-US/<Cmdlet>.md in platyPS's layout, read into its prose, then checked against
# the compiled cmdlet. The page holds prose only: everything the cmdlet's attributes say (syntax, types,
# positions, pipeline input, aliases) comes from the assembly when the MAML is written (MamlWriter.psm1).

Set-StrictMode -Version Latest

Import-Module (Join-Path $PSScriptRoot 'HelpMarkdown.psm1')

$script:Sections = 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS'
$script:DefaultValueLine = '^Default value:\s*(?<value>.+)$'

function ConvertTo-Paragraph {
    # A block as the plain-text paragraphs MAML holds: a list item becomes a paragraph of its own, marker kept.
    param($Block, [Collections.Generic.List[string]] $Problems)
    switch ($Block.Kind) {
        'Paragraph' { ConvertTo-PlainText $Block.Text }
        'List' {
            $number = 0
            foreach ($item in $Block.Items) {
                $number++
                $marker = if ($Block.Ordered) { "$number. " } else { '- ' }
                $marker + (ConvertTo-PlainText $item)
            }
        }
        default { $Problems.Add("line $($Block.Line): a $($Block.Kind.ToLowerInvariant()) block cannot be shown by Get-Help here; write paragraphs (code goes in EXAMPLES).") }
    }
}

function Read-CommandHelp {
    <#
    .SYNOPSIS
        Reads one cmdlet's help page. Problems of the page's own shape (unknown sections, text where the syntax is
        generated) are in Problems; whether it fits the cmdlet is Test-CommandHelp's to say.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param([Parameter(Mandatory)] [string] $Path)

    $help = [pscustomobject]@{
        Name        = ''
        Path        = $Path
        Synopsis    = [Collections.Generic.List[string]]::new()
        Description = [Collections.Generic.List[string]]::new()
        Examples    = [Collections.Generic.List[object]]::new()
        Parameters  = [ordered]@{}
        Inputs      = [Collections.Generic.List[object]]::new()
        Outputs     = [Collections.Generic.List[object]]::new()
        Notes       = [Collections.Generic.List[string]]::new()
        Links       = [Collections.Generic.List[object]]::new()
        Problems    = [Collections.Generic.List[string]]::new()
    }
    $problems = $help.Problems
    $section = $null
    $item = $null # the current '###' entry: an example, a parameter or an input/output type
    $commonParameters = $false
    try { $blocks = @(ConvertFrom-HelpMarkdown (Get-Content -Raw -LiteralPath $Path)) }
    catch { $problems.Add($_.Exception.Message); return $help }

    foreach ($block in $blocks) {
        $text = if ($block.Kind -eq 'Heading') { ConvertTo-PlainText $block.Text }
        if ($block.Kind -eq 'Heading' -and $block.Level -eq 1) {
            if ($help.Name) { $problems.Add("line $($block.Line): a second '# ' title ('$text').") } else { $help.Name = $text }
            continue
        }
        if ($block.Kind -eq 'Heading' -and $block.Level -eq 2) {
            $section = $text.ToUpperInvariant()
            $item = $null
            $commonParameters = $false
            if ($section -notin $Sections) { $problems.Add("line $($block.Line): unknown section '## $text' (platyPS's are $($Sections -join ', ')).") }
            continue
        }
        if ($block.Kind -eq 'Heading' -and $block.Level -eq 3) {
            $item = $null
            $commonParameters = $section -eq 'PARAMETERS' -and $text -eq 'CommonParameters'
            if ($section -eq 'EXAMPLES') {
                $item = [pscustomobject]@{ Title = $text; Code = [Collections.Generic.List[string]]::new(); Remarks = [Collections.Generic.List[string]]::new() }
                $help.Examples.Add($item)
            }
            elseif ($section -eq 'PARAMETERS' -and $text -ne 'CommonParameters') {
                # ('### CommonParameters' is platyPS's stock text; Get-Help writes its own, so it is skipped.)
                $name = $text -replace '^-'
                if ($help.Parameters.Contains($name)) { $problems.Add("line $($block.Line): -$name is documented twice.") }
                $item = [pscustomobject]@{ Name = $name; Description = [Collections.Generic.List[string]]::new(); DefaultValue = $null }
                $help.Parameters[$name] = $item
            }
            elseif ($section -in 'INPUTS', 'OUTPUTS') {
                $item = [pscustomobject]@{ TypeName = $text; Description = [Collections.Generic.List[string]]::new() }
                if ($section -eq 'INPUTS') { $help.Inputs.Add($item) } else { $help.Outputs.Add($item) }
            }
            elseif ($section -ne 'PARAMETERS') { $problems.Add("line $($block.Line): '### $text' has no place in $section.") }
            continue
        }
        if ($block.Kind -eq 'Heading') { $problems.Add("line $($block.Line): '$text' is nested too deep for a help page."); continue }

        switch ($section) {
            $null { $problems.Add("line $($block.Line): text before the first '## ' section.") }
            'SYNTAX' { $problems.Add("line $($block.Line): SYNTAX is generated from the cmdlet at build time; leave the section empty.") }
            { $_ -in 'SYNOPSIS', 'DESCRIPTION', 'NOTES' } {
                $target = @{ SYNOPSIS = $help.Synopsis; DESCRIPTION = $help.Description; NOTES = $help.Notes }[$_]
                ConvertTo-Paragraph $block $problems | ForEach-Object { $target.Add($_) }
            }
            'EXAMPLES' {
                if (-not $item) { $problems.Add("line $($block.Line): text in EXAMPLES before the first '### Example 1: <title>'.") }
                elseif ($block.Kind -eq 'Code') { $item.Code.Add($block.Text) }
                else { ConvertTo-Paragraph $block $problems | ForEach-Object { $item.Remarks.Add($_) } }
            }
            'PARAMETERS' {
                if ($commonParameters) { break }
                if (-not $item) { $problems.Add("line $($block.Line): text in PARAMETERS before the first '### -<Name>'."); break }
                foreach ($paragraph in ConvertTo-Paragraph $block $problems) {
                    if ($paragraph -match $DefaultValueLine) { $item.DefaultValue = $Matches.value }
                    else { $item.Description.Add($paragraph) }
                }
            }
            { $_ -in 'INPUTS', 'OUTPUTS' } {
                if ($item) { ConvertTo-Paragraph $block $problems | ForEach-Object { $item.Description.Add($_) } }
                else { $problems.Add("line $($block.Line): $_ lists types as '### <type name>' headings.") }
            }
            'RELATED LINKS' {
                $paragraphs = if ($block.Kind -eq 'List') { $block.Items } elseif ($block.Kind -eq 'Paragraph') { $block.Text }
                foreach ($paragraph in $paragraphs) {
                    $link = Get-LinkTarget $paragraph
                    if (-not $link) { $link = [pscustomobject]@{ Text = ConvertTo-PlainText $paragraph; Uri = '' } }
                    $help.Links.Add($link)
                }
            }
        }
    }
    $help
}

function Test-CommandHelp {
    <#
    .SYNOPSIS
        What a help page lacks for its cmdlet, one message each: the synopsis, the description, two examples with
        code and remarks, and a description for each parameter the cmdlet has (no more, no fewer).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] $Help, [Parameter(Mandatory)] [System.Management.Automation.CommandInfo] $Command)

    $Help.Problems
    if (-not $Help.Synopsis.Count) { 'SYNOPSIS is missing.' }
    if (-not $Help.Description.Count) { 'DESCRIPTION is missing.' }
    if ($Help.Examples.Count -lt 2) { "has $($Help.Examples.Count) example(s) under EXAMPLES; at least 2 are needed, each with code and remarks." }
    foreach ($example in $Help.Examples) {
        if (-not $example.Code.Count) { "'$($example.Title)' has no code (a ``````powershell fence)." }
        if (-not $example.Remarks.Count) { "'$($example.Title)' has no remarks (a paragraph after its code)." }
    }
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters
    foreach ($name in $Command.Parameters.Keys | Where-Object { $_ -notin $common }) {
        if (-not $Help.Parameters.Contains($name)) { "parameter -$name is not documented (add '### -$name' under PARAMETERS)." }
        elseif (-not $Help.Parameters[$name].Description.Count) { "parameter -$name has no description." }
    }
    foreach ($name in $Help.Parameters.Keys) {
        if ($name -in $common) { "-$name is a common parameter, which Get-Help describes itself: remove '### -$name'." }
        elseif (-not $Command.Parameters.ContainsKey($name)) { "documents -$name, which $($Command.Name) does not have." }
    }
    # A range the prose states ("from 0 to 100000") is the cmdlet's [ValidateRange] or the page is wrong: the facts live
    # in the attributes, and a number copied into prose is how Start-PiSandbox -Seed's once drifted.
    foreach ($name in $Help.Parameters.Keys | Where-Object { $Command.Parameters.ContainsKey($_) }) {
        $range = $Command.Parameters[$name].Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateRangeAttribute] } | Select-Object -First 1
        if (-not $range) { continue }
        foreach ($said in [regex]::Matches(($Help.Parameters[$name].Description -join ' '), '\bfrom (?<min>-?\d[\d,]*) to (?<max>-?\d[\d,]*)\b')) {
            $min = $said.Groups['min'].Value -replace ','
            $max = $said.Groups['max'].Value -replace ','
            if ("$min" -ne "$($range.MinRange)" -or "$max" -ne "$($range.MaxRange)") {
                "parameter -$name says 'from $($said.Groups['min'].Value) to $($said.Groups['max'].Value)', but it accepts $($range.MinRange) to $($range.MaxRange)."
            }
        }
    }
}

Export-ModuleMember -Function Read-CommandHelp, Test-CommandHelp
