/* Phrases of the agency page (agency.html). */
I18n.add({
  vi: {
    'agency.title': 'Phản ánh cần xử lý – IOC Huế', 'agency.heading': 'Phản ánh cần xử lý', 'agency.agency': 'Đơn vị',
    'agency.tokens': 'Mã truy cập API', 'agency.logout': 'Đăng xuất', 'agency.queue': 'Hàng đợi', 'agency.empty': 'Không có phản ánh nào.',
    'agency.escalated': 'Phản ánh quá hạn chuyển lên giám sát', 'agency.noEscalated': 'Không có phản ánh nào bị chuyển lên.',
    'agency.supervisor': 'Giám sát', 'agency.noPost': 'Chưa thuộc đơn vị nào',
    'agency.overdue': 'Quá hạn', 'agency.escalatedFlag': 'Đã chuyển lên giám sát',
    'agency.filed': 'Gửi lúc {time}', 'agency.deadline': 'Hạn {time}', 'agency.closed': 'Đã đóng {time}', 'agency.with': 'Đơn vị: {agency}',
    'agency.answerPlaceholder': 'Nội dung trả lời', 'agency.reply': 'Trả lời', 'agency.replyClose': 'Trả lời và đóng',
    'agency.duplicateOf': 'Trùng với phản ánh {code}', 'agency.duplicates': '{n} phản ánh trùng được gộp vào đây: {codes}',
    'agency.note': 'Ghi chú', 'agency.reassign': 'Chuyển đơn vị', 'agency.newDeadline': 'Hạn mới', 'agency.extend': 'Gia hạn'
  },
  en: {
    'agency.title': 'Agency queue – IOC Huế', 'agency.heading': 'Reports to answer', 'agency.agency': 'Agency',
    'agency.tokens': 'API tokens', 'agency.logout': 'Log out', 'agency.queue': 'Queue', 'agency.empty': 'No reports in this queue.',
    'agency.escalated': 'Overdue reports escalated to the supervisors', 'agency.noEscalated': 'No escalated reports.',
    'agency.supervisor': 'Supervisor', 'agency.noPost': 'Not on any agency\'s staff',
    'agency.overdue': 'Overdue', 'agency.escalatedFlag': 'Escalated to the supervisors',
    'agency.filed': 'Filed {time}', 'agency.deadline': 'Deadline {time}', 'agency.closed': 'Closed {time}', 'agency.with': 'Agency: {agency}',
    'agency.answerPlaceholder': 'Answer', 'agency.reply': 'Answer', 'agency.replyClose': 'Answer and close',
    'agency.duplicateOf': 'Duplicate of report {code}', 'agency.duplicates': '{n} duplicate report(s) linked here: {codes}',
    'agency.note': 'Note', 'agency.reassign': 'Hand to agency', 'agency.newDeadline': 'New deadline', 'agency.extend': 'Extend'
  }
});
