"""Specs: what registration hooks return is checked when it is made."""

from __future__ import annotations

import pytest

from antt_domain import load_example
from antt_domain.model import Code
from antt_domain.plugins import CodelistExtension, ReportFormatSpec, ReportRequest
from helpers.plugins import exporter


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "Tsv"),
        ("name", "with space"),
        ("name", ""),
        ("media_type", "tsv"),
        ("extension", ".tsv"),
        ("title", "  "),
        ("export", "not callable"),
        ("binary", "no"),
        ("options", {"Bad Name": "x"}),
    ],
)
def test_an_exporter_spec_refuses_malformed_fields(field: str, value: object) -> None:
    """Names are lower-case words, media types type/subtype, extensions without the dot."""
    with pytest.raises((ValueError, TypeError)):
        exporter("tsv", **{field: value})


def test_an_exporter_spec_is_frozen_and_leaves_its_plugin_to_the_manager() -> None:
    """A spec cannot be changed after it is made; ``plugin`` is empty until registered."""
    spec = exporter("tsv", extension="tar.gz", options={"bom": "add a BOM"})
    assert spec.plugin == ""
    assert dict(spec.options) == {"bom": "add a BOM"}
    with pytest.raises(AttributeError):
        spec.name = "other"  # type: ignore[misc]


def test_a_report_format_spec_holds_its_renderer() -> None:
    """A report format is a spec like an exporter's, with ``render``."""
    spec = ReportFormatSpec(
        name="summary",
        title="Summary",
        media_type="text/plain",
        extension="txt",
        binary=False,
        render=lambda request: request.lang,
    )
    assert spec.render(ReportRequest(dataset=load_example())) == "vi"


def test_a_report_request_has_documented_defaults_and_checks_its_values() -> None:
    """Vietnamese by default, no year, no area, no breakdown; a bad language or year fails."""
    request = ReportRequest(dataset=load_example(), by=["kind", "organiser"])
    assert (
        request.lang,
        request.period,
        request.area,
        request.by,
    ) == ("vi", None, None, ("kind", "organiser"))
    with pytest.raises(ValueError, match="lang"):
        ReportRequest(dataset=load_example(), lang="fr")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="year"):
        ReportRequest(dataset=load_example(), period=21)


def test_a_codelist_extension_holds_codes_only() -> None:
    """Its codes are ``Code`` values."""
    code = Code(code="drone_patrol", vi="Tuần tra bằng thiết bị bay", en="Drone patrol")
    assert (code,) == CodelistExtension(codelist="activity_kinds", codes=[code]).codes
    with pytest.raises(TypeError):
        CodelistExtension(codelist="activity_kinds", codes=["drone_patrol"])  # type: ignore[list-item]


def test_a_namespaced_extension_takes_codes_of_its_namespace_only() -> None:
    """With ``namespace`` the codes are ``namespace:code`` and extend 2.0; without it they
    are bare and extend 1.0; any mix is refused when the extension is made."""
    flights = Code(code="org.drones:flights", vi="Lượt bay", en="Flights")
    extension = CodelistExtension(codelist="figure_kinds", namespace="org.drones", codes=[flights])
    assert (extension.codes, extension.schema_version) == ((flights,), "2")
    bare = Code(code="flights", vi="Lượt bay", en="Flights")
    assert CodelistExtension(codelist="activity_kinds", codes=[bare]).schema_version == "1"
    with pytest.raises(ValueError, match=r"not in the namespace 'org\.drones'"):
        CodelistExtension(codelist="figure_kinds", namespace="org.drones", codes=[bare])
    other = Code(code="org.other:flights", vi="Lượt bay", en="Flights")
    with pytest.raises(ValueError, match=r"not in the namespace 'org\.drones'"):
        CodelistExtension(codelist="figure_kinds", namespace="org.drones", codes=[other])
    with pytest.raises(ValueError, match="declares no namespace"):
        CodelistExtension(codelist="figure_kinds", codes=[flights])
    with pytest.raises(ValueError, match="namespace"):
        CodelistExtension(codelist="figure_kinds", namespace="Org:x", codes=[])
