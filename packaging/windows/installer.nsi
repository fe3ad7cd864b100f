; BudgetPerf installer for Windows (64-bit), built on Linux with Debian's
; nsis by `make package-windows`:
;
;   makensis -DVERSION=0.1.0 -DVERSION4=0.1.0.1 -DSRCDIR=dist/windows/app \
;            -DOUTFILE=dist/BudgetPerf-0.1.0-windows-amd64-setup.exe packaging/windows/installer.nsi
;
; SRCDIR holds budgetperf.exe (the window), budgetperf-cli.exe (the same
; program built for the console, for scripts), budgetperf.ico and README.txt.
;
; Installs for the current user (no administrator needed) or for all users;
; Start-menu and desktop shortcuts; opening a .bpbak backup asks to restore
; it; the uninstaller keeps the user's database and backups unless its box
; is ticked. Silent: setup.exe /S [/AllUsers|/CurrentUser] [/D=DIR].

Unicode true
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "give -DVERSION=x.y.z"
!endif
!ifndef VERSION4
  !define VERSION4 "${VERSION}.0"
!endif
!ifndef SRCDIR
  !error "give -DSRCDIR=folder with budgetperf.exe and budgetperf-cli.exe"
!endif
!ifndef OUTFILE
  !define OUTFILE "BudgetPerf-${VERSION}-windows-amd64-setup.exe"
!endif

!define APPNAME   "BudgetPerf"
!define PUBLISHER "BudgetPerf"
!define REGKEY    "Software\BudgetPerf"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\BudgetPerf"
!define PROGID    "BudgetPerf.Backup"
!define BACKUPEXT ".bpbak"

; Signing (make package-windows with WINDOWS_SIGN_PFX set): the installer
; and the uninstaller it writes are signed as they are made.
!ifdef SIGNCMD
  !finalize '"${SIGNCMD}" "%1"'
  !uninstfinalize '"${SIGNCMD}" "%1"'
!endif

Name "${APPNAME}"
OutFile "${OUTFILE}"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "${APPNAME} setup"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "BudgetPerf contributors"

