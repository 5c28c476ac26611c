import { z } from 'zod';
import { blankToUndefined, idList, idParam, optionalText, requiredText } from '../../http/schema-helpers.js';
import { parseDayHours, type Period } from './service-halls.hours.js';

/** Hall levels, top down. */
export const HALL_LEVELS = ['district', 'street', 'community'] as const;
/** Window kinds: one-window acceptance, delivery, specialised, enquiry. */
export const WINDOW_KINDS = ['comprehensive', 'delivery', 'specialised', 'enquiry'] as const;
/** Where a terminal stands. */
export const PLACE_KINDS = ['hall', 'bank', 'community_centre', 'industrial_park', 'other'] as const;
/** The form fields of the weekly hours, Monday first. */
export const DAY_FIELDS = ['hoursMon', 'hoursTue', 'hoursWed', 'hoursThu', 'hoursFri', 'hoursSat', 'hoursSun'] as const;

const code = z.string().trim().min(1).max(30).regex(/^[A-Za-z0-9-]+$/, { error: 'serviceHalls.code_format' });
const checkbox = z.preprocess((v) => v === true || v === '1' || v === 'on' || v === 'true', z.boolean());
const coordinate = (min: number, max: number) => z.preprocess(blankToUndefined, z.coerce.number().min(min).max(max).optional());
const time = z.preprocess(blankToUndefined, z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'serviceHalls.time_format' }).optional());
const dayHours = z
  .string()
  .max(100)
  .default('')
  .transform((v, ctx): Period[] => {
    const p = parseDayHours(v);
    if (p === null) {
      ctx.addIssue({ code: 'custom', message: 'serviceHalls.hours_format' });
      return z.NEVER;
    }
    return p;
  });

/** Cross-field checks run even when a field failed, so that one post shows every problem at once. */
const EVEN_WITH_FIELD_ERRORS = { when: () => true };

/** A hall as staff enter it. */
export const HallSchema = z
  .strictObject({
    code,
    level: z.enum(HALL_LEVELS),
    name: requiredText(120),
    parentId: z.preprocess(blankToUndefined, idParam.optional()),
    street: optionalText(20),
    address: requiredText(200),
    lat: coordinate(-90, 90),
    lng: coordinate(-180, 180),
    phone: optionalText(40),
    hoursMon: dayHours,
    hoursTue: dayHours,
    hoursWed: dayHours,
    hoursThu: dayHours,
    hoursFri: dayHours,
    hoursSat: dayHours,
    hoursSun: dayHours,
    /** 午间延时服务, both ends or neither. */
    lunchFrom: time,
    lunchTo: time,
    opensOnHolidays: checkbox,
    extraService: optionalText(1000),
    transport: optionalText(2000),
    accessibility: optionalText(2000),
    services: optionalText(4000),
    active: checkbox,
  })
  .superRefine((v, ctx) => {
    if ((v.lat === undefined) !== (v.lng === undefined)) {
      ctx.addIssue({ code: 'custom', path: [v.lat === undefined ? 'lat' : 'lng'], message: 'serviceHalls.coordinates_both' });
    }
    if ((v.lunchFrom === undefined) !== (v.lunchTo === undefined)) {
      ctx.addIssue({ code: 'custom', path: [v.lunchFrom === undefined ? 'lunchFrom' : 'lunchTo'], message: 'serviceHalls.lunch_both' });
    } else if (typeof v.lunchFrom === 'string' && typeof v.lunchTo === 'string' && v.lunchTo <= v.lunchFrom) {
      ctx.addIssue({ code: 'custom', path: ['lunchTo'], message: 'serviceHalls.lunch_order' });
    }
    if (v.level !== 'district' && v.parentId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['parentId'], message: 'serviceHalls.parent_required' });
    }
  }, EVEN_WITH_FIELD_ERRORS);
export type HallInput = z.output<typeof HallSchema>;

/** A window as staff enter it. */
export const WindowSchema = z.strictObject({
  number: z.string().trim().min(1).max(10),
  name: requiredText(100),
  kind: z.enum(WINDOW_KINDS),
  departmentId: z.preprocess(blankToUndefined, idParam.optional()),
  notes: optionalText(1000),
  sortOrder: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(9999).default(0)),
});
export type WindowInput = z.output<typeof WindowSchema>;

/** The items a window accepts (the whole list, from the picker's checkboxes). */
export const WindowItemsSchema = z.strictObject({ itemIds: idList });

/** Adds every published item of a department to a window. */
export const AssignDepartmentSchema = z.strictObject({ departmentId: idParam });

/** A terminal as staff enter it. */
export const TerminalSchema = z
  .strictObject({
    code,
    name: requiredText(120),
    hallId: z.preprocess(blankToUndefined, idParam.optional()),
    placeKind: z.enum(PLACE_KINDS),
    street: optionalText(20),
    address: requiredText(200),
    lat: coordinate(-90, 90),
    lng: coordinate(-180, 180),
    hours: z.preprocess(blankToUndefined, z.string().trim().max(60).default('00:00-24:00')),
    customItems: checkbox,
    itemIds: idList,
    active: checkbox,
  })
  .superRefine((v, ctx) => {
    if ((v.lat === undefined) !== (v.lng === undefined)) {
      ctx.addIssue({ code: 'custom', path: [v.lat === undefined ? 'lat' : 'lng'], message: 'serviceHalls.coordinates_both' });
    }
    if (v.placeKind === 'hall' && v.hallId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['hallId'], message: 'serviceHalls.terminal_hall_required' });
    }
  }, EVEN_WITH_FIELD_ERRORS);
export type TerminalInput = z.output<typeof TerminalSchema>;

/** Filters of the public hall list. */
export const HallListQuery = z.object({
  level: z.preprocess(blankToUndefined, z.enum(HALL_LEVELS).optional()),
  street: z.preprocess(blankToUndefined, z.string().max(20).optional()),
});
