"""Team use: shared mode of the file, location warnings, presence, and seeing others' commits."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from accountdesk.core.storage.database import open_database
from accountdesk.core.storage.models import Customer
from accountdesk.core.team import presence as team
from accountdesk.core.team.location import (
    DRIVE_REMOTE,
    Mount,
    location_warnings,
    network_place,
    parse_mount_output,
    parse_proc_mounts,
    sync_service_of,
)

PROC_MOUNTS = """\
sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
/dev/nvme0n1p3 /home ext4 rw,relatime 0 0
//fileserver/team /mnt/team cifs rw,relatime,vers=3.1.1 0 0
nas:/export/sales /mnt/sales\\040dept nfs4 rw,relatime 0 0
tmpfs /mnt/team/local tmpfs rw 0 0
"""

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)


# --- shared mode ----------------------------------------------------------------------------


def test_share_on_and_off_switch_the_journal_and_persist(sqlite_db):
    path = sqlite_db.path
    sqlite_db.dispose()
    assert team.journal_mode(path) == "wal"
    team.set_shared_mode(path, True)
    assert team.journal_mode(path) == "delete"
    assert team.is_shared(path)
    reopened = open_database(path, user="tester")
    try:
        assert reopened.shared
        with reopened.write() as session:  # connections of a shared file keep the rollback journal
            session.add(Customer(code="C1", name="甲"))
        assert team.journal_mode(path) == "delete"
        with reopened.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    finally:
        reopened.dispose()
    team.set_shared_mode(path, False)
    assert team.journal_mode(path) == "wal"
    assert not team.is_shared(path)
    assert not open_database(path, user="tester").shared


def test_share_is_refused_while_the_file_is_open_elsewhere(sqlite_db):
    path = sqlite_db.path
    with sqlite_db.session() as session:
        session.get(Customer, 1)  # this client holds a connection to the WAL file
    with pytest.raises(team.SharedModeError) as caught:
        team.set_shared_mode(path, True)
    assert "close AccountDesk" in str(caught.value)
    assert team.journal_mode(path) == "wal" and not team.is_shared(path)


def test_share_is_refused_while_someone_is_present(sqlite_db):
    path = sqlite_db.path
    team.register_presence(sqlite_db, machine="pc-2")
    sqlite_db.dispose()
    with pytest.raises(team.SharedModeError) as caught:
        team.set_shared_mode(path, True)
    assert "tester@pc-2" in str(caught.value)
    assert not team.is_shared(path)


# --- location -------------------------------------------------------------------------------


def test_mount_table_is_parsed_with_escapes():
    mounts = parse_proc_mounts(PROC_MOUNTS)
    assert Mount("nas:/export/sales", "/mnt/sales dept", "nfs4") in mounts
    mac = parse_mount_output("//me@srv/Team on /Volumes/Team (smbfs, nodev, nosuid, mounted by me)\n"
                             "/dev/disk3s1 on / (apfs, local, journaled)\n")
    assert mac[0] == Mount("//me@srv/Team", "/Volumes/Team", "smbfs")


@pytest.mark.parametrize(
    ("path", "network"),
    [
        ("/mnt/team/crm.accountdesk", True),
        ("/mnt/team/sub/dir/crm.accountdesk", True),
        ("/mnt/sales dept/crm.accountdesk", True),
        ("/mnt/team/local/crm.accountdesk", False),  # a local tmpfs mounted inside the share
        ("/mnt/teamwork/crm.accountdesk", False),  # shares a prefix, not the folder
        ("/home/me/crm.accountdesk", False),
    ],
)
def test_network_mounts_are_recognised(path, network):
    mounts = parse_proc_mounts(PROC_MOUNTS)
    assert (network_place(path, mounts=mounts, platform="linux") is not None) is network


def test_windows_unc_and_mapped_drives():
    assert network_place(r"\\server\share\crm.accountdesk", platform="win32") is not None
    remote = {"Z:\\": DRIVE_REMOTE, "C:\\": 3}
    assert network_place(r"Z:\team\crm.accountdesk", platform="win32", drive_type=remote.get) == "network drive Z:"
    assert network_place(r"C:\Users\me\crm.accountdesk", platform="win32", drive_type=remote.get) is None


def test_a_network_file_not_marked_shared_gets_the_offer_to_switch():
    mounts = parse_proc_mounts(PROC_MOUNTS)
    warnings = location_warnings("/mnt/team/crm.accountdesk", shared=False, mounts=mounts, platform="linux")
    assert [w.kind for w in warnings] == ["network"]
    assert warnings[0].offer_shared_mode
    assert "share on" in warnings[0].message.en and "团队共享模式" in warnings[0].message.zh
    assert location_warnings("/mnt/team/crm.accountdesk", shared=True, mounts=mounts, platform="linux") == []
    assert location_warnings("/home/me/crm.accountdesk", shared=False, mounts=mounts, platform="linux") == []


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/home/me/Dropbox/crm/crm.accountdesk", "Dropbox"),
        ("/home/me/Dropbox (Team)/crm.accountdesk", "Dropbox"),
        (r"C:\Users\me\OneDrive - Contoso\crm.accountdesk", "OneDrive"),
        ("/Users/me/Library/CloudStorage/GoogleDrive-me@example.com/My Drive/crm.accountdesk", "Google Drive"),
        ("/Users/me/Library/Mobile Documents/com~apple~CloudDocs/crm.accountdesk", "iCloud Drive"),
        ("/home/me/我的坚果云/crm.accountdesk", "坚果云 Nutstore"),
        ("/home/me/BaiduSyncdisk/crm.accountdesk", "百度网盘同步空间 Baidu Netdisk sync"),
        ("/home/me/Seafile/team/crm.accountdesk", "Seafile"),
        ("/home/me/Documents/crm.accountdesk", None),
    ],
)
def test_sync_folders_are_recognised_by_name(path, service):
    if "\\" in path:
        from pathlib import PureWindowsPath

        path = PureWindowsPath(path)
    assert sync_service_of(path, look_for_markers=False) == service


def test_syncthing_is_recognised_by_its_marker(tmp_path):
    (tmp_path / "shared" / ".stfolder").mkdir(parents=True)
    (tmp_path / "shared" / "crm").mkdir()
    warnings = location_warnings(tmp_path / "shared" / "crm" / "x.accountdesk", shared=False, mounts=[], platform="linux")
    assert [(w.kind, w.place) for w in warnings] == [("sync", "Syncthing")]
    assert "merge" in warnings[0].message.en and "冲突副本" in warnings[0].message.zh
    assert location_warnings(tmp_path / "elsewhere.accountdesk", shared=False, mounts=[], platform="linux") == []


# --- presence -------------------------------------------------------------------------------


def test_presence_shows_others_and_expires_stale_entries(db):
    mine = team.register_presence(db, now=NOW, machine="pc-1")
    theirs = team.register_presence(db, now=NOW, machine="pc-2")
    with db.session() as session:
        others = team.others_present(session, mine, NOW + timedelta(seconds=30))
    assert [(p.machine, p.session_uid) for p in others] == [("pc-2", theirs)]
    # They stop beating (a crash); I keep beating: after two minutes they are gone.
    team.heartbeat(db, mine, now=NOW + timedelta(minutes=3))
    with db.session() as session:
        assert team.others_present(session, mine, NOW + timedelta(minutes=3)) == []
        assert team.others_present(session, theirs, NOW + timedelta(minutes=3))[0].machine == "pc-1"


def test_heartbeat_brings_back_an_expired_entry_and_leave_removes_it(db):
    mine = team.register_presence(db, now=NOW, machine="pc-1")
    theirs = team.register_presence(db, now=NOW, machine="pc-2")
    team.heartbeat(db, theirs, now=NOW + timedelta(hours=1))  # expires my entry for good
    team.heartbeat(db, mine, now=NOW + timedelta(hours=1, seconds=5))  # my laptop wakes up
    with db.session() as session:
        assert [p.session_uid for p in team.others_present(session, theirs, NOW + timedelta(hours=1, seconds=10))] == [mine]
    team.leave(db, mine)
    with db.session() as session:
        assert team.others_present(session, theirs, NOW + timedelta(hours=1, seconds=10)) == []


# --- live refresh ---------------------------------------------------------------------------


def _other_client(db):
    return open_database(db.path if db.path is not None else db.url, user="colleague")


def test_change_watcher_sees_another_clients_commit_but_not_its_own(db):
    watcher = team.ChangeWatcher(db)
    other = _other_client(db)
    try:
        assert not watcher.poll()
        with db.write() as session:  # my own save: my views already know
            session.add(Customer(code="C1", name="甲"))
        assert not watcher.poll()
        with other.write() as session:
            session.add(Customer(code="C2", name="乙"))
        assert watcher.poll()
        assert not watcher.poll()  # reported once
        team.register_presence(other, machine="pc-2")  # a heartbeat is not a change to show
        assert not watcher.poll()
        with other.write() as session:
            session.get(Customer, 1).phone = "123"
        assert watcher.poll()
    finally:
        watcher.close()
        other.dispose()


def test_change_watcher_on_sqlite_uses_data_version_without_reading_tables(sqlite_db):
    watcher = team.ChangeWatcher(sqlite_db)
    try:
        raw = sqlite3.connect(sqlite_db.path, isolation_level=None)
        raw.execute("INSERT INTO meta(key, value) VALUES('change_counter', '41') "
                    "ON CONFLICT(key) DO UPDATE SET value='41'")
        raw.close()
        assert watcher.poll()
    finally:
        watcher.close()


def test_presence_summary_names_who_else_is_working(db):
    team.register_presence(db, now=NOW, machine="pc-2")
    with db.session() as session:
        summary = team.presence_summary(team.others_present(session, None, NOW))
    assert summary is not None and f"{db.user} (pc-2, since" in summary.en and "同时在使用" in summary.zh
    assert team.presence_summary([]) is None


def test_a_read_only_database_announces_nobody(sqlite_db):
    path = sqlite_db.path
    sqlite_db.dispose()
    path.chmod(0o444)
    try:
        reader = open_database(path)
        try:
            assert reader.read_only
            session_uid = team.register_presence(reader, now=NOW)
            assert session_uid is None
            team.heartbeat(reader, session_uid, now=NOW)
            team.leave(reader, session_uid)
            watcher = team.ChangeWatcher(reader)
            assert not watcher.poll()
            watcher.close()
        finally:
            reader.dispose()
    finally:
        path.chmod(0o644)


def test_a_link_into_a_sync_folder_is_recognised(tmp_path):
    synced = tmp_path / "Dropbox" / "crm.accountdesk"
    synced.parent.mkdir()
    synced.write_bytes(b"")
    link = tmp_path / "desktop-link.accountdesk"
    link.symlink_to(synced)
    assert sync_service_of(link, look_for_markers=False) == "Dropbox"
    assert sync_service_of(tmp_path / "plain.accountdesk", look_for_markers=False) is None
