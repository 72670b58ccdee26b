"""The community taxon, as iNaturalist computes it (pure: no Django).

Every current identification votes for its taxon and all that taxon's ancestors. For each
taxon on those lineages:

- cumulative: identifications of the taxon or of a descendant;
- disagreements: identifications on another branch (neither ancestor nor descendant);
- ancestor disagreements: identifications of a strict ancestor added after the first
  identification in this taxon's subtree (a later, coarser identification is read as doubt
  about the finer one; iNaturalist applies this rule to identifications that carry no
  explicit "agree/disagree" answer, which ours never do).

score = cumulative / (cumulative + disagreements + ancestor disagreements). The community
taxon is the lowest-ranked taxon with at least two cumulative identifications and a score
above 2/3; there is none with fewer than two identifications.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

SCORE_CUTOFF = Fraction(2, 3)


class Vote(NamedTuple):
    """One current identification, in the order the identifications were made."""

    taxon_id: int
    ancestor_ids: Sequence[int]  # root first; the taxon itself may end the list or not
    rank_level: int


@dataclass(frozen=True)
class Node:
    taxon_id: int
    rank_level: int | None  # known for identified taxa; ancestors need none (see below)
    depth: int
    cumulative: int
    disagreements: int
    ancestor_disagreements: int

    @property
    def score(self) -> Fraction:
        total = self.cumulative + self.disagreements + self.ancestor_disagreements
        return Fraction(self.cumulative, total) if total else Fraction(0)

    @property
    def qualifies(self) -> bool:
        return self.cumulative >= 2 and self.score > SCORE_CUTOFF


def _lineage(vote: Vote) -> tuple[int, ...]:
    """Root first, the identified taxon last."""
    ids = tuple(vote.ancestor_ids)
    return ids if ids and ids[-1] == vote.taxon_id else (*ids, vote.taxon_id)


def community_nodes(votes: Sequence[Vote | tuple]) -> list[Node]:
    votes = [Vote(*vote) for vote in votes]
    lineages = [_lineage(vote) for vote in votes]
    levels = {vote.taxon_id: vote.rank_level for vote in votes}
    ancestors: dict[int, frozenset[int]] = {}
    depth: dict[int, int] = {}
    for lineage in lineages:
        for index, taxon_id in enumerate(lineage):
            if taxon_id not in depth:
                depth[taxon_id] = index
                ancestors[taxon_id] = frozenset(lineage[:index])
    nodes = []
    for taxon_id, taxon_depth in depth.items():
        inside = [taxon_id in lineage for lineage in lineages]
        above = ancestors[taxon_id]
        first = inside.index(True)
        nodes.append(
            Node(
                taxon_id=taxon_id,
                rank_level=levels.get(taxon_id),
                depth=taxon_depth,
                cumulative=sum(inside),
                disagreements=sum(
                    1
                    for vote, within in zip(votes, inside, strict=True)
                    if not within and vote.taxon_id not in above
                ),
                ancestor_disagreements=sum(
                    1 for vote in votes[first + 1 :] if vote.taxon_id in above
                ),
            )
        )
    return nodes


def community_taxon_id(votes: Sequence[Vote | tuple]) -> int | None:
    """The community taxon's id, or None (fewer than two identifications, or no taxon
    has more than 2/3 agreement)."""
    if len(votes) < 2:
        return None
    qualifying = [node for node in community_nodes(votes) if node.qualifies]
    if not qualifying:
        return None
    # Two taxa on different branches cannot both pass 2/3 (each one's votes are the other's
    # disagreements), so the qualifying taxa lie on one lineage: the deepest is the lowest rank.
    return max(qualifying, key=lambda node: node.depth).taxon_id
