"""One authorization path: the role codes live only in privacy/roles.py (checked on the source with
`ast`), every refusal is an `access.denied` audit record, and a 调解员's lists and searches
reach exactly the cases they may open — those they are or were assigned to — by the services."""

from __future__ import annotations

import ast
import io
from pathlib import Path
from typing import Any

import pytest
from authorization_helpers import OTHER_FACTS, OTHER_NAME, Scene, build_scene, denials, last_seq

from mediation_desk.administration import accounts, credentials, desk_data
from mediation_desk.core.models import Operator
from mediation_desk.core.uow import SYSTEM, Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.mediation import (
    case_targets,
    exchange,
    followup,
    followup_queries,
    mediator_records,
    mediators,
    queries,
    stats,
)
from mediation_desk.mediation.dashboard import dashboard_figures
from mediation_desk.privacy import roles
from mediation_desk.sync import api as sync_api

PACKAGE = Path(__file__).resolve().parents[1] / "mediation_desk"
ROLES_MODULE = PACKAGE / "privacy" / "roles.py"
GENERATED = PACKAGE / "gui" / "forms"
ROLE_CODES = frozenset(roles.ROLES)
ROLE_CONSTANTS = frozenset({"ADMIN", "CLERK", "MEDIATOR", "SYSTEM"})


# ---- the role codes live in privacy/roles.py only ------------------------------------------------


def role_code_uses(source: str) -> list[tuple[int, str]]:
    """Where `source` spells a role out: compares with a role code or a role constant of roles.py,
    lists or keys a table by role codes, or sets a role to a code. A string that only looks like
    one ("mediator", the synced entity and the table) is not a role there and passes."""
    tree = ast.parse(source)
    constants = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("privacy.roles")
        for alias in node.names
        if alias.name in ROLE_CONSTANTS
    }

    def code(n: ast.AST) -> bool:
        return isinstance(n, ast.Constant) and n.value in ROLE_CODES

    def constant(n: ast.AST) -> bool:
        return (isinstance(n, ast.Attribute) and n.attr in ROLE_CONSTANTS) or (
            isinstance(n, ast.Name) and n.id in constants
        )

    def items(n: ast.AST) -> list[ast.AST]:
        return list(n.elts) if isinstance(n, (ast.Tuple, ast.List, ast.Set)) else [n]

    def only_roles(values: list[Any]) -> bool:
        return any(v in ROLE_CODES for v in values) and all(v in ROLE_CODES | {roles.SYSTEM} for v in values)

    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            for operand in (node.left, *node.comparators):
                found += [
                    (node.lineno, f"compares with {ast.unparse(x)}") for x in items(operand) if code(x) or constant(x)
                ]
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            values = [e.value if isinstance(e, ast.Constant) else None for e in node.elts]
            if only_roles(values):
                found.append((node.lineno, f"lists the roles {ast.unparse(node)}"))
        elif isinstance(node, ast.Dict):
            keys = [k.value if isinstance(k, ast.Constant) else None for k in node.keys]
            if sum(k in ROLE_CODES for k in keys) >= 2 and only_roles(keys):
                found.append((node.lineno, "keys a table by role codes"))
            found += [
                (node.lineno, f"sets a role to {ast.unparse(v)}")
                for k, v in zip(node.keys, node.values, strict=True)
                if isinstance(k, ast.Constant) and k.value == "role" and code(v)
            ]
        elif isinstance(node, ast.Call):
            found += [
                (node.lineno, f"passes role={ast.unparse(kw.value)}")
                for kw in node.keywords
                if kw.arg == "role" and code(kw.value)
            ]
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name == "Actor" and len(node.args) >= 2 and code(node.args[1]):
                found.append((node.lineno, f"makes an actor of role {ast.unparse(node.args[1])}"))
    return found


@pytest.mark.parametrize(
    "source, spelled",
    [
        ('if actor.role != "admin":\n    pass', True),
        ('if actor.role not in ("admin", "system"):\n    pass', True),
        ('RESOLVERS = ("admin", "clerk", "system")', True),
        ('NAMES = {"admin": "主任", "mediator": "调解员"}', True),
        ('form = {**data, "role": "clerk"}', True),
        ('add(desk, role="mediator")', True),
        ('who = Actor("cli", "admin")', True),
        ("from mediation_desk.privacy.roles import ADMIN, SYSTEM\nok = actor.role in (ADMIN, SYSTEM)", True),
        ("from mediation_desk.privacy import roles\nok = actor.role == roles.MEDIATOR", True),
        # Not a role: the synced entity, a table, a field of a form, a role constant used as a value.
        ('ENTITIES = ("case", "committee", "mediator", "agreement")', False),
        ('if issue.entity == "case":\n    pass', False),
        ('LABELS = {"case": "案件", "mediator": "调解员"}', False),
        ('raise ValidationError.single("mediator", "mediator_ambiguous", "…")', False),
        ("from mediation_desk.privacy import roles\nform = {**data, 'role': roles.ADMIN}", False),
        ("allowed = roles.allowed(actor.role, 'mediator.manage')", False),
    ],
)
def test_the_scanner_tells_a_role_from_a_word_that_looks_like_one(source: str, spelled: bool) -> None:
    assert bool(role_code_uses(source)) is spelled


