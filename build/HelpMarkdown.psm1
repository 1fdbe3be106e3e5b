# The small part of Markdown (CommonMark/GFM) that help pages use, read into blocks for the help generator:
# headings, paragraphs, fenced code, bullet and numbered lists, pipe tables, HTML comments (dropped) and a YAML
# front matter (skipped). Inline, it knows backslash escapes, code spans, links and autolinks; everything else,
# emphasis included, is kept as written, so help text never loses a character to a markup rule.

Set-StrictMode -Version Latest

$script:ListItem = '^(?<indent> {0,3})(?<marker>[-*+]|\d{1,9}[.)])(?: +(?<text>.*))?$'
$script:Fence = '^ {0,3}(?<fence>```+|~~~+)\s*(?<language>[^`\s]*)\s*$'
$script:Heading = '^ {0,3}(?<level>#{1,6})(?: +(?<text>.*?))?(?: +#+)? *$'
$script:TableDelimiter = '^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$'

function ConvertTo-PlainText {
    <#
    .SYNOPSIS
        Markdown inline text to the plain text Get-Help shows: escapes resolved, code spans and links reduced to
        their text (an absolute link keeps its address in parentheses).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $Text)

    $pattern = '\\(?<escaped>[!-/:-@\[-`{-~])|(?<ticks>`+)(?<code>.+?)\k<ticks>|\[(?<label>(?:\\.|[^\]\\])*)\]\((?<target>[^)\s]*)\)|<(?<auto>https?://[^>\s]+)>'
    [regex]::Replace($Text, $pattern, {
            param($match)
            $groups = $match.Groups
            if ($groups['escaped'].Success) { return $groups['escaped'].Value }
            if ($groups['ticks'].Success) {
                # As in CommonMark: one space just inside both backticks is padding, not content.
                $code = $groups['code'].Value
                if ($code.Length -gt 2 -and $code.StartsWith(' ') -and $code.EndsWith(' ')) { $code = $code.Substring(1, $code.Length - 2) }
                return $code
            }
            if ($groups['auto'].Success) { return $groups['auto'].Value }
            $label = ConvertTo-PlainText $groups['label'].Value
            $target = $groups['target'].Value
            if ($target -match '^https?://' -and $target -ne $label) { "$label ($target)" } else { $label }
        })
}

function Get-LinkTarget {
    # The target of a paragraph that is one Markdown link and nothing else, as RELATED LINKS are written; else $null.
    param([Parameter(Mandatory)] [string] $Text)
    if ($Text -match '^\[(?<label>(?:\\.|[^\]\\])*)\]\((?<target>[^)\s]*)\)$') {
        [pscustomobject]@{ Text = ConvertTo-PlainText $Matches.label; Uri = $Matches.target }
    }
}

function Join-MarkdownLines([string[]] $Lines) {
    # Soft line breaks become spaces; a line ending in an unescaped backslash is a hard break, kept as "`n".
    $text = [Text.StringBuilder]::new()
    for ($i = 0; $i -lt $Lines.Count; $i++) {
        $line = $Lines[$i].Trim()
        $hardBreak = $i -lt $Lines.Count - 1 -and $line -match '(?<!\\)(\\\\)*\\$'
        if ($hardBreak) { $line = $line.Substring(0, $line.Length - 1).TrimEnd() }
        [void] $text.Append($line)
        if ($i -lt $Lines.Count - 1) { [void] $text.Append($(if ($hardBreak) { "`n" } else { ' ' })) }
    }
    $text.ToString()
}

function Split-TableRow([string] $Line) {
    $cells = [regex]::Split($Line.Trim().Trim('|'), '(?<!\\)\|')
    @($cells | ForEach-Object { $_.Trim() })
}

