"""Nam Giang demo data: the 2019 district and its 12 communes, and the 6 communes of Đà Nẵng
that replaced them on 2025-07-01. Names of people are invented."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from audit.db import db, utcnow
from audit.domain.policy import Role
from audit.domain.units import UnitKind
from audit.models import Authority, Unit
from audit.services import units as unit_service
from audit.services import users as user_service

DEMO_PASSWORD = "NamGiang@2019"
END_OF_DISTRICTS = date(2025, 6, 30)
MERGER = date(2025, 7, 1)

DEPARTMENTS = [
    ("NG-VP", "Văn phòng HĐND và UBND huyện Nam Giang", "Chánh Văn phòng", "Nguyễn Văn Hòa", date(2016, 8, 1)),
    ("NG-NV", "Phòng Nội vụ huyện Nam Giang", "Trưởng phòng Nội vụ", "Trần Thị Thu Hà", date(2017, 3, 1)),
    ("NG-TP", "Phòng Tư pháp huyện Nam Giang", "Trưởng phòng Tư pháp", "Lê Văn Quang", date(2015, 9, 1)),
    ("NG-TCKH", "Phòng Tài chính – Kế hoạch huyện Nam Giang", "Trưởng phòng", "Phạm Minh Tuấn", date(2016, 1, 4)),
    ("NG-TNMT", "Phòng Tài nguyên và Môi trường huyện Nam Giang", "Trưởng phòng", "Võ Văn Lực", date(2018, 2, 1)),
    ("NG-KTHT", "Phòng Kinh tế – Hạ tầng huyện Nam Giang", "Trưởng phòng", "Đinh Công Bình", date(2017, 7, 1)),
    ("NG-NNPTNT", "Phòng Nông nghiệp và Phát triển nông thôn huyện Nam Giang", "Trưởng phòng", "Hôih Văn Diên", date(2016, 5, 1)),
    ("NG-LDTBXH", "Phòng Lao động – Thương binh và Xã hội huyện Nam Giang", "Trưởng phòng", "Bríu Thị Ngân", date(2018, 9, 1)),
    ("NG-VHTT", "Phòng Văn hóa và Thông tin huyện Nam Giang", "Trưởng phòng", "Clâu Văn Nhiều", date(2015, 12, 1)),
    ("NG-GDDT", "Phòng Giáo dục và Đào tạo huyện Nam Giang", "Trưởng phòng", "Nguyễn Thị Lan", date(2017, 1, 3)),
    ("NG-YT", "Phòng Y tế huyện Nam Giang", "Trưởng phòng", "Trần Quốc Việt", date(2018, 4, 2)),
    ("NG-DT", "Phòng Dân tộc huyện Nam Giang", "Trưởng phòng", "Zơrâm Thị Mây", date(2016, 10, 1)),
    ("NG-TTR", "Thanh tra huyện Nam Giang", "Chánh Thanh tra", "Hồ Văn Lâm", date(2017, 5, 15)),
    ("NG-CNDKDD", "Chi nhánh Văn phòng Đăng ký đất đai huyện Nam Giang", "Giám đốc Chi nhánh", "Lê Thị Kim Oanh",
     date(2018, 1, 2)),
]

# code suffix, name, ascii slug, heads as (name, start) in order; each head ends the previous one.
COMMUNES = [
    ("THANHMY", "Thị trấn Thạnh Mỹ", "thanh-my", [("Nguyễn Văn Sáu", date(2016, 7, 1))]),
    ("CADY", "Xã Cà Dy", "ca-dy", [("Zơrâm Đức", date(2016, 7, 1))]),
    ("CHAVAL", "Xã Chà Vàl", "cha-val", [("Pơloong Plênh", date(2016, 7, 1))]),
    ("CHOCHUN", "Xã Chơ Chun", "cho-chun", [("Alăng Văn Bốn", date(2016, 7, 1))]),
    ("DACPRE", "Xã Đắc Pre", "dac-pre", [("Hồ Văn Kên", date(2016, 7, 1))]),
    ("DACPRING", "Xã Đắc Pring", "dac-pring", [("Coor Văn Thống", date(2016, 7, 1))]),
    ("DACTOI", "Xã Đắc Tôi", "dac-toi", [("Đinh Văn Hoa", date(2016, 7, 1))]),
    ("LADEE", "Xã La Dêê", "la-dee", [("Bhling Mia", date(2016, 7, 1))]),
    ("LAEE", "Xã La Êê", "la-ee", [("Bríu Quân", date(2016, 7, 1)), ("Alăng Thị Hoa", date(2019, 8, 15))]),
    ("TABHING", "Xã Tà Bhing", "ta-bhing", [("A Viết Hùng", date(2016, 7, 1))]),
    ("TAPOO", "Xã Tà Pơơ", "ta-poo", [("Hôih Thị Dung", date(2016, 7, 1))]),
    ("ZUOIH", "Xã Zuôih", "zuoih", [("Clâu Blao", date(2016, 7, 1)), ("Pơloong Thị Dếch", date(2019, 3, 1))]),
]

# new code suffix, name, slug, predecessor suffixes, chairman, centre director (a vice-chairman)
NEW_COMMUNES = [
    ("THANHMY", "Xã Thạnh Mỹ", "thanh-my", ["THANHMY"], "Nguyễn Văn Sáu", "Trần Thị Mỹ Linh"),
    ("BENGIANG", "Xã Bến Giằng", "ben-giang", ["CADY", "TABHING", "TAPOO"], "Zơrâm Đức", "Hôih Thị Dung"),
    ("NAMGIANG", "Xã Nam Giang", "nam-giang", ["ZUOIH", "CHAVAL"], "Pơloong Plênh", "Pơloong Thị Dếch"),
    ("DACPRING", "Xã Đắc Pring", "dac-pring", ["DACPRE", "DACPRING"], "Coor Văn Thống", "Hồ Văn Kên"),
    ("LADEE", "Xã La Dêê", "la-dee", ["DACTOI", "LADEE"], "Bhling Mia", "Đinh Văn Hoa"),
    ("LAEE", "Xã La Êê", "la-ee", ["CHOCHUN", "LAEE"], "Alăng Thị Hoa", "Alăng Văn Bốn"),
]

# The city of Đà Nẵng from 01/07/2025: its chairman and its Department of Home Affairs, which forms the teams.
CITY_CHAIRMAN = ("Phan Minh Khôi", "Chủ tịch UBND thành phố")
CITY_HOME_AFFAIRS = ("DN-SNV", "Sở Nội vụ thành phố Đà Nẵng", "Giám đốc Sở", "Huỳnh Văn Đạt")

# username, name, position, role, unit, authority (the People's Committee they act for; None for admin)
STAFF = [
    ("admin", "Phạm Thị Quỳnh", "Chuyên viên công nghệ thông tin", Role.ADMIN, "NG-VP", None),
    ("chutich", "Hồ Văn Thành", "Chủ tịch UBND huyện Nam Giang", Role.CHAIRMAN, "NG", "NG"),
    ("truongdoan", "Trần Thị Thu Hà", "Trưởng phòng Nội vụ", Role.TEAM_LEAD, "NG-NV", "NG"),
    ("thanhtra", "Lê Minh Khoa", "Chuyên viên Phòng Nội vụ", Role.INSPECTOR, "NG-NV", "NG"),
    ("thuky", "Nguyễn Thị Hồng Vân", "Chuyên viên Phòng Nội vụ", Role.INSPECTOR, "NG-NV", "NG"),
    ("chutich-tp", "Phan Minh Khôi", "Chủ tịch UBND thành phố Đà Nẵng", Role.CHAIRMAN, "DN", "DN"),
    ("truongdoan-tp", "Nguyễn Thị Minh Nguyệt", "Phó Giám đốc Sở Nội vụ", Role.TEAM_LEAD,
     "DN-SNV", "DN"),
    ("thanhtra-tp", "Trương Công Hậu", "Chuyên viên Sở Nội vụ", Role.INSPECTOR, "DN-SNV",
     "DN"),
    ("thuky-tp", "Lê Văn Phúc", "Chuyên viên Sở Nội vụ", Role.INSPECTOR, "DN-SNV", "DN"),
    ("chutich-la-ee", "Alăng Thị Hoa", "Chủ tịch UBND xã La Êê", Role.CHAIRMAN, "DN-LAEE", "DN-LAEE"),
]


def honorific_of(name: str) -> str:
    """The demo's invented people: "Thị" as a middle name marks a woman (Bà), everyone else is Ông."""
    return "ba" if " Thị " in f" {name} " else "ong"


