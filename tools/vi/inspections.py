"""Vietnamese translations: planning and filling inspections."""

VI = {
    # inspections
    'This inspection is finalised and can no longer be changed.':
        'Cuộc kiểm tra đã kết thúc, không thể thay đổi được nữa.',
    'Only members of the inspection team may do this.':
        'Chỉ thành viên đoàn kiểm tra mới được thực hiện thao tác này.',
    "This step is not possible in the inspection's current state.":
        'Không thể thực hiện bước này ở trạng thái hiện tại của cuộc kiểm tra.',
    'Only the team lead may do this.':
        'Chỉ Trưởng đoàn mới được thực hiện thao tác này.',
    'The inspection has been submitted; the team lead must reopen it first.':
        'Cuộc kiểm tra đã được trình; Trưởng đoàn phải mở lại trước khi sửa.',
    'Only the team lead may change findings after submission.':
        'Sau khi trình, chỉ Trưởng đoàn mới được sửa các phát hiện.',
    'Unknown field of procedure.':
        'Lĩnh vực thủ tục không hợp lệ.',
    'The due date cannot be before the date received.':
        'Ngày hẹn trả không được trước ngày tiếp nhận.',
    'The return date cannot be before the date received.':
        'Ngày trả kết quả không được trước ngày tiếp nhận.',
    'A sampled dossier cannot be received or returned after the inspection date.':
        'Hồ sơ chọn mẫu không thể được tiếp nhận hoặc trả kết quả sau ngày kiểm tra.',
    'The answer to %(item)s is empty.':
        'Câu trả lời cho tiêu chí %(item)s đang để trống.',
    'The answer to %(item)s is longer than 5000 characters.':
        'Câu trả lời cho tiêu chí %(item)s dài quá 5000 ký tự.',
    '%(item)s takes Pass, Fail or Not applicable.':
        'Tiêu chí %(item)s chỉ nhận Đạt, Không đạt hoặc Không áp dụng.',
    '%(item)s needs a number.':
        'Tiêu chí %(item)s cần nhập một con số.',
    '%(item)s takes a rating of 0, 1 or 2.':
        'Tiêu chí %(item)s chỉ nhận điểm 0, 1 hoặc 2.',
    '%(item)s takes a percentage between 0 and 100.':
        'Tiêu chí %(item)s nhận tỷ lệ phần trăm từ 0 đến 100.',
    '%(item)s takes a whole number of at least 0.':
        'Tiêu chí %(item)s nhận số nguyên không âm.',
    'The audit log cannot be changed.':
        'Không được sửa hoặc xóa nhật ký thay đổi.',
    '%(item)s was changed by %(name)s meanwhile. Choose which answer to keep.':
        'Tiêu chí %(item)s vừa được %(name)s thay đổi. Hãy chọn câu trả lời cần giữ.',
    'This operation id was already used for another answer.':
        'Mã thao tác này đã được dùng cho một câu trả lời khác.',
    'Unknown checklist item %(item)s.':
        'Không có tiêu chí %(item)s trong bảng kiểm tra.',
    'The note is longer than %(max)d characters.':
        'Ghi chú dài quá %(max)d ký tự.',
    'Dossier %(code)s is already in the sample.':
        'Hồ sơ %(code)s đã có trong mẫu.',
    'Only JPEG, PNG or WebP photos are accepted.':
        'Chỉ nhận ảnh JPEG, PNG hoặc WebP.',
    'The image has too many pixels (at most %(max)d million).':
        'Ảnh có quá nhiều điểm ảnh (tối đa %(max)d triệu).',
    'The file is not a readable image.':
        'Tệp không phải là ảnh đọc được.',
    'The photo is larger than %(size)d MB.':
        'Ảnh lớn hơn %(size)d MB.',
    'The deadline must be after the inspection date.':
        'Thời hạn phải sau ngày kiểm tra.',
    'Give the reason for dropping the finding.':
        'Hãy nêu lý do bỏ phát hiện này.',
    'No version of this checklist is in force on %(date)s.':
        'Không có phiên bản bảng kiểm tra nào có hiệu lực vào ngày %(date)s.',
    'This checklist does not apply to this kind of unit.':
        'Bảng kiểm tra này không áp dụng cho loại đơn vị đã chọn.',
    'The pinned checklist file has changed (sha256 differs); the inspection cannot use it.':
        'Tệp bảng kiểm tra đã gắn với cuộc kiểm tra bị thay đổi (sha256 khác); không thể sử dụng.',
    'The unit does not exist on the inspection date.':
        'Đơn vị không tồn tại vào ngày kiểm tra.',
    'The decision forming the team must precede the inspection.':
        'Quyết định thành lập đoàn phải có trước ngày kiểm tra.',
    'The secretary must be another person than the lead and the members.':
        'Thư ký phải là người khác với Trưởng đoàn và các thành viên.',
    '%(name)s cannot be on an inspection team.':
        '%(name)s không thể tham gia đoàn kiểm tra.',
    'Too few items are answered for a conclusion: state why the inspection is finalised anyway, or reopen it.':
        'Chưa đủ dữ liệu để kết luận: hãy nêu lý do vẫn kết thúc cuộc kiểm tra, hoặc mở lại để bổ sung.',
    'Choose a photo.':
        'Hãy chọn một ảnh.',
    'Minor':
        'Nhẹ',
    'Moderate':
        'Trung bình',
    'Serious':
        'Nghiêm trọng',
    'Land':
        'Đất đai',
    'Construction':
        'Xây dựng',
    'Planning':
        'Quy hoạch',
    'Civil status':
        'Hộ tịch',
    'Certification':
        'Chứng thực',
    'Social protection':
        'Bảo trợ xã hội',
    'Labour':
        'Lao động – việc làm',
    'Business registration':
        'Đăng ký kinh doanh',
    'Other':
        'Khác',
    'Unit inspected':
        'Đơn vị được kiểm tra',
    'Checklist':
        'Bảng kiểm tra',
    'Inspection date':
        'Ngày kiểm tra',
    'Notice':
        'Hình thức',
    'Unannounced (đột xuất)':
        'Đột xuất (không báo trước)',
    'Announced in advance':
        'Có thông báo trước',
    'Number of the decision forming the team':
        'Số Quyết định thành lập đoàn kiểm tra',
    'For example: 125/QĐ-UBND':
        'Ví dụ: 125/QĐ-UBND',
    'Date of the decision':
        'Ngày ban hành quyết định',
    'Team lead':
        'Trưởng đoàn',
    'Team members':
        'Thành viên',
    'Secretary':
        'Thư ký',
    'Dossier code':
        'Mã hồ sơ',
    'Field':
        'Lĩnh vực',
    'Received on':
        'Ngày tiếp nhận',
    'Due on':
        'Ngày hẹn trả',
    'Returned on (empty if not yet)':
        'Ngày trả kết quả (để trống nếu chưa trả)',
    'Found in the register (Mẫu 06)':
        'Có trong Sổ theo dõi (Mẫu 06)',
    'Found in the electronic system':
        'Có trên hệ thống điện tử',
    'Control slip (Mẫu 05) complete':
        'Phiếu kiểm soát (Mẫu 05) đầy đủ',
    'Apology letter (Mẫu 04) issued':
        'Có phiếu xin lỗi (Mẫu 04)',
    'Severity':
        'Mức độ',
    'Responsible official (optional)':
        'Cán bộ chịu trách nhiệm trực tiếp (nếu có)',
    'Legal basis':
        'Căn cứ pháp lý',
    'Deadline':
        'Thời hạn khắc phục',
    'Empty: the default for the severity (15, 30 or 45 days).':
        'Để trống: theo mức độ (15, 30 hoặc 45 ngày).',
    'Reason for dropping':
        'Lý do bỏ',
    'Why finalise with too little data (only when needed)':
        'Lý do kết thúc khi chưa đủ dữ liệu (chỉ khi cần)',
    'Dossier %(code)s has been added to the sample.':
        'Đã thêm hồ sơ %(code)s vào mẫu.',
    'The dossier has been removed from the sample.':
        'Đã bỏ hồ sơ khỏi mẫu.',
    'The findings have been brought up to date with the answers.':
        'Đã cập nhật các phát hiện theo câu trả lời.',
    'The finding has been added.':
        'Đã thêm phát hiện.',
    'The finding has been updated.':
        'Đã cập nhật phát hiện.',
    'The finding has been dropped.':
        'Đã bỏ phát hiện.',
    'The finding has been restored.':
        'Đã khôi phục phát hiện.',
    '— choose a unit —':
        '— chọn đơn vị —',
    '— choose —':
        '— chọn —',
    '— none —':
        '— không có —',
    'The inspection has been submitted to the team lead.':
        'Đã trình kết quả kiểm tra lên Trưởng đoàn.',
    'The inspection has been reopened for changes.':
        'Đã mở lại cuộc kiểm tra để chỉnh sửa.',
    'The inspection has been finalised. It can no longer be changed.':
        'Đã kết thúc cuộc kiểm tra. Không thể thay đổi được nữa.',
    'Inspections':
        'Kiểm tra',
    'Dossier sample':
        'Mẫu hồ sơ',
    'On time':
        'Đúng hạn',
    'In the register or system':
        'Có trong sổ hoặc hệ thống',
    'Control slip complete':
        'Phiếu kiểm soát đầy đủ',
    'Late with apology (%(late)d late)':
        'Quá hạn có xin lỗi (%(late)d hồ sơ quá hạn)',
    'These figures fill in the checklist items that depend on the sample (register coverage, control slips, on-time rate, apology letters).':
        'Các số liệu này được tự động điền vào các tiêu chí tính từ mẫu (theo dõi trong sổ, phiếu kiểm soát, tỷ lệ đúng hạn, phiếu xin lỗi).',
    'Code':
        'Mã',
    'Received':
        'Tiếp nhận',
    'Due':
        'Hẹn trả',
    'Returned':
        'Trả kết quả',
    'Checks':
        'Đối chiếu',
    'not yet':
        'chưa trả',
    'Mẫu 06':
        'Mẫu 06',
    'system':
        'hệ thống',
    'Mẫu 05':
        'Mẫu 05',
    'Mẫu 04':
        'Mẫu 04',
    'Remove':
        'Bỏ',
    'Add a sampled dossier':
        'Thêm hồ sơ chọn mẫu',
    'Add to the sample':
        'Thêm vào mẫu',
    'Answered':
        'Đã trả lời',
    'Sections':
        'Các phần',
    "You are not on this inspection's team: the answers are shown read-only.":
        'Bạn không thuộc đoàn kiểm tra này: chỉ xem, không sửa được.',
    'The inspection has been submitted: answers can no longer be changed here.':
        'Cuộc kiểm tra đã được trình: không sửa câu trả lời tại đây được nữa.',
    'Nothing in this section was saved: correct the answers marked below.':
        'Chưa lưu phần này: hãy sửa các câu trả lời được đánh dấu bên dưới.',
    'Nothing in this section was saved: another inspector changed some of these items meanwhile. Check each one and save again to keep your answer.':
        'Chưa lưu phần này: một thành viên khác vừa thay đổi một số tiêu chí. Hãy xem từng tiêu chí rồi lưu lại để giữ câu trả lời của bạn.',
    'All answers are saved.':
        'Đã lưu tất cả câu trả lời.',
    'Saved':
        'Đã lưu',
    'Computed from the dossier sample':
        'Tính từ mẫu hồ sơ',
    'dossier sample':
        'mẫu hồ sơ',
    'filled in automatically':
        'điền tự động',
    'Pass':
        'Đạt',
    'Fail':
        'Không đạt',
    'Not applicable':
        'Không áp dụng',
    '0 — not met':
        '0 — không đạt',
    '2 — met':
        '2 — đạt',
    'number':
        'số lượng',
    'Note':
        'Ghi chú',
    'Changed meanwhile by':
        'Vừa được thay đổi bởi',
    'Keep my answer':
        'Giữ câu trả lời của tôi',
    'Use the stored answer':
        'Dùng câu trả lời đã lưu',
    'Photo for %(item)s':
        'Ảnh của tiêu chí %(item)s',
    'no photo time':
        'không rõ thời điểm chụp',
    'Take a photo':
        'Chụp ảnh',
    'Upload the photo':
        'Tải ảnh lên',
    'Save and go to %(key)s':
        'Lưu và sang phần %(key)s',
    'Save and see the summary':
        'Lưu và xem kết quả',
    'Finding':
        'Phát hiện',
    'Save the finding':
        'Lưu phát hiện',
    'Back':
        'Quay lại',
    'Drop this finding':
        'Bỏ phát hiện này',
    'Drop the finding':
        'Bỏ phát hiện',
    'Findings':
        'Phát hiện',
    'Draw up findings from the answers':
        'Lập phát hiện từ câu trả lời',
    'Each finding names the unit and the head in office on the inspection date:':
        'Mỗi phát hiện ghi rõ đơn vị và người đứng đầu đương nhiệm vào ngày kiểm tra:',
    'Repeat':
        'Tái phạm',
    'dropped':
        'đã bỏ',
    'added by the team':
        'do đoàn bổ sung',
    'Observed:':
        'Ghi nhận:',
    'Head of unit':
        'Người đứng đầu',
    'not recorded':
        'chưa ghi nhận',
    'Responsible official':
        'Cán bộ chịu trách nhiệm',
    'Edit or drop':
        'Sửa hoặc bỏ',
    'Restore':
        'Khôi phục',
    'No findings yet.':
        'Chưa có phát hiện.',
    'Add a finding':
        'Thêm phát hiện',
    'Add the finding':
        'Thêm phát hiện',
    'Only my teams':
        'Chỉ đoàn của tôi',
    'Plan an inspection':
        'Lập kế hoạch kiểm tra',
    'Date':
        'Ngày',
    'Verdict':
        'Đánh giá',
    'announced':
        'có báo trước',
    'unannounced':
        'đột xuất',
    'None.':
        'Không có.',
    'The checklist version is chosen by the legal regime on the inspection date: Decree 61/2018 before 01/07/2025, Decree 118/2025 from then. It is pinned to the inspection with its sha256.':
        'Phiên bản bảng kiểm tra được chọn theo văn bản áp dụng vào ngày kiểm tra: Nghị định 61/2018 trước ngày 01/7/2025, Nghị định 118/2025 từ ngày đó. Phiên bản được gắn cố định với cuộc kiểm tra bằng mã sha256.',
    'Plan the inspection':
        'Lập kế hoạch',
    'Coverage':
        'Mức độ trả lời',
    'Items answered':
        'Tiêu chí đã trả lời',
    'Finalised with too little data because:':
        'Kết thúc khi chưa đủ dữ liệu vì:',
    'Section':
        'Phần',
    'Score':
        'Điểm',
    'not scored':
        'không chấm điểm',
    'Inspection details':
        'Thông tin cuộc kiểm tra',
    'Head of unit on the inspection date':
        'Người đứng đầu vào ngày kiểm tra',
    'Decision forming the team':
        'Quyết định thành lập đoàn',
    'No. %(number)s of %(date)s':
        'Số %(number)s ngày %(date)s',
    '%(count)d dossiers':
        '%(count)d hồ sơ',
    'deadline %(date)s':
        'hạn %(date)s',
    'No findings yet. They are drawn up from failing items when the inspection is submitted.':
        'Chưa có phát hiện. Phát hiện được lập từ các tiêu chí không đạt khi trình kết quả.',
    'Review the findings':
        'Xem các phát hiện',
    'Next step':
        'Bước tiếp theo',
    'Fill in the checklist':
        'Điền bảng kiểm tra',
    'Submit to the team lead':
        'Trình Trưởng đoàn',
    'Once finalised, nothing in this inspection can be changed by anyone.':
        'Sau khi kết thúc, không ai có thể thay đổi nội dung cuộc kiểm tra.',
    'Finalise the inspection':
        'Kết thúc cuộc kiểm tra',
    'Reopen for changes':
        'Mở lại để chỉnh sửa',
    'Submitted: waiting for the team lead to review and finalise.':
        'Đã trình: chờ Trưởng đoàn xem xét và kết thúc.',
    'Substantive':
        'Thực chất',
    'Partly substantive':
        'Thực chất một phần',
    'No verdict yet':
        'Chưa kết luận',
    'Planned':
        'Đã lập kế hoạch',
    'In progress':
        'Đang kiểm tra',
    'Awaiting review':
        'Chờ Trưởng đoàn duyệt',
    'Finalised':
        'Đã kết thúc',
    'Inspection':
        'Cuộc kiểm tra',
    'Summary':
        'Tổng hợp',
}
