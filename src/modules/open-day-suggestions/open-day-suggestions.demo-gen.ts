import type { Insertable } from 'kysely';
import { addWorkingDays } from '../../platform/calendar/index.js';
import type { OpenDaySuggestionTable } from '../open-days/open-days.table.js';
import { CATEGORIES, type Category } from './open-day-suggestions.schema.js';
import type { SuggestionStatus } from './open-day-suggestions.status.js';
import { ANSWERS, CATEGORY_UNITS, CATEGORY_WEIGHTS, MEASURES, NOT_ADOPTED_REASONS, ONLINE_OPENINGS, TEMPLATES, VISIT_OPENINGS } from './open-day-suggestions.demo-data.js';
import { seededRandom } from '../../platform/random.js';
import { RECEIVED_STATE } from './open-day-suggestions.repository.js';

// Builds the 2019 campaign's suggestions as plain rows (no database): deterministic, so that every
// fresh demo shows the same portal. The loader inserts them in bulk.

/** What the generator needs to know about the campaign. */
export interface DemoCampaign {
  id: number;
  startsOn: string;
  endsOn: string;
  answerDays: number;
}

/** An open point as the generator uses it. */
export interface DemoPoint {
  id: number;
  topic: string;
  departmentId: number | null;
  day: string | null;
}

