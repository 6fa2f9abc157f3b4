"""A desk database at design scale (design.md §5): 100,000 cases, 500,000 session notes.

Loaded in bulk (Core executemany) rather than through the services, which would take an
hour; the rows have the same shape the services write, and the search index is filled by the
same triggers. The measured operations then go through the real services."""

from __future__ import annotations

import datetime as dt
import random
import time
import uuid
from pathlib import Path

from sqlalchemy import insert

from mediation_desk.administration.accounts import add_operator, authenticate, setup_committee
from mediation_desk.core.uow import SYSTEM
from mediation_desk.desk import Desk
from mediation_desk.mediation import search_index, states
from mediation_desk.mediation.dispute_types import DISPUTE_TYPES
from mediation_desk.mediation.intake import build_search_text
from mediation_desk.mediation.models_case import CaseNumberCounter, CaseParty, MediationCase, SessionRecord
from mediation_desk.mediation.numbering import format_case_number
from mediation_desk.paths import AppPaths
from mediation_desk.people.models import Person
from mediation_desk.privacy.vault import place
from mediation_desk.validation import resident_id_check_char

BENCH_PASSWORD = "bench-password"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "永年国林绍根才良建华秀英桂芳明强海燕志刚丽娟小红金凤德胜春生玉兰伟民文杰晓东雪梅俊峰淑珍"
PLACES = ["谢家塘村", "谢桥村", "东山村", "联民村", "湖田村", "新建村", "南丰社区", "百官街道"]
FACTS = [
    "两家因宅基地边界的围墙归属发生争执，一方拆除了部分围墙",
    "儿子长期不支付父母赡养费，老人要求按月给付生活费",
    "包工头拖欠十二名农民工工资共计八万余元，工人多次讨要未果",
    "楼上住户夜间噪音影响楼下老人休息，双方多次口角",
    "电动车与三轮车相撞致一人轻伤，双方就医疗费赔偿产生分歧",
    "业主以漏水未修为由拒交物业费，物业公司要求补缴",
    "网购的冰箱到货后损坏，商家拒绝退货退款",
    "承包山林的界址不清，两户村民因砍伐竹子发生冲突",
    "企业排放污水导致鱼塘鱼苗死亡，养殖户要求赔偿损失",
    "房屋买卖合同约定的过户期限已过，卖方迟迟不配合办理",
]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def build(root: Path, cases: int = 100_000, notes: int = 500_000, seed: int = 7) -> tuple[Desk, dict[str, float]]:
    """Create (or reuse) a desk under `root` at the given scale; returns it and load timings."""
    paths = AppPaths.resolve(root)
    marker = root / f".built-{cases}-{notes}-v3"
    desk = Desk.open(paths)
    if marker.exists():
        authenticate(desk, "admin", BENCH_PASSWORD)  # unlocks the data key
        return desk, {}
    rng = random.Random(seed)
    started = time.perf_counter()
    committee = setup_committee(desk, {"name": "谢家塘村人民调解委员会", "code": "BENCH-01", "town": "谢塘镇"})
    add_operator(
        desk, SYSTEM, {"username": "admin", "display_name": "戴才良", "role": "admin", "password": BENCH_PASSWORD}
    )
    vault = desk.require_vault()
    now = dt.datetime.now(dt.UTC)
    types = [t.code for t in DISPUTE_TYPES]
    case_rows, party_rows, person_rows, note_rows = [], [], [], []
    per_year: dict[int, int] = {}
    case_ids = []
    phones: list[str] = []  # a sample in clear, for the search benchmark (not in the database)
    for i in range(cases):
        accepted = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365 + 300))
        seq = per_year[accepted.year] = per_year.get(accepted.year, 0) + 1
        number = format_case_number(accepted.year, committee.case_word, 1, seq)
        names = []
        cid = str(uuid.uuid4())
        for pos in range(2):
            pid = str(uuid.uuid4())
            name = _name(rng)
            names.append(name)
            k = i * 2 + pos  # unique (birth date, sequence) per person
            born = dt.date(1940, 1, 1) + dt.timedelta(days=(k // 900) * 37 % 21900)
            first17 = f"330604{born:%Y%m%d}{k % 900 + 100:03d}"
            id_number = first17 + resident_id_check_char(first17)
            phone = f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"
            person_rows.append(
                {
                    "id": pid,
                    "committee_id": committee.id,
                    "kind": "natural",
                    "name": name,
                    "gender": "male" if int(first17[16]) % 2 else "female",
                    "id_type": "resident_id",
                    # Sealed exactly as people.seal_secrets does it, so lookups go through the index.
                    "id_number_enc": vault.seal_text(id_number, place("person", "id_number", pid)),
                    "id_number_idx": vault.index(id_number),
                    "phone_enc": vault.seal_text(phone, place("person", "phone", pid)),
                    "phone_idx": vault.index(phone),
                    "address_enc": vault.seal_text(rng.choice(PLACES), place("person", "address", pid)),
                    "created_at": now,
                    "updated_hlc": "0",
                }
            )
            if len(phones) < 1000:
                phones.append(phone)
            party_rows.append(
                {
                    "id": str(uuid.uuid4()),
                    "case_id": cid,
                    "person_id": pid,
                    "role": "applicant" if pos == 0 else "respondent",
                    "position": pos,
                }
            )
        facts = rng.choice(FACTS) + f"（{rng.choice(PLACES)}）"
        case_rows.append(
            {
                "id": cid,
                "committee_id": committee.id,
                "number": number,
                "year": accepted.year,
                "seat": 1,
                "seq": seq,
                "source": rng.choice(("application", "initiative", "referral")),
                "found_in_screening": False,
                "dispute_type": rng.choice(types),
                "brief_facts": facts,
                "persons_involved": 2,
                "risk_flags": [],
                "prevented": [],
                "area": rng.choice(PLACES),
                "private_mediation": True,
                "accepted_on": accepted,
                "status": rng.choice(states.STATES),
                "status_changed_at": now,
                "routes_told": [],
                "search_text": build_search_text(number, names, facts, None, None),
                "created_by": "admin",
                "created_at": now,
                "updated_at": now,
                "updated_hlc": "0",
            }
        )
        case_ids.append(cid)
    for j in range(notes):
        cid = case_ids[j % cases]
        note_rows.append(
            {
                "id": str(uuid.uuid4()),
                "case_id": cid,
                "record_key": str(uuid.uuid4()),
                "version": 1,
                "held_at": now,
                "place": "村调解室",
                "mediator_ids": [],
                "participants": [],
                "helpers": [],
                "recorder": "记录员",
                "rights_notified": True,
                "statements": [],
                "result": "双方各自陈述意见，约定下次继续调解",
                "outcome": "continue",
                "created_at": now,
                "created_by": "admin",
            }
        )
    with desk.db.writer.begin() as s:
        for model, rows in (
            (Person, person_rows),
            (MediationCase, case_rows),
            (CaseParty, party_rows),
            (SessionRecord, note_rows),
        ):
            for k in range(0, len(rows), 20_000):
                s.execute(insert(model), rows[k : k + 20_000])
        for k in range(0, len(case_rows), 20_000):
            search_index.index_many(s, [(r["id"], r["search_text"]) for r in case_rows[k : k + 20_000]])
        for year, last in per_year.items():
            s.add(CaseNumberCounter(committee_id=committee.id, year=year, seat=1, last_seq=last))
    with desk.db.write_engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    (root / "sample-phones.txt").write_text("\n".join(phones))
    marker.touch()
    return desk, {"load_s": time.perf_counter() - started}
