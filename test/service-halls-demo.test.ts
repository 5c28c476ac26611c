import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT, createTestDb, type TestDb } from './helpers/db.js';
import { makeDepartment } from './helpers/factories.js';
import { makeServiceItem } from './helpers/service-items.js';
import { loadServiceHallsDemo } from '../src/modules/service-halls/index.js';
import { actorOf } from '../src/platform/audit/index.js';

const count = async (t: TestDb, table: 'serviceHall' | 'serviceWindow' | 'serviceWindowItem' | 'serviceTerminal' | 'serviceTerminalItem') =>
  Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

async function load(t: TestDb, deptIds: Map<string, number>): Promise<number> {
  const started = Date.now();
  await t.db.kysely.transaction().execute((trx) => loadServiceHallsDemo(trx, { actor: actorOf(null, '127.0.0.1', 'demo'), deptIds, users: new Map() }));
  return Date.now() - started;
}

describe(`service-hall demo (${TEST_DIALECT})`, () => {
  let withItems: TestDb;
  let empty: TestDb;
  const deptIds = new Map<string, number>();

  beforeAll(async () => {
    withItems = await createTestDb();
    empty = await createTestDb();
    for (const code of ['service-data', 'hrss', 'land', 'psb', 'housing', 'amr']) {
      deptIds.set(code, (await makeDepartment(withItems.db, { code })).id);
      await makeDepartment(empty.db, { code });
    }
    let n = 0;
    for (const id of deptIds.values()) {
      for (let i = 0; i < 10; i++) {
        await makeServiceItem(withItems.db, id, { selfServiceTerminal: n++ % 3 === 0 ? 1 : 0 });
      }
    }
  });

  afterAll(async () => {
    await withItems.drop();
    await empty.drop();
  });

  it('loads the 38 halls, 170 windows and 40 terminals with items drawn from the catalogue, quickly', async () => {
    const ms = await load(withItems, deptIds);
    expect(await count(withItems, 'serviceHall')).toBe(38);
    expect(await count(withItems, 'serviceWindow')).toBe(29 + 6 * 8 + 31 * 3);
    expect(await count(withItems, 'serviceTerminal')).toBe(40);
    expect(await count(withItems, 'serviceWindowItem')).toBeGreaterThan(100);
    expect(await count(withItems, 'serviceTerminalItem')).toBe(8 * 20);
    const levels = await withItems.db.kysely.selectFrom('serviceHall').select('level').execute();
    expect(levels.filter((l) => l.level === 'street')).toHaveLength(6);
    expect(levels.filter((l) => l.level === 'community')).toHaveLength(31);
    // Every community station hangs under a street hall.
    const orphans = await withItems.db.kysely.selectFrom('serviceHall').select('id').where('level', '!=', 'district').where('parentId', 'is', null).execute();
    expect(orphans).toEqual([]);
    expect(ms).toBeLessThan(1500);
  });

  it('assigns no items when the catalogue is empty', async () => {
    await load(empty, deptIds);
    expect(await count(empty, 'serviceHall')).toBe(38);
    expect(await count(empty, 'serviceWindowItem')).toBe(0);
    expect(await count(empty, 'serviceTerminalItem')).toBe(0);
  });
});
