import type { DepartmentRow } from '../departments/index.js';
import { maskName } from '../../platform/identity/index.js';
import type { MeasureRow, SuggestionEventRow, SuggestionRow } from './open-day-suggestions.repository.js';
import type { TrackingData } from './open-day-suggestions.tracker.js';

/** A step's details as stored in its note (JSON written by the service; older plain notes are kept as text). */
export interface StepNote {
  departmentId?: number;
  dueOn?: string;
  into?: string;
  /** Split: the parts' tracking codes. */
  parts?: string[];
  /** A part: the tracking code of the suggestion it was split from. */
  from?: string;
  kind?: string;
  measureId?: number;
  text?: string;
}

/** Reads a step's note. */
export function parseNote(note: string): StepNote {
  if (!note) {
    return {};
  }
  try {
    const v: unknown = JSON.parse(note);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : { text: note };
  } catch {
    return { text: note };
  }
}

/** One step of the public path: never the actor. */
export function presentStep(e: SuggestionEventRow, departments: Map<number, DepartmentRow>) {
  const n = parseNote(e.note);
  const d = n.departmentId === undefined ? undefined : departments.get(n.departmentId);
  return {
    status: e.status,
    at: e.at,
    unit: d ? { id: d.id, nameZh: d.nameZh, nameEn: d.nameEn } : null,
    dueOn: n.dueOn ?? null,
    mergedInto: n.into ?? null,
    splitInto: Array.isArray(n.parts) ? n.parts : null,
    splitFrom: n.from ?? null,
    rejectKind: n.kind ?? null,
    measureId: n.measureId ?? null,
  };
}

/** True when the public may read a suggestion's text: published by moderation and not rejected. */
export function contentIsPublic(s: SuggestionRow, published: boolean): boolean {
  return published && s.status !== 'rejected';
}

/** The name shown for a submitter: masked (张*), or null when none was given. */
export function publicName(name: string): string | null {
  return name ? maskName(name) : null;
}

/** A measure as the public sees it. */
export function presentMeasure(m: MeasureRow, departments: Map<number, DepartmentRow>) {
  const d = m.ownerDepartmentId === null ? undefined : departments.get(m.ownerDepartmentId);
  return {
    id: m.id,
    title: m.title,
    description: m.description,
    owner: m.owner || d?.nameZh || '',
    ownerUnit: d ? { id: d.id, nameZh: d.nameZh, nameEn: d.nameEn } : null,
    dueOn: m.dueOn,
    progress: m.progress,
    progressNote: m.progressNote,
    url: `/open-days/measures/${m.id}`,
  };
}

function presentCore(s: SuggestionRow, published: boolean, events: SuggestionEventRow[], departments: Map<number, DepartmentRow>) {
  const open = contentIsPublic(s, published);
  const d = s.departmentId === null ? undefined : departments.get(s.departmentId);
  return {
    trackingCode: s.trackingCode,
    status: s.status,
    published: open,
    category: s.category,
    source: s.source,
    /** Null until moderation publishes it, and for ever once rejected. */
    content: open ? s.content : null,
    submitterName: open ? publicName(s.submitterName) : null,
    submittedAt: s.createdAt,
    unit: d ? { id: d.id, nameZh: d.nameZh, nameEn: d.nameEn } : null,
    routedAt: s.routedAt,
    dueOn: s.dueOn,
    answer: open && s.answer ? s.answer : null,
    answeredAt: s.answeredAt,
    /** The reason of an outcome (not adopted, explained…); a rejection's reason stays with staff. */
    outcomeReason: s.status === 'rejected' || !s.outcomeReason ? null : s.outcomeReason,
    path: events.map((e) => presentStep(e, departments)),
    url: `/open-days/suggestions/${s.trackingCode}`,
  };
}

/** The public JSON of a suggestion (the tracking page's data): never the contact. */
export function presentTracking(data: TrackingData) {
  const s = data.suggestion;
  const target = data.target;
  return {
    ...presentCore(s, data.published, data.events.get(s.id) ?? [], data.departments),
    campaign: data.campaign ? { id: data.campaign.id, slug: data.campaign.slug, title: data.campaign.title } : null,
    point: data.point ? { code: data.point.code, topic: data.point.topic, organiser: data.point.organiser } : null,
    mergedInto: target ? presentCore(target, data.targetPublished, data.events.get(target.id) ?? [], data.departments) : null,
    /** The suggestion this one is a part of, and the parts it was split into: the lineage both ways. */
    splitFrom: data.splitFrom ? { trackingCode: data.splitFrom.trackingCode, status: data.splitFrom.status, url: `/open-days/suggestions/${data.splitFrom.trackingCode}` } : null,
    splitInto: data.parts.map((p) => ({ trackingCode: p.trackingCode, status: p.status, category: p.category, url: `/open-days/suggestions/${p.trackingCode}` })),
    measure: data.measure ? presentMeasure(data.measure, data.departments) : null,
  };
}
