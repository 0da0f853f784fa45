; Hooks for electron-builder's NSIS installer (nsis.include), used by the Windows update service described in
; packaging/windows/updates.md. Not built here (no NSIS on CI machines); kept small and declarative.
!include "LogicLib.nsh"
!include "FileFunc.nsh" ; GetParameters, GetOptions
!include "WordFunc.nsh" ; VersionCompare

!macro customInit
  ; The service passes /allowDowngrade=1 only for a rollback to the kept good version.
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/allowDowngrade=" $R1
  ReadRegStr $R2 HKLM "Software\EasyDo\Update" "InstalledVersion"
  ${If} $R2 != ""
  ${AndIf} ${Errors}
    ; A downgrade without the service's flag is refused (a replayed old installer run by hand).
    ${VersionCompare} "${VERSION}" $R2 $R3
    ${If} $R3 == 2
      MessageBox MB_OK|MB_ICONSTOP "Easy-Do Terminal ${VERSION} is older than the installed $R2." /SD IDOK
      SetErrorLevel 3
      Quit
    ${EndIf}
  ${EndIf}
!macroend

!macro customInstall
  ; What the update service reads back after the installer exits (it never trusts the exit code alone).
  WriteRegStr HKLM "Software\EasyDo\Update" "InstalledVersion" "${VERSION}"
!macroend

!macro customUnInstall
  ; The journal and configuration live in %ProgramData%\EasyDo and survive an uninstall (a rollback uninstalls).
!macroend
