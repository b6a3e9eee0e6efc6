"""Vietnamese translations: the assessment, the checklist page and the register of legal documents."""

VI = {
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
    "Final verdict": "Đánh giá cuối cùng",
    "Reason, when the verdict differs from the team's proposal": "Lý do (khi đánh giá khác đề xuất của Đoàn kiểm tra)",
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
    "Final verdict:": "Đánh giá cuối cùng:",
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
    # the register of legal documents
    'Register of legal documents': 'Danh mục văn bản pháp luật',
    'Legal documents': 'Văn bản pháp luật',
    'Signed': 'Ngày ký',
    'not known': 'chưa rõ',
    'In force until': 'Hết hiệu lực',
    'replaced by': 'được thay thế bởi',
    'Amended by': 'Được sửa đổi, bổ sung bởi',
    'in force from %(date)s': 'có hiệu lực từ %(date)s',
    'cited outside its time in force': 'trích dẫn ngoài thời gian văn bản có hiệu lực',
    'date of effect not checked: counted from the date signed': 'ngày có hiệu lực chưa đối chiếu: tính từ ngày ký',
    'date of effect not checked': 'ngày có hiệu lực chưa đối chiếu',
    'applied from %(date)s (assumed date, not checked)': 'áp dụng từ %(date)s (ngày giả định, chưa đối chiếu)',
    'legal basis of the version': 'căn cứ của phiên bản',
    'date of effect not known: not cited as in force': 'chưa rõ ngày có hiệu lực: không trích dẫn như văn bản đang có hiệu lực',
    'Amends': 'Sửa đổi, bổ sung',
    'Where it was read': 'Nguồn đã đối chiếu',
    'Confidence': 'Mức độ xác minh',
    'Checklist items citing it': 'Các tiêu chí trích dẫn văn bản này',
    'Item': 'Tiêu chí',
    'Reference': 'Trích dẫn',
    'No checklist item cites this document.': 'Chưa có tiêu chí nào trích dẫn văn bản này.',
    'The documents the checklists cite, with the dates they were signed and took effect. A date nobody has read is left empty; such a document is never cited as in force.':
        'Các văn bản được bảng kiểm tra trích dẫn, kèm ngày ký và ngày có hiệu lực. Ngày chưa đối chiếu được thì để trống; văn bản đó không bao giờ được trích dẫn như đang có hiệu lực.',
    'Document': 'Văn bản',
    'In force': 'Hiệu lực',
    'Cited by': 'Được trích dẫn',
    ("%(num)d item", "%(num)d items"): ("%(num)d tiêu chí",),
    '%(title)s — for: %(kinds)s': '%(title)s — áp dụng cho: %(kinds)s',
}
