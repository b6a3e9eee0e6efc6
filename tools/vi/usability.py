"""Vietnamese translations: confirmations, progress and the tablet layout (issue 16)."""

VI = {
    "%(first)d–%(last)d of %(total)d": "%(first)d–%(last)d trong %(total)d",
    "Previous": "Trang trước",
    "page %(number)d of %(pages)d": "trang %(number)d/%(pages)d",
    "Next": "Trang sau",
    "All units": "Tất cả đơn vị",
    "Year of the inspection": "Năm kiểm tra",
    "All years": "Tất cả các năm",
    "Search": "Tìm",
    "words of the requirement or the unit": "từ trong nội dung yêu cầu hoặc tên đơn vị",
    "Where the items stand": "Tình trạng các yêu cầu",
    "Pages": "Các trang",
    "Team's proposal": "Đề xuất của Đoàn",
    "Inspections waiting for your conclusion": "Cuộc kiểm tra chờ Chủ tịch kết luận",
    "Every finalised inspection has its notice of conclusions.": "Mọi cuộc kiểm tra đã hoàn tất đều đã có thông báo kết luận.",
    "Your response is sent to the inspection team; the item waits for their verification.":
        "Đã gửi báo cáo khắc phục tới Đoàn kiểm tra; yêu cầu chờ Đoàn xác minh.",
    "The item is closed: the remedy is accepted.": "Đã đóng yêu cầu: kết quả khắc phục được chấp nhận.",
    "The item is returned to the unit to be remedied again.": "Đã trả lại yêu cầu để đơn vị khắc phục lại.",
    "Your request for an extension is sent; the deadline stays %(date)s until it is decided.":
        "Đã gửi đề nghị gia hạn; hạn vẫn là %(date)s cho đến khi có quyết định.",
    "The extension is granted: the new deadline is %(date)s.": "Đã đồng ý gia hạn: hạn mới là %(date)s.",
    "The extension is refused: the deadline stays %(date)s.": "Không đồng ý gia hạn: hạn vẫn là %(date)s.",
    "The deadline is now %(date)s.": "Hạn khắc phục nay là %(date)s.",
    "%(name)s (%(code)s)": "%(name)s (%(code)s)",
    "%(name)s (%(code)s) — until %(date)s": "%(name)s (%(code)s) — đến %(date)s",
    "Team member": "Thành viên đoàn",
    "Your inspections": "Cuộc kiểm tra của bạn",
    "Your role": "Vai trò của bạn",
    "today": "hôm nay",
    "No inspection of yours is under way or planned.": "Bạn không có cuộc kiểm tra nào đang thực hiện hoặc đã lập kế hoạch.",
    "All your inspections": "Tất cả cuộc kiểm tra của bạn",
    "version %(version)d": "phiên bản %(version)d",
    "Technical details": "Thông tin kỹ thuật",
    ("%(num)d inspection", "%(num)d inspections"): ("%(num)d lần kiểm tra",),
    "Scores, oldest first: %(scores)s": "Điểm các lần kiểm tra, từ cũ đến mới: %(scores)s",
    "The date asked for (%(date)s) has already passed: give the new deadline.":
        "Ngày đơn vị đề nghị (%(date)s) đã qua: hãy ghi hạn mới.",
    "Menu": "Danh mục",
    "Finalise this inspection? Its answers, findings and sample are then fixed for good, and the remediation items go to the unit.":
        "Hoàn tất cuộc kiểm tra này? Sau khi hoàn tất, kết quả trả lời, phát hiện và mẫu hồ sơ không thể sửa nữa, và các yêu cầu khắc phục được gửi tới đơn vị.",
    "Issue the notice of conclusions now? It is numbered, signed and sent to the unit, and cannot be changed afterwards (only replaced by a new notice).":
        "Ban hành Thông báo kết luận ngay? Thông báo được lấy số, ký số, gửi tới đơn vị và không thể sửa sau đó (chỉ có thể thay thế bằng thông báo mới).",
    "Issue the minutes now? They are numbered in the register and signed, and cannot be changed afterwards (only replaced by new minutes).":
        "Ban hành Biên bản ngay? Biên bản được lấy số trong sổ văn bản đi, ký số và không thể sửa sau đó (chỉ có thể thay thế bằng biên bản mới).",
    "Issue replacing minutes? They get a new number; the minutes they replace stay, marked as replaced.":
        "Ban hành biên bản thay thế? Biên bản mới có số mới; biên bản bị thay thế vẫn được lưu và đánh dấu.",
    "Issue the period report now? It is numbered in the register and signed, and cannot be changed afterwards (only replaced).":
        "Ban hành báo cáo kỳ ngay? Báo cáo được lấy số trong sổ văn bản đi, ký số và không thể sửa sau đó (chỉ có thể thay thế).",
    "Import these figures? They replace the figures already stored for the same units and periods.":
        "Nhập số liệu này? Số liệu sẽ thay thế số liệu đã lưu của cùng đơn vị và kỳ.",
    "Discard this file? Nothing of it is imported.": "Hủy tệp này? Không có số liệu nào của tệp được nhập.",
}
