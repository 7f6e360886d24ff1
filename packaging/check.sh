#!/usr/bin/env bash
# packaging/check.sh: build the packages that can be built on Linux and try them for real.
#
#   1. the .deb (cargo-packager), and the AppImage when github.com can be reached (cargo-packager
#      downloads linuxdeploy from there); also the macOS .app bundle's layout (cargo-packager
#      builds that on Linux too, around the Linux binary) to check its Info.plist and icon;
#   2. installs the .deb with dpkg (apt-get install -f for its dependencies), then checks that
#      .scprogress and .scfeedback files have our MIME types and our .desktop file as their
#      default application, with the app's icon;
#   3. starts the installed app under Xvfb, without network, on a throwaway data folder, and saves
#      a screenshot (docs/screenshots/installed-deb.png); then opens a .scprogress file the way a
#      double-click does (xdg-open) and saves that too (installed-deb-open.png); then a second
#      double-click while that window is open, which must hand its file to it and exit
#      (installed-deb-second-open.png);
#   4. removes the package again and checks that the file types are gone and the data is kept;
#   5. cross-builds the Windows .exe with MinGW, checks that it carries the icon, and runs its
#      command line under wine (curriculum, check, export, import with --data-dir), then its
#      window under wine + Xvfb with a screenshot (docs/screenshots/windows-wine.png).
#
# Run as root on a Debian 12 / Ubuntu machine you may install packages on (it installs and
# removes the `study-companion` package system-wide):
#     packaging/check.sh            # everything (the Windows release build takes ~7-10 min)
#     SKIP_WINDOWS=1 packaging/check.sh
# Uses $CARGO_TARGET_DIR if set. Look at the screenshots afterwards. Exits non-zero if a check
# failed; every check prints PASS or FAIL. The temporary work folder is removed when all passed
# (KEEP_WORK=1 keeps it) and kept when one failed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export CARGO_TERM_COLOR=never LANG=C.UTF-8
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
PACKAGER_VERSION=0.11.8
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)
PROGRESS_MIME=application/x-study-companion-progress
FEEDBACK_MIME=application/x-study-companion-feedback
WORK=$(mktemp -d /tmp/sc-check.XXXXXX)
FAILED=0
PIDS=()

step() { printf '\n== %s\n' "$*"; }
pass() { printf 'PASS  %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; FAILED=$((FAILED + 1)); }
# expect WHAT EXPECTED ACTUAL
expect() {
    if [ "$2" = "$3" ]; then pass "$1: $3"; else fail "$1: expected '$2', got '$3'"; fi
}
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

step "tools"
apt_packages=(xdg-utils libfile-mimeinfo-perl desktop-file-utils shared-mime-info
    xvfb x11-utils xdotool imagemagick mesa-vulkan-drivers libvulkan1 libgl1-mesa-dri
    icoutils)
[ -n "${SKIP_WINDOWS:-}" ] || apt_packages+=(gcc-mingw-w64-x86-64 wine wine64 wixl msitools)
missing=()
for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! cargo packager --version 2>/dev/null | grep -q " $PACKAGER_VERSION\$"; then
    cargo install cargo-packager --version "$PACKAGER_VERSION" --locked
fi
cargo packager --version
# xdg-mime outside a desktop session uses `mimetype` (libfile-mimeinfo-perl), which reads the
# shared-mime-info database like GNOME and KDE do (`file` would say text/plain).
mimetype --version | head -n1

step "the NSIS template differs from cargo-packager's only by its two fixes"
upstream=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/cargo-packager-$PACKAGER_VERSION | head -n1)
if [ -f "$upstream/src/package/nsis/installer.nsi" ]; then
    { diff "$upstream/src/package/nsis/installer.nsi" packaging/windows/installer.nsi || true; } |
        grep '^[<>]' | grep -v '^> ;' | grep -v '^> *$' | tee "$WORK/nsis.diff"
    expect "changed template lines (old + new)" 4 "$(wc -l <"$WORK/nsis.diff")"
else
    echo "SKIP  no cargo-packager $PACKAGER_VERSION source under ${CARGO_HOME:-$HOME/.cargo}/registry"
fi

step "build the .deb (cargo packager --release --formats deb)"
cargo packager --release --formats deb
DEB="$TARGET_DIR/release/study-companion_${VERSION}_amd64.deb"
ls -l "$DEB"
dpkg-deb --field "$DEB" Package Version Architecture Depends Section
dpkg-deb --contents "$DEB" | awk '{print $6}' | grep -v '/$'

