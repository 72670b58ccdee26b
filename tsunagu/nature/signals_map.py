"""Keep MapCell counts right as observations are saved and deleted (imported by the app's
ready()). Only the public location, grade, date and hidden flag matter to the map."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from tsunagu.nature.models import Observation
from tsunagu.nature.services.map_cells import map_cell_key, map_cells_observation_moved

MAP_FIELDS = ("public_latitude", "public_longitude", "quality_grade", "observed_at", "is_hidden")
_BEFORE = "_map_cell_before"


def _key_of(observation: Observation):
    return map_cell_key(**{name: getattr(observation, name) for name in MAP_FIELDS})


@receiver(pre_save, sender=Observation, dispatch_uid="nature_map_cells_pre_save")
def remember_map_cell(sender, instance: Observation, update_fields=None, **kwargs) -> None:
    if update_fields is not None and not set(update_fields) & set(MAP_FIELDS):
        return
    row = None
    if instance.pk is not None:
        row = Observation.objects.filter(pk=instance.pk).values(*MAP_FIELDS).first()
    setattr(instance, _BEFORE, map_cell_key(**row) if row else None)


@receiver(post_save, sender=Observation, dispatch_uid="nature_map_cells_post_save")
def update_map_cell(sender, instance: Observation, **kwargs) -> None:
    if not hasattr(instance, _BEFORE):  # update_fields touched nothing the map shows
        return
    before = instance.__dict__.pop(_BEFORE)
    map_cells_observation_moved(before=before, after=_key_of(instance))


@receiver(post_delete, sender=Observation, dispatch_uid="nature_map_cells_post_delete")
def remove_map_cell(sender, instance: Observation, **kwargs) -> None:
    map_cells_observation_moved(before=_key_of(instance), after=None)
