import type { Executor } from '../../http/context.js';
import * as repo from './disclosure-requests.repository.js';
import { APPLICANT_CATEGORIES, DISPUTE_KINDS, DISPUTE_RESULTS, OUTCOME_ROWS, type ApplicantCategory, type DisputeKind, type DisputeResult } from './disclosure-requests.codes.js';

// The annual report's applications table (国办公开办函〔2021〕30号, table 3) built from the cases:
// a case is received in the year of its receipt date, carried in when received earlier and not
// closed before the year, counted under its outcome in the year it closed, and carried out when
// still open at the year's end. The check received + carried in = outcomes + carried out is computed
// from the table itself, so a wrong row would show up as a failed check.

/** Counts per applicant category, plus the total. */
export type CategoryCounts = Record<ApplicantCategory | 'total', number>;

/** One outcome row of the table. */
export interface OutcomeRow {
  outcome: string;
  reason: string | null;
  counts: CategoryCounts;
}

/** The applications table and its consistency check. */
export interface ApplicationsTable {
  year: number;
  received: CategoryCounts;
  carriedIn: CategoryCounts;
  outcomes: OutcomeRow[];
  outcomeTotal: CategoryCounts;
  carriedOut: CategoryCounts;
  /** Per column: received + carried in − (outcomes + carried out); all zero when consistent. */
  difference: CategoryCounts;
  consistent: boolean;
}

/** A case as the report counts it. */
export interface ReportCase {
  applicantCategory: string;
  receivedOn: string | null;
  closedOn: string | null;
  outcome: string | null;
  outcomeReason: string | null;
}

const zero = (): CategoryCounts => Object.fromEntries([...APPLICANT_CATEGORIES, 'total'].map((k) => [k, 0])) as CategoryCounts;

function add(c: CategoryCounts, category: string): void {
  const k = (APPLICANT_CATEGORIES as readonly string[]).includes(category) ? (category as ApplicantCategory) : 'other';
  c[k] += 1;
  c.total += 1;
}

/** Builds the applications table of a year from the cases (pure). */
export function applicationsTable(year: number, cases: readonly ReportCase[]): ApplicationsTable {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const received = zero();
  const carriedIn = zero();
  const carriedOut = zero();
  const outcomes: OutcomeRow[] = OUTCOME_ROWS.map((r) => ({ outcome: r.outcome, reason: r.reason, counts: zero() }));
  const outcomeTotal = zero();
  for (const c of cases) {
    if (!c.receivedOn || c.receivedOn > end || (c.closedOn !== null && c.closedOn < start)) {
      continue;
    }
    add(c.receivedOn >= start ? received : carriedIn, c.applicantCategory);
    if (c.closedOn !== null && c.closedOn <= end) {
      const row = outcomes.find((r) => r.outcome === c.outcome && r.reason === (r.reason === null ? null : c.outcomeReason)) ?? outcomes.find((r) => r.outcome === 'other' && r.reason === 'other');
      if (row) {
        add(row.counts, c.applicantCategory);
      }
    } else {
      add(carriedOut, c.applicantCategory);
    }
  }
  for (const r of outcomes) {
    for (const k of Object.keys(outcomeTotal) as Array<keyof CategoryCounts>) {
      outcomeTotal[k] += r.counts[k];
    }
  }
  const difference = zero();
  for (const k of Object.keys(difference) as Array<keyof CategoryCounts>) {
    difference[k] = received[k] + carriedIn[k] - (outcomeTotal[k] + carriedOut[k]);
  }
  return { year, received, carriedIn, outcomes, outcomeTotal, carriedOut, difference, consistent: Object.values(difference).every((d) => d === 0) };
}

/** The review/litigation table: per kind, counts per result and the total. */
export type DisputesTable = Record<DisputeKind, Record<DisputeResult | 'total', number>>;

/** Builds the review and litigation table from the disputes filed in the year (pure); results after the year count as pending. */
export function disputesTable(year: number, disputes: ReadonlyArray<{ kind: string; result: string; decidedOn: string | null }>): DisputesTable {
  const out = Object.fromEntries(DISPUTE_KINDS.map((k) => [k, Object.fromEntries([...DISPUTE_RESULTS, 'total'].map((r) => [r, 0]))])) as DisputesTable;
  for (const d of disputes) {
    const kind = (DISPUTE_KINDS as readonly string[]).includes(d.kind) ? (d.kind as DisputeKind) : 'review';
    const decidedInYear = d.decidedOn !== null && d.decidedOn <= `${year}-12-31`;
    const result = decidedInYear && (DISPUTE_RESULTS as readonly string[]).includes(d.result) ? (d.result as DisputeResult) : 'pending';
    out[kind][result] += 1;
    out[kind].total += 1;
  }
  return out;
}

/** The annual report of one agency (or government-wide when departmentId is undefined). */
export async function annualReport(db: Executor, year: number, departmentId: number | undefined) {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const [cases, disputes] = await Promise.all([repo.reportCases(db, start, end, departmentId), repo.reportDisputes(db, start, end, departmentId)]);
  return { year, departmentId: departmentId ?? null, applications: applicationsTable(year, cases), disputes: disputesTable(year, disputes) };
}
export type AnnualReport = Awaited<ReturnType<typeof annualReport>>;
