; Inno Setup script (UTF-8 with a byte-order mark, as Inno Setup needs for the Chinese names): the Windows installer around the one-folder bundle (packaging/build.py
; passes the defines; by hand: iscc /DAppVersion=0.1.0 /DBundleDir=..\..\dist\mediation-desk
; /DOutputDir=..\..\dist mediation-desk.iss).
;
; The data folder is not under the program folder: it lives in the user's AppData
; (%LOCALAPPDATA%\mediation-desk\mediation-desk, or the folder chosen on 设置), so uninstalling
; leaves it, and an upgrade (same AppId) replaces the program only.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\mediation-desk"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\packaging\icons\mediation-desk.ico"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
; Never change the AppId: it is how an upgrade finds the installed desk.
AppId={{6F1C2E57-3B9A-4C52-9D7E-5A0B8C41D2F3}
AppName=人民调解室工作台
AppVersion={#AppVersion}
AppVerName=人民调解室工作台 {#AppVersion}
AppPublisher=mediation-desk
DefaultDirName={autopf}\mediation-desk
DefaultGroupName=人民调解室工作台
DisableProgramGroupPage=yes
OutputDir={#OutputDir}
OutputBaseFilename=mediation-desk-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\mediation-desk.exe
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Per-machine by default; a clerk without administrator rights may install for themself.
PrivilegesRequiredOverridesAllowed=dialog
CloseApplications=yes
WizardStyle=modern

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade: the previous version's program files go first (never the data, which is elsewhere).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\人民调解室工作台"; Filename: "{app}\mediation-desk.exe"
Name: "{group}\{cm:UninstallProgram,人民调解室工作台}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\人民调解室工作台"; Filename: "{app}\mediation-desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\mediation-desk.exe"; Description: "{cm:LaunchProgram,人民调解室工作台}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself left in its folder; the data folder is not touched.
Type: filesandordirs; Name: "{app}\_internal"
