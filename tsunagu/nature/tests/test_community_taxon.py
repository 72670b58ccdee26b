"""The community taxon: iNaturalist's examples, then properties over random trees."""

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from tsunagu.nature.community_taxon import community_nodes, community_taxon_id

# A small tree: life(1) → Serpentes(2) → Lampropeltis(3) → L. getula(4)
#                                     → Crotalus(5) → C. atrox(6)
#               life(1) → Canis(7) → C. familiaris(8) → C. f. dingo(9)
LINEAGES = {
    1: [1],
    2: [1, 2],
    3: [1, 2, 3],
    4: [1, 2, 3, 4],
    5: [1, 2, 5],
    6: [1, 2, 5, 6],
    7: [1, 7],
    8: [1, 7, 8],
    9: [1, 7, 8, 9],
}
LEVELS = {1: 100, 2: 33, 3: 20, 4: 10, 5: 20, 6: 10, 7: 20, 8: 10, 9: 5}


def votes(*taxa: int) -> list[tuple[int, list[int], int]]:
    return [(t, LINEAGES[t], LEVELS[t]) for t in taxa]


def test_one_identification_has_no_community_taxon():
    assert community_taxon_id(votes(8)) is None


def test_genus_and_species_agree_on_the_genus():
    # iNaturalist's help: "if I say it's Canis and you say it's Canis familiaris, 2/2
    # identifications agree it's in Canis but only 1/2 think it's Canis familiaris".
    assert community_taxon_id(votes(7, 8)) == 7


def test_kingsnake_and_rattlesnake_meet_at_serpentes():
    # "you think it's a kingsnake and I think it's rattlesnake, so iNat chooses suborder
    # Serpentes which contains all snakes".
    assert community_taxon_id(votes(4, 6)) == 2


def test_two_agreeing_species_identifications_choose_the_species():
    assert community_taxon_id(votes(8, 8)) == 8


def test_more_than_two_thirds_is_needed():
    # 2 of 3 at the species is exactly 2/3: not enough; Serpentes (3/3) wins.
    nodes = {n.taxon_id: n for n in community_nodes(votes(4, 4, 6))}
    assert nodes[4].score == Fraction(2, 3)
    assert community_taxon_id(votes(4, 4, 6)) == 2
    assert community_taxon_id(votes(4, 4, 4, 6)) == 4  # 3/4 > 2/3


def test_later_coarser_identification_counts_as_ancestor_disagreement():
    # Species, species, then the genus: 2 / (2 + 0 + 1) is not above 2/3.
    nodes = {n.taxon_id: n for n in community_nodes(votes(8, 8, 7))}
    assert (nodes[8].cumulative, nodes[8].disagreements, nodes[8].ancestor_disagreements) == (
        2,
        0,
        1,
    )
    assert community_taxon_id(votes(8, 8, 7)) == 7
    # The same genus identification made first is no disagreement at all.
    assert community_taxon_id(votes(7, 8, 8)) == 8


def test_disagreement_on_another_branch():
    nodes = {n.taxon_id: n for n in community_nodes(votes(4, 4, 4, 6))}
    assert nodes[4].disagreements == 1
    assert nodes[6].disagreements == 3
    assert nodes[2].disagreements == 0


def test_subspecies_below_species():
    assert community_taxon_id(votes(9, 9)) == 9
    assert community_taxon_id(votes(8, 9)) == 8


def test_no_common_root_gives_none():
    lineage = {10: [10], 11: [11]}
    assert community_taxon_id([(10, lineage[10], 70), (11, lineage[11], 70)]) is None


def test_ancestor_list_may_end_with_the_taxon_or_not():
    with_self = [(8, [1, 7, 8], 10), (8, [1, 7, 8], 10)]
    without_self = [(8, [1, 7], 10), (8, [1, 7], 10)]
    assert community_taxon_id(with_self) == community_taxon_id(without_self) == 8


taxa = st.sampled_from(sorted(LINEAGES))


@settings(max_examples=300, deadline=None)
@given(st.lists(taxa, min_size=0, max_size=12))
def test_properties(chosen):
    result = community_taxon_id(votes(*chosen))
    if len(chosen) < 2:
        assert result is None
        return
    if result is None:
        return
    nodes = {n.taxon_id: n for n in community_nodes(votes(*chosen))}
    winner = nodes[result]
    # At least two agree, and strictly more than 2/3 of the relevant votes do.
    assert winner.cumulative >= 2
    assert winner.score > Fraction(2, 3)
    # Every identification in the winner's subtree votes for it.
    assert winner.cumulative == sum(1 for t in chosen if result in LINEAGES[t])
    # No finer qualifying taxon exists below it.
    for node in nodes.values():
        if result in LINEAGES[node.taxon_id] and node.taxon_id != result:
            assert not node.qualifies


@settings(max_examples=200, deadline=None)
@given(st.lists(taxa, min_size=2, max_size=10), st.integers(min_value=2, max_value=5))
def test_unanimity_picks_the_identified_taxon(chosen, copies):
    # Everyone saying the same taxon makes it the community taxon.
    taxon = chosen[0]
    assert community_taxon_id(votes(*([taxon] * copies))) == taxon


@settings(max_examples=200, deadline=None)
@given(st.lists(taxa, min_size=2, max_size=10))
def test_adding_an_agreeing_vote_never_loses_the_community_taxon(chosen):
    result = community_taxon_id(votes(*chosen))
    if result is None:
        return
    # Another identification of exactly the community taxon keeps it qualifying.
    assert community_taxon_id(votes(*chosen, result)) == result
