"""``safedesk-server admin``: division tree, units, users, and the all-or-nothing CSV import."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from sync.jurisdictions import default_table
from sync.records import RecordType
from sync.server import admin
from sync.server.__main__ import build_parser
from sync.server.accounts import make_password_hasher
from sync.server.db import Record
from sync.server.demo import seed_demo
from sync.server.registry import Division
from tests.server.conftest import FAST_PASSWORDS
from tests.server.counts import report
from tests.server.helpers import LESHAN

CHINESE_HEADER = [
    "设备代码",
    "使用登记证编号",
    "设备品种代码",
    "设备名称",
    "使用地点",
    "下次检验日期",
]
ENGLISH_HEADER = [
    "equipment_code",
    "registration_no",
    "kind_code",
    "name",
    "location",
    "next_inspection_date",
]
DEMO_GONDOLA_CODE = "912051023201500001"
BAD_CSV_EXAMPLES = 60


def run_admin(settings, *arguments: str, stdin: str = "") -> tuple[int, str, str]:
    """``safedesk-server admin ARGUMENTS`` on the test database: (exit code, stdout, stderr)."""
    args = build_parser().parse_args(["admin", *arguments])
    out, err = io.StringIO(), io.StringIO()
    code = admin.run(args, settings, stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def equipment_count(database) -> int:
    with database.reading() as session:
        return session.scalar(
            select(func.count())
            .select_from(Record)
            .where(Record.record_type == RecordType.EQUIPMENT.value)
        )


def write_csv(path: Path, header: list[str], rows: list[list[str]], *, bom: bool) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(("\ufeff" if bom else "").encode() + buffer.getvalue().encode("utf-8"))


def good_row(index: int, kind: str = "9120", day: str = "2025-03-01") -> list[str]:
    # Manufacturer part Z9999 never occurs in the demo catalogue.
    code = f"{kind}Z99992024{index:05d}"
    return [code, f"索12川L{80000 + index}(24)", kind, f"吊厢, {index}号", "上站", day]


def test_load_jurisdictions_loads_the_tree_once(settings, database) -> None:
    table = default_table()
    expected = (
        1 + len(table.cities()) + sum(len(table.counties_of(city.code)) for city in table.cities())
    )

    first = run_admin(settings, "load-jurisdictions")
    again = run_admin(settings, "load-jurisdictions")

    assert first == (0, f"divisions: {expected} added, 0 updated\n", "")
    assert again == (0, "divisions: 0 added, 0 updated\n", "")
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(Division)) == expected
        assert session.get(Division, "511100").name == "乐山市"
    assert len(table.cities()) == 21


def test_create_unit_takes_only_a_county_of_the_loaded_tree(settings, database) -> None:
    before_tree = run_admin(settings, "create-unit", "某索道公司", "--county", "511181")
    run_admin(settings, "load-jurisdictions")
    city = run_admin(settings, "create-unit", "某索道公司", "--county", "511100")
    unknown = run_admin(settings, "create-unit", "某索道公司", "--county", "519999")
    bad_credit = run_admin(
        settings, "create-unit", "某索道公司", "--county", "511181", "--credit-code", "123"
    )
    created = run_admin(settings, "create-unit", "某索道公司", "--county", "511181")

    assert before_tree[0] == 1 and "load-jurisdictions" in before_tree[2]
    assert city[0] == 1 and "county" in city[2]
    assert unknown[0] == 1 and "519999" in unknown[2]
    assert bad_credit[0] == 1
    assert created[0] == 0
    unit_id = created[1].strip()
    with database.reading() as session:
        units = session.scalars(
            select(Record).where(Record.record_type == RecordType.UNIT.value)
        ).all()
    assert [(unit.id, unit.unit_id, unit.fields["county_code"]) for unit in units] == [
        (unit_id, unit_id, "511181")
    ]
    assert units[0].change_seq is not None


def test_created_users_sign_in_and_see_their_unit(server) -> None:
    settings = server.app.state.settings
    run_admin(settings, "load-jurisdictions")
    unit_id = run_admin(settings, "create-unit", "金顶索道公司", "--county", "511181")[1].strip()

    officer = run_admin(
        settings,
        "create-user",
        "jinding-officer",
        "--role",
        "安全员",
        "--unit",
        unit_id,
        stdin="a-long-password\n",
    )
    supervisor = run_admin(
        settings,
        "create-user",
        "emei-supervisor",
        "--role",
        "supervisor",
        "--jurisdiction",
        "511181",
        stdin="another-password\n",
    )
    no_unit = run_admin(
        settings,
        "create-user",
        "nobody",
        "--role",
        "officer",
        "--unit",
        "not-a-unit",
        stdin="a-long-password\n",
    )

    assert officer == (0, "user jinding-officer (officer) created\n", "")
    assert supervisor[0] == 0
    assert no_unit[0] == 1
    signed_in = server.sign_in("jinding-officer", "a-long-password")
    assert signed_in.user["role"] == "officer" and signed_in.user["unit_id"] == unit_id
    changes, _, _ = signed_in.pull_all()
    assert [(c["record_type"], c["record_id"]) for c in changes] == [("unit", unit_id)]
    watcher = server.sign_in("emei-supervisor", "another-password")
    assert {c["unit_id"] for c in watcher.pull_all()[0]} == {unit_id, LESHAN}


def test_a_password_is_never_an_argument() -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(
            ["admin", "create-user", "x", "--role", "officer", "--password", "secret"]
        )


def test_a_good_csv_imports_and_the_units_officer_pulls_the_equipment(server, tmp_path) -> None:
    officer = server.sign_in("demo-officer")
    _, cursor, _ = officer.pull_all()
    rows = [good_row(1), good_row(2, kind="6100", day="2025-12-31"), good_row(3, kind="3110")]
    rows[1][1] = ""
    path = tmp_path / "equipment.csv"
    write_csv(path, CHINESE_HEADER, rows, bom=True)

    outcome = run_admin(server.app.state.settings, "import-equipment", "--unit", LESHAN, str(path))

    assert outcome == (0, f"imported 3 equipment into unit {LESHAN}\n", "")
    changes, _, _ = officer.pull_all(cursor)
    assert [c["record_type"] for c in changes] == ["equipment"] * 3
    pulled = {c["fields"]["equipment_code"]: c["fields"] for c in changes}
    assert pulled[rows[1][0]] == {
        "unit_id": LESHAN,
        "equipment_code": rows[1][0],
        "registration_no": "",
        "kind_code": "6100",
        "name": "吊厢, 2号",
        "location": "上站",
        "status": "in_use",
        "next_inspection_date": "2025-12-31",
        "responsible_person_id": None,
    }
    assert all(c["version"] == 1 and c["unit_id"] == LESHAN for c in changes)
    stranger = server.sign_in("demo-officer-2")
    assert not {c["record_id"] for c in stranger.pull_all()[0]} & {c["record_id"] for c in changes}


DEFECTS = {
    "short code": lambda row, rows: row.__setitem__(0, row[0][:17]),
    "lower-case code": lambda row, rows: row.__setitem__(0, row[0].lower()),
    "unknown kind": lambda row, rows: row.__setitem__(2, "9999"),
    "not an ISO date": lambda row, rows: row.__setitem__(5, "2025/03/01"),
    "impossible date": lambda row, rows: row.__setitem__(5, "2025-02-30"),
    "empty name": lambda row, rows: row.__setitem__(3, " "),
    "code repeated in the file": lambda row, rows: row.__setitem__(0, rows[0][0]),
    "registration repeated": lambda row, rows: row.__setitem__(1, rows[0][1]),
    "code already registered": lambda row, rows: row.__setitem__(0, DEMO_GONDOLA_CODE),
    "a cell missing": lambda row, rows: row.pop(),
}
WORDS = {
    "short code": "18",
    "lower-case code": "18",
    "unknown kind": "9999",
    "not an ISO date": "YYYY-MM-DD",
    "impossible date": "YYYY-MM-DD",
    "empty name": "name",
    "code repeated in the file": "repeats line 2",
    "registration repeated": "repeats line 2",
    "code already registered": "already registered",
    "a cell missing": "columns",
}


def test_a_csv_with_one_bad_row_imports_nothing_and_names_the_row(
    settings, database, tmp_path, request
) -> None:
    seed_demo(database, make_password_hasher(FAST_PASSWORDS))
    before = equipment_count(database)
    path = tmp_path / "bad.csv"
    cases = 0

    @hypothesis_settings(max_examples=BAD_CSV_EXAMPLES, deadline=None)
    @given(
        count=st.integers(2, 8),
        bad=st.data(),
        defect=st.sampled_from(sorted(DEFECTS)),
        english=st.booleans(),
        bom=st.booleans(),
    )
    def check(count, bad, defect, english, bom) -> None:
        nonlocal cases
        cases += 1
        rows = [good_row(index) for index in range(1, count + 1)]
        bad_index = bad.draw(st.integers(1, count - 1), label="bad row index")
        DEFECTS[defect](rows[bad_index], rows)
        write_csv(path, ENGLISH_HEADER if english else CHINESE_HEADER, rows, bom=bom)

        code, out, err = run_admin(settings, "import-equipment", "--unit", LESHAN, str(path))

        line = bad_index + 2
        assert (code, out) == (1, "")
        assert f"第 {line} 行" in err and f"line {line}: " in err
        assert WORDS[defect] in err
        assert len(re.findall(r"^line \d+: ", err, re.MULTILINE)) == 1
        assert equipment_count(database) == before

    check()
    report(request, f"[csv import] {cases} generated files with one bad row: none imported")
    assert cases >= BAD_CSV_EXAMPLES // 2
