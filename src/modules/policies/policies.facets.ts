// The facet index: for every published policy, the five values the library filters and counts by
// (theme, issuing organ, year, validity, department), held in typed arrays in date order.
//
// Why in memory: a search for a common word (企业 matches 40% of a 100,000-policy library) has to
// count ~40,000 matches five ways. Doing that in SQL reads every matching policy row; here it is a
// loop over small arrays (about 1 ms), so only ranking is left to the database. The index is rebuilt
// when the library's search version changes — a token every publication or validity change
// rewrites in the same transaction — so every instance of the portal sees the same facets.

/** The published policies' facet values, column by column (row r of every column is one policy). */
export interface FacetColumns {
  id: ArrayLike<number>;
  theme: ArrayLike<string>;
  organ: ArrayLike<string>;
  /** YYYY-MM-DD, or '' when not set. */
  publishedOn: ArrayLike<string>;
  validity: ArrayLike<string>;
  departmentId: ArrayLike<number>;
}

/** Filters the facet index applies (the list's query string, without text and paging). */
export interface FacetFilter {
  theme?: string;
  organ?: string;
  year?: number;
  validity?: string;
  department?: number;
}

/** Counts per value of each facet, largest first (years newest first). */
export interface FacetCounts {
  theme: Array<{ value: string; count: number }>;
  organ: Array<{ value: string; count: number }>;
  validity: Array<{ value: string; count: number }>;
  department: Array<{ value: number; count: number }>;
  year: Array<{ value: number; count: number }>;
}

/** How many issuing organs the facet lists at most (the long tail is reached by search). */
const ORGAN_FACET_LIMIT = 30;

/** Selected positions (date order), their facet counts, and a membership test by policy id. */
export interface Selection {
  positions: Int32Array;
  counts: FacetCounts;
  has: (id: number) => boolean;
}

/** An immutable snapshot of the published library's facet values. */
export class FacetIndex {
  /** Policy ids, newest publication first (then higher id first): the library's date order. */
  readonly ids: Int32Array;
  private readonly theme: Uint16Array;
  private readonly organ: Uint16Array;
  private readonly validity: Uint8Array;
  private readonly year: Uint16Array;
  private readonly dept: Int32Array;
  private readonly themes: string[];
  private readonly organs: string[];
  private readonly validities: string[];
  private all: Int32Array | undefined;
  private allCounts: FacetCounts | undefined;
  /** Position of each id in date order (-1 when not published), for membership and ordering. */
  private readonly posById: Int32Array;

