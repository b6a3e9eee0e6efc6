"""Vietnamese translations: offline work on tablets."""

VI = {
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
}
