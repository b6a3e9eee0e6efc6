from sqlalchemy import func, select

from audit.db import db
from audit.models import Unit, User


def test_seed_demo_once_then_keeps_data(runner, app):
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0 and "28 tài khoản" in first.output
    users = db.session.scalar(select(func.count(User.id)))
    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0 and "giữ nguyên" in second.output
    assert db.session.scalar(select(func.count(User.id))) == users == 28
    logins = runner.invoke(args=["demo-logins"])
    assert "donvi-la-ee" in logins.output and "NamGiang@2019" in logins.output


def test_import_units_cli(runner, demo, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("record,code,name,kind,parent_code,valid_from,valid_to,succeeds,title\n"
                    "unit,NG-MOI,UBND xã Mới,commune,NG,,30/06/2025,,\n"
                    "head,NG-MOI,Bhling Thị Vân,,,01/01/2019,,,Chủ tịch UBND xã\n", encoding="utf-8")
    result = runner.invoke(args=["import-units", str(good)])
    assert result.exit_code == 0, result.output
    assert "Đã nhập 1 đơn vị, 1 người đứng đầu" in result.output

    bad = tmp_path / "bad.csv"
    bad.write_text("record,code,name,kind,parent_code,valid_from,valid_to,succeeds,title\n"
                   "unit,NG-MOI2,UBND xã Hai,commune,NG,,30/06/2025,,\n"
                   "unit,NG-MOI3,UBND xã Ba,commune,NG-NONE,,30/06/2025,,\n"
                   "head,NG-MOI,Trùng,,,01/06/2019,01/07/2019,,Chủ tịch\n", encoding="utf-8")
    before = db.session.scalar(select(func.count(Unit.id)))
    result = runner.invoke(args=["import-units", str(bad)])
    assert result.exit_code == 1
    assert "Dòng 3: Không tìm thấy đơn vị cấp trên NG-NONE." in result.output
    assert "Dòng 4:" in result.output and "Bhling Thị Vân" in result.output
    assert db.session.scalar(select(func.count(Unit.id))) == before


def test_statistics_import_cli_checks_summarises_and_never_doubles(runner, demo, tmp_path):
    from pathlib import Path

    from audit.models import DossierStatistic, StatisticsImport
    from audit.services import statistics
    from tests.services.test_statistics_import import NOW, PROVINCIAL

    export = Path(__file__).resolve().parents[2] / "examples" / "so-lieu-tthc-2020.csv"  # the README's example
    assert export.read_bytes() == PROVINCIAL
    count = lambda: db.session.scalar(select(func.count(DossierStatistic.id)))  # noqa: E731
    before = count()
    dry = runner.invoke(args=["statistics", "import", str(export), "--period", "2020", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "4 dòng đọc được" in dry.output and "Cấp huyện: kỳ trước 12, mới tiếp nhận 420" in dry.output
    assert "không lưu gì" in dry.output and count() == before
    result = runner.invoke(args=["statistics", "import", str(export), "--period", "2020"])
    assert result.exit_code == 0 and "Đã nhập 4 dòng; thay thế 0 dòng" in result.output
    again = runner.invoke(args=["statistics", "import", str(export), "--period", "2020"])
    assert again.exit_code == 0 and "không thay đổi gì" in again.output and count() == before + 4

    # a file with names the system does not know: listed by line, nothing stored, not even the draft
    other = tmp_path / "phan-mem-cu.csv"
    other.write_text("Cơ quan;Lĩnh vực;Tiếp nhận;Đúng hạn;Trả quá hạn\nUBND xã Là Ê;Hàng hải;10;9;1\n", encoding="utf-8")
    drafts = db.session.scalar(select(func.count(StatisticsImport.id)))
    refused = runner.invoke(args=["statistics", "import", str(other), "--period", "2020"])
    assert refused.exit_code == 1
    assert "Đơn vị không xác định được “UBND xã Là Ê” (dòng 2)" in refused.output
    assert "Lĩnh vực không xác định được “Hàng hải” (dòng 2)" in refused.output
    assert db.session.scalar(select(func.count(StatisticsImport.id))) == drafts
    # the mapping saved on the screen for that source reads it
    missing = runner.invoke(args=["statistics", "import", str(other), "--period", "2020", "--mapping", "Phần mềm cũ"])
    assert missing.exit_code == 1 and "Không có cách đọc nào mang tên “Phần mềm cũ”" in missing.output
    laee = db.session.scalar(select(Unit).where(Unit.code == "NG-LAEE-MC"))
    statistics.remember("Phần mềm cũ", units={"UBND xã Là Ê": laee.id}, fields={"Hàng hải": "khac"}, now=NOW)
    db.session.commit()
    mapped = runner.invoke(args=["statistics", "import", str(other), "--period", "2020", "--mapping", "Phần mềm cũ"])
    assert mapped.exit_code == 0, mapped.output
    assert "Đã nhập 1 dòng; thay thế 1 dòng" in mapped.output  # La Êê's 2020 figures replaced, not added
