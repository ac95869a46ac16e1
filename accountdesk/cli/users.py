"""`users add` and `users list`: the team's members on a server, each a login with its role and team."""

from __future__ import annotations

import argparse
import getpass

from accountdesk.cli.output import EXIT_FAILED, EXIT_OK, open_db, print_json, say
from accountdesk.core.i18n import Message, current_language
from accountdesk.core.storage.server_roles import ROLE_LABELS, Member, add_member, list_members


def _role_label(role: str) -> str:
    zh, en = ROLE_LABELS.get(role, (role, role))
    return zh if current_language() == "zh" else en


def _as_json(member: Member) -> dict[str, object]:
    return {"name": member.name, "display_name": member.display_name, "role": member.role, "team": member.team,
            "active": member.active, "login": member.has_login, "customers": member.customers}


def cmd_users_add(args: argparse.Namespace) -> int:
    password = None
    if args.password_prompt:
        password = getpass.getpass(f"Password for the new login {args.name}: ")
        if getpass.getpass("Again: ") != password:
            say(Message("两次输入的密码不一致，未作任何改动。", "The two passwords differ; nothing was changed."), err=True)
            return EXIT_FAILED
    database = open_db(args)
    try:
        member = add_member(database, args.name, role=args.role, team=args.team, password=password,
                            display_name=args.display_name)
    finally:
        database.dispose()
    if args.json:
        print_json(_as_json(member))
        return EXIT_OK
    team_zh = f"，团队“{member.team}”" if member.team else ""
    team_en = f", team '{member.team}'" if member.team else ""
    say(Message(f"已添加登录用户“{member.name}”（{ROLE_LABELS[member.role][0]}{team_zh}），并授予它所需的权限。",
                f"Added the login '{member.name}' ({member.role}{team_en}) with the rights it needs."))
    return EXIT_OK


def cmd_users_list(args: argparse.Namespace) -> int:
    database = open_db(args)
    try:
        with database.session() as session:
            members = list_members(session)
    finally:
        database.dispose()
    if args.json:
        print_json([_as_json(member) for member in members])
        return EXIT_OK
    for member in members:
        login = "" if member.has_login or database.is_sqlite else \
            str(Message("  （服务器上没有此登录）", "  (no login on the server)"))
        inactive = "" if member.active else str(Message("  （已停用）", "  (inactive)"))
        print(f"{member.name:<20} {_role_label(member.role):<8} {member.team or '-':<12} "
              f"{member.customers:>6}{login}{inactive}")
    return EXIT_OK
