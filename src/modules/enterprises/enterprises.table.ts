// Table interfaces (camelCase; the CamelCasePlugin maps them to snake_case columns).
import type { Generated } from 'kysely';

/** One enterprise as the registration file gave it (企业名录). */
export interface EnterpriseTable {
  id: Generated<number>;
  /** 统一社会信用代码, canonical form (unique). */
  creditCode: string;
  name: string;
  enterpriseType: string;
  ownership: string | null;
  /** GB/T 4754-2017 code: section letter + 2–4 digits (C3872). */
  industryCode: string;
  /** micro | small | medium | large, or null when unknown. */
  size: string | null;
  /** 1 when `size` was derived by us (统计上大中小微型企业划分办法) rather than given by the file. */
  sizeDerived: number;
  foundedOn: string;
  /** 万元. */
  registeredCapital: number | null;
  town: string | null;
  legalRepresentative: string | null;
  legalMobile: string | null;
  employees: number | null;
  /** 万元. */
  revenue: number | null;
  /** 万元. */
  taxPaid: number | null;
  /** %. */
  rdRatio: number | null;
  /** Tags in catalogue order, separated by single spaces ('' = none). */
  tags: string;
  /** The date of the registration file the row came from (YYYY-MM-DD). */
  registrationAsOf: string;
  /** Hash of the registration values, so that re-importing an unchanged row writes nothing. */
  rowHash: string;
  createdAt: string;
  updatedAt: string;
}

/** A value an enterprise declared itself (a correction or an addition), kept as history. */
export interface EnterpriseDeclarationTable {
  id: Generated<number>;
  enterpriseId: number;
  factKey: string;
  /** JSON of the value (number, string or string[]); null withdraws nothing — it is never null today. */
  value: string;
  declaredAt: string;
  userId: number | null;
}

/** One run of the import, with its counts. */
export interface EnterpriseImportTable {
  id: Generated<number>;
  fileName: string;
  format: string;
  asOf: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  inserted: number;
  updated: number;
  unchanged: number;
  refused: number;
  userId: number | null;
}

/** A refused row of an import (stored up to a cap; the rest are only counted). */
export interface EnterpriseImportRefusalTable {
  id: Generated<number>;
  importId: number;
  line: number;
  creditCode: string;
  /** JSON [{field, key, params}] — the reasons, translated when shown. */
  problems: string;
  /** JSON of the row as read (field → text), for the CSV download. */
  raw: string;
}

/** The tables this part owns, gathered into db/database.ts. */
export interface EnterprisesTables {
  enterprise: EnterpriseTable;
  enterpriseDeclaration: EnterpriseDeclarationTable;
  enterpriseImport: EnterpriseImportTable;
  enterpriseImportRefusal: EnterpriseImportRefusalTable;
}
