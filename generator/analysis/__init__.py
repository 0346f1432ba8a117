"""The analysis layer: what several extractors need to know, computed once per article.

Each layer is a spaCy component registered as a factory (configuration in ``default_config``,
results in ``doc.spans`` and extensions, failures kept per document by :mod:`.guard`):

- ``person_names`` keeps one label per personal name across the article (:mod:`.names`);
- ``quotations`` writes ``doc.spans["quotation"]``, ``doc.spans["quoted_term"]`` and
  ``Token._.in_quotation`` (:mod:`.quotations`);
- ``attribution_cues`` writes ``doc.spans["cue"]``: each reporting verb outside quotations with
  the source it attributes to (:mod:`.cues`);
- ``actor_mentions`` writes ``doc.spans["mention"]`` and ``Doc._.actors``: every naming of an
  actor, one actor per real-world actor (:mod:`.actors`);
- ``referents`` writes ``doc.spans["referent"]``: who each third-person pronoun outside
  quotations stands for (:mod:`.referents`).

Extractors read these layers and never re-derive them.
"""

from __future__ import annotations

from spacy.language import Language

from . import actors, cues, names, quotations, referents  # noqa: F401 - importing registers the factories
from .guard import LayerError, layer_errors

# The components in pipeline order, and the briefing sections each one's failure empties.
LAYERS: dict[str, tuple[str, ...]] = {
    "person_names": (),  # on failure the tagger's own labels stand: nothing is lost
    "quotations": ("actors", "quotes", "key facts", "open questions", "timeline", "figures"),
    "attribution_cues": ("quotes",),
    "actor_mentions": ("actors",),
    "referents": (),  # on failure each extractor resolves its pronouns itself, as before
}

__all__ = ["LAYERS", "LayerError", "add_layers", "layer_errors"]


def add_layers(nlp: Language) -> None:
    """Append the analysis components after the model's own (they read its parse and entities)."""
    for name in LAYERS:
        nlp.add_pipe(name)
