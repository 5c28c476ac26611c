import { z } from 'zod';

// Response schemas of the JSON API (they appear in the OpenAPI document at /api/docs).

/** A project in lists. */
export const ProjectSummarySchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  phase: z.enum(['before', 'during', 'after', 'closed']),
  decisionNumber: z.string(),
  departmentId: z.number(),
  centre: z.object({ lat: z.number(), lng: z.number(), radiusM: z.number().nullable() }).nullable(),
});

/** A directory row with its state. */
export const DirectoryItemSchema = z.object({
  seq: z.number(),
  phase: z.string(),
  level1: z.string(),
  level2: z.string(),
  content: z.string(),
  basis: z.string(),
  timeLimit: z.string(),
  responsible: z.string(),
  channels: z.record(z.string(), z.enum(['required', 'optional'])),
  audience: z.string(),
  mode: z.string(),
  level: z.string(),
  state: z.enum(['published', 'waiting', 'due', 'late']),
  eventOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  onTime: z.boolean().nullable(),
  link: z.string().nullable(),
});

const Counts = z.object({ total: z.number(), published: z.number(), due: z.number(), late: z.number() });

/** A project's directory status and progress. */
export const DirectorySchema = z.object({
  project: ProjectSummarySchema,
  today: z.string(),
  counts: z.object({ before: Counts, during: Counts, after: Counts }),
  comment: z.object({ opensOn: z.string(), closesOn: z.string(), days: z.number(), longEnough: z.boolean(), open: z.boolean(), revisionsOwed: z.boolean(), revisionsPublishedOn: z.string().nullable() }).nullable(),
  items: z.array(DirectoryItemSchema),
  progress: z.object({ total: z.number(), signed: z.number(), signedPct: z.number(), monetary: z.number(), exchange: z.number(), paid: z.number(), paidAmount: z.number() }),
});

/** A household as the public sees it. */
export const PublicHouseholdSchema = z.object({
  id: z.number(),
  number: z.string(),
  /** Masked: the surname and a '*' per other character. */
  name: z.string(),
  building: z.string(),
  area: z.number(),
  surveyStatus: z.string(),
  rightsStatus: z.string(),
  scheme: z.string().nullable(),
  compensation: z.number().nullable(),
  signingStatus: z.string(),
  signedOn: z.string().nullable(),
  selectionOrder: z.number().nullable(),
  paymentStatus: z.string(),
  correctedOn: z.string().nullable(),
});

/** A household's whole record as it sees it (ID number masked). */
export const OwnHouseholdSchema = PublicHouseholdSchema.extend({
  idNumber: z.string(),
  unit: z.string(),
  room: z.string(),
  surveyNote: z.string(),
  valuation: z.number().nullable(),
  subsidy: z.number().nullable(),
  paidOn: z.string().nullable(),
});

/** A household as its department's staff see it. */
export const StaffHouseholdSchema = OwnHouseholdSchema.extend({ version: z.number(), hasAccessCode: z.boolean(), updatedAt: z.string() });
