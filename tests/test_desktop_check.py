"""Starting the window on a Linux desktop without Qt's X11 libraries: a message naming the
packages to install and exit code 1, instead of Qt aborting the process."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest

from accountdesk import desktop_check
from accountdesk.cli import main
from accountdesk.cli.output import EXIT_FAILED
from accountdesk.desktop_check import (
    WAYLAND_LIBRARIES,
    XCB_LIBRARIES,
    desktop_libraries_problem,
    desktop_platforms,
    missing_libraries,
)

X11 = {"DISPLAY": ":0"}


def _loader(*missing: str):
    """A dynamic loader that finds every library but `missing`."""

    def load(soname: str) -> object:
        if soname in missing:
            raise OSError(f"{soname}: cannot open shared object file: No such file or directory")
        return object()

    return load


def test_missing_xcb_libraries_name_their_debian_packages():
    load = _loader("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    problem = desktop_libraries_problem(X11, system="linux", load=load)
    assert problem is not None
    for text in (problem.zh, problem.en):
        assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1\n" in text
        assert "libxcb-icccm.so.4" in text
    assert "缺少" in problem.zh and "missing" in problem.en


def test_a_package_is_named_once_for_two_of_its_libraries():
    problem = desktop_libraries_problem(X11, system="linux", load=_loader("libglib-2.0.so.0", "libgthread-2.0.so.0"))
    assert "sudo apt-get install libglib2.0-0\n" in problem.en


@pytest.mark.parametrize(
    ("environ", "system"),
    [
        ({"DISPLAY": ":0"}, "win32"),  # Windows and macOS: Qt's own plugins need nothing extra
        ({"DISPLAY": ":0"}, "darwin"),
        ({}, "linux"),  # no display: Qt itself says it cannot connect
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux"),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen:configfile=/tmp/x.json"}, "linux"),
        ({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, "linux"),  # xcb without an X server
    ],
)
def test_no_check_where_qt_would_not_open_an_x11_or_wayland_window(environ, system):
    everything_missing = _loader(*XCB_LIBRARIES, *WAYLAND_LIBRARIES)
    assert desktop_libraries_problem(environ, system=system, load=everything_missing) is None


def test_all_libraries_present_is_no_problem():
    assert desktop_libraries_problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, system="linux",
                                     load=_loader()) is None


def test_a_wayland_session_that_can_use_wayland_needs_no_x11_libraries():
    session = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}
    assert desktop_platforms(session) == ["wayland", "xcb"]
    assert desktop_libraries_problem(session, system="linux", load=_loader("libxcb-cursor.so.0")) is None
    problem = desktop_libraries_problem(session, system="linux",
                                        load=_loader("libxcb-cursor.so.0", "libwayland-cursor.so.0"))
    assert problem is not None and "install libxcb-cursor0\n" in problem.en


def test_the_real_loader_tells_present_from_missing():
    libraries = {"libc.so.6": "libc6", "libaccountdesk-nowhere.so.9": "none"}
    assert missing_libraries(libraries) == ["libaccountdesk-nowhere.so.9"]


def test_gui_start_prints_the_packages_and_exits_1_before_qt(monkeypatch, capsys, tmp_path):
    import accountdesk.ui.app

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    monkeypatch.setattr(desktop_check, "_load", _loader("libxcb-icccm.so.4", "libxcb-keysyms.so.1"))

    def run_app(*args, **kwargs):
        raise AssertionError("the GUI started although Qt could not open a window")

    monkeypatch.setattr(accountdesk.ui.app, "run_app", run_app)
    assert main(["--db", str(tmp_path / "x.accountdesk")]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in err
    assert "缺少" in err and "missing" in err  # both languages, whatever the locale
    assert not (tmp_path / "x.accountdesk").exists()


# --- the tables against the PySide6 that is installed --------------------------------------

_ALWAYS_THERE = ("libc.so", "libm.so", "libdl.so", "libpthread.so", "librt.so", "libstdc++.so", "libgcc_s.so", "ld-linux")


def _needed(path: Path) -> list[str]:
    """DT_NEEDED of a 64-bit little-endian ELF file: the libraries it asks the loader for."""
    data = path.read_bytes()
    assert data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1, path
    section_offset = int.from_bytes(data[0x28:0x30], "little")
    entry_size, count = struct.unpack_from("<HH", data, 0x3A)
    # name, type, flags, addr, offset, size, link, info, addralign, entsize
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, section_offset + index * entry_size) for index in range(count)]
    dynamic = next(section for section in sections if section[1] == 6)  # SHT_DYNAMIC
    strings = sections[dynamic[6]][4]
    needed = []
    for offset in range(dynamic[4], dynamic[4] + dynamic[5], 16):
        tag, value = struct.unpack_from("<qQ", data, offset)
        if tag == 0:
            break
        if tag == 1:  # DT_NEEDED
            start = strings + value
            needed.append(data[start : data.index(b"\0", start)].decode())
    return needed


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's X11 and Wayland plugins are Linux's")
@pytest.mark.parametrize(
    ("platform", "files"),
    [
        ("xcb", ["plugins/platforms/libqxcb.so", "lib/libQt6XcbQpa.so.6"]),
        ("wayland", ["plugins/platforms/libqwayland.so", "lib/libQt6WaylandClient.so.6"]),
    ],
)
def test_tables_name_every_system_library_pyside6_loads_for_a_window(platform, files):
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    files = [*files, "lib/libQt6Gui.so.6", "lib/libQt6Core.so.6", "lib/libQt6DBus.so.6", "lib/libQt6Widgets.so.6"]
    shipped = {path.name for path in (qt / "lib").iterdir()}
    asked = {soname for file in files for soname in _needed(qt / file)}
    system = {soname for soname in asked if soname not in shipped and not soname.startswith(_ALWAYS_THERE)}
    assert "libxkbcommon.so.0" in system  # the reader found the system libraries at all
    table = {"xcb": XCB_LIBRARIES, "wayland": WAYLAND_LIBRARIES}[platform]
    assert sorted(system - set(table)) == []
