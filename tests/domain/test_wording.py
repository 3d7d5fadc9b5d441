"""The words in one place: every alarm has a title, a marker and a message; shares round
half up; dates have one long and one short form; no setting key reaches a reader."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from cxjournal.domain.power_audit import analyse
from cxjournal.domain.power_audit_alarms import AlarmCode
from cxjournal.domain.thresholds import Thresholds
from cxjournal.domain.wording import (
    ALARMS,
    MEASURES,
    THRESHOLDS,
    alarm_title,
    alarm_titles,
    long_date,
    percent,
    short_date,
    thresholds_sentence,
)
from tests.alarm_sample import every_alarm_audit


def test_the_sample_audit_rings_every_alarm() -> None:
    codes = {alarm.code for alarm in analyse(every_alarm_audit(), Thresholds()).alarms}
    assert codes == set(AlarmCode)


def test_every_alarm_code_has_a_title_a_marker_and_a_message() -> None:
    assert list(ALARMS) == list(AlarmCode)
    for code, words in ALARMS.items():
        assert words.title.strip() and words.title == words.title.strip(), code
        assert words.symbol.strip(), code
        assert callable(words.message), code
    titles = [w.title for w in ALARMS.values()]
    symbols = [w.symbol for w in ALARMS.values()]
    assert len(set(titles)) == len(titles) and len(set(symbols)) == len(symbols)


def test_each_message_is_the_one_the_rules_write() -> None:
    for alarm in analyse(every_alarm_audit(), Thresholds()).alarms:
        written = ALARMS[alarm.code].message(alarm.facts)
        assert written == alarm.message, alarm.code
        assert len(written) > 40


def test_reach_is_narrow_everywhere() -> None:
    assert alarm_title("limited_reach") == alarm_title(AlarmCode.LIMITED_REACH) == "Narrow reach"
    assert alarm_titles(["limited_reach", "limited_reach", "closed_network"]) == [
        "Narrow reach",
        "Closed network",
    ]
    assert alarm_title("some_new_alarm") == "Some new alarm"


@pytest.mark.parametrize(
    ("share", "text"),
    [(0.665, "67%"), (0.675, "68%"), (0.125, "13%"), (0.835, "84%"), (0.0, "0%"), (1.0, "100%")],
)
def test_percentages_round_half_up(share: float, text: str) -> None:
    assert percent(share) == text


def test_one_long_and_one_short_date() -> None:
    day = dt.date(2026, 11, 3)
    assert long_date(day) == "3 November 2026"
    assert long_date(day, weekday=True) == "Tuesday 3 November 2026"
    assert short_date(day) == "3 Nov 2026"
    assert short_date(day, weekday=True) == "Tue 3 Nov 2026"
    assert short_date(day, weekday=True, today=dt.date(2026, 1, 1)) == "Tue 3 Nov"
    assert short_date(day, today=dt.date(2027, 1, 1)) == "3 Nov 2026"


def test_every_threshold_has_words_and_no_key_is_shown() -> None:
    keys = {f.name for f in dataclasses.fields(Thresholds)}
    assert set(THRESHOLDS) == keys
    sentence = thresholds_sentence(Thresholds().as_dict())
    assert "Narrow reach: share 0.8" in sentence
    assert not [key for key in keys if key in sentence]


def test_the_measures_say_who_relies_on_whom() -> None:
    assert MEASURES["reliance"].label == MEASURES["dependence_on_them"].label == "You rely on them"
    assert MEASURES["influence"].label == "They rely on you"
    assert all(m.explains.endswith(".") for m in MEASURES.values())