function ConvertFrom-HelpMarkdown {
    <#
    .SYNOPSIS
        Reads Markdown into blocks: Heading (Level, Text), Paragraph (Text), Code (Language, Text),
        List (Ordered, Items), Table (Header, Rows). Text is still Markdown inline text (see ConvertTo-PlainText);
        Line is the block's first line number, for messages.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $Markdown)

    $lines = $Markdown -replace "`r`n", "`n" -split "`n"
    $i = 0
    if ($lines[0] -eq '---') {
        # platyPS's YAML front matter (external help file, module name, schema): metadata for other tools.
        $i = 1
        while ($i -lt $lines.Count -and $lines[$i] -ne '---') { $i++ }
        $i++
    }
    $paragraph = [Collections.Generic.List[string]]::new()
    $paragraphLine = 0
    $blocks = [Collections.Generic.List[object]]::new()
    $flush = {
        if ($paragraph.Count) {
            $blocks.Add([pscustomobject]@{ Kind = 'Paragraph'; Line = $paragraphLine; Text = Join-MarkdownLines $paragraph })
            $paragraph.Clear()
        }
    }
    while ($i -lt $lines.Count) {
        $line = $lines[$i]
        $number = $i + 1
        if ($line.Trim() -eq '') { . $flush; $i++; continue }
        if ($line -match $Fence) {
            . $flush
            $close = '^ {0,3}' + [regex]::Escape($Matches.fence.Substring(0, 1)) + "{$($Matches.fence.Length),}\s*$"
            $language = $Matches.language
            $code = [Collections.Generic.List[string]]::new()
            $i++
            while ($i -lt $lines.Count -and $lines[$i] -notmatch $close) { $code.Add($lines[$i]); $i++ }
            if ($i -ge $lines.Count) { throw "Line ${number}: the code fence is never closed." }
            $blocks.Add([pscustomobject]@{ Kind = 'Code'; Line = $number; Language = $language; Text = $code -join "`n" })
            $i++
            continue
        }
        if ($line -match '^ {0,3}<!--') {
            . $flush
            while ($i -lt $lines.Count -and $lines[$i] -notmatch '-->') { $i++ }
            $i++
            continue
        }
        if ($line -match $Heading) {
            . $flush
            $blocks.Add([pscustomobject]@{ Kind = 'Heading'; Line = $number; Level = $Matches.level.Length; Text = "$($Matches.text)" })
            $i++
            continue
        }
        if ($paragraph.Count -eq 0 -and $line.TrimStart().StartsWith('|') -and $i + 1 -lt $lines.Count -and $lines[$i + 1] -match $TableDelimiter) {
            $header = Split-TableRow $line
            $rows = [Collections.Generic.List[object]]::new()
            $i += 2
            while ($i -lt $lines.Count -and $lines[$i].TrimStart().StartsWith('|')) { $rows.Add((Split-TableRow $lines[$i])); $i++ }
            $blocks.Add([pscustomobject]@{ Kind = 'Table'; Line = $number; Header = $header; Rows = $rows.ToArray() })
            continue
        }
        if ($line -match $ListItem -and $Matches.text) {
            . $flush
            $ordered = $Matches.marker -match '\d'
            $items = [Collections.Generic.List[string]]::new()
            while ($i -lt $lines.Count -and $lines[$i] -match $ListItem -and $Matches.text) {
                $item = [Collections.Generic.List[string]]::new()
                $item.Add($Matches.text)
                $i++
                # Continuation lines: anything indented, or not blank and not the next item (a "lazy" line).
                while ($i -lt $lines.Count -and $lines[$i].Trim() -ne '' -and $lines[$i] -notmatch $ListItem -and
                    $lines[$i] -notmatch $Fence -and $lines[$i] -notmatch $Heading) {
                    $item.Add($lines[$i]); $i++
                }
                $items.Add((Join-MarkdownLines $item))
            }
            $blocks.Add([pscustomobject]@{ Kind = 'List'; Line = $number; Ordered = $ordered; Items = $items.ToArray() })
            continue
        }
        if ($paragraph.Count -eq 0) { $paragraphLine = $number }
        $paragraph.Add($line)
        $i++
    }
    . $flush
    $blocks
}

Export-ModuleMember -Function ConvertFrom-HelpMarkdown, ConvertTo-PlainText, Get-LinkTarget