step "macOS bundle layout (cargo packager --formats app: its Info.plist and icon; the binary inside is this Linux one)"
APP="$TARGET_DIR/release/Study Companion.app"
cargo packager --release --formats app
if python3 - "$APP" <<'PY'
import plistlib, sys, pathlib
app = pathlib.Path(sys.argv[1])
info = plistlib.loads((app / "Contents/Info.plist").read_bytes())
def show(key): print(f"  {key}: {info.get(key)}")
for key in ("CFBundleIdentifier", "CFBundleName", "CFBundleExecutable", "CFBundleShortVersionString",
            "CFBundleIconFile", "LSMinimumSystemVersion", "LSApplicationCategoryType"):
    show(key)
for t in info["CFBundleDocumentTypes"]:
    print(f"  document type: {t['LSItemContentTypes']} '{t['CFBundleTypeName']}' "
          f"{t['CFBundleTypeRole']}/{t['LSHandlerRank']} icon {t['CFBundleTypeIconFile']}")
for t in info["UTExportedTypeDeclarations"]:
    tags = t["UTTypeTagSpecification"]
    print(f"  exported UTI: {t['UTTypeIdentifier']} .{tags['public.filename-extension'][0]} "
          f"{tags['public.mime-type'][0]} conforms to {t['UTTypeConformsTo']}")
problems = []
if info["CFBundleIdentifier"] != "cn.studio.study-companion":
    problems.append("identifier")
icons = {info["CFBundleIconFile"]} | {t["CFBundleTypeIconFile"] for t in info["CFBundleDocumentTypes"]} \
    | {t["UTTypeIconFile"] for t in info["UTExportedTypeDeclarations"]}
for icon in icons:
    if not (app / "Contents/Resources" / icon).is_file():
        problems.append(f"icon {icon} not in Contents/Resources")
declared = {t["UTTypeIdentifier"] for t in info["UTExportedTypeDeclarations"]}
opened = {u for t in info["CFBundleDocumentTypes"] for u in t["LSItemContentTypes"]}
if declared != opened or len(declared) != 2:
    problems.append(f"document types {opened} != exported {declared}")
if not (app / "Contents/MacOS" / info["CFBundleExecutable"]).is_file():
    problems.append("executable missing")
print("PASS  Info.plist and Resources" if not problems else f"FAIL  {problems}")
sys.exit(1 if problems else 0)
PY
then :; else FAILED=$((FAILED + 1)); fi

step "AppImage"
if timeout 10 curl -fsSI https://github.com >/dev/null 2>&1; then
    if cargo packager --release --formats appimage; then
        pass "AppImage built: $(ls "$TARGET_DIR"/release/*.AppImage)"
    else
        fail "AppImage build"
    fi
else
    echo "SKIP  github.com cannot be reached: cargo-packager downloads linuxdeploy and AppRun from there"
fi

step "install the .deb"
if dpkg -l study-companion 2>/dev/null | grep -q '^ii'; then
    echo "study-companion is installed already; removing it first"
    dpkg -r study-companion
fi
dpkg -i "$DEB" || DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq
expect "dpkg status" "install ok installed" "$(dpkg-query -W -f='${Status}' study-companion)"
expect "installed binary" "/usr/bin/study-companion" "$(command -v study-companion)"
/usr/bin/study-companion --version
if desktop-file-validate /usr/share/applications/study-companion.desktop; then
    pass "desktop-file-validate /usr/share/applications/study-companion.desktop"
else
    fail "desktop-file-validate"
fi

step "file types"
mkdir -p "$WORK/files" "$WORK/student"
# A real progress file: the complete example of docs/progress-file.md (tests/files.rs parses it).
awk '/^## A complete example/{s=1} s&&/^```ron/{p=1;next} p&&/^```/{exit} p' \
    docs/progress-file.md >"$WORK/files/张三-example.scprogress"
# And one the installed app writes itself, after taking that one in.
/usr/bin/study-companion --data-dir "$WORK/student" import --replace "$WORK/files/张三-example.scprogress"
/usr/bin/study-companion --data-dir "$WORK/student" export -o "$WORK/files/exported.scprogress"
/usr/bin/study-companion check "$WORK/files/exported.scprogress"
# Only the extension matters to the MIME database.
cp "$WORK/files/张三-example.scprogress" "$WORK/files/from-mentor.scfeedback"
for f in "$WORK/files/张三-example.scprogress" "$WORK/files/exported.scprogress"; do
    expect "xdg-mime query filetype $(basename "$f")" "$PROGRESS_MIME" "$(xdg-mime query filetype "$f")"
done
expect "xdg-mime query filetype from-mentor.scfeedback" "$FEEDBACK_MIME" \
    "$(xdg-mime query filetype "$WORK/files/from-mentor.scfeedback")"
