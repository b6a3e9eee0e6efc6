"""The form's arithmetic, stated literally, each rule guarded in both directions."""

from audit.domain.stats_balance import Figures, problems


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
