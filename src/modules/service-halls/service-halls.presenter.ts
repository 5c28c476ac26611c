import type { ServiceItemRow } from '../service-catalogue/index.js';
import type { HallView } from './service-halls.public.js';
import type { HallRow, TerminalRow, WindowRow } from './service-halls.repository.js';

// What the JSON API gives of hall rows: the public facts, never the staff-only bookkeeping.

/** A hall with its hours and its state now. */
export function presentHall(v: HallView) {
  const h = v.hall;
  return {
    id: h.id,
    code: h.code,
    level: h.level,
    name: h.name,
    parentId: h.parentId,
    street: h.street,
    address: h.address,
    lat: h.lat,
    lng: h.lng,
    phone: h.phone,
    weeklyHours: v.hours.weekly,
    lunchService: v.hours.lunch ? { from: v.hours.lunch[0], to: v.hours.lunch[1] } : null,
    opensOnHolidays: v.hours.opensOnHolidays,
    extraService: h.extraService,
    transport: h.transport,
    accessibility: h.accessibility,
    services: h.services,
    openNow: v.state.open,
    state: { reason: v.state.reason, date: v.state.date, dayKind: v.state.dayKind, today: v.state.today, until: v.state.until },
    url: `/services/halls/${h.id}`,
  };
}

/** A window, with its department's name and (when given) its items. */
export function presentWindow(w: WindowRow, department: string, items?: ServiceItemRow[]) {
  return {
    id: w.id,
    hallId: w.hallId,
    number: w.number,
    name: w.name,
    kind: w.kind,
    departmentId: w.departmentId,
    department,
    ...(items ? { items: items.map((i) => ({ id: i.id, code: i.code, name: i.name, url: `/services/items/${encodeURIComponent(i.code)}` })) } : {}),
  };
}

/** A terminal. */
export function presentTerminal(t: TerminalRow, hall?: HallRow) {
  return {
    id: t.id,
    code: t.code,
    name: t.name,
    hallId: t.hallId,
    hall: hall ? { id: hall.id, name: hall.name } : null,
    placeKind: t.placeKind,
    street: t.street,
    address: t.address,
    lat: t.lat,
    lng: t.lng,
    hours: t.hours,
    items: t.customItems === 1 ? 'own_list' : 'catalogue_default',
  };
}