; ---------------------------------------------------------------- install mode
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER
!define MULTIUSER_INSTALLMODE_INSTDIR "${APPNAME}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${REGKEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallDir"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${REGKEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallMode"
!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include x64.nsh
!include WinVer.nsh
!include FileFunc.nsh

; ---------------------------------------------------------------- pages
!define MUI_ICON "${SRCDIR}\budgetperf.ico"
!define MUI_UNICON "${SRCDIR}\budgetperf.ico"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_REGISTRY_ROOT SHCTX
!define MUI_LANGDLL_REGISTRY_KEY "${REGKEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_RUN "$INSTDIR\budgetperf.exe"
!define MUI_FINISHPAGE_SHOWREADME "$INSTDIR\README.txt"
!define MUI_FINISHPAGE_SHOWREADME_NOTCHECKED
!define MUI_COMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; Simplified Chinese first: the default for a finance office in China.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SecProgram     ${LANG_SIMPCHINESE} "预算绩效一体化（程序）"
LangString SecProgram     ${LANG_ENGLISH}     "BudgetPerf (program)"
LangString SecStartMenu   ${LANG_SIMPCHINESE} "开始菜单快捷方式"
LangString SecStartMenu   ${LANG_ENGLISH}     "Start menu shortcuts"
LangString SecDesktop     ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString SecDesktop     ${LANG_ENGLISH}     "Desktop shortcut"
LangString SecAssoc       ${LANG_SIMPCHINESE} "用本软件打开备份文件（.bpbak）"
LangString SecAssoc       ${LANG_ENGLISH}     "Open backup files (.bpbak) with BudgetPerf"
LangString AppTitle       ${LANG_SIMPCHINESE} "预算绩效一体化 BudgetPerf"
LangString AppTitle       ${LANG_ENGLISH}     "BudgetPerf"
LangString UninstallLink  ${LANG_SIMPCHINESE} "卸载预算绩效一体化"
LangString UninstallLink  ${LANG_ENGLISH}     "Uninstall BudgetPerf"
LangString BackupType     ${LANG_SIMPCHINESE} "预算绩效数据备份"
LangString BackupType     ${LANG_ENGLISH}     "BudgetPerf backup"
LangString RestoreVerb    ${LANG_SIMPCHINESE} "从此备份恢复(&R)"
LangString RestoreVerb    ${LANG_ENGLISH}     "&Restore from this backup"
LangString UnSecProgram   ${LANG_SIMPCHINESE} "程序、快捷方式和文件关联"
LangString UnSecProgram   ${LANG_ENGLISH}     "Program, shortcuts and file type"
LangString UnSecData      ${LANG_SIMPCHINESE} "同时删除我的数据（数据库和全部备份，无法恢复）"
LangString UnSecData      ${LANG_ENGLISH}     "Also delete my data (the database and all backups; cannot be undone)"
LangString UnDataConfirm  ${LANG_SIMPCHINESE} "确定要删除 $APPDATA\BudgetPerf 中的数据库和全部备份吗？此操作无法撤销。"
LangString UnDataConfirm  ${LANG_ENGLISH}     "Delete the database and every backup in $APPDATA\BudgetPerf? This cannot be undone."
LangString AppRunning     ${LANG_SIMPCHINESE} "预算绩效一体化正在运行。请先关闭它，然后点“重试”。"
LangString AppRunning     ${LANG_ENGLISH}     "BudgetPerf is running. Close it, then click Retry."

; ---------------------------------------------------------------- install
Section "!$(SecProgram)" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An open program cannot be replaced: ask to close it rather than fail.
  retry:
  ClearErrors
  ${If} ${FileExists} "$INSTDIR\budgetperf.exe"
    FileOpen $0 "$INSTDIR\budgetperf.exe" a
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDRETRY retry
      Abort
    ${EndIf}
    FileClose $0
  ${EndIf}
  File "${SRCDIR}\budgetperf.exe"
  File "${SRCDIR}\budgetperf-cli.exe"
  File "${SRCDIR}\budgetperf.ico"
  File "${SRCDIR}\README.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; The user's data is not here: it lives in %APPDATA%\BudgetPerf and an
  ; upgrade (installing a newer version over this one) never touches it.
  WriteRegStr SHCTX "${REGKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr SHCTX "${REGKEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${REGKEY}" "Version" "${VERSION}"

  WriteRegStr SHCTX "${UNINSTKEY}" "DisplayName" "$(AppTitle)"
  WriteRegStr SHCTX "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\budgetperf.exe,0"
  WriteRegStr SHCTX "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINSTKEY}" "EstimatedSize" $0
SectionEnd

Section "$(SecStartMenu)" SecStartMenu
  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\$(AppTitle).lnk" "$INSTDIR\budgetperf.exe" "" "$INSTDIR\budgetperf.exe" 0
  CreateShortcut "$SMPROGRAMS\${APPNAME}\$(UninstallLink).lnk" "$INSTDIR\uninstall.exe" "/$MultiUser.InstallMode"
SectionEnd

Section "$(SecDesktop)" SecDesktop
  CreateShortcut "$DESKTOP\$(AppTitle).lnk" "$INSTDIR\budgetperf.exe" "" "$INSTDIR\budgetperf.exe" 0
SectionEnd

; Double-clicking a backup opens the window with it: on the database the
; user works in (after signing in, where accounts exist) it checks the
; file, asks before replacing the database and says where the replaced one
; is kept.
Section "$(SecAssoc)" SecAssoc
  WriteRegStr SHCTX "Software\Classes\${BACKUPEXT}" "" "${PROGID}"
  WriteRegStr SHCTX "Software\Classes\${BACKUPEXT}" "Content Type" "application/x-budgetperf-backup"
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "$(BackupType)"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\budgetperf.exe,1"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell" "" "open"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open" "" "$(RestoreVerb)"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\budgetperf.exe" "%1"'
  WriteRegStr SHCTX "${REGKEY}" "Associated" "1"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Function .onInit
  ; The Go runtime needs Windows 10 or later (Server 2016+).
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_ICONSTOP "BudgetPerf needs 64-bit Windows 10 or 11. / 本软件需要 64 位 Windows 10 或 11。" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro MULTIUSER_INIT
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

; ---------------------------------------------------------------- uninstall
Section "un.$(UnSecProgram)" UnSecProgram
  SectionIn RO
  Delete "$INSTDIR\budgetperf.exe"
  Delete "$INSTDIR\budgetperf-cli.exe"
  Delete "$INSTDIR\budgetperf.ico"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${APPNAME}\*.lnk"
  RMDir "$SMPROGRAMS\${APPNAME}"
  Delete "$DESKTOP\$(AppTitle).lnk"

  ; Remove the file type only when it is still ours.
  ReadRegStr $0 SHCTX "Software\Classes\${BACKUPEXT}" ""
  ${If} $0 == "${PROGID}"
    DeleteRegKey SHCTX "Software\Classes\${BACKUPEXT}"
  ${EndIf}
  DeleteRegKey SHCTX "Software\Classes\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  DeleteRegKey SHCTX "${UNINSTKEY}"
  DeleteRegKey SHCTX "${REGKEY}"
SectionEnd

; Unticked by default: uninstalling (or reinstalling) never loses a budget
; unless the user asks for it here.
Section /o "un.$(UnSecData)" UnSecData
  MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(UnDataConfirm)" /SD IDNO IDYES delete
  Goto done
  delete:
  ; The data belongs to the user running the uninstaller, also after an
  ; all-users install.
  SetShellVarContext current
  RMDir /r "$APPDATA\BudgetPerf"
  RMDir /r "$APPDATA\fyne\org.budgetperf.app"
  done:
SectionEnd

Function un.onInit
  SetRegView 64
  !insertmacro MULTIUSER_UNINIT
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd
