"""The demo desk's people: villagers (some reused across cases: villages are small), the special
names (rare characters, a minority name) and legal persons with valid unified social credit codes."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from mediation_desk.mediation import demo_data as D
from mediation_desk.validation import USCC_CHARSET, resident_id_check_char, uscc_check_char


def demo_mobile(rng: random.Random) -> str:
    return rng.choice(D.MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


class DemoPeople:
    """Parties: villagers (some reused across cases: villages are small), the special names,
    and the legal persons with valid unified social credit codes."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used_ids: set[str] = set()
        self.pool: list[tuple[bool, bool, dict[str, Any]]] = []  # (elder, male, party)
        self.specials = [(p["male"], self.natural(**p)) for p in D.SPECIAL_PEOPLE]
        self.legal = {k: self._legal(v) for k, v in D.LEGAL_PERSONS.items()}
        self.legal_ids: dict[str, str] = {}  # once registered, picked by id: not all have a code

    def _resident_id(self, region: str, birth: dt.date, male: bool) -> str:
        while True:  # the 17th digit is odd for men
            first17 = f"{region}{birth:%Y%m%d}{self.rng.randrange(500) * 2 + male:03d}"
            number = first17 + resident_id_check_char(first17)
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    def natural(
        self,
        *,
        name: str | None = None,
        male: bool | None = None,
        elder: bool = False,
        ethnicity: str = "汉族",
        occupation: str | None = None,
        region: str | None = None,
    ) -> dict[str, Any]:
        rng = self.rng
        male = rng.random() < 0.6 if male is None else male
        name = name or rng.choice(D.SURNAMES) + rng.choice(D.MALE_GIVEN if male else D.FEMALE_GIVEN)
        birth = dt.date(
            rng.randint(1936, 1950) if elder else rng.randint(1958, 2001), rng.randint(1, 12), rng.randint(1, 28)
        )
        region = region or (D.OLD_REGION if elder and rng.random() < 0.5 else D.REGION)
        landline = elder and rng.random() < 0.6  # many elders have only the house phone
        return {
            "kind": "natural",
            "name": name,
            "gender": "male" if male else "female",
            "ethnicity": ethnicity,
            "id_type": "resident_id",
            "id_number": self._resident_id(region, birth, male),
            "occupation": occupation or ("退休" if elder else rng.choice(D.OCCUPATIONS)),
            "phone": f"0575-82{rng.randrange(10**6):06d}" if landline else demo_mobile(rng),
            "address": f"上虞区{D.TOWN}{rng.choice(D.VILLAGES)}{rng.randint(1, 12)}组{rng.randint(1, 80)}号",
        }

    def _legal(self, spec: dict[str, Any]) -> dict[str, Any]:
        uscc = None
        if spec["uscc_prefix"]:
            first17 = spec["uscc_prefix"] + "".join(self.rng.choice(USCC_CHARSET) for _ in range(9))
            uscc = first17 + uscc_check_char(first17)
        return {
            "kind": "legal",
            "name": spec["name"],
            "uscc": uscc,
            "representative": spec["representative"],
            "representative_title": spec["representative_title"],
            "address": spec["address"],
            "phone": f"0575-82{self.rng.randrange(10**6):06d}",
        }

    def pick(self, kind: str, male: bool | None, avoid: str | None) -> dict[str, Any]:
        if kind in self.legal_ids:
            return {"person_id": self.legal_ids[kind], "name": self.legal[kind]["name"]}
        if kind in self.legal:
            return dict(self.legal[kind])
        elder = kind == "elder"
        for i, (sp_male, party) in enumerate(self.specials):
            if not elder and male in (None, sp_male):
                return self.specials.pop(i)[1]
        reusable = [p for e, m, p in self.pool if e == elder and male in (None, m) and p["name"] != avoid]
        if reusable and self.rng.random() < 0.15:
            return dict(self.rng.choice(reusable))
        party = self.natural(male=male, elder=elder)
        while party["name"] == avoid:
            party["name"] = self.rng.choice(D.SURNAMES) + party["name"][1:]
        self.pool.append((elder, party["gender"] == "male", party))
        return dict(party)
