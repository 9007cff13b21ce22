; SafeDesk's per-user Windows installer (issue #5).
;
; Built by tools/build_installer.py (`make installer`), which passes the version and publisher
; from pyproject.toml:
;   makensis -WX -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DVERSION_QUAD=0.1.0.0 -DPUBLISHER=...
;            -DBUNDLE_DIR=dist/SafeDesk -DOUTFILE=dist/SafeDesk-0.1.0-setup.exe
;            installer/safedesk.nsi
;
; What it promises:
; - No administrator rights: it installs into %LOCALAPPDATA%\Programs\SafeDesk and registers
;   its uninstaller under HKCU.
; - The program folder holds nothing but the bundle. The user's data lives elsewhere
;   (DATA_SUBDIR below, which is where sync.paths puts it) and no step of the installer or of
;   a default uninstall ever touches it. The two folders are checked never to overlap.
; - An upgrade refuses to run while SafeDesk is open, then deletes the previous bundle before
;   copying the new one, so no library of an old version can be loaded by the new one.

Unicode true
ManifestDPIAware true
RequestExecutionLevel user

!macro REQUIRE_DEFINE NAME
  !ifndef ${NAME}
    !error "${NAME} is not defined: build with tools/build_installer.py (make installer)"
  !endif
!macroend
!insertmacro REQUIRE_DEFINE VERSION
!insertmacro REQUIRE_DEFINE VERSION_QUAD
!insertmacro REQUIRE_DEFINE PUBLISHER
!insertmacro REQUIRE_DEFINE BUNDLE_DIR
!insertmacro REQUIRE_DEFINE OUTFILE

; The bundle must be built before the installer: PyInstaller's one-folder layout, whose
; _internal/ holds everything but the launcher.
!if ! /FileExists "${BUNDLE_DIR}/_internal/base_library.zip"
  !error "No PyInstaller bundle in ${BUNDLE_DIR}: run `make bundle` first"
!endif

!ifdef FAST_COMPRESSION
  ; CI only checks that the script compiles against the bundle; compressing 190 MB would cost
  ; it 40 s (zlib) to minutes (LZMA) for a file nobody ships.
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

!define APP_NAME "SafeDesk"
!define APP_EXE "SafeDesk.exe"
!define UNINSTALLER "uninstall.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\SafeDesk"
; platformdirs.user_data_dir("SafeDesk", "SafeDesk", roaming=False) on Windows, as used by
; sync.paths.data_dir(): %LOCALAPPDATA%\<author>\<app>. The store, backups, photos and logs
; (Logs\) are all inside. tests/desktop/test_installer_script.py checks the two agree.
!define DATA_PARENT "$LOCALAPPDATA\SafeDesk"
!define DATA_SUBDIR "SafeDesk\SafeDesk"
!define DATA_DIR "$LOCALAPPDATA\${DATA_SUBDIR}"
; makensis works in the folder of this script, so paths are relative to installer/.
!define ICON "../resources/icons/safedesk.ico"

Name "SafeDesk"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\SafeDesk"
; An upgrade installs where the previous version is.
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "SafeDesk ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VERSION_QUAD}"
VIFileVersion "${VERSION_QUAD}"
VIAddVersionKey /LANG=0 "ProductName" "SafeDesk"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "SafeDesk ${VERSION} Setup"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!ifdef SIGN_COMMAND
  ; The uninstaller is written during compilation; sign it before it is packed in.
  !uninstfinalize '${SIGN_COMMAND} "%1"'
!endif

!include MUI2.nsh
!include LogicLib.nsh
!include nsDialogs.nsh
!include FileFunc.nsh

Var PreviousLocation
Var RemoveData
Var RemoveDataBox

; ---------------------------------------------------------------------------------------------
; Pages and languages

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
; The chosen language is kept with the uninstall entry, so the uninstaller speaks it too and
; nothing is left behind in the registry after an uninstall.
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!define MUI_PAGE_CUSTOMFUNCTION_PRE DirectoryPagePre
!define MUI_PAGE_CUSTOMFUNCTION_LEAVE DirectoryPageLeave
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!insertmacro MUI_PAGE_FINISH

