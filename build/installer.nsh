; Ikimina's Windows installer (electron-builder NSIS, per user, no administrator rights):
; the language chosen for the installer is written beside the app's resources, so
; the app's first screen opens in it (electron/main/install-language.ts).
!macro customInstall
  FileOpen $0 "$INSTDIR\resources\install-language.txt" w
  ${If} $LANGUAGE == 1036
    FileWrite $0 "fr"
  ${Else}
    FileWrite $0 "en"
  ${EndIf}
  FileClose $0
!macroend
