/** Chinese messages of the deadline calculator. */
export const calendarZh = {
  'nav.deadline': '期限计算',
  'calendar.title': '工作日期限计算',
  'calendar.intro': '按国家法定节假日和调休安排计算“多少个工作日内”的截止日期，并列出每一天是否计入。本平台所有期限（依申请公开答复、解读发布、建议答复等）都用同一日历计算。',
  'calendar.start': '起算日期',
  'calendar.start_hint': '例如收到申请之日；起算日当天不计入',
  'calendar.days': '工作日数',
  'calendar.compute': '计算',
  'calendar.deadline': '截止日期',
  'calendar.days_table': '逐日计算过程',
  'calendar.date': '日期',
  'calendar.counted': '是否计入',
  'calendar.kind_counted': '计入，第 {n} 个工作日',
  'calendar.kind_weekend': '周末，不计入',
  'calendar.kind_holiday': '法定节假日（{name}），不计入',
  'calendar.kind_paused': '中止计算（{reason}），不计入',
  'calendar.make_up': '调休上班日',
} as const;

/** English messages of the deadline calculator. */
export const calendarEn: Record<keyof typeof calendarZh, string> = {
  'nav.deadline': 'Deadlines',
  'calendar.title': 'Working-day deadline calculator',
  'calendar.intro': 'Computes the date n working days after a start date, with China’s public holidays and make-up workdays, and lists whether each day counted. Every deadline on this portal uses this one calendar.',
  'calendar.start': 'Start date',
  'calendar.start_hint': 'e.g. the day the request was received; the start day itself does not count',
  'calendar.days': 'Working days',
  'calendar.compute': 'Compute',
  'calendar.deadline': 'Deadline',
  'calendar.days_table': 'Day by day',
  'calendar.date': 'Date',
  'calendar.counted': 'Counted?',
  'calendar.kind_counted': 'counted, working day {n}',
  'calendar.kind_weekend': 'weekend, not counted',
  'calendar.kind_holiday': 'public holiday ({name}), not counted',
  'calendar.kind_paused': 'clock paused ({reason}), not counted',
  'calendar.make_up': 'make-up workday',
};
