# Install, upgrade and uninstall SafeDesk as the current (standard) user; used by
# .github/workflows/windows.yml, which runs it under a fresh account without administrator
# rights. Exits 0 when every step behaved, else 1 with the reason on the last line.
#
#   powershell -File installer\windows-scenario.ps1 -Previous old-setup.exe -Current new-setup.exe -Version 0.1.0
param(
    [Parameter(Mandatory = $true)] [string] $Previous,
    [Parameter(Mandatory = $true)] [string] $Current,
    [Parameter(Mandatory = $true)] [string] $Version
)
$ErrorActionPreference = 'Stop'

$ProgramDir = Join-Path $env:LOCALAPPDATA 'Programs\SafeDesk'
$DataDir = Join-Path $env:LOCALAPPDATA 'SafeDesk\SafeDesk'
$Store = Join-Path $DataDir 'safedesk.sqlite3'
$Exe = Join-Path $ProgramDir 'SafeDesk.exe'
$StartMenuLink = Join-Path ([Environment]::GetFolderPath('Programs')) 'SafeDesk.lnk'
$UninstallKey = 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Uninstall\SafeDesk'
$env:QT_QPA_PLATFORM = 'offscreen'

function Step([string] $text) { Write-Output "== $text" }
function Fail([string] $text) { Write-Output "FAILED: $text"; exit 1 }
function Expect([bool] $condition, [string] $text) { if (-not $condition) { Fail $text } }

# Start a program and wait for it, at most $Seconds; returns its exit code.
function Invoke-Program([string] $File, [string[]] $Arguments, [int] $Seconds = 180) {
    if ($Arguments.Count -gt 0) {
        $process = Start-Process -FilePath $File -ArgumentList $Arguments -PassThru
    } else {
        $process = Start-Process -FilePath $File -PassThru  # -ArgumentList refuses an empty list
    }
    $null = $process.Handle  # keeps the exit code readable after the process ends
    if (-not $process.WaitForExit($Seconds * 1000)) {
        $process.Kill()
        Fail "$File $Arguments did not finish within $Seconds s"
    }
    return $process.ExitCode
}

$principal = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
$isAdmin = $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
Expect (-not $isAdmin) 'this scenario must run as a standard user'

Step 'install the previous build silently'
Expect ((Invoke-Program $Previous @('/S')) -eq 0) 'the previous installer failed'
Expect (Test-Path $Exe) "no $Exe after installing"

Step 'make a store with the previous build (demo unit, window shown, then quit)'
$env:SAFEDESK_EXIT_WHEN_SHOWN = '1'
Expect ((Invoke-Program $Exe @('--demo')) -eq 0) 'the previous build could not start'
Remove-Item Env:\SAFEDESK_EXIT_WHEN_SHOWN
Expect (Test-Path $Store) "no store at $Store"
$storeHash = (Get-FileHash $Store).Hash
# A file only the old bundle has: the upgrade must not leave it for the new one to load.
Set-Content -Path (Join-Path $ProgramDir '_internal\leftover-of-previous.dll') -Value 'old'

Step 'upgrade in place with the current build'
Expect ((Invoke-Program $Current @('/S')) -eq 0) 'the upgrade failed'
Expect ((Get-FileHash $Store).Hash -eq $storeHash) 'the upgrade changed the store'
Expect (-not (Test-Path (Join-Path $ProgramDir '_internal\leftover-of-previous.dll'))) `
    'a file of the previous bundle survived the upgrade'
Expect ((Get-ItemProperty $UninstallKey).DisplayVersion -eq $Version) 'uninstall entry not updated'
Expect (Test-Path $StartMenuLink) 'no Start-menu shortcut'

Step 'self-test of the installed build'
$code = Invoke-Program $Exe @('--self-test')
Get-Content (Join-Path $DataDir 'Logs\selftest.log') | Write-Output
Expect ($code -eq 0) 'the installed self-test failed'

Step 'the current build opens the upgraded store'
$env:SAFEDESK_EXIT_WHEN_SHOWN = '1'
Expect ((Invoke-Program $Exe @()) -eq 0) 'the current build could not open the old store'
Remove-Item Env:\SAFEDESK_EXIT_WHEN_SHOWN

Step 'the installer refuses to run while SafeDesk is open'
$running = Start-Process -FilePath $Exe -PassThru
Start-Sleep -Seconds 10
$code = Invoke-Program $Current @('/S')
Stop-Process -Id $running.Id -Force
$running.WaitForExit()
Expect ($code -ne 0) 'the installer ran over an open SafeDesk'
Expect (Test-Path $Exe) 'the refused installer removed the program'

Step 'uninstall silently; the data stays'
# _?= runs the uninstaller in place, so this waits for it (it then cannot delete itself).
$uninstaller = Join-Path $ProgramDir 'uninstall.exe'
Expect ((Invoke-Program $uninstaller @('/S', "_?=$ProgramDir")) -eq 0) 'the uninstaller failed'
Expect (-not (Test-Path $Exe)) 'the program is still there'
Expect (-not (Test-Path (Join-Path $ProgramDir '_internal'))) 'the bundle is still there'
Expect (-not (Test-Path $StartMenuLink)) 'the Start-menu shortcut is still there'
Expect (-not (Test-Path $UninstallKey)) 'the uninstall entry is still there'
Expect (Test-Path $Store) 'the uninstaller removed the store'
Remove-Item $uninstaller

Write-Output 'windows scenario passed'
exit 0
