export {
  addWorkingDays,
  describeDeadline,
  explainDeadline,
  hasHolidayData,
  holidayOn,
  isWorkingDay,
  workingDaysBetween,
} from './calendar.js';
export type { DeadlineExplanation, DeadlineOptions, DeadlineStep, Pause, StepKind } from './calendar.js';
