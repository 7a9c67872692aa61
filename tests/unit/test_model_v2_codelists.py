"""``antt_domain.model.v2.Codelists``: a label and an origin for any code a 2.0 dataset uses
(built-in, plugin, the dataset's vocabulary; an undeclared code is labelled by itself)."""

from __future__ import annotations

import pytest

from antt_domain.model import Code
from antt_domain.model.v2 import Codelists, Vocabulary, VocabularyCode
from antt_domain.schemas import codelists

VOCABULARY = Vocabulary(
    namespace="daknong",
    codes=(
        VocabularyCode(
            codelist="model_types", code="daknong:coffee_watch", vi="Bảo vệ cà phê", en="Coffee"
        ),
        VocabularyCode(codelist="qualifiers", code="daknong:night", vi="Ban đêm"),
    ),
)


@pytest.fixture
def lists() -> Codelists:
    bundled = dict(codelists("2"))
    bundled["qualifiers"] = bundled["qualifiers"].extended(
        (Code(code="rainy_season", vi="Mùa mưa", en="Rainy season"),), by="demo"
    )
    return Codelists(lists=bundled, vocabulary=VOCABULARY)


def test_a_built_in_code_is_labelled_by_its_list(lists: Codelists) -> None:
    assert lists.label("tip", "vi", codelist="units") == codelists("2")["units"].label("tip", "vi")
    assert lists.label("tip", "en") == codelists("2")["units"].label("tip", "en")
    assert lists.origin("tip", codelist="units") == "builtin"
    assert ("units", "tip") in lists


def test_a_plugin_code_names_its_plugin(lists: Codelists) -> None:
    assert lists.label("rainy_season", "vi") == "Mùa mưa"
    assert lists.origin("rainy_season") == "plugin:demo"


def test_a_dataset_code_is_labelled_as_the_dataset_says(lists: Codelists) -> None:
    assert lists.label("daknong:coffee_watch", "en") == "Coffee"
    assert lists.label("daknong:coffee_watch", "vi", codelist="model_types") == "Bảo vệ cà phê"
    assert lists.label("daknong:night", "en") == "Ban đêm"  # no English label: the Vietnamese
    assert lists.origin("daknong:night", codelist="qualifiers") == "dataset"


def test_an_undeclared_code_is_labelled_by_itself(lists: Codelists) -> None:
    assert lists.label("daknong:tea", "vi") == "daknong:tea"
    assert lists.origin("daknong:tea") is None
    assert ("qualifiers", "daknong:tea") not in lists
    # declared, but in another codelist
    assert lists.label("daknong:coffee_watch", "en", codelist="topics") == "daknong:coffee_watch"
    assert ("topics", "daknong:coffee_watch") not in lists


def test_without_a_vocabulary() -> None:
    plain = Codelists(lists=codelists("2"))
    assert plain.label("daknong:coffee_watch") == "daknong:coffee_watch"
    assert plain.origin("tip") == "builtin"
    assert "tip" not in plain  # membership asks for a (codelist, code) pair


def test_dimension_and_class_come_from_the_dataset_the_lists_or_nowhere() -> None:
    """A unit's dimension and a kind's class: the dataset's declaration first, then the
    lists (a plugin's code carries them in ``extra``); unknown when nobody says."""
    from antt_domain.model.v2 import FigureClass, UnitDimension  # noqa: PLC0415

    bundled = dict(codelists("2"))
    bundled["units"] = bundled["units"].extended(
        (
            Code(code="org.x:bao", vi="bao", en="sack", extra={"dimension": "count"}),
            Code(code="org.x:odd", vi="lạ", en="odd", extra={"dimension": "bogus"}),
        ),
        by="demo",
    )
    bundled["figure_kinds"] = bundled["figure_kinds"].extended(
        (Code(code="org.x:boats", vi="thuyền", en="boats", extra={"class": "capacity"}),),
        by="demo",
    )
    declared = Vocabulary(
        namespace="dn",
        codes=(
            VocabularyCode(codelist="units", code="dn:tan", vi="tấn", dimension=UnitDimension.MASS),
            VocabularyCode(
                codelist="figure_kinds", code="dn:thefts", vi="vụ", figure_class=FigureClass.OUTCOME
            ),
        ),
    )
    lists = Codelists(lists=bundled, vocabulary=declared)
    assert lists.dimension("person") == UnitDimension(
        codelists("2")["units"].get("person").extra["dimension"]  # type: ignore[union-attr]
    )
    assert lists.dimension("org.x:bao") == UnitDimension.COUNT
    assert lists.dimension("dn:tan") == UnitDimension.MASS
    assert lists.dimension("org.x:odd") == UnitDimension.UNKNOWN
    assert lists.dimension("nobody:unit") == UnitDimension.UNKNOWN
    assert lists.figure_class("dn:thefts") == FigureClass.OUTCOME
    assert lists.is_stock("org.x:boats")
    assert not lists.is_stock("dn:thefts")
    assert lists.figure_class("nobody:kind") is None
