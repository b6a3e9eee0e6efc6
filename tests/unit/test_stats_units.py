"""Units named as an export names them: matched when there is one answer, listed for the user otherwise."""

from audit.domain.stats_units import Candidate, How, UnitMatcher

LA_EE = Candidate(1, "NG-LAEE", "Xã La Êê")
LA_DEE = Candidate(2, "NG-LADEE", "Xã La Dêê")
THANH_MY = Candidate(3, "NG-THANHMY", "Thị trấn Thạnh Mỹ")
DISTRICT = Candidate(4, "NG", "Huyện Nam Giang")
TWIN_A = Candidate(5, "X-1", "Xã Tân An")
TWIN_B = Candidate(6, "X-2", "Phường Tân An")
MATCHER = UnitMatcher([LA_EE, LA_DEE, THANH_MY, DISTRICT, TWIN_A, TWIN_B])


def test_by_code_exact_name_and_reduced_name():
    assert MATCHER.match("ng-laee").unit == LA_EE and MATCHER.match("ng-laee").how is How.CODE
    assert MATCHER.match("Xã La Êê").how is How.NAME
    for text in ("UBND xã La Êê", "Ủy ban nhân dân xã La Êê", "LA ÊÊ", "xa la ee", "  Xã  La Êê "):
        found = MATCHER.match(text)
        assert found.unit == LA_EE, text
    assert MATCHER.match("UBND thị trấn Thạnh Mỹ").unit == THANH_MY


def test_nothing_is_guessed():
    assert MATCHER.match("Xã La Ê").how is How.UNKNOWN  # close is not the same commune
    assert MATCHER.match("La Dê").how is How.UNKNOWN
    twins = MATCHER.match("Tân An")
    assert twins.how is How.AMBIGUOUS and set(twins.candidates) == {TWIN_A, TWIN_B} and twins.unit is None
    assert MATCHER.match("").how is How.UNKNOWN


def test_a_mapping_the_user_made_is_used_next_time():
    matcher = UnitMatcher([LA_EE, TWIN_A, TWIN_B], mapped={"Tân An (cũ)": TWIN_A.id, "TAN AN": TWIN_B.id})
    assert matcher.match("Tân An (cũ)").unit == TWIN_A and matcher.match("Tân An (cũ)").how is How.MAPPED
    assert matcher.match("Tân An").unit == TWIN_B


def test_a_remembered_answer_never_overrides_a_code_or_a_name_the_tree_settles():
    from audit.domain.stats_units import Candidate, How, UnitMatcher

    laee, thanhmy = Candidate(1, "NG-LAEE-MC", "Xã La Êê"), Candidate(2, "NG-THANHMY-MC", "Thị trấn Thạnh Mỹ")
    # a mapping saved by someone (or for another tree) that says Thạnh Mỹ is La Êê
    matcher = UnitMatcher([laee, thanhmy], mapped={"THỊ TRẤN THẠNH MỸ": 1, "NG-THANHMY-MC": 1, "Thị trấn Thạnh Mĩ": 2})
    assert matcher.match("THỊ TRẤN THẠNH MỸ").unit == thanhmy
    assert matcher.match("NG-THANHMY-MC").unit == thanhmy
    mapped = matcher.match("Thị trấn Thạnh Mĩ")  # a spelling the tree does not know: the answer applies
    assert (mapped.how, mapped.unit) == (How.MAPPED, thanhmy)