for mime in "$PROGRESS_MIME" "$FEEDBACK_MIME"; do
    expect "xdg-mime query default $mime" "study-companion.desktop" "$(xdg-mime query default "$mime")"
done
# What the dpkg triggers of shared-mime-info and desktop-file-utils left behind:
for mime in "$PROGRESS_MIME" "$FEEDBACK_MIME"; do
    expect "icon of $mime (/usr/share/mime/icons)" "$mime:study-companion" \
        "$(grep "^$mime:" /usr/share/mime/icons || true)"
    expect "name of $mime (zh_CN)" 1 \
        "$(grep -c 'xml:lang="zh_CN"' "/usr/share/mime/$mime.xml" || true)"
    expect "mimeinfo.cache (update-desktop-database)" "$mime=study-companion.desktop;" \
        "$(grep "^$mime=" /usr/share/applications/mimeinfo.cache || true)"
done
for size in 16 32 48 128 256 512; do
    test -f "/usr/share/icons/hicolor/${size}x${size}/apps/study-companion.png" ||
        fail "icon ${size}x${size} missing"
done
pass "hicolor icons: $(cd /usr/share/icons/hicolor && ls -d */apps/study-companion.png | cut -d/ -f1 | tr '\n' ' ')"

step "the installed app under Xvfb (no network, throwaway data folder)"
mkdir -p "$WORK/xdg" && chmod 700 "$WORK/xdg"
export XDG_RUNTIME_DIR="$WORK/xdg"
display=""
for n in $(seq 70 89); do
    if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=":$n"; break; fi
done
[ -n "$display" ] || { fail "no free X display between :70 and :89"; exit 1; }
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
PIDS+=($!)
sleep 2
export DISPLAY="$display"

# window_pid: the process id of the app's window once it is shown (winit sets _NET_WM_PID).
window_pid() {
    timeout 60 xdotool search --sync --onlyvisible --class study-companion getwindowpid 2>/dev/null |
        head -n1
}
screenshot() {
    sleep 4 # the first frames
    import -window root "$1"
    pass "screenshot $1 ($(identify -format '%wx%h' "$1"))"
}

# `unshare --net`: a network namespace with no interface at all; the X server is reached through
# its socket file.
unshare --net /usr/bin/study-companion --data-dir "$WORK/app-data" >"$WORK/app.log" 2>&1 &
PIDS+=($!)
app=$(window_pid || true)
if [ -n "$app" ]; then
    pass "window shown (pid $app, display $display)"
    screenshot docs/screenshots/installed-deb.png
    kill "$app"
    wait "$app" 2>/dev/null || true
else
    fail "no window within 60 s; the app said:"
    cat "$WORK/app.log"
fi

# A double-click in a file manager runs the default application's Exec line (study-companion %F)
# with the file; xdg-open does the same. The data folder comes from the environment here.
STUDY_COMPANION_DATA_DIR="$WORK/app-data" xdg-open "$WORK/files/张三-example.scprogress" \
    >"$WORK/xdg-open.log" 2>&1 &
