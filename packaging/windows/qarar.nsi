; Qarar's Windows installer (NSIS 3, Unicode), built by `cargo xtask dist` with
;   makensis -DVERSION=0.1.0 -DSTAGE=<folder with qarar.exe and the licences> -DOUTFILE=<setup.exe>
; For the current user only, no administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\Qarar, a Start menu entry is made, Qarar is added to "Open with" for
; .xml .akn .txt .pdf .docx without becoming their default program, and an uninstaller is
; registered in Settings > Apps. Settings and annotations (%APPDATA%\Qarar) are left on uninstall.
Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!include "MUI2.nsh"

!define APP "Qarar"
!define EXE "qarar.exe"
!define PROGID "Qarar.Document"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Qarar"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Qarar"
InstallDirRegKey HKCU "Software\Qarar" "InstallDir"
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "FileDescription" "Qarar installer"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "LegalCopyright" "MIT OR Apache-2.0"

!define MUI_ICON "${STAGE}\qarar.ico"
!define MUI_UNICON "${STAGE}\qarar.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Arabic"

; "Open with Qarar" for one extension, leaving its default program as it is.
!macro OpenWith EXT
  WriteRegStr HKCU "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\SupportedTypes" "${EXT}" ""
!macroend
!macro UnOpenWith EXT
  DeleteRegValue HKCU "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\${EXT}\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\${EXT}"
!macroend

Section "Qarar"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${STAGE}\${EXE}"
  File "${STAGE}\qarar.ico"
  File "${STAGE}\*.txt"
  File "${STAGE}\LICENSE-*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortCut "$SMPROGRAMS\Qarar.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  ; The program as a document handler (ProgID) and as an application Explorer knows.
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "UN resolution"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}" "FriendlyAppName" "Qarar"
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  !insertmacro OpenWith ".xml"
  !insertmacro OpenWith ".akn"
  !insertmacro OpenWith ".txt"
  !insertmacro OpenWith ".pdf"
  !insertmacro OpenWith ".docx"

  WriteRegStr HKCU "Software\Qarar" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "Qarar"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "Qarar contributors"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ; SHCNE_ASSOCCHANGED: Explorer rereads the "Open with" lists.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\Qarar.lnk"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\qarar.ico"
  Delete "$INSTDIR\*.txt"
  Delete "$INSTDIR\LICENSE-*"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  !insertmacro UnOpenWith ".xml"
  !insertmacro UnOpenWith ".akn"
  !insertmacro UnOpenWith ".txt"
  !insertmacro UnOpenWith ".pdf"
  !insertmacro UnOpenWith ".docx"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "Software\Classes\Applications\${EXE}"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\Qarar"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
