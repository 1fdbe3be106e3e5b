# about_ topics: Markdown (platyPS's about layout) to the plain-text help file Get-Help shows as it is.
# The text keeps the classic layout of PowerShell's own about topics: section names in capitals at the margin,
# prose indented 4 and wrapped at 80 columns, code indented 8 and never wrapped.

Set-StrictMode -Version Latest

Import-Module (Join-Path $PSScriptRoot 'HelpMarkdown.psm1')

# Lines stay under 80 columns: an 80-character line wraps early in some 80-column consoles.
$script:Width = 79
$script:Indent = 4
# A table's first columns are as wide as their widest cell up to this; a longer cell gets a line of its own.
$script:MaxColumnWidth = 24

function Format-Wrapped {
    # Greedy word wrap of plain text; "`n" in the text (a Markdown hard break) always starts a new line.
    param([string] $Text, [int] $Width, [string] $FirstPrefix, [string] $Prefix)
    $lines = [Collections.Generic.List[string]]::new()
    $current = $FirstPrefix
    $empty = $true
    foreach ($segment in $Text -split "`n") {
        foreach ($word in $segment -split ' +' | Where-Object { $_ }) {
            if (-not $empty -and $current.Length + 1 + $word.Length -gt $Width) {
                $lines.Add($current); $current = $Prefix; $empty = $true
            }
            $current += $(if ($empty) { $word } else { " $word" })
            $empty = $false
        }
        $lines.Add($current); $current = $Prefix; $empty = $true
    }
    $lines
}

function Format-TextTable {
    # Columns as Format-Table draws them: the header, a dashed rule, then rows; the last column wraps.
    param([string[]] $Header, [object[]] $Rows, [string] $Margin)
    $last = $Header.Count - 1
    $table = [Collections.Generic.List[string[]]]::new()
    foreach ($row in @(, $Header) + $Rows) { $table.Add([string[]]@(for ($column = 0; $column -le $last; $column++) { ConvertTo-PlainText "$($row[$column])" })) }
    $table.Insert(1, [string[]]@($table[0] | ForEach-Object { '-' * $_.Length }))
    $widths = @(for ($column = 0; $column -lt $last; $column++) {
            (@($table | ForEach-Object { $_[$column].Length } | Where-Object { $_ -le $MaxColumnWidth }) + 0 | Measure-Object -Maximum).Maximum
        })
    foreach ($row in $table) {
        $line = $Margin
        for ($column = 0; $column -lt $last; $column++) {
            if ($row[$column].Length -le $widths[$column]) { $line += $row[$column].PadRight($widths[$column] + 2); continue }
            $line + $row[$column]
            $line = ' ' * ($line.Length + $widths[$column] + 2)
        }
        Format-Wrapped $row[$last] $Width $line (' ' * $line.Length)
    }
}

function ConvertTo-AboutHelpText {
    <#
    .SYNOPSIS
        One about_ topic's Markdown to the text of its .help.txt: '# about_X' becomes TOPIC, each '## NAME' a
        section, '### Name' an underlined heading inside one.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [string] $Markdown, [Parameter(Mandatory)] [string] $Name)

    $blocks = @(ConvertFrom-HelpMarkdown $Markdown)
    $title = $blocks | Where-Object { $_.Kind -eq 'Heading' -and $_.Level -eq 1 } | Select-Object -First 1
    if (-not $title -or (ConvertTo-PlainText $title.Text) -ne $Name) { throw "$Name.md must start with the heading '# $Name'." }
    if (-not ($blocks | Where-Object { $_.Kind -eq 'Heading' -and $_.Level -eq 2 -and $_.Text -eq 'SHORT DESCRIPTION' })) {
        throw "$Name.md has no '## SHORT DESCRIPTION' section."
    }
    $margin = ' ' * $Indent
    $out = [Collections.Generic.List[string]]::new()
    $out.AddRange([string[]]@('TOPIC', "$margin$Name"))
    $afterHeading = $false
    $section = ''
    foreach ($block in $blocks) {
        if ($block.Kind -eq 'Heading') {
            if ($block.Level -gt 1) {
                $text = ConvertTo-PlainText $block.Text
                $out.Add('')
                if ($block.Level -eq 2) { $out.Add($text.ToUpperInvariant()); $section = $text }
                else { $out.AddRange([string[]]@("$margin$text", ($margin + '-' * $text.Length))) }
                # A section's first block follows its name directly, as in PowerShell's own about topics.
                $afterHeading = $true
            }
            continue
        }
        if (-not $afterHeading) { $out.Add('') }
        $afterHeading = $false
        $lines = switch ($block.Kind) {
            'Paragraph' { Format-Wrapped (ConvertTo-PlainText $block.Text) $Width $margin $margin }
            'Code' { $block.Text -split "`n" | ForEach-Object { if ($_) { "$margin$margin$_" } else { '' } } }
            'Table' { Format-TextTable $block.Header $block.Rows "$margin$margin" }
            'List' {
                for ($number = 1; $number -le $block.Items.Count; $number++) {
                    # SEE ALSO lists one topic a line, unmarked, as PowerShell's own about topics do.
                    $marker = if ($block.Ordered) { "$number. " } elseif ($section -eq 'SEE ALSO') { '' } else { '- ' }
                    Format-Wrapped (ConvertTo-PlainText $block.Items[$number - 1]) $Width "$margin$marker" ($margin + ' ' * $marker.Length)
                }
            }
        }
        $out.AddRange([string[]]@($lines))
    }
    ($out -join "`n") + "`n"
}

Export-ModuleMember -Function ConvertTo-AboutHelpText
