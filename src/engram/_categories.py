"""Memory categories, as Mem0's Platform tags memories: a catalog of names with
descriptions (Mem0's default fifteen, a project's own, or one add call's own), and the
offline classifier that picks a memory's categories by the similarity of its vector to
each description's vector (the embedder the memory already went through), or the
configured LLM with ``pipeline.categorize = "llm"`` (:mod:`engram._categories_llm`).

>>> catalog_from([{"medications": "Prescriptions and dosages"}, "appointments"], "c")
{'medications': 'Prescriptions and dosages', 'appointments': 'appointments'}
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from engram._chars import brief
from engram.errors import EngramError, InvalidInput

_log = logging.getLogger("engram.categories")

__all__ = ["DEFAULT_CATEGORIES", "MIN_CONTRAST", "MARGIN", "MAX_PER_MEMORY", "FALLBACK",
           "catalog_from", "Classifier"]

# Mem0's default catalog (names as Mem0 documents them; descriptions our own, written to
# be embedded: the words a memory of that kind tends to use).
DEFAULT_CATEGORIES: dict[str, str] = {
    "personal_details": "the person's name, age, birthday, home, where they live, "
                        "nationality, languages they speak, personality",
    "family": "family members and relatives: spouse, partner, children, parents, siblings, "
              "pets, relationships, friends",
    "professional_details": "job, work, employer, colleagues, career, profession, office, "
                            "salary, business, projects at work",
    "sports": "sports and exercise: running, football, tennis, gym workouts, matches, teams",
    "travel": "travel and trips: flights, hotels, holidays, destinations, countries, "
              "vacation plans",
    "food": "food and drink: meals, cooking, recipes, restaurants, diet, favourite dishes, "
            "coffee, tea",
    "music": "music: songs, bands, singers, concerts, instruments, playlists, genres",
    "health": "health and medicine: illness, allergies, doctors, medication, symptoms, "
              "sleep, fitness, mental health",
    "technology": "technology: computers, phones, software, programming, gadgets, apps, "
                  "the internet",
    "hobbies": "hobbies and pastimes: reading, painting, drawing, gardening, games, "
               "crafts, photography",
    "fashion": "fashion: clothes, shoes, style, brands, outfits, accessories",
    "entertainment": "entertainment: movies, films, TV shows, series, books, video games, "
                     "theatre, celebrities",
    "milestones": "life events and milestones: graduation, wedding, birth, new job, moving "
                  "house, anniversaries, achievements",
    "user_preferences": "likes, dislikes and preferences: what the person prefers, enjoys, "
                        "loves, hates or wants",
    "misc": "anything else",
}
FALLBACK = "misc"  # the default catalog's name for a memory no description fits
# How far a description's similarity must stand above the median of the catalog's to tag
# a memory: relative, so it holds whatever scale the embedder's cosines live on (MiniLM's
# right tags stood 0.16-0.37 above, its wrong best guesses 0.05-0.09, on twelve probes).
# Below it the memory gets FALLBACK (default catalog) or nothing (a catalog without it).
MIN_CONTRAST = 0.12
MARGIN = 0.05  # besides the best category: those within this of it (a memory may be both)
MAX_PER_MEMORY = 3
MAX_CATEGORIES = 100  # names in one catalog
MAX_NAME = 64


def catalog_from(value: Any, field: str) -> dict[str, str]:
    """A catalog from Mem0's spellings: ``[{"name": "description"}, ...]``, a list of
    names, or a mapping of names to descriptions. Raises InvalidInput naming ``field``."""
    items: list[tuple[Any, Any]] = []
    if isinstance(value, Mapping):
        items = list(value.items())
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            if isinstance(item, str):
                items.append((item, item))
            elif isinstance(item, Mapping) and len(item) == 1:
                items.append(next(iter(item.items())))
            else:
                raise InvalidInput(f"{field}[{i}]", "must be a name or {name: description}, "
                                                    f"got {brief(item)}")
    else:
        raise InvalidInput(field, f"must be a list of categories, got {brief(value)}")
    if not items or len(items) > MAX_CATEGORIES:
        raise InvalidInput(field, f"must hold 1 to {MAX_CATEGORIES} categories")
    out: dict[str, str] = {}
    for name, desc in items:
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
            raise InvalidInput(field, f"category names are text of 1 to {MAX_NAME} "
                                      f"characters, got {brief(name)}")
        if not isinstance(desc, str):
            raise InvalidInput(f"{field}.{name}", f"description must be text, got {brief(desc)}")
        out[name.strip()] = desc.strip() or name.strip()
    return out


class Classifier:
    """Tags vectors with the categories of a catalog; description vectors are computed
    once per catalog (thread-safe). With an LLM, the memories' texts are tagged by it and
    the vectors are the fallback when it fails."""

    def __init__(self, embed: Any, llm: Any = None) -> None:
        self._embed = embed  # texts -> (n, dims) unit vectors
        self._llm = llm
        self._vectors: dict[tuple[tuple[str, str], ...], np.ndarray] = {}
        self._lock = threading.Lock()

    def _matrix(self, catalog: Mapping[str, str]) -> np.ndarray:
        key = tuple(catalog.items())
        with self._lock:
            found = self._vectors.get(key)
        if found is None:
            texts = [f"{name.replace('_', ' ')}: {desc}" for name, desc in catalog.items()]
            found = np.asarray(self._embed(texts), dtype=np.float32)
            with self._lock:
                self._vectors[key] = found
        return found

    def classify(self, vectors: Sequence[np.ndarray], catalog: Mapping[str, str] | None = None,
                 texts: Sequence[str] | None = None) -> list[list[str]]:
        """Each vector's categories, best first (see the module's constants); ``texts``
        are the memories' texts, read by the LLM when one tags."""
        catalog = catalog or DEFAULT_CATEGORIES
        if not len(vectors):
            return []
        if self._llm is not None and texts is not None and len(texts) == len(vectors):
            from engram._categories_llm import llm_categories

            try:
                return llm_categories(self._llm, texts, catalog, MAX_PER_MEMORY)
            except EngramError as e:  # categories never fail a write: tag from vectors
                _log.warning("LLM categories failed, tagged from vectors: %s", e)
        names = list(catalog)
        picks = [n for n in names if n != FALLBACK]
        sims = np.asarray(vectors, dtype=np.float32) @ self._matrix(catalog).T
        keep = [i for i, n in enumerate(names) if n != FALLBACK]
        out: list[list[str]] = []
        for row in sims[:, keep] if keep else sims[:, :0]:
            order = np.argsort(-row)[:MAX_PER_MEMORY]
            best = float(row[order[0]]) if len(order) else -1.0
            floor = max(float(np.median(row)) + MIN_CONTRAST, best - MARGIN) \
                if len(row) > 1 else -1.0  # one name: nothing to contrast it with
            chosen = [picks[j] for j in order if row[j] >= floor]
            if not chosen and FALLBACK in catalog:
                chosen = [FALLBACK]
            out.append(chosen)
        return out
