"""Vietnamese translations: the register of outgoing documents, replacing documents, digital signatures."""

VI = {
    "The public address of KTCV (AUDIT_PUBLIC_URL) is not set: documents cannot be issued with a verification address.":
        "Chưa cấu hình địa chỉ công khai của KTCV (AUDIT_PUBLIC_URL): chưa thể ban hành văn bản có địa chỉ xác thực.",
    "Write the inspected unit's comments as recorded (for example “Đơn vị không có ý kiến.”) before issuing.":
        "Ghi ý kiến của đơn vị được kiểm tra đúng như đã ghi nhận (ví dụ: “Đơn vị không có ý kiến.”) trước khi ban hành.",
    "These minutes were issued again meanwhile; reload the page.":
        "Biên bản vừa được ban hành lại; hãy tải lại trang.",
    "A replacing document needs the reason and your confirmation.":
        "Văn bản thay thế cần nêu lý do và được xác nhận.",
    "Nothing has changed since %(number)s was issued: there is nothing to replace.":
        "Nội dung không thay đổi so với văn bản số %(number)s: không có gì để thay thế.",
    "No signing certificate is configured for %(body)s: an administrator must put its PKCS#12 file in place before documents are issued.":
        "Chưa cấu hình chứng thư số của %(body)s: quản trị hệ thống cần cài đặt tệp PKCS#12 trước khi ban hành văn bản.",
    "Minutes %(number)s have been issued.": "Đã ban hành Biên bản số %(number)s.",
    "Replace minutes %(number)s": "Thay thế Biên bản số %(number)s",
    "A correction is a new document with its own number that names the one it replaces; the replaced minutes stay, marked. It is refused when nothing has changed.":
        "Đính chính bằng một văn bản mới có số riêng, nêu rõ văn bản bị thay thế; biên bản bị thay thế vẫn được lưu và đánh dấu. Không ban hành khi nội dung không thay đổi.",
    "Reason for replacing": "Lý do thay thế",
    "I confirm that minutes %(number)s are replaced.": "Tôi xác nhận thay thế Biên bản số %(number)s.",
    "Issue the replacing minutes": "Ban hành biên bản thay thế",
    "Digitally signed by %(signer)s on %(date)s; the signature is valid.":
        "Đã ký số bởi %(signer)s lúc %(date)s; chữ ký số hợp lệ.",
    "Test certificate of the demo: no legal value.": "Chứng thư thử nghiệm của bản dùng thử: không có giá trị pháp lý.",
    "The digital signature does not match the content.": "Chữ ký số không khớp với nội dung văn bản.",
    "This file carries no digital signature.": "Tệp này không có chữ ký số.",
    "Write the year with four digits, for example 2026.": "Ghi năm bằng bốn chữ số, ví dụ 2026.",
    "Register of outgoing documents": "Sổ đăng ký văn bản đi",
    "Year": "Năm",
    "Each issuing body numbers its documents from 01 every year; a number is never given twice nor reused. A replacing document has its own number and names the one it replaces.":
        "Mỗi cơ quan ban hành đánh số văn bản từ số 01 mỗi năm; một số không cấp hai lần, không dùng lại. Văn bản thay thế có số riêng và nêu rõ văn bản bị thay thế.",
    "Issued by": "Cơ quan ban hành",
    "Kind and summary": "Loại và trích yếu",
    "Replaces %(number)s: %(reason)s": "Thay thế văn bản số %(number)s: %(reason)s",
    "No document in the register.": "Chưa có văn bản nào trong sổ.",
    "Write the addressee and every part of the report (assessment, shortcomings, causes, recommendations) before issuing it.":
        "Ghi nơi gửi (Kính gửi) và đủ các phần của báo cáo (đánh giá chung, tồn tại, nguyên nhân, kiến nghị) trước khi ban hành.",
    "Report %(number)s has been issued.": "Đã ban hành Báo cáo số %(number)s.",
    "Addressee (Kính gửi)": "Kính gửi",
    "General assessment": "Đánh giá chung",
    "Shortcomings": "Tồn tại, hạn chế",
    "Causes": "Nguyên nhân",
    "Recommendations and tasks": "Kiến nghị và nhiệm vụ thời gian tới",
    "remediation report (draft PDF)": "báo cáo kết quả khắc phục (dự thảo, PDF)",
    "Report %(number)s": "Báo cáo số %(number)s",
    "Issue the remediation report": "Ban hành báo cáo kết quả khắc phục",
    "Issue the period report": "Ban hành báo cáo kỳ",
    "Issue the period report %(period)s": "Ban hành báo cáo kết quả kiểm tra công vụ %(period)s",
    "The figures are filled in from the inspections of the units you act for; write the addressee and each part of the report. Issuing gives it a number from the register and signs it.":
        "Số liệu được tổng hợp từ các cuộc kiểm tra thuộc phạm vi của bạn; hãy ghi nơi gửi và từng phần của báo cáo. Khi ban hành, báo cáo được cấp số trong sổ văn bản đi và ký số.",
    "Draft (PDF)": "Dự thảo (PDF)",
    "Issue the report": "Ban hành báo cáo",
    "Strengths": "Ưu điểm",
    "Causes of the shortcomings": "Nguyên nhân của tồn tại, hạn chế",
    "Write the strengths and the causes of the shortcomings: the notice states both.":
        "Ghi ưu điểm và nguyên nhân của tồn tại, hạn chế: thông báo kết luận nêu cả hai nội dung.",
    "Genuine: this matches an issued document.": "Hợp lệ: tệp khớp với một văn bản đã ban hành.",
    "%(kind)s No. %(number)s of %(issuer)s, issued %(date)s.": "%(kind)s số %(number)s của %(issuer)s, ban hành ngày %(date)s.",
    "This document was issued again meanwhile; reload the page.":
        "Văn bản vừa được ban hành lại; hãy tải lại trang.",
    "Give both the number and the date of the inspection plan, or neither.":
        "Ghi cả số và ngày của kế hoạch kiểm tra, hoặc để trống cả hai.",
    "The inspection plan must precede the inspection.": "Kế hoạch kiểm tra phải được ban hành trước ngày kiểm tra.",
    "This inspection has no remediation items: there is nothing to report.":
        "Cuộc kiểm tra này không có yêu cầu khắc phục: không có nội dung để báo cáo.",
    "Number of the inspection plan": "Số kế hoạch kiểm tra",
    "The plan the inspection carries out, cited by the minutes; for example: 15/KH-UBND":
        "Kế hoạch mà cuộc kiểm tra thực hiện, được nêu tại phần căn cứ của biên bản; ví dụ: 15/KH-UBND",
    "Date of the plan": "Ngày ban hành kế hoạch",
    "Inspection plan": "Kế hoạch kiểm tra",
    "Replace %(number)s": "Thay thế văn bản số %(number)s",
    "%(number)s, issued on %(date)s, is in force. Issuing again gives a new document with its own number that names the one it replaces; the replaced one stays, marked. It is refused when nothing has changed.":
        "Văn bản số %(number)s ban hành ngày %(date)s đang có hiệu lực. Ban hành lại sẽ tạo văn bản mới có số riêng, nêu rõ văn bản bị thay thế; văn bản bị thay thế vẫn được lưu và đánh dấu. Không ban hành lại khi nội dung không thay đổi.",
    "I confirm that %(number)s is replaced.": "Tôi xác nhận thay thế văn bản số %(number)s.",
    "replaced": "đã bị thay thế",
    "Issue the replacing report": "Ban hành báo cáo thay thế",
    "Replaced by %(number)s": "Được thay thế bởi văn bản số %(number)s",
    "Correct the notice": "Thay thế thông báo kết luận",
    "Issue the replacing notice": "Ban hành thông báo thay thế",
    "It has been replaced by document No. %(number)s.": "Văn bản này đã được thay thế bởi văn bản số %(number)s.",
    "Another request changed this record at the same moment; nothing of yours was saved twice. Reload the page to see where it stands.":
        "Một yêu cầu khác vừa thay đổi bản ghi này cùng lúc; dữ liệu của bạn không bị lưu hai lần. Hãy tải lại trang để xem tình trạng hiện tại.",
    "Names and codes may not contain control or text-direction characters.":
        "Tên và mã không được chứa ký tự điều khiển hoặc ký tự đổi chiều văn bản.",
    "The file is not a PDF.": "Tệp không phải là PDF.",
    "The file is not a readable PDF.": "Tệp PDF không đọc được.",
    "PDF files with scripts, automatic actions or embedded files are not accepted.":
        "Không nhận tệp PDF có mã lệnh (script), thao tác tự động hoặc tệp đính kèm bên trong.",
    "The reason is longer than %(max)d characters.": "Lý do dài quá %(max)d ký tự.",
    "This inspection was changed meanwhile (a second tap, another tab or tablet); reload the page to see where it stands.":
        "Cuộc kiểm tra vừa được thay đổi (bấm hai lần, một thẻ hoặc máy tính bảng khác); hãy tải lại trang để xem tình trạng hiện tại.",
    "The data sent is not valid: %(errors)s": "Dữ liệu gửi lên không hợp lệ: %(errors)s",
    "%(column)s must lie between 0 and %(max)s.": "%(column)s phải nằm trong khoảng từ 0 đến %(max)s.",
    "Handled (%(handled)d) must equal early + on time + late (%(parts)d).":
        "Số đã giải quyết (%(handled)d) phải bằng trước hạn + đúng hạn + quá hạn (%(parts)d).",
    "In progress (%(pending)d) must equal within deadline + overdue (%(parts)d).":
        "Số đang giải quyết (%(pending)d) phải bằng trong hạn + quá hạn (%(parts)d).",
    "Received (%(received)d) must equal online + in person + by post (%(parts)d).":
        "Số mới tiếp nhận (%(received)d) phải bằng trực tuyến + trực tiếp + bưu chính (%(parts)d).",
    "Carried over + received (%(to_handle)d) must equal handled + in progress (%(done)d).":
        "Số kỳ trước chuyển qua + mới tiếp nhận (%(to_handle)d) phải bằng số đã giải quyết + đang giải quyết (%(done)d).",
    "The file is in a legacy Vietnamese encoding (%(encoding)s), not UTF-8. In Excel choose File → Save As → “CSV UTF-8 (Comma delimited)”, then upload that file.":
        "Tệp dùng bảng mã tiếng Việt cũ (%(encoding)s), không phải UTF-8. Trong Excel chọn Tệp → Lưu thành → “CSV UTF-8 (Comma delimited)” rồi tải lên tệp đó.",
    "The file is not a readable Excel workbook (.xlsx).": "Tệp không phải là sổ tính Excel (.xlsx) đọc được.",
    "The header must take one to three rows above the first row of figures (found %(count)d).":
        "Phần tiêu đề phải gồm một đến ba dòng phía trên dòng số liệu đầu tiên (tệp có %(count)d dòng).",
    "“%(value)s” is not a whole number.": "“%(value)s” không phải là số nguyên.",
    "This unit, field and period are already on line %(line)d.": "Đơn vị, lĩnh vực và kỳ này đã có ở dòng %(line)d.",
}
