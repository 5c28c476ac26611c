export {
  addWorkingDays,
  describeDeadline,
  explainDeadline,
  hasHolidayData,
  isWorkingDay,
  workingDaysBetween,
} from './calendar.js';
export type { DeadlineExplanation, DeadlineOptions, DeadlineStep, Pause, StepKind } from './calendar.js';
