# The help generator: docs/en-US/*.md (prose, platyPS's layout) + the built module's cmdlet metadata in,
# Get-Help's files out: <Assembly>.dll-Help.xml (MAML) and about_*.help.txt. platyPS would do this, but it is not
# served here (no PowerShell Gallery), so the build carries its own. build/Build-Help.ps1 runs it; see README's Help.

Set-StrictMode -Version Latest

Import-Module (Join-Path $PSScriptRoot 'CommandHelp.psm1')
Import-Module (Join-Path $PSScriptRoot 'MamlWriter.psm1')
Import-Module (Join-Path $PSScriptRoot 'AboutTopic.psm1')

function New-ModuleHelp {
    <#
    .SYNOPSIS
        Checks every help page against the module's cmdlets and writes the help files into OutputPath. With any
        problem it writes nothing and throws one error listing them all, each naming its cmdlet and page.
    .OUTPUTS
        The files written.
    #>
    [CmdletBinding()]
    [OutputType([IO.FileInfo])]
    param(
        [Parameter(Mandatory)] [psmoduleinfo] $Module,
        [Parameter(Mandatory)] [string] $DocsPath,
        [Parameter(Mandatory)] [string] $OutputPath
    )

    $cmdlets = @(Get-Command -Module $Module.Name -CommandType Cmdlet)
    $pages = @(Get-ChildItem -LiteralPath $DocsPath -Filter '*.md' | Where-Object Name -NotLike 'about_*')
    $topics = @(Get-ChildItem -LiteralPath $DocsPath -Filter 'about_*.md')
    $problems = [Collections.Generic.List[string]]::new()

    $helpByName = @{}
    foreach ($file in $pages) {
        $help = Read-CommandHelp -Path $file.FullName
        $name = if ($help.Name) { $help.Name } else { $file.BaseName }
        if ($help.Name -ne $file.BaseName) { $problems.Add("$($file.FullName): its title '# $($help.Name)' must be the cmdlet it is named after, $($file.BaseName).") }
        if ($name -notin $cmdlets.Name) { $problems.Add("$($file.FullName) documents $name, which is not a cmdlet of $($Module.Name).") }
        else { $helpByName[$name] = $help }
    }
    foreach ($cmdlet in $cmdlets) {
        $help = $helpByName[$cmdlet.Name]
        if (-not $help) { $problems.Add("$($cmdlet.Name): no help page; write $(Join-Path $DocsPath "$($cmdlet.Name).md")."); continue }
        Test-CommandHelp -Help $help -Command $cmdlet | ForEach-Object { $problems.Add("$($cmdlet.Name) ($($help.Path)): $_") }
    }
    $aboutTexts = [ordered]@{}
    foreach ($file in $topics) {
        try { $aboutTexts["$($file.BaseName).help.txt"] = ConvertTo-AboutHelpText -Markdown (Get-Content -Raw -LiteralPath $file.FullName) -Name $file.BaseName }
        catch { $problems.Add("$($file.FullName): $($_.Exception.Message)") }
    }
    if ($problems.Count) {
        throw "The help in $DocsPath has $($problems.Count) problem(s):`n  " + ($problems -join "`n  ")
    }

    New-Item -ItemType Directory -Force -Path $OutputPath | Out-Null
    # Get-Help finds a compiled cmdlet's help by the file name its CmdletInfo gives (PiPlatform.dll-Help.xml).
    $mamlPath = Join-Path $OutputPath @($cmdlets.HelpFile | Sort-Object -Unique)[0]
    $settings = [Xml.XmlWriterSettings]@{ Indent = $true; IndentChars = '  '; NewLineChars = "`n"; Encoding = [Text.UTF8Encoding]::new($false) }
    $writer = [Xml.XmlWriter]::Create($mamlPath, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($cmdlet in $cmdlets | Sort-Object Name) { Write-MamlCommand -Writer $writer -Help $helpByName[$cmdlet.Name] -Cmdlet $cmdlet }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally { $writer.Dispose() }
    Get-Item -LiteralPath $mamlPath

    foreach ($topic in $aboutTexts.GetEnumerator()) {
        $path = Join-Path $OutputPath $topic.Key
        # With a BOM, so Windows PowerShell 5.1 reads any non-ASCII character as UTF-8 too.
        [IO.File]::WriteAllText($path, $topic.Value, [Text.UTF8Encoding]::new($true))
        Get-Item -LiteralPath $path
    }
}

Export-ModuleMember -Function New-ModuleHelp
