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
