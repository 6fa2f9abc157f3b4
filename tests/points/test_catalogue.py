"""The catalogue as a desk holds it: the built-in version 1 stored on first use (never by a read),
later versions from the district, the highest in force, and each declaration naming the version
it was made with."""

from __future__ import annotations

import dataclasses

import pytest
from service_helpers import audit_actions, count

from mediation_desk.core.uow import SYSTEM
from mediation_desk.errors import ValidationError
from mediation_desk.points import catalogue, declarations, rules
from mediation_desk.points.models import CatalogueVersion


def version_2() -> rules.Catalogue:
    """The district raised the patrol to 3 coins and dropped the talk."""
    items = tuple(
        dataclasses.replace(i, coins=3) if i.code == "patrol" else i
        for i in rules.DEFAULT_CATALOGUE.items
        if i.code != "safety_talk"
    )
    return rules.Catalogue(2, items)


def test_a_read_answers_with_the_built_in_catalogue_without_storing_it(points_env) -> None:
    desk = points_env.desk
    with desk.read() as s:
        assert catalogue.current_catalogue(s) == rules.DEFAULT_CATALOGUE
        assert catalogue.catalogue_version(s, 1) == rules.DEFAULT_CATALOGUE
        assert catalogue.catalogue_version(s, 2) is None
    assert catalogue.catalogue_view(desk, points_env.mediator) == rules.DEFAULT_CATALOGUE
    assert count(desk, CatalogueVersion) == 0


def test_the_first_write_stores_version_1_once(points_env) -> None:
    desk = points_env.desk
    with desk.write(SYSTEM) as uow:
        assert catalogue.current_catalogue(uow) == rules.DEFAULT_CATALOGUE
        assert catalogue.current_catalogue(uow) == rules.DEFAULT_CATALOGUE
        assert not catalogue.store_catalogue(uow, rules.DEFAULT_CATALOGUE, catalogue.BUILTIN)
    with desk.read() as s:
        [row] = s.query(CatalogueVersion).all()
        assert (row.version, row.source) == (1, catalogue.BUILTIN)
        assert rules.catalogue_from_wire(row.body) == rules.DEFAULT_CATALOGUE
    assert audit_actions(desk, "1") == ["points.catalogue"]


def test_a_later_version_is_used_and_recorded_by_declarations(points_env) -> None:
    desk = points_env.desk
    before = declarations.declare(
        desk,
        points_env.clerk,
        resident_id=points_env.residents[0].id,
        item_code="patrol",
        activity_date=points_env.today,
    )
    assert (before.catalogue_version, before.coins) == (1, 2)
    with desk.write(SYSTEM) as uow:
        assert catalogue.store_catalogue(uow, version_2(), catalogue.DISTRICT)
        assert not catalogue.store_catalogue(uow, version_2(), catalogue.DISTRICT)  # held already
    assert catalogue.catalogue_view(desk, points_env.clerk) == version_2()
    after = declarations.declare(
        desk,
        points_env.clerk,
        resident_id=points_env.residents[1].id,
        item_code="patrol",
        activity_date=points_env.today,
    )
    assert (after.catalogue_version, after.coins) == (2, 3)
    # The earlier declaration keeps the values it was made with.
    assert declarations.get_declaration(desk, points_env.clerk, before.id).coins == 2
    with desk.read() as s:
        assert catalogue.catalogue_version(s, 1) == rules.DEFAULT_CATALOGUE
        assert catalogue.catalogue_version(s, 2) == version_2()


def test_an_item_dropped_by_the_current_version_is_refused(points_env) -> None:
    with points_env.desk.write(SYSTEM) as uow:
        catalogue.store_catalogue(uow, version_2(), catalogue.DISTRICT)
    with pytest.raises(ValidationError) as e:
        declarations.declare(
            points_env.desk,
            points_env.clerk,
            resident_id=points_env.residents[0].id,
            item_code="safety_talk",
            activity_date=points_env.today,
        )
    assert [(p.field, p.rule) for p in e.value.problems] == [("item_code", "item_unknown")]
    assert "第 2 版" in e.value.problems[0].message


def test_an_unknown_source_is_a_programming_error(points_env) -> None:
    with pytest.raises(ValueError, match="source"), points_env.desk.write(SYSTEM) as uow:
        catalogue.store_catalogue(uow, version_2(), "somewhere")
    assert count(points_env.desk, CatalogueVersion) == 0