UninstPage custom un.DataPageShow un.DataPageLeave
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Simplified Chinese first: it is the default language; English can be chosen at start.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SEC_PROGRAM ${LANG_SIMPCHINESE} "SafeDesk 程序（必需）"
LangString SEC_PROGRAM ${LANG_ENGLISH} "SafeDesk program (required)"
LangString SEC_DESKTOP ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString SEC_DESKTOP ${LANG_ENGLISH} "Desktop shortcut"
LangString APP_RUNNING ${LANG_SIMPCHINESE} "SafeDesk 正在运行。请先关闭 SafeDesk（已保存的记录不会丢失），然后点击“重试”。"
LangString APP_RUNNING ${LANG_ENGLISH} "SafeDesk is running. Close SafeDesk first (saved records are kept), then click Retry."
LangString DIR_OVERLAPS_DATA ${LANG_SIMPCHINESE} "不能安装到此文件夹：它与 SafeDesk 的数据文件夹 ${DATA_DIR} 重叠。请选择其他文件夹。"
LangString DIR_OVERLAPS_DATA ${LANG_ENGLISH} "SafeDesk cannot be installed here: this folder overlaps SafeDesk's data folder ${DATA_DIR}. Choose another folder."
LangString DIR_NOT_EMPTY ${LANG_SIMPCHINESE} "该文件夹不是空的，也不是以前的 SafeDesk 安装位置。请选择一个空文件夹。"
LangString DIR_NOT_EMPTY ${LANG_ENGLISH} "This folder is neither empty nor an earlier SafeDesk installation. Choose an empty folder."
LangString REMOVING_OLD ${LANG_SIMPCHINESE} "正在删除旧版本的程序文件（不涉及用户数据）"
LangString REMOVING_OLD ${LANG_ENGLISH} "Removing the previous version's program files (user data is not touched)"
LangString DATA_PAGE_TITLE ${LANG_SIMPCHINESE} "您的数据"
LangString DATA_PAGE_TITLE ${LANG_ENGLISH} "Your data"
LangString DATA_PAGE_SUBTITLE ${LANG_SIMPCHINESE} "卸载程序默认保留您的记录。"
LangString DATA_PAGE_SUBTITLE ${LANG_ENGLISH} "Uninstalling keeps your records unless you choose otherwise."
LangString DATA_PAGE_TEXT ${LANG_SIMPCHINESE} "SafeDesk 的数据（本地数据库、备份、照片和日志）保存在：$\r$\n$\r$\n${DATA_DIR}$\r$\n$\r$\n卸载只删除程序和快捷方式，数据会保留；以后重新安装 SafeDesk 会继续使用这些数据。尚未同步到省级平台的记录只存在于这个文件夹中。"
LangString DATA_PAGE_TEXT ${LANG_ENGLISH} "SafeDesk's data (the local database, backups, photos and logs) is kept in:$\r$\n$\r$\n${DATA_DIR}$\r$\n$\r$\nUninstalling removes the program and its shortcuts and keeps this data; a later installation of SafeDesk uses it again. Records not yet synced to the provincial platform exist only in this folder."
LangString DATA_PAGE_REMOVE ${LANG_SIMPCHINESE} "同时删除我的数据（无法恢复）"
LangString DATA_PAGE_REMOVE ${LANG_ENGLISH} "Also delete my data (cannot be undone)"
LangString DATA_REMOVE_CONFIRM ${LANG_SIMPCHINESE} "确定要永久删除 ${DATA_DIR} 中的所有记录、备份和照片吗？尚未同步的记录将无法找回。"
LangString DATA_REMOVE_CONFIRM ${LANG_ENGLISH} "Permanently delete every record, backup and photo in ${DATA_DIR}? Records not yet synced cannot be recovered."
LangString DATA_KEPT ${LANG_SIMPCHINESE} "已保留用户数据：${DATA_DIR}"
LangString DATA_KEPT ${LANG_ENGLISH} "User data kept: ${DATA_DIR}"

