"""Vietnamese translations: the minutes, remediation and the chairman's review."""

VI = {
    # minutes
    'Issued minutes cannot be deleted.':
        'Không được xóa biên bản đã phát hành.',
    'Issued minutes cannot be changed; issue a new version instead.':
        'Không được sửa biên bản đã phát hành; hãy phát hành phiên bản mới.',
    'Times are written hh:mm, for example 13:40.':
        'Giờ ghi theo dạng giờ:phút, ví dụ 13:40.',
    'The end time must be after the start time.':
        'Giờ kết thúc phải sau giờ bắt đầu.',
    'The number of copies is between 1 and 9.':
        'Số bản từ 1 đến 9.',
    'Minutes are issued only for a finalised inspection.':
        'Chỉ phát hành biên bản khi cuộc kiểm tra đã kết thúc.',
    'A signed copy is already attached to this version.':
        'Phiên bản này đã có bản ký.',
    'Start time (hh:mm)':
        'Giờ bắt đầu (giờ:phút)',
    'Closing time (hh:mm)':
        'Giờ kết thúc (giờ:phút)',
    'Place':
        'Địa điểm',
    'Representatives of the unit (one per line: name, position)':
        'Đại diện đơn vị được kiểm tra (mỗi dòng một người: họ tên, chức vụ)',
    'Comments of the inspected unit':
        'Ý kiến của đơn vị được kiểm tra',
    'Number of copies':
        'Số bản',
    'Between 1 and 9.':
        'Từ 1 đến 9.',
    'Scan of the signed minutes (PDF or photo)':
        'Bản quét biên bản đã ký, đóng dấu (PDF hoặc ảnh)',
    'Verification code':
        'Mã xác thực',
    'Or the PDF file':
        'Hoặc tệp PDF',
    'The details of the minutes have been saved (revision %(n)d).':
        'Đã lưu thông tin biên bản (lần sửa %(n)d).',
    'The signed copy has been attached.':
        'Đã đính kèm bản ký.',
    'Enter a verification code or choose the PDF file.':
        'Hãy nhập mã xác thực hoặc chọn tệp PDF.',
    'Minutes':
        'Biên bản',
    'Preview (draft)':
        'Xem trước (dự thảo)',
    'Preview':
        'Xem trước',
    'Issue the minutes':
        'Phát hành biên bản',
    'While the inspection is not finalised, the preview is marked DỰ THẢO (draft). Minutes are issued after finalising.':
        'Khi cuộc kiểm tra chưa kết thúc, bản xem trước có dấu DỰ THẢO. Biên bản được phát hành sau khi kết thúc.',
    'Issued':
        'Phát hành',
    'Signed copy':
        'Bản ký',
    'Version %(n)d':
        'Phiên bản %(n)d',
    'in force':
        'đang có hiệu lực',
    'superseded':
        'đã được thay thế',
    'Download':
        'Tải về',
    'Attach':
        'Đính kèm',
    'Details of the minutes':
        'Thông tin biên bản',
    'revision %(n)d':
        'lần sửa %(n)d',
    'A correction after finalising is recorded as a new revision; issue a new version to publish it.':
        'Sửa sau khi kết thúc được ghi thành lần sửa mới; hãy phát hành phiên bản mới để công bố.',
    'Save the details':
        'Lưu thông tin',
    'Time':
        'Thời gian',
    'Representatives of the unit':
        'Đại diện đơn vị',
    'Verify minutes':
        'Xác thực biên bản',
    'Enter the verification code printed on the minutes, or choose the PDF file, to check that it is a genuine issued document.':
        'Nhập mã xác thực in trên biên bản, hoặc chọn tệp PDF, để kiểm tra đó có phải biên bản đã phát hành hay không.',
    'Genuine: this matches issued minutes.':
        'Hợp lệ: khớp với biên bản đã phát hành.',
    'Minutes No. %(number)s, version %(version)d, issued %(date)s.':
        'Biên bản số %(number)s, phiên bản %(version)d, phát hành ngày %(date)s.',
    'Inspection of %(unit)s on %(date)s.':
        'Kiểm tra tại %(unit)s ngày %(date)s.',
    'This version is in force.':
        'Phiên bản này đang có hiệu lực.',
    'This version has been superseded by a later version.':
        'Phiên bản này đã được thay thế bằng phiên bản sau.',
    'No issued minutes match. The document may have been altered, or the code is wrong.':
        'Không khớp với biên bản nào đã phát hành. Tài liệu có thể đã bị sửa đổi, hoặc mã không đúng.',
    'Verify':
        'Kiểm tra',
    # remediation
    'This item is closed; nothing more can be done on it.':
        'Mục này đã đóng; không thể thực hiện thêm thao tác nào.',
    "This step is not possible in the item's current state.":
        'Không thể thực hiện bước này ở trạng thái hiện tại của mục.',
    'You may not take this step on this item.':
        'Bạn không được thực hiện bước này đối với mục này.',
    'An extension request is already waiting for a decision.':
        'Đã có đề nghị gia hạn đang chờ quyết định.',
    'There is no extension request to decide.':
        'Không có đề nghị gia hạn nào để quyết định.',
    'The new deadline must be after today.':
        'Thời hạn mới phải sau ngày hôm nay.',
    'The new deadline is the same as the current one.':
        'Thời hạn mới trùng với thời hạn hiện tại.',
    '%(count)d remediation item(s) opened after the inspection of %(date)s.':
        'Có %(count)d yêu cầu khắc phục sau cuộc kiểm tra ngày %(date)s.',
    'KTCV: new remediation items':
        'KTCV: yêu cầu khắc phục mới',
    'At most %(max)d files at a time.':
        'Tối đa %(max)d tệp mỗi lần.',
    'The file %(name)s is empty.':
        'Tệp %(name)s trống.',
    'The file %(name)s is larger than %(size)d MB.':
        'Tệp %(name)s lớn hơn %(size)d MB.',
    '%(name)s is not an accepted file: only photos (JPEG, PNG, WebP) and PDF.':
        'Tệp %(name)s không được chấp nhận: chỉ nhận ảnh (JPEG, PNG, WebP) và PDF.',
    'This form was already sent; it was not saved twice.':
        'Biểu mẫu này đã được gửi; không lưu lần thứ hai.',
    'Describe what was done, or attach evidence.':
        'Hãy mô tả việc đã khắc phục hoặc đính kèm minh chứng.',
    'Give the reason.':
        'Hãy nêu lý do.',
    'Ask for a date after the current deadline.':
        'Hãy đề nghị một ngày sau thời hạn hiện tại.',
    'Give the new deadline.':
        'Hãy nhập thời hạn mới.',
    'The text is longer than %(max)d characters.':
        'Nội dung dài quá %(max)d ký tự.',
    '%(unit)s responded on item %(item)d: %(text)s':
        '%(unit)s đã báo cáo khắc phục yêu cầu số %(item)d: %(text)s',
    'Item %(item)d was accepted and closed.':
        'Yêu cầu khắc phục số %(item)d đã được chấp nhận và đóng.',
    'Item %(item)d was returned: %(text)s':
        'Yêu cầu khắc phục số %(item)d bị trả lại: %(text)s',
    '%(unit)s asks to extend item %(item)d until %(date)s.':
        '%(unit)s đề nghị gia hạn yêu cầu khắc phục số %(item)d đến ngày %(date)s.',
    'The extension of item %(item)d was granted until %(date)s.':
        'Yêu cầu khắc phục số %(item)d được gia hạn đến ngày %(date)s.',
    'The extension of item %(item)d was refused.':
        'Đề nghị gia hạn yêu cầu khắc phục số %(item)d không được chấp thuận.',
    'The deadline of item %(item)d is now %(date)s.':
        'Thời hạn của yêu cầu khắc phục số %(item)d được điều chỉnh thành ngày %(date)s.',
    'KTCV: remediation item %(item)d':
        'KTCV: yêu cầu khắc phục số %(item)d',
    'Item %(item)d is overdue: the deadline was %(date)s.':
        'Yêu cầu khắc phục số %(item)d đã quá hạn: thời hạn là ngày %(date)s.',
    'Item %(item)d is due on %(date)s.':
        'Yêu cầu khắc phục số %(item)d đến hạn vào ngày %(date)s.',
    'The e-mail address is not valid.':
        'Địa chỉ thư điện tử không hợp lệ.',
    'Item opened':
        'Mở yêu cầu khắc phục',
    'The unit responded':
        'Đơn vị báo cáo khắc phục',
    'Accepted and closed':
        'Chấp nhận và đóng',
    'Returned to the unit':
        'Trả lại đơn vị',
    'Extension requested':
        'Đề nghị gia hạn',
    'Extension granted':
        'Chấp thuận gia hạn',
    'Extension refused':
        'Không chấp thuận gia hạn',
    'Deadline changed':
        'Điều chỉnh thời hạn',
    'E-mail (for reminders)':
        'Thư điện tử (để nhận nhắc hạn)',
    'Evidence (photos or PDF)':
        'Minh chứng (ảnh hoặc PDF)',
    'Remediation':
        'Khắc phục',
    'Inbox':
        'Hộp thư',
    'Mark all as read':
        'Đánh dấu đã đọc tất cả',
    'No messages.':
        'Không có thông báo.',
    'Overdue':
        'Quá hạn',
    'Due within 3 days':
        'Đến hạn trong 3 ngày',
    'Open':
        'Chưa khắc phục',
    'Responded, awaiting verification':
        'Đã báo cáo, chờ xác minh',
    'Closed':
        'Đã đóng',
    'No.':
        'Số',
    'Requirement':
        'Yêu cầu',
    'extension requested':
        'đang xin gia hạn',
    'overdue':
        'quá hạn',
    'Remediation item':
        'Yêu cầu khắc phục',
    'Closed (accepted)':
        'Đã đóng (được chấp nhận)',
    'Returned: to be remedied again':
        'Bị trả lại: cần khắc phục lại',
    'overdue by %(days)d day(s)':
        'quá hạn %(days)d ngày',
    'due in %(days)d day(s)':
        'còn %(days)d ngày',
    'originally %(date)s':
        'ban đầu %(date)s',
    'Extension requested until':
        'Đề nghị gia hạn đến',
    'What can be done':
        'Thao tác',
    'Send the response':
        'Gửi báo cáo khắc phục',
    'What was done':
        'Nội dung đã khắc phục',
    'Ask for an extension':
        'Đề nghị gia hạn',
    'Reason':
        'Lý do',
    'New deadline asked for':
        'Thời hạn đề nghị',
    'Accept and close':
        'Chấp nhận và đóng',
    'Verification note (optional)':
        'Ghi chú xác minh (nếu có)',
    'Return to the unit':
        'Trả lại đơn vị',
    'Reason for returning':
        'Lý do trả lại',
    'Grant the extension':
        'Chấp thuận gia hạn',
    'New deadline (empty: the date asked for)':
        'Thời hạn mới (để trống: theo ngày đơn vị đề nghị)',
    'Refuse the extension':
        'Không chấp thuận gia hạn',
    'Change the deadline':
        'Điều chỉnh thời hạn',
    'New deadline':
        'Thời hạn mới',
    'You can follow this item; only the unit and the inspection team act on it.':
        'Bạn theo dõi được mục này; chỉ đơn vị và đoàn kiểm tra thao tác trên mục.',
    'Timeline':
        'Diễn biến',
    'Deadline: %(old)s → %(new)s':
        'Thời hạn: %(old)s → %(new)s',
    "remediation items not closed":
        "yêu cầu khắc phục chưa đóng",
    "due within 3 days":
        "đến hạn trong 3 ngày",
    # review
    'A period is a year (2019) or a quarter (2019-Q1).':
        'Kỳ báo cáo là một năm (2019) hoặc một quý (2019-Q1).',
    'Unknown field “%(value)s”.':
        'Lĩnh vực “%(value)s” không hợp lệ.',
    'An issued conclusion cannot be changed.':
        'Không được sửa thông báo kết luận đã ban hành.',
    'Only a finalised inspection can be concluded.':
        'Chỉ kết luận được cuộc kiểm tra đã kết thúc.',
    'This inspection has already been concluded.':
        'Cuộc kiểm tra này đã có thông báo kết luận.',
    'Write the conclusions and directives.':
        'Hãy nhập nội dung kết luận và chỉ đạo.',
    'A responsibility review names the head in office and gives the reason.':
        'Yêu cầu xem xét trách nhiệm phải có người đứng đầu đương nhiệm và lý do.',
    'The chairman concluded the inspection of %(unit)s (%(number)s).':
        'Chủ tịch đã kết luận cuộc kiểm tra tại %(unit)s (%(number)s).',
    'Conclusions and directives (one per line)':
        'Kết luận và chỉ đạo (mỗi ý một dòng)',
    "Ask for a review of the head's responsibility":
        'Yêu cầu xem xét trách nhiệm người đứng đầu',
    'Reason for the review':
        'Lý do xem xét trách nhiệm',
    'The inspection has been concluded (%(number)s).':
        'Đã ban hành thông báo kết luận (%(number)s).',
    'Dashboard':
        'Tổng quan',
    'Conclusion':
        'Kết luận',
    'Conclusion of the inspection':
        'Kết luận kiểm tra',
    'head on the inspection date:':
        'người đứng đầu vào ngày kiểm tra:',
    'Notice %(number)s':
        'Thông báo số %(number)s',
    'Issued %(date)s by %(name)s.':
        'Ban hành lúc %(date)s bởi %(name)s.',
    'Responsibility review asked for %(name)s: %(reason)s':
        'Yêu cầu xem xét trách nhiệm của %(name)s: %(reason)s',
    'Download the notice (PDF)':
        'Tải thông báo kết luận (PDF)',
    'The inspection must be finalised by the team lead before it can be concluded.':
        'Trưởng đoàn phải kết thúc cuộc kiểm tra trước khi Chủ tịch kết luận.',
    'Conclude and issue the notice':
        'Kết luận và ban hành thông báo',
    'Dashboard of one-stop desks':
        'Tổng quan các Bộ phận Một cửa',
    'Heads of units':
        'Người đứng đầu',
    'Dossier statistics':
        'Số liệu hồ sơ',
    'Period report (PDF)':
        'Báo cáo kỳ (PDF)',
    'Period report (Excel)':
        'Báo cáo kỳ (Excel)',
    'Period':
        'Kỳ',
    'All desks':
        'Tất cả bộ phận',
    'Both':
        'Cả hai',
    'desks':
        'bộ phận một cửa',
    'judged formal':
        'bị đánh giá hình thức',
    'not inspected in the period':
        'chưa được kiểm tra trong kỳ',
    'overdue remediation items':
        'yêu cầu khắc phục quá hạn',
    'Latest assessment':
        'Đánh giá gần nhất',
    'Score trend':
        'Xu hướng điểm',
    'findings':
        'phát hiện',
    'minutes':
        'biên bản',
    'conclusion':
        'kết luận',
    'Directive 26 holds the head of a unit accountable: findings during their tenure, repeats, formal verdicts and overdue items, those needing attention first.':
        'Chỉ thị 26 quy định trách nhiệm của người đứng đầu: phát hiện trong thời gian giữ chức, tái phạm, kết luận hình thức và yêu cầu quá hạn; người cần lưu ý nhất xếp trước.',
    'Unit and tenure':
        'Đơn vị và thời gian giữ chức',
    'Formal verdicts':
        'Số lần bị đánh giá hình thức',
    'Late':
        'Quá hạn',
    'Reported on time':
        'Đúng hạn theo báo cáo',
    'Inspection sample':
        'Mẫu kiểm tra',
    'sample contradicts the report':
        'mẫu kiểm tra trái với số liệu báo cáo',
    "not closed":
        "chưa đóng",

}
