from tsunagu.indicators.models import Observation
from tsunagu.tourism_stats import demo, selectors
from tsunagu.tourism_stats.models import MonthlyFigure


def test_demo_loads_seven_labelled_years_once(area):
    demo.load()
    demo.load()
    visitors = MonthlyFigure.objects.filter(area=area, measure="visitors")
    assert visitors.count() == 7 * 12
    assert not MonthlyFigure.objects.filter(is_demo=False).exists()
    crowding = selectors.crowding(area)
    assert crowding.threshold.is_demo
    assert crowding.over  # some peak months are over the demo thresholds
    assert len(crowding.over) < 30
    assert Observation.objects.filter(statistic__code="TS_SEASONALITY", area=area).count() == 7