def _must_change() -> bool:
    """The demo's accounts share a published password: outside a demo (AUDIT_DEMO=true, as ./run.sh sets)
    each must choose its own at first login."""
    from flask import current_app

    return not current_app.config.get("DEMO")


def is_seeded() -> bool:
    return db.session.scalar(select(Unit.id).limit(1)) is not None


def _email(username: str) -> str:
    return f"{username}@namgiang.example"


def seed() -> list[tuple[str, str, str]]:
    """Create the demo units, heads and accounts. Returns ``(username, role, unit)`` for each account."""
    now = utcnow()
    make = lambda **kw: unit_service.create_unit(actor=None, now=now, **kw)  # noqa: E731
    appoint = lambda unit, name, title, start, end=None: unit_service.appoint_head(  # noqa: E731
        unit, person_name=name, title=title, start=start, end=end, honorific=honorific_of(name), actor=None,
        now=now)

    province = make(code="QNAM", name="UBND tỉnh Quảng Nam", kind=UnitKind.PROVINCE, parent=None,
                    valid_from=None, valid_to=END_OF_DISTRICTS)
    district = make(code="NG", name="UBND huyện Nam Giang", kind=UnitKind.DISTRICT, parent=province,
                    valid_from=date(1999, 8, 16), valid_to=END_OF_DISTRICTS)
    appoint(district, "Hồ Văn Thành", "Chủ tịch UBND huyện", date(2016, 7, 1))
    desk = make(code="NG-MC", name="Bộ phận Tiếp nhận và Trả kết quả huyện Nam Giang", kind=UnitKind.DISTRICT_DESK,
                parent=district, valid_from=None, valid_to=END_OF_DISTRICTS)
    appoint(desk, "Trần Văn Phúc", "Phó Chánh Văn phòng HĐND và UBND huyện, Trưởng Bộ phận", date(2017, 1, 3))
    appoint(desk, "Nguyễn Thị Hằng", "Phó Chánh Văn phòng HĐND và UBND huyện, Trưởng Bộ phận", date(2019, 10, 1))
    by_code = {"NG": district}
    for code, name, title, head, start in DEPARTMENTS:
        unit = make(code=code, name=name, kind=UnitKind.DEPARTMENT, parent=district, valid_from=None,
                    valid_to=END_OF_DISTRICTS)
        appoint(unit, head, title, start)
        by_code[code] = unit
    old = {}
    for suffix, name, _slug, heads in COMMUNES:
        commune = make(code=f"NG-{suffix}", name=f"UBND {name[0].lower()}{name[1:]}", kind=UnitKind.COMMUNE,
                       parent=district, valid_from=None, valid_to=END_OF_DISTRICTS)
        commune_desk = make(code=f"NG-{suffix}-MC", name=f"Bộ phận Một cửa {name[0].lower()}{name[1:]}",
                            kind=UnitKind.COMMUNE_DESK, parent=commune, valid_from=None, valid_to=END_OF_DISTRICTS)
        place = "thị trấn" if name.startswith("Thị trấn") else "xã"
        for person, start in heads:
            appoint(commune, person, f"Chủ tịch UBND {place}", start)
            appoint(commune_desk, person, f"Chủ tịch UBND {place}, Trưởng Bộ phận Một cửa", start)
        old[suffix] = (commune, commune_desk)
        by_code[commune.code] = commune

    city = make(code="DN", name="UBND thành phố Đà Nẵng", kind=UnitKind.PROVINCE, parent=None,
                valid_from=MERGER, valid_to=None)
    new = {}
    for suffix, name, _slug, predecessors, chairman, director in NEW_COMMUNES:
        commune = make(code=f"DN-{suffix}", name=f"UBND {name[0].lower()}{name[1:]}", kind=UnitKind.COMMUNE,
                       parent=city, valid_from=MERGER, valid_to=None,
                       predecessors=[old[p][0] for p in predecessors])
        centre = make(code=f"DN-{suffix}-TTPV", name=f"Trung tâm Phục vụ hành chính công {name[0].lower()}{name[1:]}",
                      kind=UnitKind.COMMUNE_CENTRE, parent=commune, valid_from=MERGER, valid_to=None,
                      predecessors=[old[p][1] for p in predecessors])
        appoint(commune, chairman, "Chủ tịch UBND xã", MERGER)
        appoint(centre, director, "Phó Chủ tịch UBND xã, Giám đốc Trung tâm", MERGER)
        new[suffix] = commune
    appoint(city, CITY_CHAIRMAN[0], CITY_CHAIRMAN[1], MERGER)
    code, name, title, head = CITY_HOME_AFFAIRS
    by_code[code] = make(code=code, name=name, kind=UnitKind.DEPARTMENT, parent=city, valid_from=MERGER,
                         valid_to=None)
    appoint(by_code[code], head, title, MERGER)
    by_code["DN"] = city
    by_code.update({c.code: c for c in new.values()})
    authorities = _authorities(district, city, new)

    accounts = []
    for username, full_name, job_title, role, unit_code, authority in STAFF:
        user_service.create_user(username=username, full_name=full_name, job_title=job_title, role=role,
                                 email=_email(username), honorific=honorific_of(full_name),
                                 authority=authorities[authority] if authority else None,
                                 unit=by_code[unit_code], password=DEMO_PASSWORD, must_change_password=_must_change(),
                                 actor=None, now=now)
        accounts.append((username, role.value, by_code[unit_code].name))
    for suffix, name, slug, _heads in COMMUNES:
        commune = old[suffix][0]
        user_service.create_user(username=f"donvi-{slug}", honorific="ong",
                                 full_name=f"Công chức Văn phòng – Thống kê {name[0].lower()}{name[1:]}",
                                 email=_email(f"donvi-{slug}"),
                                 job_title="Công chức Văn phòng – Thống kê", role=Role.UNIT_USER, unit=commune,
                                 password=DEMO_PASSWORD, must_change_password=_must_change(), actor=None, now=now)
        accounts.append((f"donvi-{slug}", Role.UNIT_USER.value, commune.name))
    for suffix, name, slug, *_ in NEW_COMMUNES:
        commune = new[suffix]
        user_service.create_user(username=f"donvi-2025-{slug}", honorific="ba",
                                 full_name=f"Công chức Văn phòng – Thống kê {name[0].lower()}{name[1:]}",
                                 job_title="Công chức Văn phòng – Thống kê", role=Role.UNIT_USER, unit=commune,
                                 password=DEMO_PASSWORD, must_change_password=_must_change(), actor=None, now=now)
        accounts.append((f"donvi-2025-{slug}", Role.UNIT_USER.value, commune.name))
    from audit import demo_inspections, demo_statistics

    demo_inspections.seed()
    demo_statistics.seed()
    return accounts


def _authorities(district: Unit, city: Unit, communes: dict[str, Unit]) -> dict[str, Authority]:
    """Who inspects whom: the district until 30/06/2025, then the city over all its communes (reading, as
    history, the units they succeed) and each commune's chairman over that commune's Centre."""
    def make(unit: Unit, body: str, place: str, start, end=None, reads=False, successor=None) -> Authority:
        authority = Authority(code=unit.code, name=unit.name.replace("UBND ", "Ủy ban nhân dân ", 1), unit=unit,
                              valid_from=start, valid_to=end, reads_predecessors=reads, successor=successor,
                              issuing_body=body, place=place, chair_title="CHỦ TỊCH")
        db.session.add(authority)
        return authority

    found = {"DN": make(city, "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG", "Đà Nẵng", MERGER, reads=True)}
    found["NG"] = make(district, "ỦY BAN NHÂN DÂN\nHUYỆN NAM GIANG", "Nam Giang", None, END_OF_DISTRICTS,
                       successor=found["DN"])
    for commune in communes.values():
        place = commune.name.removeprefix("UBND xã ")
        found[commune.code] = make(commune, f"ỦY BAN NHÂN DÂN\nXÃ {place.upper()}", place, MERGER)
    db.session.flush()
    return found
