; LM Anatomy: a per-user Windows installer (no administrator rights, no network).
;
;   makensis /DVERSION=0.1.0 /DPAYLOAD=..\..\dist\lm-anatomy /DOUTFILE=..\..\dist\lm-anatomy-0.1.0-windows-setup.exe installer.nsi
;
; PAYLOAD is the one-folder bundle PyInstaller made (lm-anatomy.exe and _internal\). Everything goes
; to %LOCALAPPDATA%\Programs\LM Anatomy; shortcuts to the user's Start menu and desktop; the
; uninstaller is registered under HKCU so "Apps & features" lists it. The app itself writes only to
; per-user folders (AppData), never into its install folder.

Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !error "pass /DVERSION=x.y.z"
!endif
!ifndef PAYLOAD
  !error "pass /DPAYLOAD=<the PyInstaller one-folder bundle>"
!endif
!ifndef OUTFILE
  !define OUTFILE "lm-anatomy-${VERSION}-windows-setup.exe"
!endif
!ifndef EXE
  !define EXE "lm-anatomy.exe"
!endif

!define APPNAME "LM Anatomy"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\lm-anatomy"

!include "MUI2.nsh"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "Software\lm-anatomy" "InstallDir"
BrandingText "${APPNAME} ${VERSION}"

!define MUI_ICON "..\..\resources\icons\lm-anatomy.ico"
!define MUI_UNICON "..\..\resources\icons\lm-anatomy.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Open LM Anatomy now"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Section "LM Anatomy" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; A previous version's files go first, so nothing stale is left beside the new ones.
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\lm-anatomy" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "The LM Anatomy team"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\${EXE}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\Uninstall ${APPNAME}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${EXE}"
SectionEnd

Section "Uninstall"
  Delete "$DESKTOP\${APPNAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APPNAME}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\lm-anatomy"
  ; The user's own runs and settings (in AppData\Local\lm-anatomy) are theirs: they stay.
SectionEnd