/** One generated suggestion: the row (without merge target id) and the steps of its path. */
export interface DemoSuggestion {
  row: Insertable<OpenDaySuggestionTable>;
  /** Index of the earlier suggestion it is merged into. */
  mergeTarget: number | null;
  /** Index into MEASURES of the measure it is converted into. */
  measure: number | null;
  events: Array<{ status: string; note: string; at: string }>;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const DAY = 86_400_000;

const pick = <T,>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

function weighted(rnd: () => number): Category {
  const total = CATEGORIES.reduce((s, c) => s + CATEGORY_WEIGHTS[c], 0);
  let r = rnd() * total;
  for (const c of CATEGORIES) {
    r -= CATEGORY_WEIGHTS[c];
    if (r < 0) {
      return c;
    }
  }
  return 'other';
}

/** A Beijing calendar day plus some days. */
const plusDays = (day: string, n: number) => new Date(Date.parse(day) + n * DAY).toISOString().slice(0, 10);
/** A Beijing wall-clock time on a day as an ISO instant. */
const at = (day: string, hour: number, minute: number) => new Date(Date.parse(`${day}T00:00:00Z`) + (hour - 8) * 3600_000 + minute * 60_000).toISOString();
const later = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/**
 * The 2019 campaign's suggestions, oldest first: about 62 % from visits spread over the points, the
 * rest online; mostly answered with an outcome, some converted into the measures (several per
 * measure), a few merged or refused, and `overdue` routed ones never answered.
 */
export function generateSuggestions(opts: { campaign: DemoCampaign; points: DemoPoint[]; unitIds: Map<string, number>; count: number; overdue: number; seed?: number }): DemoSuggestion[] {
  const rnd = seededRandom(opts.seed ?? 2019);
  const { campaign } = opts;
  const days = Math.max(1, Math.round((Date.parse(campaign.endsOn) - Date.parse(campaign.startsOn)) / DAY) + 1);
  const codes = new Set<string>();
  const code = () => {
    for (;;) {
      const c = 'JY' + Array.from({ length: 8 }, () => pick(rnd, CODE_ALPHABET.split(''))).join('');
      if (!codes.has(c)) {
        codes.add(c);
        return c;
      }
    }
  };
  // Phase 1: who wrote what, where and when.
  const base = Array.from({ length: opts.count }, () => {
    const category = weighted(rnd);
    const visit = opts.points.length > 0 && rnd() < 0.62;
    const point = visit || (opts.points.length > 0 && rnd() < 0.25) ? pick(rnd, opts.points) : null;
    const day = visit ? (point?.day ?? plusDays(campaign.startsOn, Math.floor(rnd() * days))) : plusDays(campaign.startsOn, Math.floor(rnd() * (days + 21)) - 7);
    const createdAt = visit ? at(day, 9 + Math.floor(rnd() * 8), Math.floor(rnd() * 60)) : at(day, 8 + Math.floor(rnd() * 15), Math.floor(rnd() * 60));
    const opening = visit && point ? pick(rnd, VISIT_OPENINGS).replace('{topic}', point.topic) : pick(rnd, ONLINE_OPENINGS);
    const t = TEMPLATES[category];
    const content = `${opening}${pick(rnd, t.asks)}。${pick(rnd, t.closings)}`;
    const named = rnd() < 0.4;
    return {
      category,
      point,
      source: visit ? 'visit' : 'online',
      createdAt,
      content,
      submitterName: named ? `${pick(rnd, SURNAMES)}${rnd() < 0.5 ? '先生' : '女士'}` : '',
      withContact: rnd() < 0.3,
    };
  });
  base.sort((a, b) => a.createdAt.localeCompare(b.createdAt));

  // Phase 2: the path of each.
  const dueCache = new Map<string, string>();
  const dueFrom = (day: string, n: number) => {
    const k = `${day}+${n}`;
    let d = dueCache.get(k);
    if (!d) {
      d = addWorkingDays(day, n);
      dueCache.set(k, d);
    }
    return d;
  };
  const measuresOf = new Map<Category, number[]>(CATEGORIES.map((c) => [c, MEASURES.flatMap((m, i) => (m.category === c ? [i] : []))]));
  const eligible = new Map<Category, number[]>(CATEGORIES.map((c) => [c, []]));
  const overdueEvery = Math.max(1, Math.floor(opts.count / Math.max(1, opts.overdue)));
  const CHUNK = 500;
  const codeByIndex: string[] = [];
  return base.map((b, i): DemoSuggestion => {
    const events: DemoSuggestion['events'] = [{ status: 'received', note: '', at: b.createdAt }];
    const published = later(b.createdAt, 60 + Math.floor(rnd() * 600));
    const row: Insertable<OpenDaySuggestionTable> = {
      campaignId: campaign.id,
      pointId: b.point?.id ?? null,
      registrationId: null,
      source: b.source,
      trackingCode: (codeByIndex[i] = code()),
      category: b.category,
      content: b.content,
      submitterName: b.submitterName,
      contact: b.withContact ? `citizen${i + 1}@example.org` : '',
      ...RECEIVED_STATE,
      createdAt: b.createdAt,
      updatedAt: b.createdAt,
    };
    let mergeTarget: number | null = null;
    let measure: number | null = null;
    const r = rnd();
    const candidates = eligible.get(b.category)!;
    let status: SuggestionStatus;
    if (i % overdueEvery === overdueEvery - 1 && i / overdueEvery < opts.overdue) {
      status = 'routed';
    } else if (r < 0.02) {
      status = 'rejected';
    } else if (r < 0.07 && candidates.length > 0 && i >= CHUNK) {
      status = 'merged';
    } else if (r < 0.1) {
      status = 'answered';
    } else if (r < 0.27) {
      status = 'converted';
    } else if (r < 0.4) {
      status = 'partly_adopted';
    } else if (r < 0.88) {
      status = 'explained';
    } else {
      status = 'not_adopted';
    }
    row.status = status;
    if (status === 'rejected') {
      const kind = pick(rnd, ['spam', 'abuse', 'off_topic']);
      row.outcomeReason = kind === 'spam' ? '广告内容' : kind === 'abuse' ? '含辱骂内容' : '与开放日无关';
      events.push({ status: 'rejected', note: JSON.stringify({ kind }), at: published });
    } else {
      events.push({ status: 'published', note: '', at: published });
    }
    if (status === 'merged') {
      // Targets come from earlier chunks, so their ids exist when this row is inserted.
      const inEarlierChunks = candidates.filter((j) => j < Math.floor(i / CHUNK) * CHUNK);
      mergeTarget = inEarlierChunks.length > 0 ? pick(rnd, inEarlierChunks) : null;
      if (mergeTarget === null) {
        row.status = status = 'explained';
      } else {
        events.push({ status: 'merged', note: JSON.stringify({ into: codeByIndex[mergeTarget] }), at: later(published, 30) });
      }
    }
    if (status !== 'rejected' && status !== 'merged') {
      const routedDay = plusDays(published.slice(0, 10), 1 + Math.floor(rnd() * 3));
      const routedAt = at(routedDay, 10, Math.floor(rnd() * 60));
      const units = CATEGORY_UNITS[b.category];
      const unitCode = rnd() < 0.7 ? units[0]! : pick(rnd, units);
      const departmentId = b.point?.departmentId && rnd() < 0.6 ? b.point.departmentId : (opts.unitIds.get(unitCode) ?? opts.unitIds.get('gov-office') ?? null);
      const dueOn = dueFrom(routedDay, campaign.answerDays);
      Object.assign(row, { departmentId, routedAt, dueOn });
      events.push({ status: 'routed', note: JSON.stringify({ departmentId, dueOn }), at: routedAt });
      if (status !== 'routed') {
        const late = rnd() < 0.07;
        const answerDay = late ? dueFrom(dueOn, 1 + Math.floor(rnd() * 6)) : dueFrom(routedDay, 2 + Math.floor(rnd() * (campaign.answerDays - 2)));
        const answeredAt = at(answerDay, 16, Math.floor(rnd() * 60));
        const outcome = status === 'answered' ? 'answered' : status;
        Object.assign(row, { answeredAt, answer: pick(rnd, ANSWERS[outcome]) });
        events.push({ status: 'answered', note: '', at: answeredAt });
        if (status !== 'answered') {
          const decidedAt = later(answeredAt, 24 * 60);
          if (status === 'converted' || (status === 'partly_adopted' && rnd() < 0.5)) {
            // Skewed towards the first measures of a category, so that some answer many suggestions.
            const ms = measuresOf.get(b.category)!;
            measure = ms[Math.floor(rnd() * rnd() * ms.length)] ?? null;
          }
          if (status === 'not_adopted') {
            row.outcomeReason = pick(rnd, NOT_ADOPTED_REASONS);
          }
          events.push({ status, note: '', at: decidedAt });
        }
      }
      candidates.push(i);
    }
    row.updatedAt = events[events.length - 1]!.at;
    return { row, mergeTarget, measure, events };
  });
}