def test_role_codes_appear_only_in_the_role_table() -> None:
    """Access is decided in one place (design §2): a service asks `roles.authorize`, a page
    `roles.allowed`; nobody compares roles by hand."""
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {what}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != ROLES_MODULE and GENERATED not in path.parents
        for line, what in role_code_uses(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, "role codes outside privacy/roles.py:\n" + "\n".join(offenders)


def test_the_actions_services_ask_for_are_registered() -> None:
    for action in (
        "operator.manage",
        "data.backup",
        "data.restore",
        "data.location",
        "sync.enroll",
        "sync.resolve",
        "sync.district_view",
        "sync.take_over",
        "case_targets.manage",
        "mediator.manage",
        "mediator.export",
        "export",
        "import",
        "case.view",
    ):
        assert action in roles.ACTIONS
    assert roles.roles_allowed("operator.manage") == (roles.ADMIN,)
    assert roles.roles_allowed("data.backup") == roles.ROLES  # whoever is on duty backs up
    assert roles.roles_allowed("sync.resolve") == (roles.ADMIN, roles.CLERK)
    with pytest.raises(ValueError, match="unknown action"):
        roles.roles_allowed("sync.resolv")


# ---- lists and searches are scoped like the detail -----------------------------------------------


@pytest.fixture
def scene(desk: Desk, admin: Actor, mediator_actor: Actor, make_party: Any, intake_form: Any) -> Scene:
    return build_scene(desk, admin, mediator_actor, make_party, intake_form)


def listed(desk: Desk, actor: Actor, **kw: Any) -> set[str]:
    return {c.id for c in queries.list_cases(desk, actor, **kw)}


def test_a_mediator_lists_the_cases_they_are_or_were_on(
    desk: Desk, admin: Actor, clerk: Actor, mediator_actor: Actor, scene: Scene
) -> None:
    assert listed(desk, mediator_actor) == scene.visible
    assert listed(desk, admin) == listed(desk, clerk) == scene.visible | scene.hidden
    # Every case listed opens; the filters narrow the scope, never widen it.
    for case_id in scene.visible:
        assert queries.case_detail(desk, mediator_actor, case_id).summary.id == case_id
    assert listed(desk, mediator_actor, mediator_id=scene.colleague) == {scene.past}
    assert listed(desk, mediator_actor, status=["accepted"]) == set()
    names = {n for c in queries.list_cases(desk, mediator_actor) for n in c.party_names}
    assert OTHER_NAME not in names and "冯长根" not in names


@pytest.mark.parametrize("key", ["name", "phone", "id_number", "number", "sequence", "facts", "surname"])
def test_no_way_of_searching_finds_another_mediators_case(
    desk: Desk, admin: Actor, mediator_actor: Actor, scene: Scene, key: str
) -> None:
    number = scene.numbers[scene.other]
    query = {
        "name": OTHER_NAME,
        "phone": scene.other_party["phone"],
        "id_number": scene.other_party["id_number"],
        "number": number,
        "sequence": number.split("第")[1].strip(" 号").lstrip("0"),
        "facts": OTHER_FACTS[2:8],
        "surname": OTHER_NAME[0],
    }[key]
    assert scene.other in listed(desk, admin, query=query)  # the office finds it …
    assert listed(desk, mediator_actor, query=query) & scene.hidden == set()  # … the mediator does not
    with desk.read() as s:  # nor does the search itself, limited to one hit
        assert queries.search_case_ids(
            s, query, limit=1, vault=desk.vault, scope=queries.case_scope(mediator_actor)
        ) in ([], [scene.mine], [scene.past])


def test_a_mediator_finds_their_own_case_by_phone_id_number_and_name(
    desk: Desk, mediator_actor: Actor, scene: Scene
) -> None:
    for query in (
        scene.mine_party["phone"],
        scene.mine_party["id_number"],
        "孙大伯",
        "孙",
        scene.numbers[scene.mine],
        "周阿婆",
    ):
        assert listed(desk, mediator_actor, query=query) <= scene.visible
        assert listed(desk, mediator_actor, query=query)


@pytest.mark.parametrize("query", ['"', "*", "孙大伯 OR 钱富贵", "NEAR(钱富贵)", "%", "' OR 1=1 --", "　", "1" * 40])
def test_odd_searches_stay_inside_the_scope(desk: Desk, mediator_actor: Actor, scene: Scene, query: str) -> None:
    assert listed(desk, mediator_actor, query=query) <= scene.visible


def test_an_unlinked_mediator_sees_nothing_and_an_unknown_role_is_refused(
    desk: Desk, admin: Actor, scene: Scene
) -> None:
    unlinked = Actor("wangwu", roles.MEDIATOR)  # no roster record: no case is theirs
    assert listed(desk, unlinked) == set() and listed(desk, unlinked, query=OTHER_NAME) == set()
    figures = dashboard_figures(desk, unlinked)
    assert figures.overdue == () and sum(figures.counts.values()) == 0
    before = last_seq(desk)
    stranger = Actor("guest", "guest")
    for call in (
        lambda: queries.list_cases(desk, stranger),
        lambda: dashboard_figures(desk, stranger),
        lambda: followup.due_follow_ups(desk, stranger),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert [d[2] for d in denials(desk, before)] == ["case.view"] * 3
    with pytest.raises(ValidationError) as bad:  # a bad filter is still named, for every role
        queries.list_cases(desk, unlinked, status=["archived"])
    assert bad.value.problems[0].field == "state"


def test_the_dashboard_counts_and_lists_the_mediators_cases_only(
    desk: Desk, admin: Actor, mediator_actor: Actor, scene: Scene
) -> None:
    mine = dashboard_figures(desk, mediator_actor)
    assert [o.case_id for o in mine.overdue] == [scene.mine] and mine.overdue_count == 1
    assert [d.case_id for d in mine.followups_due] == [scene.mine] and mine.followups_due_count == 1
    assert sum(mine.counts.values()) == 2
    visible_numbers = {scene.numbers[c] for c in scene.visible}
    assert mine.recent and {a.number for a in mine.recent} <= visible_numbers
    everyone = dashboard_figures(desk, admin)
    assert {o.case_id for o in everyone.overdue} == {scene.mine, scene.other}
    assert sum(everyone.counts.values()) == 4


def test_follow_up_lists_hold_the_mediators_cases_only(
    desk: Desk, admin: Actor, mediator_actor: Actor, scene: Scene
) -> None:
    assert {v.case_id for v in followup_queries.follow_ups_due(desk, mediator_actor)} == {scene.mine}
    assert followup_queries.follow_ups_done(desk, mediator_actor) == []
    assert {v.case_id for v in followup_queries.follow_ups_done(desk, admin)} == {scene.other}
    assert {f.case_id for f in followup.due_follow_ups(desk, mediator_actor, include_done=True)} == {scene.mine}
    assert {f.case_id for f in followup.due_follow_ups(desk, admin, include_done=True)} == {scene.mine, scene.other}


def test_statistics_are_committee_counts_without_names(desk: Desk, admin: Actor, scene: Scene) -> None:
    report = stats.monthly_report(
        desk, queries.case_detail(desk, admin, scene.mine).summary.accepted_on.strftime("%Y-%m")
    )
    text = repr(report)
    assert OTHER_NAME not in text and "孙大伯" not in text and scene.numbers[scene.other] not in text
    assert queries.count_by_status(desk) and sum(queries.count_by_status(desk).values()) == 4


def test_exports_are_refused_to_a_mediator_and_audited(
    desk: Desk, clerk: Actor, mediator_actor: Actor, scene: Scene, tmp_path: Path
) -> None:
    before = last_seq(desk)
    out = io.StringIO()
    with pytest.raises(PermissionDenied, match=r"^调解员无权导出案件数据$"):
        exchange.export_cases(desk, mediator_actor, "json", out)
    with pytest.raises(PermissionDenied, match=r"^调解员无权导出调解员名册"):
        exchange.export_mediators(desk, mediator_actor, "csv", out)
    (tmp_path / "cases.json").write_text("[]", encoding="utf-8")
    with pytest.raises(PermissionDenied):
        exchange.import_cases(desk, mediator_actor, tmp_path / "cases.json")
    with pytest.raises(PermissionDenied):
        exchange.import_mediators(desk, mediator_actor, tmp_path / "cases.json")
    assert out.getvalue() == ""
    assert denials(desk, before) == [
        (mediator_actor.username, None, action) for action in ("export", "mediator.export", "import", "mediator.manage")
    ]
    assert exchange.export_cases(desk, clerk, "json", out) == 4
    with pytest.raises(ValidationError) as bad:
        exchange.export_cases(desk, clerk, "xlsx", io.StringIO())
    assert bad.value.problems[0].field == "fmt"


# ---- every refusal is on record -------------------------------------------------------------------


def test_a_mediators_edits_of_the_roster_are_refused_and_audited(
    desk: Desk, mediator_actor: Actor, scene: Scene
) -> None:
    before = last_seq(desk)
    own = mediator_actor.mediator_id
    assert own is not None
    for call in (
        lambda: mediators.add_mediator(desk, mediator_actor, {"name": "王五"}),
        lambda: mediators.add_mediator(desk, mediator_actor, {"name": ""}),  # refused before the bad name
        lambda: mediators.update_mediator(desk, mediator_actor, own, {"max_open_cases": 500}),
        lambda: mediators.update_mediator(desk, mediator_actor, "no-such-mediator", {"available": False}),
        lambda: mediators.add_relation(desk, mediator_actor, own, "someone", "表兄弟"),
        lambda: mediator_records.mediator_for_edit(desk, mediator_actor, scene.colleague),
    ):
        with pytest.raises(PermissionDenied, match=r"^调解员无权维护调解员名册$"):
            call()
    assert denials(desk, before) == [(mediator_actor.username, None, "mediator.manage")] * 6
    assert [m.name for m in mediators.list_mediators(desk)] == ["王永年", "谢阿根"]  # nothing changed


def test_administration_refusals_are_audited(
    desk: Desk, admin: Actor, clerk: Actor, mediator_actor: Actor, tmp_path: Path
) -> None:
    before = last_seq(desk)
    refused = [
        (
            clerk,
            "operator.manage",
            lambda: accounts.add_operator(desk, clerk, {"username": "newbie", "role": roles.CLERK}),
        ),
        (clerk, "operator.manage", lambda: credentials.reset_password(desk, clerk, admin.username, "Another-2026!")),
        (clerk, "data.restore", lambda: desk_data.prepare_restore(desk, clerk, tmp_path / "none.sqlite3")),
        (clerk, "data.location", lambda: desk_data.choose_data_folder(desk, clerk, tmp_path)),
        (mediator_actor, "case_targets.manage", lambda: case_targets.set_targets(desk, mediator_actor, overdue_days=5)),
        (mediator_actor, "sync.resolve", lambda: sync_api.list_issues(desk, mediator_actor)),
        (mediator_actor, "sync.resolve", lambda: sync_api.resolve_issue(desk, mediator_actor, "x", "bogus")),
        (mediator_actor, "sync.enroll", lambda: sync_api.enroll(desk, mediator_actor, "https://127.0.0.1:9", "ABCD")),
        (mediator_actor, "sync.district_view", lambda: sync_api.list_district_cases(desk, mediator_actor)),
        (mediator_actor, "sync.take_over", lambda: sync_api.take_over_case(desk, mediator_actor, "x")),
    ]
    for _who, _action, call in refused:
        with pytest.raises(PermissionDenied):
            call()
    assert denials(desk, before) == [(who.username, None, action) for who, action, _ in refused]
    assert desk_data.backup_now(desk, mediator_actor).size > 0  # a backup is anyone's to make
    assert case_targets.get_targets(desk) == case_targets.CaseTargets()


def test_an_unknown_mediator_record_is_named_and_nothing_is_saved(desk: Desk, admin: Actor) -> None:
    form = {
        "username": "wangwu",
        "display_name": "王五",
        "role": roles.MEDIATOR,
        "password": "Xietang-2026!",
        "mediator_id": "no-such-record",
    }
    with pytest.raises(ValidationError) as refused:
        accounts.add_operator(desk, admin, form)
    assert [(p.field, p.rule) for p in refused.value.problems] == [("mediator_id", "mediator_unknown")]
    with desk.read() as s:
        assert s.query(Operator).filter_by(username="wangwu").count() == 0
    assert accounts.add_operator(desk, admin, {**form, "mediator_id": None}).role == roles.MEDIATOR


def test_the_command_lines_default_operator_is_the_director(desk: Desk, admin: Actor, clerk: Actor) -> None:
    assert accounts.actor_for(desk, None).username == admin.username
    assert accounts.actor_for(desk, clerk.username).role == roles.CLERK
    assert SYSTEM.role == roles.SYSTEM
