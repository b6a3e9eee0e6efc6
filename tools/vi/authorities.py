"""Vietnamese translations: inspecting authorities, jurisdiction, people's honorifics, tenures bounded by units."""

VI = {
    "%(authority)s does not inspect on %(date)s (in force %(period)s).":
        "%(authority)s không có thẩm quyền kiểm tra vào ngày %(date)s (thời gian có thẩm quyền: %(period)s).",
    "The team lead acts for no inspecting authority: an administrator must set it on the account.":
        "Trưởng đoàn chưa thuộc cơ quan có thẩm quyền kiểm tra nào: quản trị hệ thống cần khai báo trong tài khoản.",
    "%(unit)s is not under %(authority)s: it cannot inspect it.":
        "%(unit)s không thuộc phạm vi quản lý của %(authority)s nên không thể kiểm tra.",
    "The unit exists only from %(date)s: a head cannot take office before.":
        "Đơn vị chỉ tồn tại từ ngày %(date)s: người đứng đầu không thể nhận nhiệm vụ trước ngày đó.",
    "The unit ended on %(date)s: it can have no head after that day.":
        "Đơn vị đã kết thúc hoạt động ngày %(date)s: không có người đứng đầu sau ngày đó.",
    "The unit ended on %(date)s: a tenure cannot outlive it.":
        "Đơn vị đã kết thúc hoạt động ngày %(date)s: nhiệm kỳ không thể kéo dài quá ngày đó.",
    "Only the chairman of %(authority)s, in charge of this inspection today, may decide this.":
        "Chỉ Chủ tịch %(authority)s, cơ quan đang có thẩm quyền đối với cuộc kiểm tra này, mới được quyết định việc này.",
    "%(name)s does not act for %(authority)s.": "%(name)s không thuộc %(authority)s.",
    "A chairman, team lead or inspector acts for an inspecting authority: choose it.":
        "Chủ tịch, trưởng đoàn, thành viên đoàn kiểm tra phải thuộc một cơ quan có thẩm quyền kiểm tra: hãy chọn cơ quan.",
    "Only a chairman, team lead or inspector acts for an inspecting authority.":
        "Chỉ Chủ tịch, trưởng đoàn, thành viên đoàn kiểm tra mới thuộc cơ quan có thẩm quyền kiểm tra.",
    "Choose Ông or Bà.": "Chọn Ông hoặc Bà.",
    "Inspecting authority (chairman, team lead, inspector)":
        "Cơ quan có thẩm quyền kiểm tra (Chủ tịch, trưởng đoàn, thành viên đoàn)",
    "Addressed as": "Danh xưng",
    "— none (administrator, unit user) —": "— không (quản trị, cán bộ đơn vị) —",
    "until %(date)s": "đến %(date)s",
    "The unit ended on %(date)s.": "Đơn vị đã kết thúc hoạt động ngày %(date)s.",
    "Last head": "Người đứng đầu cuối cùng",
}
