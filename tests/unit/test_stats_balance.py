"""The form's arithmetic, stated literally, each rule guarded in both directions."""

from audit.domain.stats_balance import Broken, Figures, Stored, on_time_rate, problems, stored


def messages(f: Figures) -> list[str]:
    return [b.message for b in problems(f)]


def test_a_row_that_adds_up_has_no_problem():
    # 5 carried over + 40 received = 38 handled (3 early, 30 on time, 5 late) + 7 in progress (6 within, 1 overdue)
    row = Figures(carried_over=5, received=40, received_online=12, received_in_person=25, received_post=3,
                  handled=38, early=3, on_time=30, late=5, pending=7, pending_within=6, pending_overdue=1, returned=2)
    assert problems(row) == []


def test_dossiers_carried_over_and_still_in_progress_are_real_data_not_errors():
    # what the first release refused: received (40) ≠ on time + late (35), because of carry-over and work in hand
    assert problems(Figures(carried_over=5, received=40, on_time=30, late=5, pending=10)) == []


def test_each_sum_is_checked_when_the_export_gives_it():
    assert messages(Figures(handled=38, early=3, on_time=30, late=4)) == [
        "Handled (%(handled)d) must equal early + on time + late (%(parts)d)."]
    assert messages(Figures(pending=7, pending_within=6, pending_overdue=2)) == [
        "In progress (%(pending)d) must equal within deadline + overdue (%(parts)d)."]
    assert messages(Figures(received=40, received_online=12, received_in_person=25)) == [
        "Received (%(received)d) must equal online + in person + by post (%(parts)d)."]
    broken = problems(Figures(carried_over=5, received=40, handled=38, pending=6))
    assert [b.params for b in broken] == [{"to_handle": 45, "done": 44}]


def test_what_the_export_leaves_out_is_not_checked():
    assert problems(Figures(received=40)) == [] and problems(Figures(on_time=3, late=1)) == []
    # handled given only by its parts still balances against what was to handle
    assert problems(Figures(carried_over=0, received=10, early=1, on_time=6, late=1, pending_within=2)) == []
    assert messages(Figures(carried_over=0, received=10, early=1, on_time=6, late=1, pending_within=1)) == [
        "Carried over + received (%(to_handle)d) must equal handled + in progress (%(done)d)."]


def test_figures_out_of_bounds_are_refused_before_any_sum():
    assert messages(Figures(received=-1)) == ["%(column)s must lie between 0 and %(max)s."]
    assert messages(Figures(handled=10**12, early=10**12)) == ["%(column)s must lie between 0 and %(max)s."] * 2


def test_the_total_received_is_carried_over_plus_newly_received():
    assert problems(Figures(carried_over=3, received=10, received_total=13)) == []
    [broken] = problems(Figures(carried_over=3, received=10, received_total=10))
    assert broken.params == {"total": 10, "parts": 13}
    # given only as a total, the new dossiers are the total less those carried over
    assert Figures(carried_over=3, received_total=13).new_received() == 10


def test_the_on_time_rate_is_early_and_on_time_over_handled_never_over_received():
    # 100 to handle, 60 handled (10 early, 40 on time, 10 late), 40 still in progress
    kept = stored(Figures(received=100, early=10, on_time=40, late=10, pending=40))
    assert isinstance(kept, Stored) and kept.handled == 60 and kept.rate == 83.3
    assert on_time_rate(0, 0, 0) is None
    assert on_time_rate(0, 0, 5) == 0.0 and on_time_rate(5, 0, 0) == 100.0


def test_a_row_without_received_or_outcomes_cannot_be_kept():
    assert isinstance(stored(Figures(on_time=5, late=0)), Broken)
    assert isinstance(stored(Figures(received=5, handled=5)), Broken)  # no split: no rate


def test_received_in_all_below_carried_over_is_refused_not_stored_negative():
    [broken] = problems(Figures(carried_over=10, received_total=5))
    assert broken.params == {"total": 5, "carried": 10}
    assert isinstance(stored(Figures(carried_over=10, received_total=5, on_time=5, late=0)), Broken)


def test_the_ways_received_are_checked_against_the_total_less_carried_over():
    # 100 in all, 10 carried over: 90 new, but the ways give 60
    [broken] = problems(Figures(carried_over=10, received_total=100, received_online=50, received_in_person=10))
    assert broken.params == {"received": 90, "parts": 60}
    assert problems(Figures(carried_over=10, received_total=100, received_online=80, received_in_person=10)) == []
