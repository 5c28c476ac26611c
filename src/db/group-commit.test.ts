import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { connect, type Db } from './connect.js';
import { GroupCommitter } from './group-commit.js';

// The committer on a real SQLite file: concurrent callers share a transaction, a failing caller is
// rolled back alone, and nobody is answered before the commit.
let db: Db;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-gc-'));
  db = connect(`sqlite:${path.join(dir, 'gc.db')}`);
  await sql`create table place (id integer primary key, taken integer not null check (taken <= 3))`.execute(db.kysely);
  await sql`create table booking (id integer primary key, who text not null unique)`.execute(db.kysely);
  await sql`insert into place (id, taken) values (1, 0)`.execute(db.kysely);
});

afterAll(async () => {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

const book = (c: GroupCommitter, who: string) =>
  c.run(async (trx) => {
    await sql`update place set taken = taken + 1 where id = 1`.execute(trx);
    await sql`insert into booking (who) values (${who})`.execute(trx);
    return who;
  });

const count = async (table: 'booking' | 'place') =>
  table === 'booking'
    ? Number((await sql<{ n: number }>`select count(*) as n from booking`.execute(db.kysely)).rows[0]!.n)
    : Number((await sql<{ n: number }>`select taken as n from place where id = 1`.execute(db.kysely)).rows[0]!.n);

describe('GroupCommitter', () => {
  it('runs concurrent callers in one transaction and rolls a failing one back alone', async () => {
    const c = new GroupCommitter(db.kysely);
    let transactions = 0;
    const original = db.kysely.transaction.bind(db.kysely);
    db.kysely.transaction = () => {
      transactions++;
      return original();
    };
    try {
      // "b" twice: the second breaks the unique constraint after its place update; that update must go too.
      const results = await Promise.allSettled([book(c, 'a'), book(c, 'b'), book(c, 'b'), book(c, 'c')]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      // All four arrived in the same turn of the event loop: one transaction, one commit.
      expect(transactions).toBe(1);
    } finally {
      db.kysely.transaction = original;
    }
    expect(await count('booking')).toBe(3);
    expect(await count('place')).toBe(3);
  });

  it('answers only after the commit, and a failed commit fails every caller of the batch', async () => {
    const c = new GroupCommitter(db.kysely);
    // The place is full (3): the CHECK fails inside the caller, which alone is refused.
    await expect(book(c, 'd')).rejects.toThrow(/CHECK/);
    expect(await count('booking')).toBe(3);
    const failing = new GroupCommitter({
      transaction: () => ({
        execute: async (fn: (trx: unknown) => Promise<void>) => {
          await db.kysely.transaction().execute(async (trx) => {
            await fn(trx);
            throw new Error('commit failed');
          });
        },
      }),
    } as unknown as Db['kysely']);
    await sql`update place set taken = 0 where id = 1`.execute(db.kysely);
    const results = await Promise.allSettled([book(failing, 'e'), book(failing, 'f')]);
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(await count('booking')).toBe(3);
  });
});
