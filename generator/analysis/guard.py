"""Per-document error handling for the analysis components.

A bug in one layer must cost one article one section, not the batch or the article: the
component catches the failure, leaves its span groups empty and records it in
``Doc._.layer_errors``, and the briefing shows the affected sections as failed with the reason.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from ..failures import one_line, raise_site, trace

if not Doc.has_extension("layer_errors"):
    Doc.set_extension("layer_errors", default=None)


class LayerError:
    """One component's failure on one document: which layer, why, and where it was raised."""

    def __init__(self, layer: str, error: BaseException) -> None:
        self.layer = layer
        self.reason = one_line(error)
        self.site = raise_site(error)
        self.detail = trace(error)


def layer_errors(doc: Doc) -> list[LayerError]:
    return list(doc._.layer_errors or [])


def guarded_layer(name: str, annotate: Callable[[Doc], dict[str, list[Span]]]) -> Callable[[Doc], Doc]:
    """A component writing the span groups ``annotate`` returns; a failure empties them instead."""

    def component(doc: Doc) -> Doc:
        try:
            groups = annotate(doc)
        except Exception as error:  # noqa: BLE001 - one document's bug must not stop the pipeline
            doc._.layer_errors = [*layer_errors(doc), LayerError(name, error)]
            return doc
        for key, spans in groups.items():
            doc.spans[key] = spans
        return doc

    return component