  constructor(
    rows: FacetColumns,
    /** The search version this snapshot was built from. */
    readonly version: string,
  ) {
    const n = rows.id.length;
    // Date order by one numeric key per policy (yyyymmdd·10⁷ + id, exact below 2⁵³): a typed-array sort
    // of 100,000 numbers instead of 100,000 string comparisons.
    const keys = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const d = rows.publishedOn[r] ?? '';
      const ymd = d.length >= 10 ? Number(d.slice(0, 4)) * 10000 + Number(d.slice(5, 7)) * 100 + Number(d.slice(8, 10)) : 0;
      keys[r] = ymd * 1e7 + rows.id[r]!;
    }
    const rowOfId = new Map<number, number>();
    for (let r = 0; r < n; r++) {
      rowOfId.set(rows.id[r]!, r);
    }
    keys.sort().reverse();
    this.ids = new Int32Array(n);
    this.theme = new Uint16Array(n);
    this.organ = new Uint16Array(n);
    this.validity = new Uint8Array(n);
    this.year = new Uint16Array(n);
    this.dept = new Int32Array(n);
    const themeCode = new Map<string, number>();
    const organCode = new Map<string, number>();
    const validityCode = new Map<string, number>();
    const code = (m: Map<string, number>, v: string) => {
      let c = m.get(v);
      if (c === undefined) {
        c = m.size;
        m.set(v, c);
      }
      return c;
    };
    let maxId = 0;
    for (let i = 0; i < n; i++) {
      const id = keys[i]! % 1e7;
      const r = rowOfId.get(id)!;
      this.ids[i] = id;
      this.theme[i] = code(themeCode, rows.theme[r]!);
      this.organ[i] = code(organCode, rows.organ[r]!);
      this.validity[i] = code(validityCode, rows.validity[r]!);
      this.year[i] = Math.floor(keys[i]! / 1e11);
      this.dept[i] = rows.departmentId[r]!;
      maxId = Math.max(maxId, id);
    }
    this.themes = [...themeCode.keys()];
    this.organs = [...organCode.keys()];
    this.validities = [...validityCode.keys()];
    this.posById = new Int32Array(maxId + 1).fill(-1);
    this.ids.forEach((id, i) => {
      this.posById[id] = i;
    });
  }

  private readonly memo = new Map<string, Selection>();

  /**
   * A selection with its facet counts and membership test, remembered for this snapshot under `key`
   * (the query's words and filters): the same searches come again and again, and a snapshot never
   * changes. At most 500 are kept, least recently used out first.
   */
  selection(key: string, make: () => Int32Array): Selection {
    const hit = this.memo.get(key);
    if (hit) {
      this.memo.delete(key);
      this.memo.set(key, hit);
      return hit;
    }
    const positions = make();
    const made: Selection = { positions, counts: this.counts(positions), has: this.contains(positions) };
    this.memo.set(key, made);
    if (this.memo.size > 500) {
      this.memo.delete(this.memo.keys().next().value!);
    }
    return made;
  }

  /** Number of published policies. */
  get size(): number {
    return this.ids.length;
  }

  /**
   * The positions (in date order) of the published policies that pass the filters and, when
   * `matching` is given, are among those ids. Ids that are not published are ignored.
   */
  select(f: FacetFilter, matching?: Iterable<number>): Int32Array {
    const theme = f.theme === undefined ? -1 : this.themes.indexOf(f.theme);
    const organ = f.organ === undefined ? -1 : this.organs.indexOf(f.organ);
    const validity = f.validity === undefined ? -1 : this.validities.indexOf(f.validity);
    // A filter value nobody has matches nothing.
    if ((f.theme !== undefined && theme < 0) || (f.organ !== undefined && organ < 0) || (f.validity !== undefined && validity < 0)) {
      return new Int32Array(0);
    }
    const pass = (i: number) =>
      (theme < 0 || this.theme[i] === theme) &&
      (organ < 0 || this.organ[i] === organ) &&
      (validity < 0 || this.validity[i] === validity) &&
      (f.year === undefined || this.year[i] === f.year) &&
      (f.department === undefined || this.dept[i] === f.department);
    const out: number[] = [];
    const unfiltered = theme < 0 && organ < 0 && validity < 0 && f.year === undefined && f.department === undefined;
    if (matching === undefined && unfiltered) {
      // The whole library (the list's first page): computed once per snapshot.
      this.all ??= Int32Array.from(this.ids.keys());
      return this.all;
    }
    if (matching === undefined) {
      for (let i = 0; i < this.ids.length; i++) {
        if (pass(i)) {
          out.push(i);
        }
      }
      return Int32Array.from(out);
    }
    for (const id of matching) {
      const i = id < this.posById.length ? this.posById[id]! : -1;
      if (i >= 0 && pass(i)) {
        out.push(i);
      }
    }
    // Back into date order, so a date-sorted page is a slice.
    return Int32Array.from(out).sort();
  }

  /** The ids at some positions. */
  idsAt(positions: ArrayLike<number>): number[] {
    return Array.from(positions, (i) => this.ids[i]!);
  }

  /** A membership test over selected positions, by policy id (for filtering a ranked list). */
  contains(positions: Int32Array): (id: number) => boolean {
    const mark = new Uint8Array(this.ids.length);
    for (const i of positions) {
      mark[i] = 1;
    }
    return (id) => {
      const i = id < this.posById.length ? this.posById[id]! : -1;
      return i >= 0 && mark[i] === 1;
    };
  }

  /** Counts of every facet value among the selected positions. */
  counts(positions: Int32Array): FacetCounts {
    if (positions === this.all) {
      this.allCounts ??= this.count(positions);
      return this.allCounts;
    }
    return this.count(positions);
  }

  private count(positions: Int32Array): FacetCounts {
    const theme = new Uint32Array(this.themes.length);
    const organ = new Uint32Array(this.organs.length);
    const validity = new Uint32Array(this.validities.length);
    const dept = new Map<number, number>();
    const year = new Map<number, number>();
    for (const i of positions) {
      theme[this.theme[i]!]! += 1;
      organ[this.organ[i]!]! += 1;
      validity[this.validity[i]!]! += 1;
      const d = this.dept[i]!;
      dept.set(d, (dept.get(d) ?? 0) + 1);
      const y = this.year[i]!;
      if (y > 0) {
        year.set(y, (year.get(y) ?? 0) + 1);
      }
    }
    const list = <T>(values: T[], n: Uint32Array) =>
      values
        .map((value, c) => ({ value, count: n[c]! }))
        .filter((x) => x.count > 0)
        .sort((a, b) => b.count - a.count);
    return {
      theme: list(this.themes, theme),
      organ: list(this.organs, organ).slice(0, ORGAN_FACET_LIMIT),
      validity: list(this.validities, validity),
      department: [...dept].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value - b.value),
      year: [...year].map(([value, count]) => ({ value, count })).sort((a, b) => b.value - a.value),
    };
  }
}

/**
 * Ranked search results per query, for one search version: ranking every match of a common word is
 * the one expensive step of a search (tens of milliseconds at 100,000 policies), and the same words
 * are searched again and again. Bounded by the number of ids held; the least recently used go first.
 */
export class RankCache {
  private readonly entries = new Map<string, Int32Array>();
  private held = 0;

  constructor(private readonly maxIds = 4_000_000) {}

  /** The ranked ids of a query at a version, computing them on a miss. */
  async get(version: string, terms: string[], compute: () => Promise<Int32Array>): Promise<Int32Array> {
    const key = `${version}\u0000${terms.join('\u0000')}`;
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert: Map keeps insertion order, so the first key is always the least recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const ids = await compute();
    this.entries.set(key, ids);
    this.held += ids.length;
    for (const [k, v] of this.entries) {
      if (this.held <= this.maxIds || k === key) {
        break;
      }
      this.entries.delete(k);
      this.held -= v.length;
    }
    return ids;
  }
}