PIDS+=($!)
app=$(window_pid || true)
if [ -n "$app" ]; then
    expect "opened by xdg-open: command line" \
        "/usr/bin/study-companion $WORK/files/张三-example.scprogress" \
        "$(tr '\0' ' ' <"/proc/$app/cmdline" | sed 's/ $//')"
    screenshot docs/screenshots/installed-deb-open.png
    # A second double-click while the window is open: the new process hands the file to the
    # running one (through the data folder's socket) and exits; still one window.
    cp "$WORK/files/exported.scprogress" "$WORK/files/李四-second.scprogress"
    STUDY_COMPANION_DATA_DIR="$WORK/app-data" timeout 30 /usr/bin/study-companion \
        "$WORK/files/李四-second.scprogress" >"$WORK/second.log" 2>&1 &&
        pass "second launch handed its file over and exited ($(tr '\n' ' ' <"$WORK/second.log"))" ||
        fail "second launch did not exit: $(cat "$WORK/second.log")"
    expect "windows of the app after the second launch" 1 \
        "$(xdotool search --onlyvisible --class study-companion 2>/dev/null | wc -l)"
    kill -0 "$app" 2>/dev/null && pass "the first window still runs (pid $app)" ||
        fail "the first window is gone"
    screenshot docs/screenshots/installed-deb-second-open.png
    kill "$app"
    for _ in $(seq 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.2; done
else
    fail "xdg-open did not start the app; it said:"
    cat "$WORK/xdg-open.log"
fi

step "remove the package (the data stays)"
# Some progress in the data folder the window used, saved by the installed command line.
/usr/bin/study-companion --data-dir "$WORK/app-data" import --replace "$WORK/files/张三-example.scprogress"
dpkg -r study-companion
expect "binary removed" "" "$(command -v study-companion || true)"
expect "file type after removal" "text/plain" \
    "$(xdg-mime query filetype "$WORK/files/exported.scprogress")"
if [ -f "$WORK/app-data/progress.ron" ]; then
    pass "data folder kept: $(ls -A "$WORK/app-data" | tr '\n' ' ')"
else
    fail "progress.ron is gone from $WORK/app-data"
fi

if [ -n "${SKIP_WINDOWS:-}" ]; then
    step "Windows: skipped (SKIP_WINDOWS)"
else
    step "Windows .exe: cross-build with MinGW"
    rustup target add x86_64-pc-windows-gnu
    CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
        cargo build --release --locked --target x86_64-pc-windows-gnu
    EXE="$TARGET_DIR/x86_64-pc-windows-gnu/release/study-companion.exe"
    ls -l "$EXE"
    x86_64-w64-mingw32-objdump -h "$EXE" | grep -q ' \.rsrc ' && pass ".rsrc section in the .exe" ||
        fail "no .rsrc section in the .exe"
    wrestool -l "$EXE"
    wrestool -x -t 14 "$EXE" -o "$WORK/exe-icon.ico"
    expect "icon sizes in the .exe" "16 24 32 48 64 128 256" \
        "$(icotool -l "$WORK/exe-icon.ico" | sed 's/.*--width=\([0-9]*\).*/\1/' | tr '\n' ' ' | sed 's/ $//')"
    wrestool -x --raw -t 16 "$EXE" -o "$WORK/exe-version.bin"
    version_string() { # the value of a VERSIONINFO string (UTF-16) in the .exe
        python3 -c 'import sys; t = open(sys.argv[1], "rb").read().decode("utf-16-le", "replace")
k = t.find(sys.argv[2]); print(t[k + len(sys.argv[2]):].lstrip("\0").split("\0")[0] if k >= 0 else "")' \
            "$WORK/exe-version.bin" "$1"
    }
    expect "FileDescription in the .exe" "学习伴侣 · Study Companion" "$(version_string FileDescription)"
    expect "ProductVersion in the .exe" "$VERSION" "$(version_string ProductVersion)"

    step "MSI file types: packaging/windows/file-types.wxs compiled by wixl (msitools)"
    # Not the WiX toolset that cargo-packager runs on Windows, but the same WiX 3 language: the
    # fragment, with its English names, in a minimal product around the .exe.
    mkdir -p "$WORK/msi"
    wxl_string() { sed -n "s|.*\"$1\">\\(.*\\)</String>|\\1|p" packaging/windows/en-US.wxl; }
    sed -e "s|!(loc.StudyCompanionProgressType)|$(wxl_string StudyCompanionProgressType)|" \
        -e "s|!(loc.StudyCompanionFeedbackType)|$(wxl_string StudyCompanionFeedbackType)|" \
        packaging/windows/file-types.wxs >"$WORK/msi/file-types.wxs"
    cat >"$WORK/msi/product.wxs" <<WXS
<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product Id="*" Name="Study Companion" UpgradeCode="0b0e4a9c-1d6f-4b8e-9a51-3c2f7d6e8a10"
           Language="1033" Manufacturer="Study Companion" Version="$VERSION">
    <Package InstallerVersion="450" Compressed="yes" InstallScope="perMachine"/>
    <Media Id="1" Cabinet="app.cab" EmbedCab="yes"/>
    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="ProgramFiles64Folder"><Directory Id="INSTALLDIR" Name="Study Companion"/></Directory>
    </Directory>
    <DirectoryRef Id="INSTALLDIR">
      <Component Id="Path" Guid="5d1c2b7e-8f3a-4c6d-9e0b-7a4f1e2d3c5b" Win64="yes">
        <File Id="Path" Source="study-companion.exe" KeyPath="yes"/>
      </Component>
    </DirectoryRef>
    <Feature Id="Main" Level="1">
      <ComponentRef Id="Path"/><ComponentRef Id="StudyCompanionFileTypes"/>
    </Feature>
  </Product>
</Wix>
WXS
    cp "$EXE" "$WORK/msi/" # wixl wants sources relative to the .wxs files
    if (cd "$WORK/msi" && wixl -a x64 -o test.msi product.wxs file-types.wxs); then
        msiinfo export "$WORK/msi/test.msi" Registry | tail -n +4 | cut -f3-5 | sort
        expect "MSI: open command of StudyCompanion.Progress" '"[#Path]" "%1"' \
            "$(msiinfo export "$WORK/msi/test.msi" Registry |
                awk -F'\t' '$3 == "StudyCompanion.Progress\\shell\\open\\command" {print $5}')"
    else
        fail "wixl could not compile file-types.wxs"
    fi

    step "Windows .exe: its command line under wine"
    # Test only, never in a package: wine 8 has no ProcessPrng in bcryptprimitives.dll, which
    # Rust's standard library imports (Windows 10 and 11 have it). This stand-in, beside the
    # .exe in a temporary folder, implements it over RtlGenRandom (advapi32 SystemFunction036).
    mkdir -p "$WORK/win"
    cat >"$WORK/win/bcryptprimitives.c" <<'EOF'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
