; Inno Setup 6 recipe for the Windows installer: a per-user install (no administrator rights), a Start-menu
; entry, and "Open with Takeover Planner" for brief packages (.zip; offered in the Open with list, never made the
; default for every zip file). Build dist\TakeoverPlanner\ first with `python packaging\build.py`, then:
;   iscc packaging\windows\TakeoverPlanner.iss      (writes dist\TakeoverPlanner-setup-<version>.exe)
; See docs/install.md for what was and was not tested.

#define AppName "Takeover Planner"
#define AppVersion "0.1.0"
#define AppExe "TakeoverPlanner.exe"
#define Source "..\..\dist\TakeoverPlanner"

[Setup]
AppId={{6B1D3E0A-3F7C-4C1E-9C55-2F1A7F0C9B21}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppName}
; "lowest": installs into the user's own Programs folder (%LOCALAPPDATA%\Programs) without asking for admin rights;
; an IT department can still run it elevated with /ALLUSERS for every user of the machine.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=TakeoverPlanner-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\{#AppExe}
ChangesAssociations=yes

[Languages]
Name: "nb"; MessagesFile: "compiler:Languages\Norwegian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#Source}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Registry]
; HKA is the current user's classes for a per-user install, the machine's for /ALLUSERS.
Root: HKA; Subkey: "Software\Classes\TakeoverPlanner.BriefPackage"; ValueType: string; ValueName: ""; ValueData: "Takeover Planner brief package"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\TakeoverPlanner.BriefPackage\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKA; Subkey: "Software\Classes\TakeoverPlanner.BriefPackage\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" gui --contributor ""%1"""
Root: HKA; Subkey: "Software\Classes\.zip\OpenWithProgids"; ValueType: string; ValueName: "TakeoverPlanner.BriefPackage"; ValueData: ""; Flags: uninsdeletevalue

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
