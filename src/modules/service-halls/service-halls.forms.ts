import type { FormState } from '../../views/components.js';
import { formatDayHours, weeklyHoursOf } from './service-halls.hours.js';
import type { HallRow, TerminalRow, WindowRow } from './service-halls.repository.js';
import { DAY_FIELDS } from './service-halls.schema.js';

// Stored rows as the values of their staff forms (the reverse of the service's row builders).

const coord = (v: number | null) => (v === null ? '' : String(v));

/** A hall's form values. */
export function hallFormValues(h: HallRow): FormState['values'] {
  const weekly = weeklyHoursOf(h.weeklyHours);
  const out: FormState['values'] = {
    code: h.code,
    level: h.level,
    name: h.name,
    parentId: h.parentId === null ? '' : String(h.parentId),
    street: h.street,
    address: h.address,
    lat: coord(h.lat),
    lng: coord(h.lng),
    phone: h.phone,
    lunchFrom: h.lunchFrom,
    lunchTo: h.lunchTo,
    opensOnHolidays: h.opensOnHolidays === 1 ? '1' : '',
    extraService: h.extraService,
    transport: h.transport,
    accessibility: h.accessibility,
    services: h.services,
    active: h.active === 1 ? '1' : '',
  };
  DAY_FIELDS.forEach((f, i) => {
    out[f] = formatDayHours(weekly[i]!);
  });
  return out;
}

/** A window's form values. */
export function windowFormValues(w: WindowRow): FormState['values'] {
  return { number: w.number, name: w.name, kind: w.kind, departmentId: w.departmentId === null ? '' : String(w.departmentId), notes: w.notes, sortOrder: String(w.sortOrder) };
}

/** A terminal's form values. */
export function terminalFormValues(x: TerminalRow, itemIds: number[]): FormState['values'] {
  return {
    code: x.code,
    name: x.name,
    hallId: x.hallId === null ? '' : String(x.hallId),
    placeKind: x.placeKind,
    street: x.street,
    address: x.address,
    lat: coord(x.lat),
    lng: coord(x.lng),
    hours: x.hours,
    customItems: x.customItems === 1 ? '1' : '',
    itemIds: itemIds.map(String),
    active: x.active === 1 ? '1' : '',
  };
}
