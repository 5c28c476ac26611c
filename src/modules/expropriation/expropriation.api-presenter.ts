import type { PHASES } from './expropriation.directory.js';
import type { ProjectRow } from './expropriation.repository.js';
import type { directoryStatus, progress } from './expropriation.service.js';

// Projects and directory status as the JSON API returns them.

/** A project for the API. */
export function presentProject(p: ProjectRow) {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    phase: p.phase as (typeof PHASES)[number],
    decisionNumber: p.decisionNumber,
    departmentId: p.departmentId,
    centre: p.centreLat !== null && p.centreLng !== null ? { lat: p.centreLat, lng: p.centreLng, radiusM: p.radiusM } : null,
  };
}

/** A project's directory status and progress for the API. */
export function presentDirectory(s: Awaited<ReturnType<typeof directoryStatus>>, p: Awaited<ReturnType<typeof progress>>) {
  return {
    project: presentProject(s.project),
    today: s.today,
    counts: s.counts,
    comment: s.comment,
    items: s.rows.map((r) => ({
      seq: r.seq,
      phase: r.phase,
      level1: r.level1,
      level2: r.level2,
      content: r.content,
      basis: r.basis,
      timeLimit: r.timeLimit,
      responsible: r.responsible,
      channels: JSON.parse(r.channels) as Record<string, 'required' | 'optional'>,
      audience: r.audience,
      mode: r.mode,
      level: r.level,
      state: r.state,
      eventOn: r.eventOn,
      dueOn: r.dueOn,
      publishedOn: r.publishedOn,
      onTime: r.onTime,
      link: r.link,
    })),
    progress: { total: p.total, signed: p.signed, signedPct: p.signedPct, monetary: p.monetary, exchange: p.exchange, paid: p.paid, paidAmount: p.paidAmount },
  };
}
