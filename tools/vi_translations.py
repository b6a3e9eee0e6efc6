"""Vietnamese translations of the interface, merged into audit/translations/vi/LC_MESSAGES/messages.po.

Run `tools/update_translations.sh` after changing UI strings: it extracts the messages,
merges this table, and fails if any message is left without a translation.
"""

VI = {
    # accounts and passwords
    "A username has 3–64 characters: lower-case letters without diacritics, digits, dot, dash or underscore.":
        "Tên đăng nhập dài 3–64 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.",
    "The password must have at least 10 characters.": "Mật khẩu phải có ít nhất 10 ký tự.",
    "The password must have at most 128 characters.": "Mật khẩu không được dài quá 128 ký tự.",
    "The password must not contain the username.": "Mật khẩu không được chứa tên đăng nhập.",
    "The password is too simple.": "Mật khẩu quá đơn giản.",
    "The file was refused: %(count)d problem(s).": "Tệp bị từ chối: có %(count)d lỗi.",
    "Too many failed login attempts. Please try again in %(minutes)d minute(s).":
        "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau %(minutes)d phút.",
    # tenures and units
    "The end date cannot be before the start date.": "Ngày kết thúc không được trước ngày bắt đầu.",
    "This tenure overlaps the tenure of %(name)s (%(start)s – %(end)s). Tenures of one unit may not overlap.":
        "Thời gian giữ chức trùng với thời gian của ông/bà %(name)s (%(start)s – %(end)s). "
        "Người đứng đầu một đơn vị không được có thời gian trùng nhau.",
    "The file is not UTF-8 encoded (invalid byte on this line). Save it as “CSV UTF-8”.":
        "Tệp không dùng bảng mã UTF-8 (có ký tự lỗi ở dòng này). Hãy lưu tệp dưới dạng “CSV UTF-8”.",
    "The file is empty.": "Tệp trống.",
    "Unit code %(code)s appears twice in the file.": "Mã đơn vị %(code)s xuất hiện hai lần trong tệp.",
    "Unit code %(code)s already exists.": "Mã đơn vị %(code)s đã tồn tại.",
    "Unknown record type “%(value)s” (use unit or head).":
        "Loại bản ghi “%(value)s” không hợp lệ (dùng unit hoặc head).",
    "The header row cannot be read: %(error)s": "Không đọc được dòng tiêu đề: %(error)s",
    "Missing column(s): %(columns)s.": "Thiếu cột: %(columns)s.",
    "Unknown column(s): %(columns)s.": "Cột không hợp lệ: %(columns)s.",
    "Expected %(expected)d columns, found %(found)d.": "Cần %(expected)d cột, nhưng có %(found)d cột.",
    "Too many rows (at most %(max)d).": "Quá nhiều dòng (tối đa %(max)d).",
    "The row cannot be read: %(error)s": "Không đọc được dòng này: %(error)s",
    "The file has no data rows.": "Tệp không có dòng dữ liệu nào.",
    "Invalid date “%(value)s” in column %(column)s (use dd/mm/yyyy).":
        "Ngày “%(value)s” ở cột %(column)s không hợp lệ (nhập theo dạng ngày/tháng/năm, ví dụ 05/03/2019).",
    "Column %(column)s is empty.": "Cột %(column)s đang để trống.",
    "Column %(column)s is longer than %(max)d characters.": "Cột %(column)s dài quá %(max)d ký tự.",
    "Invalid unit code “%(value)s” (letters A–Z, digits, - _ . ; at most 40).":
        "Mã đơn vị “%(value)s” không hợp lệ (chữ A–Z không dấu, chữ số, - _ . ; tối đa 40 ký tự).",
    "Unknown unit kind “%(value)s”.": "Loại đơn vị “%(value)s” không hợp lệ.",
    "A head needs the first day in office (valid_from).": "Người đứng đầu phải có ngày bắt đầu giữ chức (valid_from).",
    "Unit %(code)s is its own ancestor (a cycle of parents).":
        "Đơn vị %(code)s trực thuộc vòng tròn (là cấp trên của chính nó).",
    "Unknown parent unit %(code)s.": "Không tìm thấy đơn vị cấp trên %(code)s.",
    "Unknown predecessor unit %(code)s.": "Không tìm thấy đơn vị được hợp nhất %(code)s.",
    "Unknown unit %(code)s for this head.": "Không tìm thấy đơn vị %(code)s của người đứng đầu này.",
    "The end of validity is before its start.": "Ngày hết hiệu lực trước ngày bắt đầu hiệu lực.",
    "This kind of unit cannot be placed under that parent.": "Loại đơn vị này không thể trực thuộc đơn vị cấp trên đã chọn.",
    "A unit cannot remain valid after its parent unit ends.":
        "Đơn vị không thể còn hiệu lực sau khi đơn vị cấp trên chấm dứt hoạt động.",
    "A unit cannot start before its parent unit.": "Đơn vị không thể bắt đầu hoạt động trước đơn vị cấp trên.",
    "A predecessor unit must have an end date.": "Đơn vị được hợp nhất phải có ngày chấm dứt hoạt động.",
    "A successor unit must start after its predecessor ends.":
        "Đơn vị mới phải bắt đầu hoạt động sau ngày đơn vị được hợp nhất chấm dứt.",
    "Wrong username or password, or the account is deactivated.":
        "Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị khóa.",
    "A unit user must belong to a unit.": "Tài khoản cán bộ đơn vị phải thuộc một đơn vị.",
    "The username %(username)s is already taken.": "Tên đăng nhập %(username)s đã được sử dụng.",
    "You cannot remove your own administrator role.": "Bạn không thể tự bỏ quyền quản trị của chính mình.",
    "You cannot deactivate your own account.": "Bạn không thể tự khóa tài khoản của chính mình.",
    "The current password is wrong.": "Mật khẩu hiện tại không đúng.",
    "The new password must differ from the current one.": "Mật khẩu mới phải khác mật khẩu hiện tại.",
    # errors
    "Please log in to open this page.": "Vui lòng đăng nhập để mở trang này.",
    "The request could not be understood.": "Yêu cầu không hợp lệ.",
    "Please log in.": "Vui lòng đăng nhập.",
    "You do not have permission to do this.": "Bạn không có quyền thực hiện thao tác này.",
    "The page or record does not exist, or you may not see it.":
        "Trang hoặc dữ liệu không tồn tại, hoặc bạn không có quyền xem.",
    "This action is not allowed here.": "Không được phép thực hiện thao tác này tại đây.",
    "The change conflicts with the current state of the record.": "Thay đổi mâu thuẫn với trạng thái hiện tại của dữ liệu.",
    "The file is too large.": "Tệp quá lớn.",
    "The data sent is not valid.": "Dữ liệu gửi lên không hợp lệ.",
    "Too many requests. Please wait and try again.": "Quá nhiều yêu cầu. Vui lòng chờ rồi thử lại.",
    "An unexpected error occurred. Nothing was saved; please try again.":
        "Đã xảy ra lỗi ngoài dự kiến. Chưa có gì được lưu; vui lòng thử lại.",
    "The form has expired or is not valid (security token). Reload the page and try again.":
        "Biểu mẫu đã hết hạn hoặc không hợp lệ (mã bảo mật). Hãy tải lại trang rồi thử lại.",
    "Invalid date; use dd/mm/yyyy.": "Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm.",
    "This field is required.": "Mục này không được để trống.",
    "At most %(max)d characters.": "Tối đa %(max)d ký tự.",
    "Please correct the fields marked below.": "Vui lòng sửa các mục được đánh dấu bên dưới.",
    # labels
    "System administrator": "Quản trị hệ thống",
    "Chairman of the People's Committee": "Chủ tịch UBND",
    "Inspection team lead": "Trưởng đoàn kiểm tra",
    "Inspection team member": "Thành viên đoàn kiểm tra",
    "Inspected unit officer": "Cán bộ đơn vị được kiểm tra",
    "Provincial People's Committee": "UBND tỉnh, thành phố",
    "District People's Committee": "UBND huyện",
    "Specialised department": "Cơ quan chuyên môn",
    "District one-stop desk": "Bộ phận Một cửa cấp huyện",
    "Commune or town People's Committee": "UBND xã, thị trấn",
    "Commune one-stop desk": "Bộ phận Một cửa cấp xã",
    "Commune public administration service centre": "Trung tâm Phục vụ hành chính công cấp xã",
    "Pass / Fail / Not applicable": "Đạt / Không đạt / Không áp dụng",
    "Number": "Số lượng",
    "Percentage": "Tỷ lệ phần trăm",
    "Rating 0–2": "Thang điểm 0–2",
    "Text": "Văn bản",
    "confirmed": "đã xác minh",
    "partly confirmed": "xác minh một phần",
    "to be verified": "cần kiểm chứng",
    "Decree 61/2018 (until 30/06/2025)": "Nghị định 61/2018/NĐ-CP (đến 30/6/2025)",
    "Decree 118/2025 (from 01/07/2025)": "Nghị định 118/2025/NĐ-CP (từ 01/7/2025)",
    "Directive 26/CT-TTg (2016)": "Chỉ thị 26/CT-TTg (2016)",
    # forms
    "Unit code": "Mã đơn vị",
    "Upper-case letters, digits and dashes, e.g. NG-LAEE": "Chữ in hoa không dấu, chữ số và gạch ngang, ví dụ NG-LAEE",
    "Unit name": "Tên đơn vị",
    "Kind of unit": "Loại đơn vị",
    "Parent unit": "Đơn vị cấp trên",
    "Valid from": "Hiệu lực từ ngày",
    "Valid until": "Hiệu lực đến ngày",
    "Succeeds (merged units)": "Kế thừa (các đơn vị được hợp nhất)",
    "Username": "Tên đăng nhập",
    "Full name": "Họ và tên",
    "Position": "Chức vụ",
    "Role": "Vai trò",
    "Unit": "Đơn vị",
    "Initial password": "Mật khẩu ban đầu",
    "At least 10 characters; the user must change it at first login.":
        "Ít nhất 10 ký tự; người dùng phải đổi mật khẩu khi đăng nhập lần đầu.",
    "CSV file (UTF-8)": "Tệp CSV (UTF-8)",
    "Choose a file.": "Hãy chọn một tệp.",
    "— none (top level) —": "— không có (cấp cao nhất) —",
    "Unit %(name)s has been created.": "Đã tạo đơn vị %(name)s.",
    "The file is larger than %(size)d MB.": "Tệp lớn hơn %(size)d MB.",
    "Imported %(units)d unit(s) and %(heads)d head(s) of unit.":
        "Đã nhập %(units)d đơn vị và %(heads)d người đứng đầu.",
    "— no unit —": "— không thuộc đơn vị nào —",
    "Account %(username)s has been created.": "Đã tạo tài khoản %(username)s.",
    "Account %(username)s has been updated.": "Đã cập nhật tài khoản %(username)s.",
    "Account %(username)s has been reactivated.": "Đã mở lại tài khoản %(username)s.",
    "Account %(username)s has been deactivated.": "Đã khóa tài khoản %(username)s.",
    "Password": "Mật khẩu",
    "Current password": "Mật khẩu hiện tại",
    "New password": "Mật khẩu mới",
    "Repeat the new password": "Nhập lại mật khẩu mới",
    "The two passwords differ.": "Hai mật khẩu không khớp nhau.",
    "Please choose a new password before you continue.": "Vui lòng đặt mật khẩu mới trước khi tiếp tục.",
    "You have logged out.": "Bạn đã đăng xuất.",
    "Your password has been changed.": "Đã đổi mật khẩu.",
    "For example: Chủ tịch UBND xã": "Ví dụ: Chủ tịch UBND xã",
    "In office from": "Giữ chức từ ngày",
    "In office until (leave empty if still in office)": "Giữ chức đến ngày (để trống nếu đang đương nhiệm)",
    "%(name)s has been recorded as head of %(unit)s.": "Đã ghi nhận %(name)s là người đứng đầu %(unit)s.",
    # layout and pages
    "KTCV — Public service inspection": "KTCV — Kiểm tra công vụ",
    "Public service inspection": "Kiểm tra công vụ",
    "Main menu": "Trình đơn chính",
    "Home": "Trang chủ",
    "Units": "Đơn vị",
    "Checklists": "Bảng kiểm tra",
    "Accounts": "Tài khoản",
    "Change password": "Đổi mật khẩu",
    "Log out": "Đăng xuất",
    "KTCV — inspection of discipline (Directive 26/CT-TTg) and of one-stop desks":
        "KTCV — kiểm tra kỷ luật, kỷ cương hành chính (Chỉ thị 26/CT-TTg) và hoạt động Bộ phận Một cửa",
    "Import units and heads": "Nhập đơn vị và người đứng đầu",
    "Import units and heads (CSV)": "Nhập đơn vị và người đứng đầu (CSV)",
    "The file was refused; nothing was imported. Correct every row below and upload it again.":
        "Tệp bị từ chối, chưa có dữ liệu nào được nhập. Hãy sửa tất cả các dòng dưới đây rồi tải lên lại.",
    "Row": "Dòng",
    "Problem": "Lỗi",
    "whole file": "cả tệp",
    "Check and import": "Kiểm tra và nhập",
    "File format": "Định dạng tệp",
    "UTF-8 text (in Excel: “CSV UTF-8”), comma or semicolon separated, with this header row:":
        "Văn bản UTF-8 (trong Excel: “CSV UTF-8”), phân cách bằng dấu phẩy hoặc chấm phẩy, dòng tiêu đề như sau:",
    "record = unit: code, name, kind, parent_code (empty for a top-level unit), valid_from / valid_to (dd/mm/yyyy), succeeds (codes of merged units separated by ;).":
        "record = unit: mã (code), tên (name), loại (kind), mã đơn vị cấp trên (parent_code, để trống nếu là cấp cao nhất), "
        "ngày hiệu lực valid_from / valid_to (ngày/tháng/năm), succeeds (mã các đơn vị được hợp nhất, cách nhau bằng dấu ;).",
    "record = head: code of the unit, name of the person, title, valid_from = first day in office, valid_to = last day (empty while in office).":
        "record = head: mã đơn vị (code), họ tên người đứng đầu (name), chức vụ (title), valid_from = ngày bắt đầu giữ chức, "
        "valid_to = ngày thôi giữ chức (để trống nếu đang đương nhiệm).",
    "Kinds: province, district, department, district_desk, commune, commune_desk, commune_centre.":
        "Các loại đơn vị: province (UBND tỉnh), district (UBND huyện), department (cơ quan chuyên môn), "
        "district_desk (Bộ phận Một cửa cấp huyện), commune (UBND xã), commune_desk (Bộ phận Một cửa cấp xã), "
        "commune_centre (Trung tâm Phục vụ hành chính công cấp xã).",
    "The whole file is checked first: if any row is wrong, nothing is imported.":
        "Toàn bộ tệp được kiểm tra trước: chỉ cần một dòng sai thì không dòng nào được nhập.",
    "Password reset": "Cấp lại mật khẩu",
    "The temporary password of %(username)s is:": "Mật khẩu tạm thời của %(username)s là:",
    "It is shown only once. Give it to the user in person; they must choose a new password at their next login.":
        "Mật khẩu chỉ hiển thị một lần. Hãy trao trực tiếp cho người dùng; họ phải đặt mật khẩu mới khi đăng nhập lần sau.",
    "Back to the accounts": "Quay lại danh sách tài khoản",
    "Add a unit": "Thêm đơn vị",
    "Create the unit": "Tạo đơn vị",
    "Create an account": "Tạo tài khoản",
    "Account %(username)s": "Tài khoản %(username)s",
    "A unit officer must belong to a unit and sees only that unit and the units under it.":
        "Cán bộ đơn vị phải thuộc một đơn vị và chỉ xem được đơn vị đó cùng các đơn vị trực thuộc.",
    "Save": "Lưu",
    "Access": "Quyền truy cập",
    "Last login:": "Lần đăng nhập gần nhất:",
    "never": "chưa đăng nhập",
    "Deactivate the account": "Khóa tài khoản",
    "Reactivate the account": "Mở lại tài khoản",
    "Reset the password": "Cấp lại mật khẩu",
    "Status": "Trạng thái",
    "active": "đang hoạt động",
    "deactivated": "đã khóa",
    "Edit": "Sửa",
    "At least 10 characters, not containing your username.": "Ít nhất 10 ký tự, không chứa tên đăng nhập.",
    "Save the new password": "Lưu mật khẩu mới",
    "Log in": "Đăng nhập",
    "Inspection of discipline and of one-stop desks": "Kiểm tra kỷ luật, kỷ cương hành chính và hoạt động Bộ phận Một cửa",
    "Version": "Phiên bản",
    "Legal regime": "Căn cứ pháp lý áp dụng",
    "Valid": "Hiệu lực",
    "now": "nay",
    "no end date": "không thời hạn",
    "Items": "Số tiêu chí",
    "formality sign": "dấu hiệu hình thức",
    "weight %(weight)s": "trọng số %(weight)s",
    "Legal documents cited": "Văn bản được viện dẫn",
    "Each version is fixed once published; an inspection keeps the version valid on its date.":
        "Mỗi phiên bản không thay đổi sau khi ban hành; cuộc kiểm tra dùng phiên bản có hiệu lực vào ngày kiểm tra.",
    "Error": "Lỗi",
    "Back to the home page": "Về trang chủ",
    "Hello, %(name)s": "Xin chào, %(name)s",
    "Today is %(date)s.": "Hôm nay là %(date)s.",
    "Head of unit today": "Người đứng đầu hiện nay",
    "Units under your unit": "Các đơn vị trực thuộc",
    "Unit details and head history": "Thông tin đơn vị và lịch sử người đứng đầu",
    "units": "đơn vị",
    "active accounts": "tài khoản đang hoạt động",
    "One-stop desks in operation today": "Các Bộ phận Một cửa đang hoạt động",
    "One-stop desk": "Bộ phận Một cửa",
    "Kind": "Loại",
    "Head today": "Người đứng đầu hiện nay",
    "No one-stop desk is recorded for today.": "Chưa có Bộ phận Một cửa nào đang hoạt động.",
    "Validity": "Thời gian hoạt động",
    "Succeeds": "Kế thừa từ",
    "Succeeded by": "Được kế thừa bởi",
    "Units under it": "Đơn vị trực thuộc",
    "Heads of unit over time": "Người đứng đầu qua các thời kỳ",
    "Who headed the unit on": "Người đứng đầu vào ngày",
    "Look up": "Tra cứu",
    "On %(date)s:": "Ngày %(date)s:",
    "no head recorded": "chưa ghi nhận người đứng đầu",
    "From": "Từ ngày",
    "Until": "Đến ngày",
    "in office": "đương nhiệm",
    "No head recorded": "Chưa ghi nhận người đứng đầu",
    "Appoint a head": "Ghi nhận người đứng đầu",
    "Appointing a new head ends the current head's tenure on the day before.":
        "Khi ghi nhận người đứng đầu mới, nhiệm kỳ của người đương nhiệm kết thúc vào ngày liền trước.",
    "Record the head": "Ghi nhận",
    "Import CSV": "Nhập từ tệp CSV",
    "Units in operation on": "Đơn vị hoạt động vào ngày",
    "Filter": "Lọc",
    "All periods": "Mọi thời kỳ",
    "Heads shown as of %(date)s.": "Người đứng đầu tính đến ngày %(date)s.",
    "Head": "Người đứng đầu",
    "Head history (%(count)d)": "Lịch sử người đứng đầu (%(count)d)",
    "No unit matches.": "Không có đơn vị phù hợp.",
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
    'All inspections':
        'Tất cả cuộc kiểm tra',
    'Only my teams':
        'Chỉ đoàn của tôi',
    'Plan an inspection':
        'Lập kế hoạch kiểm tra',
    'Date':
        'Ngày',
    'Verdict':
        'Kết luận',
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
    'Minutes %(number)s version %(version)d have been issued.':
        'Đã phát hành biên bản số %(number)s, phiên bản %(version)d.',
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
    'Issue a new version':
        'Phát hành phiên bản mới',
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
    'PDF files with scripts are not accepted.':
        'Không nhận tệp PDF có chứa mã lệnh (script).',
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
        '%(unit)s đã báo cáo khắc phục mục %(item)d: %(text)s',
    'Item %(item)d was accepted and closed.':
        'Mục %(item)d đã được chấp nhận và đóng.',
    'Item %(item)d was returned: %(text)s':
        'Mục %(item)d bị trả lại: %(text)s',
    '%(unit)s asks to extend item %(item)d until %(date)s.':
        '%(unit)s đề nghị gia hạn mục %(item)d đến ngày %(date)s.',
    'The extension of item %(item)d was granted until %(date)s.':
        'Mục %(item)d được gia hạn đến ngày %(date)s.',
    'The extension of item %(item)d was refused.':
        'Đề nghị gia hạn mục %(item)d không được chấp thuận.',
    'The deadline of item %(item)d is now %(date)s.':
        'Thời hạn của mục %(item)d được điều chỉnh thành ngày %(date)s.',
    'KTCV: remediation item %(item)d':
        'KTCV: yêu cầu khắc phục số %(item)d',
    'Item %(item)d is overdue: the deadline was %(date)s.':
        'Mục %(item)d đã quá hạn: thời hạn là ngày %(date)s.',
    'Item %(item)d is due on %(date)s.':
        'Mục %(item)d đến hạn vào ngày %(date)s.',
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
    'Saved.':
        'Đã lưu.',
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
    'remediation report (PDF)':
        'báo cáo kết quả khắc phục (PDF)',
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
    'Column %(column)s must be a whole number, not “%(value)s”.':
        'Cột %(column)s phải là số nguyên, không phải “%(value)s”.',
    'Column %(column)s cannot be negative.':
        'Cột %(column)s không được âm.',
    'Unknown unit %(code)s.':
        'Không tìm thấy đơn vị %(code)s.',
    'Unknown field “%(value)s”.':
        'Lĩnh vực “%(value)s” không hợp lệ.',
    'received (%(received)d) must equal on_time + late (%(sum)d).':
        'Số tiếp nhận (%(received)d) phải bằng đúng hạn + quá hạn (%(sum)d).',
    'This unit, field and period appear twice.':
        'Đơn vị, lĩnh vực và kỳ này xuất hiện hai lần.',
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
    'Figures for %(code)s, %(field)s, %(period)s are already imported.':
        'Số liệu của %(code)s, lĩnh vực %(field)s, kỳ %(period)s đã được nhập trước đó.',
    'Conclusions and directives (one per line)':
        'Kết luận và chỉ đạo (mỗi ý một dòng)',
    "Ask for a review of the head's responsibility":
        'Yêu cầu xem xét trách nhiệm người đứng đầu',
    'Reason for the review':
        'Lý do xem xét trách nhiệm',
    'The inspection has been concluded (%(number)s).':
        'Đã ban hành thông báo kết luận (%(number)s).',
    'Imported %(count)d row(s) of dossier statistics.':
        'Đã nhập %(count)d dòng số liệu hồ sơ.',
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
        'Kết luận hình thức',
    'On time by unit':
        'Tỷ lệ đúng hạn theo đơn vị',
    'Late':
        'Quá hạn',
    'Reported on time':
        'Đúng hạn theo báo cáo',
    'Inspection sample':
        'Mẫu kiểm tra',
    'sample contradicts the report':
        'mẫu kiểm tra trái với số liệu báo cáo',
    'On time by field':
        'Tỷ lệ đúng hạn theo lĩnh vực',
    'Import statistics (CSV)':
        'Nhập số liệu (CSV)',
    "not closed":
        "chưa đóng",

    # the assessment (issue 9): verdicts, reasons, signals, findings
    "Weak (works, but poorly)": "Hoạt động yếu",
    "Formal (on paper only)": "Hình thức",
    "Good compliance": "Chấp hành tốt",
    "Violations remain": "Còn vi phạm",
    "Serious violations": "Vi phạm nghiêm trọng",
    "Insufficient evidence": "Chưa đủ căn cứ",
    "as given": "theo số liệu được cung cấp",
    "from the unit's system, noted at the inspection": "theo hệ thống của đơn vị, ghi nhận tại buổi kiểm tra",
    "from the imported statistics": "theo số liệu thống kê đã nhập",
    "The on-time rate the unit reports (%(reported)s, %(source_label)s) lies above what its dossier sample allows (%(on_time)d of %(size)d dossiers on time; 95%% interval %(low)s–%(high)s), so the reported figures do not reflect reality and the assessment is “%(outcome_label)s” whatever the score.":
        "Tỷ lệ hồ sơ đúng hạn đơn vị báo cáo (%(reported)s, %(source_label)s) cao hơn mức mà mẫu hồ sơ cho phép (%(on_time)d/%(size)d hồ sơ đúng hạn; khoảng tin cậy 95 %%: %(low)s–%(high)s), nên số liệu báo cáo không phản ánh thực tế và kết quả đánh giá là “%(outcome_label)s” dù điểm số thế nào.",
    "%(item)s — %(statement)s — on its own this makes the assessment “%(outcome_label)s”, whatever the score.":
        "%(item)s — %(statement)s — riêng vi phạm này đã dẫn đến đánh giá “%(outcome_label)s”, dù điểm số thế nào.",
    "%(item)s — %(statement)s — a prohibited act that on its own rules out an assessment better than “%(outcome_label)s”.":
        "%(item)s — %(statement)s — là hành vi bị nghiêm cấm, riêng vi phạm này đã không cho phép đánh giá cao hơn “%(outcome_label)s”.",
    "%(item)s — %(statement)s — a sign of formality worth %(points)d point(s).":
        "%(item)s — %(statement)s — là dấu hiệu hình thức (%(points)d điểm).",
    "The signs of formality add up to %(points)d points, %(limit)d or more, so what the unit shows does not reflect how it works.":
        "Các dấu hiệu hình thức cộng lại %(points)d điểm, từ %(limit)d điểm trở lên, nên những gì đơn vị thể hiện không phản ánh thực tế hoạt động.",
    "The signs of formality add up to %(points)d points, %(limit)d or more, which rules out an assessment better than “%(outcome_label)s”.":
        "Các dấu hiệu hình thức cộng lại %(points)d điểm, từ %(limit)d điểm trở lên, nên không thể đánh giá cao hơn “%(outcome_label)s”.",
    "Critical items without an answer: %(items)s.": "Các mục bắt buộc chưa có câu trả lời: %(items)s.",
    "The dossier sample holds %(size)d dossier(s), fewer than the %(required)d required, so %(items)s have no basis yet (chưa đủ căn cứ).":
        "Mẫu hồ sơ mới có %(size)d hồ sơ, chưa đủ %(required)d hồ sơ tối thiểu, nên các mục %(items)s chưa đủ căn cứ.",
    "%(item)s is marked “Not applicable”, which this item does not allow here, so it counts as unanswered.":
        "%(item)s được chọn “Không áp dụng” trong khi trường hợp này không cho phép, nên được tính là chưa trả lời.",
    "Only %(coverage)s of the applicable items (by weight) are answered, and at least %(min)s are needed for a conclusion.":
        "Mới trả lời %(coverage)s nội dung áp dụng (theo trọng số), trong khi cần tối thiểu %(min)s để đánh giá.",
    "The performance score is %(score)s out of 100 (good from %(good)s, poor below %(poor)s).":
        "Điểm thực hiện nhiệm vụ đạt %(score)s/100 (tốt từ %(good)s, yếu dưới %(poor)s).",
    "Nothing can be concluded until the gaps above are filled.": "Chưa thể đánh giá cho đến khi bổ sung các nội dung còn thiếu nêu trên.",
    "What the unit shows or reports is not real, whatever its score.": "Những gì đơn vị thể hiện, báo cáo không đúng thực tế, dù điểm số thế nào.",
    "The unit works for real, with no integrity failure and few signs of formality, but it performs poorly.":
        "Đơn vị hoạt động thực, không có vi phạm về tính trung thực và ít dấu hiệu hình thức, nhưng kết quả thực hiện nhiệm vụ còn yếu.",
    "The score is good, but the violations or signs above rule out the best assessment.":
        "Điểm số tốt, nhưng các vi phạm hoặc dấu hiệu nêu trên không cho phép đánh giá ở mức cao nhất.",
    "The unit works for real, and its performance is fair.": "Đơn vị hoạt động thực, kết quả thực hiện nhiệm vụ ở mức khá.",
    "There is no integrity failure, no prohibited act and few signs of formality, and the score is good.":
        "Không có vi phạm về tính trung thực, không có hành vi bị nghiêm cấm, ít dấu hiệu hình thức và điểm số tốt.",
    "set by law": "theo quy định pháp luật",
    "the inspection team's proposal": "đề xuất của Đoàn kiểm tra",
    "decisive if failed": "quyết định kết quả",
    "prohibited act": "hành vi bị nghiêm cấm",
    "sign of formality": "dấu hiệu hình thức",
    "1 — partly met": "1 — đạt một phần",
    "%(item)s can always be checked: “Not applicable” is not accepted.":
        "%(item)s luôn kiểm tra được: không chấp nhận “Không áp dụng”.",
    "%(item)s cannot be “Not applicable” given the answer to %(other)s.":
        "%(item)s không thể “Không áp dụng” với câu trả lời hiện có của %(other)s.",
    "Choose one of the verdicts this checklist provides.": "Chọn một trong các mức đánh giá của bảng kiểm tra này.",
    "Give the reason for deciding a verdict other than the team's proposal.":
        "Nêu lý do khi kết luận khác với đề xuất của Đoàn kiểm tra.",
    "These critical items need an answer first: %(items)s.": "Cần trả lời các mục bắt buộc trước: %(items)s.",
    "“Not applicable” is not allowed here for: %(items)s. Answer these items first.":
        "Không được chọn “Không áp dụng” cho: %(items)s. Hãy trả lời các mục này trước.",
    "Finding (what is wrong, with the measured value)": "Nội dung tồn tại (điều chưa đúng, kèm số liệu đo được)",
    "Observation (what the team saw or noted)": "Ghi nhận của Đoàn kiểm tra",
    "Requirement (what the unit must do)": "Yêu cầu khắc phục (đơn vị phải làm gì)",
    "The inspection has been planned with the checklist “%(title)s”.": "Đã lập kế hoạch kiểm tra theo bảng “%(title)s”.",
    "Final verdict": "Kết luận đánh giá",
    "Reason, when the verdict differs from the team's proposal": "Lý do (khi kết luận khác đề xuất của Đoàn kiểm tra)",
    "On-time rate with 95%% confidence: between %(low)s and %(high)s.":
        "Với độ tin cậy 95 %%, tỷ lệ đúng hạn nằm trong khoảng %(low)s – %(high)s.",
    "The sample holds %(size)d dossier(s); at least %(required)d are needed before it answers the checklist items that depend on it. Until then those items have no basis (chưa đủ căn cứ).":
        "Mẫu mới có %(size)d hồ sơ; cần tối thiểu %(required)d hồ sơ thì mẫu mới trả lời các mục dựa trên mẫu. Đến lúc đó, các mục này chưa đủ căn cứ.",
    "must be answered": "bắt buộc trả lời",
    "no late dossier in the sample": "mẫu không có hồ sơ quá hạn",
    "No basis yet (chưa đủ căn cứ)": "Chưa đủ căn cứ",
    "the sample holds %(size)d dossier(s); at least %(required)d are needed before it answers this item.":
        "mẫu mới có %(size)d hồ sơ; cần tối thiểu %(required)d hồ sơ.",
    "Responsible body": "Cơ quan chịu trách nhiệm",
    "Chairman's conclusion": "Kết luận của Chủ tịch",
    "The team proposed: %(verdict)s.": "Đoàn kiểm tra đề xuất: %(verdict)s.",
    "Reason for the change: %(reason)s": "Lý do thay đổi: %(reason)s",
    "The team's reasons": "Căn cứ đề xuất của Đoàn kiểm tra",
    "Team's proposed assessment": "Đề xuất đánh giá của Đoàn kiểm tra",
    "Proposed by the team at finalisation; the chairman decides the final verdict in the conclusion.":
        "Đoàn kiểm tra đề xuất khi hoàn tất; Chủ tịch quyết định kết luận cuối cùng.",
    "Provisional: computed from the answers so far. The team proposes, the chairman decides.":
        "Tạm tính theo các câu trả lời hiện có. Đoàn kiểm tra đề xuất, Chủ tịch quyết định.",
    "Performance score": "Điểm thực hiện nhiệm vụ",
    "Not applicable (by weight)": "Không áp dụng (theo trọng số)",
    "Signs of formality (points)": "Dấu hiệu hình thức (điểm)",
    "Gaps before a conclusion": "Nội dung còn thiếu để đánh giá",
    "No basis yet (chưa đủ căn cứ): %(items)s — the sample holds %(size)d dossier(s), at least %(required)d are needed.":
        "Chưa đủ căn cứ: %(items)s — mẫu mới có %(size)d hồ sơ, cần tối thiểu %(required)d hồ sơ.",
    "“Not applicable” is not allowed here for: %(items)s.": "Không được chọn “Không áp dụng” cho: %(items)s.",
    "Performance by section": "Kết quả thực hiện theo nội dung",
    "Reported figures against the dossier sample": "Số liệu báo cáo so với mẫu hồ sơ",
    "Reported on-time rate %(reported)s against the sample: %(on_time)d of %(size)d dossiers on time, 95%% interval %(low)s–%(high)s.":
        "Tỷ lệ đúng hạn báo cáo %(reported)s so với mẫu: %(on_time)d/%(size)d hồ sơ đúng hạn, khoảng tin cậy 95 %%: %(low)s–%(high)s.",
    "The sample contradicts the reported figure.": "Mẫu hồ sơ mâu thuẫn với số liệu báo cáo.",
    "The sample does not contradict the reported figure.": "Mẫu hồ sơ không mâu thuẫn với số liệu báo cáo.",
    "on time %(rate)s": "đúng hạn %(rate)s",
    "in register %(rate)s": "có trong sổ %(rate)s",
    "Responsible: %(unit)s — head: %(head)s": "Trách nhiệm: %(unit)s — người đứng đầu: %(head)s",
    "chairman's conclusion": "kết luận của Chủ tịch",
    "team's proposal": "đề xuất của Đoàn",
    "team's proposal:": "đề xuất của Đoàn:",
    "Final verdict:": "Kết luận:",
    "changed from the team's proposal because: %(reason)s": "thay đổi so với đề xuất của Đoàn vì: %(reason)s",
    "confirms the team's proposal": "thống nhất với đề xuất của Đoàn",
    ("%(num)d dossier", "%(num)d dossiers"): ("%(num)d hồ sơ",),
    # reasons stored by the first release's rule (audit/domain/legacy_reasons.py)
    "Only %(coverage)s%% of the applicable items (by weight) are answered; at least %(min)s%% are needed for a conclusion.":
        "Mới trả lời %(coverage)s%% các tiêu chí áp dụng (theo trọng số); cần ít nhất %(min)s%% để kết luận.",
    "Critical item %(item)s failed.": "Tiêu chí bắt buộc %(item)s không đạt.",
    "The overall score %(score)s is below %(limit)s.": "Điểm tổng %(score)s thấp hơn %(limit)s.",
    "The formality index %(index)s is at or above %(limit)s.": "Chỉ số hình thức %(index)s từ %(limit)s trở lên.",
    "Score %(score)s ≥ %(limit)s and formality index %(index)s ≤ %(fmax)s, with no critical failure.":
        "Điểm %(score)s ≥ %(limit)s, chỉ số hình thức %(index)s ≤ %(fmax)s và không có tiêu chí bắt buộc nào không đạt.",
    "The formality index %(index)s is above %(limit)s.": "Chỉ số hình thức %(index)s cao hơn %(limit)s.",
    # the checklist page
    "the inspection cannot be submitted without it": "không trả lời thì không trình được cuộc kiểm tra",
    "a failure alone gives the worst outcome, whatever the score": "riêng một lần không đạt đã dẫn đến mức đánh giá thấp nhất, dù điểm số thế nào",
    "a failure rules out the best outcome": "không đạt thì không thể được đánh giá ở mức cao nhất",
    "a failure counts points towards “formal”": "không đạt thì cộng điểm dấu hiệu hình thức",
    "How the assessment is decided": "Cách đánh giá",
    "Performance score: good from %(good)s, poor below %(poor)s.": "Điểm thực hiện nhiệm vụ: tốt từ %(good)s, yếu dưới %(poor)s.",
    "Signs of formality: from %(partial)d points the best outcome is ruled out, from %(formal)d points the outcome is the worst.":
        "Dấu hiệu hình thức: từ %(partial)d điểm thì không được đánh giá ở mức cao nhất, từ %(formal)d điểm thì ở mức thấp nhất.",
    "At least %(coverage)s of the applicable items must be answered; the dossier sample needs at least %(sample)d dossiers.":
        "Cần trả lời tối thiểu %(coverage)s nội dung áp dụng; mẫu hồ sơ cần tối thiểu %(sample)d hồ sơ.",
    "Outcomes:": "Các mức đánh giá:",
    "Basis: %(kind)s — %(note)s": "Căn cứ: %(kind)s — %(note)s",
    ("%(num)d point", "%(num)d points"): ("%(num)d điểm",),
    "“Not applicable” allowed": "được chọn “Không áp dụng”",
    "“Not applicable” not allowed": "không được chọn “Không áp dụng”",
    "If it fails:": "Nếu không đạt:",
    "Requirement:": "Yêu cầu:",
    "Scoring: full at %(full)s, nothing at %(zero)s — %(kind)s: %(note)s": "Chấm điểm: đủ điểm từ %(full)s, không có điểm từ %(zero)s — %(kind)s: %(note)s",
    # offline work (issue 10)
    'This operation id was already used for another photo.':
        'Mã thao tác này đã được dùng cho một ảnh khác.',
    "Give the dossier's code (at most %(max)d characters).":
        'Nhập mã hồ sơ (tối đa %(max)d ký tự).',
    'Invalid date “%(value)s” (use dd/mm/yyyy).':
        'Ngày “%(value)s” không hợp lệ (nhập theo dạng ngày/tháng/năm).',
    'This dossier is no longer in the sample.':
        'Hồ sơ này không còn trong mẫu.',
    'The security token has expired. Log in again if asked; nothing you entered is lost.':
        'Mã bảo mật đã hết hạn. Hãy đăng nhập lại nếu được yêu cầu; những gì đã nhập không bị mất.',
    'Inspection of discipline (Directive 26/CT-TTg) and of one-stop desks, on a tablet, with or without a network.':
        'Kiểm tra kỷ luật, kỷ cương hành chính (Chỉ thị 26/CT-TTg) và hoạt động Bộ phận Một cửa trên máy tính bảng, có hoặc không có kết nối mạng.',
    'Dossier %(code)s has been corrected.':
        'Đã sửa hồ sơ %(code)s.',
    'Offline work':
        'Làm việc ngoại tuyến',
    'Correct a sampled dossier':
        'Sửa hồ sơ trong mẫu',
    'Save the correction':
        'Lưu nội dung sửa',
    'Kept on this tablet, not yet sent':
        'Đang lưu trên máy tính bảng, chưa gửi',
    'Removal not yet sent':
        'Chưa gửi việc xóa',
    'Refused':
        'Bị từ chối',
    'Correct':
        'Sửa',
    'Remove dossier %(code)s from the sample?':
        'Xóa hồ sơ %(code)s khỏi mẫu?',
    'Cancel':
        'Hủy',
    'Sending %(count)s change(s)…':
        'Đang gửi %(count)s thay đổi…',
    'No connection — %(count)s change(s) kept on this tablet, sent when the connection returns.':
        'Mất kết nối — %(count)s thay đổi đang lưu trên máy tính bảng, sẽ gửi khi có kết nối.',
    'Your session has ended: %(count)s change(s) are kept on this tablet and will be sent after you log in again.':
        'Phiên đăng nhập đã hết: %(count)s thay đổi vẫn được lưu trên máy tính bảng và sẽ được gửi sau khi đăng nhập lại.',
    'Log in again':
        'Đăng nhập lại',
    '%(count)s answer(s) refused: %(items)s.':
        '%(count)s câu trả lời bị từ chối: %(items)s.',
    '%(count)s item(s) changed meanwhile by someone else: choose which answer to keep (%(items)s).':
        '%(count)s mục vừa được người khác thay đổi: hãy chọn câu trả lời cần giữ (%(items)s).',
    'Changed meanwhile by someone else: choose which answer to keep.':
        'Người khác vừa thay đổi mục này: hãy chọn câu trả lời cần giữ.',
    'Refused: %(message)s':
        'Bị từ chối: %(message)s',
    'not yet sent':
        'chưa gửi',
    'This photo cannot be read on the tablet; take it again.':
        'Máy tính bảng không đọc được ảnh này; hãy chụp lại.',
    'Stored on the server':
        'Đang lưu trên máy chủ',
    'Yours, kept on this tablet':
        'Của bạn, đang giữ trên máy tính bảng',
    '%(count)s change(s) are still being sent from this tablet.':
        'Máy tính bảng còn đang gửi %(count)s thay đổi.',
    'No connection: %(count)s change(s) are kept on this tablet and will be sent when the connection returns.':
        'Mất kết nối: %(count)s thay đổi đang lưu trên máy tính bảng và sẽ được gửi khi có kết nối.',
    '%(count)s change(s) refused: %(items)s. Correct them in the checklist.':
        '%(count)s thay đổi bị từ chối: %(items)s. Hãy sửa trong bảng kiểm tra.',
    'Your session has ended: log in again to send them.':
        'Phiên đăng nhập đã hết: đăng nhập lại để gửi.',
    'This browser cannot store pages for offline work.':
        'Trình duyệt này không lưu được trang để làm việc ngoại tuyến.',
    'Storing the inspection on this tablet…':
        'Đang lưu cuộc kiểm tra vào máy tính bảng…',
    'Stored %(done)s of %(total)s…':
        'Đã lưu %(done)s/%(total)s…',
    'Stored on this tablet: %(pages)s pages and %(photos)s photos (%(seconds)s s). The inspection can now be filled without a network.':
        'Đã lưu vào máy tính bảng: %(pages)s trang và %(photos)s ảnh (%(seconds)s giây). Có thể điền cuộc kiểm tra này khi không có mạng.',
    'Storing failed (%(error)s). Check the connection and try again.':
        'Lưu không thành công (%(error)s). Kiểm tra kết nối và thử lại.',
    'Not yet sent from this tablet':
        'Chưa gửi từ máy tính bảng',
    'Submitting waits until the tablet has sent everything: only what the server holds can be submitted.':
        'Chỉ trình được khi máy tính bảng đã gửi hết: chỉ những gì máy chủ đã nhận mới được trình.',
    'Before going to a desk with a weak or no signal, store this inspection on the tablet: every section, the dossier sample, the findings and this summary. Answers, notes, photos and dossiers entered without a network are kept on the tablet and sent as soon as there is a connection.':
        'Trước khi đến nơi sóng yếu hoặc không có sóng, hãy lưu cuộc kiểm tra này vào máy tính bảng: mọi phần của bảng kiểm tra, mẫu hồ sơ, các phát hiện và trang tổng hợp. Câu trả lời, ghi chú, ảnh và hồ sơ nhập khi không có mạng được giữ trên máy và gửi ngay khi có kết nối.',
    'Prepare for offline work':
        'Chuẩn bị làm việc ngoại tuyến',
    'What this tablet stores':
        'Những gì máy tính bảng đang lưu',
    'No connection: what you enter is kept on this tablet and sent when the connection returns.':
        'Không có kết nối: những gì bạn nhập được giữ trên máy tính bảng và gửi khi có kết nối trở lại.',
    'This tablet still holds %(count)s unsent change(s). Log out anyway? They stay on the tablet and are sent after you log in again.':
        'Máy tính bảng còn %(count)s thay đổi chưa gửi. Vẫn đăng xuất? Các thay đổi vẫn được giữ trên máy và sẽ gửi sau khi bạn đăng nhập lại.',
    'No inspection is stored on this tablet. Open an inspection and tap “Prepare for offline work” while you have a connection.':
        'Máy tính bảng chưa lưu cuộc kiểm tra nào. Khi có kết nối, hãy mở một cuộc kiểm tra và chạm “Chuẩn bị làm việc ngoại tuyến”.',
    'This page is not stored on this tablet and there is no connection. The inspections below can be opened without a network.':
        'Trang này chưa được lưu trên máy tính bảng và hiện không có kết nối. Có thể mở các cuộc kiểm tra dưới đây khi không có mạng.',
    '%(count)s change(s) not yet sent':
        '%(count)s thay đổi chưa gửi',
    '%(count)s refused: open the checklist to see why':
        '%(count)s bị từ chối: mở bảng kiểm tra để xem lý do',
    '%(count)s conflict(s) to resolve':
        '%(count)s mục cần chọn câu trả lời',
    'everything sent':
        'đã gửi hết',
    'stored %(when)s':
        'lưu lúc %(when)s',
    'Remove from this tablet':
        'Xóa khỏi máy tính bảng',
    'Remove the stored pages of this inspection from the tablet?':
        'Xóa các trang đã lưu của cuộc kiểm tra này khỏi máy tính bảng?',
    'This tablet still holds %(count)s unsent change(s) for this inspection. Removing it discards them for good. Remove anyway?':
        'Máy tính bảng còn %(count)s thay đổi chưa gửi của cuộc kiểm tra này. Xóa sẽ mất hẳn các thay đổi đó. Vẫn xóa?',
    'Open the checklist':
        'Mở bảng kiểm tra',
    'Storage used on this tablet: %(used)s of %(quota)s.':
        'Dung lượng đã dùng trên máy tính bảng: %(used)s trên %(quota)s.',
    'Inspections stored on this tablet can be filled without a network: answers, notes, photos and sampled dossiers are kept on the tablet and sent, in order, as soon as there is a connection.':
        'Các cuộc kiểm tra đã lưu trên máy tính bảng có thể điền khi không có mạng: câu trả lời, ghi chú, ảnh và hồ sơ mẫu được giữ trên máy và gửi lần lượt ngay khi có kết nối.',
    # the register of legal documents
    'Register of legal documents': 'Danh mục văn bản pháp luật',
    'Legal documents': 'Văn bản pháp luật',
    'Signed': 'Ngày ký',
    'not known': 'chưa rõ',
    'In force from': 'Có hiệu lực từ',
    'In force until': 'Hết hiệu lực',
    'replaced by': 'được thay thế bởi',
    'Amended by': 'Được sửa đổi, bổ sung bởi',
    'in force from %(date)s': 'có hiệu lực từ %(date)s',
    'date of effect not known: not cited as in force': 'chưa rõ ngày có hiệu lực: không trích dẫn như văn bản đang có hiệu lực',
    'Amends': 'Sửa đổi, bổ sung',
    'Where it was read': 'Nguồn đã đối chiếu',
    'Confidence': 'Mức độ xác minh',
    'Checklist items citing it': 'Các tiêu chí trích dẫn văn bản này',
    'Item': 'Tiêu chí',
    'Reference': 'Trích dẫn',
    'cited before the document existed': 'trích dẫn trước khi văn bản được ban hành',
    'No checklist item cites this document.': 'Chưa có tiêu chí nào trích dẫn văn bản này.',
    'The documents the checklists cite, with the dates they were signed and took effect. A date nobody has read is left empty; such a document is never cited as in force.':
        'Các văn bản được bảng kiểm tra trích dẫn, kèm ngày ký và ngày có hiệu lực. Ngày chưa đối chiếu được thì để trống; văn bản đó không bao giờ được trích dẫn như đang có hiệu lực.',
    'Document': 'Văn bản',
    'In force': 'Hiệu lực',
    'Cited by': 'Được trích dẫn',
    ("%(num)d item", "%(num)d items"): ("%(num)d tiêu chí",),
    '%(title)s — for: %(kinds)s': '%(title)s — áp dụng cho: %(kinds)s',
}