EOF
    x86_64-w64-mingw32-gcc -shared -O2 -o "$WORK/win/bcryptprimitives.dll" \
        "$WORK/win/bcryptprimitives.c" -ladvapi32
    x86_64-w64-mingw32-objdump -p "$WORK/win/bcryptprimitives.dll" | grep -A3 'Ordinal/Name Pointer'
    cp "$EXE" "$WORK/win/"
    cp "$WORK/files/张三-example.scprogress" "$WORK/win/example.scprogress"
    export WINEPREFIX="$WORK/wineprefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
    unset DISPLAY
    wineboot --init >/dev/null 2>&1 || true
    wexe() { (cd "$WORK/win" && wine ./study-companion.exe "$@"); }
    wdir=$(winepath -w "$WORK/win-data")

    echo "-- study-companion.exe --version"
    wexe --version
    echo "-- study-companion.exe curriculum (first lines)"
    wexe curriculum >"$WORK/win/curriculum.txt"
    head -n 5 "$WORK/win/curriculum.txt"
    # The same build's Linux binary is gone with the package; compare with a fresh host run.
    "$TARGET_DIR/release/study-companion" curriculum >"$WORK/linux-curriculum.txt"
    if cmp -s "$WORK/win/curriculum.txt" "$WORK/linux-curriculum.txt"; then
        pass "curriculum under wine = on Linux ($(wc -l <"$WORK/win/curriculum.txt") lines)"
    else
        fail "curriculum under wine differs from Linux"
        diff "$WORK/linux-curriculum.txt" "$WORK/win/curriculum.txt" | head -n 10
    fi
    echo "-- study-companion.exe check example.scprogress"
    wexe check example.scprogress && pass "check under wine" || fail "check under wine"
    echo "-- study-companion.exe --data-dir $wdir import example.scprogress --replace"
    wexe --data-dir "$wdir" import example.scprogress --replace && pass "import under wine" ||
        fail "import under wine"
    echo "-- study-companion.exe --data-dir $wdir export -o out.scprogress"
    wexe --data-dir "$wdir" export -o out.scprogress && pass "export under wine" ||
        fail "export under wine"
    echo "-- study-companion.exe check out.scprogress"
    wexe check out.scprogress && pass "check of the exported file" || fail "check of the exported file"
    echo "-- study-companion.exe --data-dir $wdir export -o summary.md (first lines)"
    wexe --data-dir "$wdir" export -o summary.md && head -n 5 "$WORK/win/summary.md"
    ls "$WORK/win-data"

    echo "-- the window under wine + Xvfb"
    # wine's Direct3D 12 device is lost as soon as it is made ("Parent device is lost"), as on
    # PCs without working DX12; the app then tries the other graphics backends by itself.
    export DISPLAY="$display"
    (cd "$WORK/win" && exec wine ./study-companion.exe --data-dir "$wdir") >"$WORK/wine-window.log" 2>&1 &
    PIDS+=($!)
    if timeout 180 xdotool search --sync --onlyvisible --name '学习伴侣' >/dev/null 2>&1; then
        pass "the Windows window is shown under wine"
        screenshot docs/screenshots/windows-wine.png
    else
        fail "no Windows window within 180 s"
    fi
    echo "   what it said:"
    sed 's/^/   /' "$WORK/wine-window.log" | grep -v '^   *$' | head -n 20
    wineserver -k 2>/dev/null || true
fi

step "result"
if [ "$FAILED" -eq 0 ]; then
    # The wine prefix and the copies of the .exe take ~0.8 GB; KEEP_WORK=1 keeps them.
    if [ -n "${KEEP_WORK:-}" ]; then echo "work folder: $WORK"; else rm -rf "$WORK"; fi
    echo "all checks passed"
else
    echo "work folder (kept): $WORK"
    echo "$FAILED check(s) FAILED"
    exit 1
fi
