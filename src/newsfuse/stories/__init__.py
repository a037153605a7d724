"""stories: documents -> clusters of documents about one real-world story.

Entry point: ``cluster_stories(docs, annotations, existing, settings)``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsfuse.records import Annotation, Document, Story
from newsfuse.stories.cluster import agglomerate, best_stories, central, story_id
from newsfuse.stories.settings import StorySettings
from newsfuse.stories.similarity import similarity_matrix
from newsfuse.stories.titles import document_title

__all__ = ["StorySettings", "cluster_stories"]


def cluster_stories(
    docs: Sequence[Document],
    annotations: Mapping[str, Annotation],
    existing: Sequence[Story],
    settings: StorySettings,
) -> list[Story]:
    """Every existing story (same id, same members, maybe more) plus new stories.

    ``docs`` may hold the members of existing stories (they give the stories
    their centroids) and new documents; a document already in a story stays
    there. Each new document joins the existing story it is most similar to
    (average link >= ``join_threshold``); the rest are clustered among
    themselves (average link, same cut) and each new cluster joins an existing
    story as a group if it is close enough, else founds a new story.
    """
    unique: dict[str, Document] = {}
    for d in docs:
        unique.setdefault(d.id, d)
    docs = list(unique.values())
    index = {d.id: i for i, d in enumerate(docs)}

    placed = {doc_id for s in existing for doc_id in s.documents}
    new = [i for i, d in enumerate(docs) if d.id not in placed]
    if not new:
        return [_retitle(s, None, docs, index) for s in existing]

    sim = similarity_matrix(docs, annotations, settings)
    threshold = settings.join_threshold
    # the members of each existing story present in this batch, growing as documents join
    members: list[list[int]] = [[index[x] for x in s.documents if x in index] for s in existing]
    original = [list(m) for m in members]
    joined: list[list[str]] = [[] for _ in existing]

    loose = []
    for i, best in zip(new, best_stories(sim, [[i] for i in new], original, threshold), strict=True):
        if best is None:
            loose.append(i)
        else:
            members[best].append(i)
            joined[best].append(docs[i].id)

    founded: list[Story] = []
    groups = agglomerate(sim, loose, threshold)
    for group, best in zip(groups, best_stories(sim, groups, members, threshold), strict=True):
        if best is not None:
            members[best].extend(group)
            joined[best].extend(docs[i].id for i in group)
            continue
        ids = tuple(docs[i].id for i in group)
        founded.append(Story(id=story_id(ids), title=document_title(docs[central(sim, group)]), documents=ids))

    out = [
        _retitle(Story(s.id, s.title, s.documents + tuple(joined[k])), sim, docs, index)
        for k, s in enumerate(existing)
    ]
    return out + founded


def _retitle(story: Story, sim, docs: list[Document], index: dict[str, int]) -> Story:
    """Re-pick the central document's title when the members are in this batch."""
    present = [index[x] for x in story.documents if x in index]
    if sim is None or not present:
        return story
    return Story(story.id, document_title(docs[central(sim, present)]), story.documents)
