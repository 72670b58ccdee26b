"""Nature API under /api/v1/nature: each topic keeps its own router."""

from ninja import Router

from . import campaigns, dwca, map, observations, taxa

router = Router()
router.add_router("/", observations.router)
router.add_router("/", taxa.router)
router.add_router("/", campaigns.router)
router.add_router("/", dwca.router)
router.add_router("/", map.router)