; ---------------------------------------------------------------------------------------------
; Shared between installer and uninstaller (NSIS needs the un. copy to be a separate function)

; Refuse while SafeDesk.exe in $0 runs. Windows maps a running program's file and refuses to
; open it for writing, so a failed FileOpen in append mode means "running" without a process
; list plugin (Debian's makensis ships none). The file's content and time stay unchanged. In a
; silent run the answer is Cancel, and the setup ends with exit code 2.
!macro REFUSE_WHILE_RUNNING_FUNCTION PREFIX
  Function ${PREFIX}RefuseWhileRunning
    retry:
    IfFileExists "$0\${APP_EXE}" 0 done
    ClearErrors
    FileOpen $1 "$0\${APP_EXE}" a
    IfErrors running
    FileClose $1
    Goto done

    running:
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(APP_RUNNING)" /SD IDCANCEL IDRETRY retry
    Abort

    done:
  FunctionEnd
!macroend
!insertmacro REFUSE_WHILE_RUNNING_FUNCTION ""
!insertmacro REFUSE_WHILE_RUNNING_FUNCTION "un."

; Delete the bundle in $0: the launcher, _internal\ and the uninstaller, never anything else,
; so even a wrongly chosen folder loses only what SafeDesk put there.
!macro REMOVE_BUNDLE_FUNCTION PREFIX
  Function ${PREFIX}RemoveBundle
    RMDir /r "$0\_internal"
    Delete "$0\${APP_EXE}"
    Delete "$0\${UNINSTALLER}"
    RMDir "$0"
  FunctionEnd
!macroend
!insertmacro REMOVE_BUNDLE_FUNCTION ""
!insertmacro REMOVE_BUNDLE_FUNCTION "un."

; $2 = 1 if path $0 is $1 or inside it, else 0. Plain string comparison, without regard to
; case as Windows compares paths: $INSTDIR comes without a trailing backslash, and the folders
; may not exist yet, so GetFullPathName (which empties a missing path) cannot be used.
Function PathIsWithin
  StrCpy $2 0
  StrLen $3 $1
  ${If} $3 == 0
    Return
  ${EndIf}
  StrCpy $4 $0 $3
  StrCpy $5 $0 1 $3
  ${If} $4 == $1
    ${If} $5 == ""
    ${OrIf} $5 == "\"
      StrCpy $2 1
    ${EndIf}
  ${EndIf}
FunctionEnd

; $2 = an error message if $INSTDIR may not be used, else "".
Function CheckInstallDir
  StrCpy $2 ""

  ; Data inside the program folder, or the program inside the data folder, would tie the two
  ; together, so that removing one could reach the other; both are refused.
  StrCpy $0 "$INSTDIR"
  StrCpy $1 "${DATA_PARENT}"
  Call PathIsWithin
  ${If} $2 == 1
    StrCpy $2 "$(DIR_OVERLAPS_DATA)"
    Return
  ${EndIf}
  StrCpy $0 "${DATA_PARENT}"
  StrCpy $1 "$INSTDIR"
  Call PathIsWithin
  ${If} $2 == 1
    StrCpy $2 "$(DIR_OVERLAPS_DATA)"
    Return
  ${EndIf}

  ; A folder with other people's files in it is refused, since an upgrade empties _internal\.
  ; One holding any file SafeDesk puts there (an earlier or half-removed install) is ours.
  StrCpy $2 ""
  ${DirState} "$INSTDIR" $3
  ${If} $3 == 1
  ${AndIfNot} ${FileExists} "$INSTDIR\${APP_EXE}"
  ${AndIfNot} ${FileExists} "$INSTDIR\${UNINSTALLER}"
  ${AndIfNot} ${FileExists} "$INSTDIR\_internal\*.*"
    StrCpy $2 "$(DIR_NOT_EMPTY)"
  ${EndIf}
FunctionEnd

; ---------------------------------------------------------------------------------------------
; Installer

Function .onInit
  ReadRegStr $PreviousLocation HKCU "${UNINSTALL_KEY}" "InstallLocation"
  StrCpy $LANGUAGE ${LANG_SIMPCHINESE}
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function DirectoryPagePre
  ; An upgrade goes where the previous version is; there is no folder to choose.
  ${If} $PreviousLocation != ""
    Abort
  ${EndIf}
FunctionEnd

Function DirectoryPageLeave
  Call CheckInstallDir
  ${If} $2 != ""
    MessageBox MB_OK|MB_ICONSTOP "$2"
    Abort
  ${EndIf}
FunctionEnd

Section "!$(SEC_PROGRAM)" SecProgram
  SectionIn RO

  ; Checked again here: a silent install (/S /D=...) shows no directory page.
  Call CheckInstallDir
  ${If} $2 != ""
    DetailPrint "$2"
    MessageBox MB_OK|MB_ICONSTOP "$2" /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}

  StrCpy $0 "$INSTDIR"
  Call RefuseWhileRunning
  ${If} $PreviousLocation != ""
  ${AndIf} $PreviousLocation != "$INSTDIR"
    StrCpy $0 "$PreviousLocation"
    Call RefuseWhileRunning
  ${EndIf}

  ; The whole previous bundle goes first: PyInstaller's file names change between versions
  ; of Python, Qt and the libraries, and a leftover DLL could be loaded by the new version.
  DetailPrint "$(REMOVING_OLD)"
  StrCpy $0 "$INSTDIR"
  Call RemoveBundle
  ${If} $PreviousLocation != ""
  ${AndIf} $PreviousLocation != "$INSTDIR"
    StrCpy $0 "$PreviousLocation"
    Call RemoveBundle
  ${EndIf}
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"

  SetOutPath "$INSTDIR"
  File /r "${BUNDLE_DIR}/*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"

  ; The uninstall entry of this user (Settings > Apps), with no administrator rights.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "SafeDesk 特种设备安全工作台"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ; MUI saves the language only after its pages ran; a silent install shows none.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "${MUI_LANGDLL_REGISTRY_VALUENAME}" "$LANGUAGE"
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"

  DetailPrint "$(DATA_KEPT)"
