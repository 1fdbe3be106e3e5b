# The help generator's readers and writers, on small pages written here: the Markdown reader (build/HelpMarkdown.psm1)
# keeps every character of prose and code, and the about topic writer (build/AboutTopic.psm1) lays text out as
# PowerShell's about topics are laid out.
BeforeAll {
    $build = Join-Path $PSScriptRoot '../../build'
    Import-Module (Join-Path $build 'HelpMarkdown.psm1') -Force
    Import-Module (Join-Path $build 'AboutTopic.psm1') -Force
}

Describe 'ConvertFrom-HelpMarkdown' {
    BeforeAll {
        $page = @'
---
external help file: PiPlatform.dll-Help.xml
schema: 2.0.0
---

# Title

A paragraph that goes
on, with \*stars\*, a \\ backslash, '\<name>', `a code span`, [a link](Other.md), [double] and 2^(n-1) * x.

<!-- A comment: not help text.
Over two lines. -->

```powershell
  Get-Thing |
      Where-Object Name   # as written

$after = 'a blank line'
```

- first item
  goes on
- second item\
  after a hard break

1. one

| Name | Meaning |
| --- | --- |
| a\|b | c |
'@
        $blocks = @(ConvertFrom-HelpMarkdown $page)
    }

    It 'skips the front matter and the comment, and keeps every other block in order' {
        $blocks.Kind | Should -Be 'Heading', 'Paragraph', 'Code', 'List', 'List', 'Table'
        $blocks[0].Level | Should -Be 1
        $blocks[0].Text | Should -Be 'Title'
    }

    It 'joins a paragraph''s lines with spaces, resolves escapes and keeps the rest of the text as written' {
        ConvertTo-PlainText $blocks[1].Text | Should -BeExactly "A paragraph that goes on, with *stars*, a \ backslash, '<name>', a code span, a link, [double] and 2^(n-1) * x."
    }

    It 'keeps fenced code exactly: indentation, blank lines and all' {
        $blocks[2].Language | Should -Be 'powershell'
        $blocks[2].Text | Should -BeExactly "  Get-Thing |`n      Where-Object Name   # as written`n`n`$after = 'a blank line'"
    }

    It 'reads list items with their continuation lines, a hard break as a line break' {
        $blocks[3].Ordered | Should -BeFalse
        $blocks[3].Items | Should -BeExactly 'first item goes on', "second item`nafter a hard break"
        $blocks[4].Ordered | Should -BeTrue
        $blocks[4].Items | Should -BeExactly 'one'
    }

    It 'reads a table''s header and rows, an escaped bar inside a cell' {
        $blocks[5].Header | Should -Be 'Name', 'Meaning'
        ConvertTo-PlainText $blocks[5].Rows[0][0] | Should -BeExactly 'a|b'
    }

    It 'refuses a code fence that is never closed, naming its line' {
        { ConvertFrom-HelpMarkdown "Text`n`n``````powershell`nGet-Thing" } | Should -Throw 'Line 3: the code fence is never closed.'
    }
}

Describe 'ConvertTo-PlainText' {
    It 'keeps an absolute link''s address, in parentheses' {
        ConvertTo-PlainText 'See [the docs](https://example.org/docs) or <https://example.org>.' |
            Should -BeExactly 'See the docs (https://example.org/docs) or https://example.org.'
    }
}

Describe 'ConvertTo-AboutHelpText' {
    It 'lays out sections, wrapped prose, code, lists, tables and SEE ALSO as about topics do' {
        $markdown = @'
# about_Fixture

## SHORT DESCRIPTION

What the fixture is for.

## LONG DESCRIPTION

A paragraph long enough to be wrapped by the writer: it goes on past the seventy-ninth column, and then on again
onto a third line, with \*stars\*, a `code span` and [a link](Other.md) in it.

```powershell
Get-Thing -Name 'x'    # kept exactly as written, however long the line is, never wrapped by the writer at all

    indented after a blank line
```

- A list item long enough to wrap past the end of the line, so that its second line hangs under its text.
- A second item.

1. First step.\
   State: Started
2. Second step.

| Name | Meaning |
| --- | --- |
| Short | A meaning long enough to wrap within its own column, well past where the line would end. |
| AVeryLongNameThatDoesNotFitTheColumn | On a line of its own. |

### A heading inside

Text under it.

## SEE ALSO

- [Get-Thing](Get-Thing.md)
- about_Other
'@
        $expected = @'
TOPIC
    about_Fixture

SHORT DESCRIPTION
    What the fixture is for.

LONG DESCRIPTION
    A paragraph long enough to be wrapped by the writer: it goes on past the
    seventy-ninth column, and then on again onto a third line, with *stars*, a
    code span and a link in it.

        Get-Thing -Name 'x'    # kept exactly as written, however long the line is, never wrapped by the writer at all

            indented after a blank line

    - A list item long enough to wrap past the end of the line, so that its
      second line hangs under its text.
    - A second item.

    1. First step.
       State: Started
    2. Second step.

        Name   Meaning
        ----   -------
        Short  A meaning long enough to wrap within its own column, well past
               where the line would end.
        AVeryLongNameThatDoesNotFitTheColumn
               On a line of its own.

    A heading inside
    ----------------
    Text under it.

SEE ALSO
    Get-Thing
    about_Other

'@ -replace "`r`n", "`n"
        ConvertTo-AboutHelpText -Markdown $markdown -Name about_Fixture | Should -BeExactly $expected
    }

    It 'keeps every prose line of about_PiPlatform under 80 columns' {
        $markdown = Get-Content -Raw (Join-Path $PSScriptRoot '../../docs/en-US/about_PiPlatform.md')
        $lines = (ConvertTo-AboutHelpText -Markdown $markdown -Name about_PiPlatform) -split "`n"
        $lines | Where-Object { $_.Length -ge 80 -and $_ -notmatch '^ {8}' } | Should -BeNullOrEmpty
    }

    It 'refuses a topic without its SHORT DESCRIPTION' {
        { ConvertTo-AboutHelpText -Markdown "# about_Fixture`n`n## LONG DESCRIPTION`n`nText." -Name about_Fixture } |
            Should -Throw "about_Fixture.md has no '## SHORT DESCRIPTION' section."
    }
}