SectionEnd

Section "$(SEC_DESKTOP)" SecDesktop
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"
SectionEnd

; ---------------------------------------------------------------------------------------------
; Uninstaller

Function un.onInit
  StrCpy $RemoveData 0
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Function un.DataPageShow
  !insertmacro MUI_HEADER_TEXT "$(DATA_PAGE_TITLE)" "$(DATA_PAGE_SUBTITLE)"
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateLabel} 0 0 100% 70% "$(DATA_PAGE_TEXT)"
  Pop $0
  ${NSD_CreateCheckbox} 0 75% 100% 12u "$(DATA_PAGE_REMOVE)"
  Pop $RemoveDataBox
  ${If} $RemoveData == 1
    ${NSD_Check} $RemoveDataBox
  ${EndIf}
  nsDialogs::Show
FunctionEnd

Function un.DataPageLeave
  ${NSD_GetState} $RemoveDataBox $0
  StrCpy $RemoveData 0
  ${If} $0 == ${BST_CHECKED}
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(DATA_REMOVE_CONFIRM)" IDYES +2
    Abort
    StrCpy $RemoveData 1
  ${EndIf}
FunctionEnd

Section "Uninstall"
  StrCpy $0 "$INSTDIR"
  Call un.RefuseWhileRunning

  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  StrCpy $0 "$INSTDIR"
  Call un.RemoveBundle
  DeleteRegKey HKCU "${UNINSTALL_KEY}"

  ; Only a ticked box on the data page removes data; a silent uninstall always keeps it.
  ${If} $RemoveData == 1
    RMDir /r "${DATA_DIR}"
    RMDir "${DATA_PARENT}"
  ${Else}
    DetailPrint "$(DATA_KEPT)"
  ${EndIf}
SectionEnd
