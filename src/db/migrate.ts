import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely/migration';
import type { Db } from './connect.js';
import * as m000100 from './migrations/2026_11_29_000100_foundation.js';
import * as m000200 from './migrations/2026_11_29_000200_portal.js';
import * as m000300 from './migrations/2026_11_29_000300_policies.js';
import * as m000400 from './migrations/2026_11_29_000400_policy_search.js';
import * as m000500 from './migrations/2026_11_29_000500_policy_versions.js';
import * as m000600 from './migrations/2026_11_29_000600_interpretations.js';
import * as m000700 from './migrations/2026_11_29_000700_policy_comparison.js';
import * as m000800 from './migrations/2026_11_29_000800_dialogues.js';
import * as m000900 from './migrations/2026_11_29_000900_interpretation_plans.js';
import * as m001000 from './migrations/2026_11_29_001000_enterprises.js';
import * as m001100 from './migrations/2026_11_29_001100_outbox.js';
import * as m001200 from './migrations/2026_11_29_001200_navigator.js';
import * as m001300 from './migrations/2026_11_29_001300_open_days.js';
import * as m001400 from './migrations/2026_11_29_001400_match_tiles.js';
import * as m001500 from './migrations/2026_11_29_001500_open_day_lookups.js';
import * as m001600 from './migrations/2026_11_29_001600_push_batches.js';
import * as m001700 from './migrations/2026_11_29_001700_service_catalogue.js';
import * as m001710 from './migrations/2026_11_29_001710_service_halls.js';
import * as m001720 from './migrations/2026_11_29_001720_service_cases.js';
import * as m001730 from './migrations/2026_11_29_001730_consultations.js';
import * as m001800 from './migrations/2026_11_29_001800_expropriation.js';
import * as m001810 from './migrations/2026_11_29_001810_disclosure_requests.js';
import * as m001900 from './migrations/2026_11_29_001900_open_day_need_adoption.js';
import * as m002000 from './migrations/2026_11_29_002000_open_day_suggestion_split.js';

// Listed statically, not read from the folder, so the bundle-free tsx runtime and tests find them alike.
const migrations: Record<string, Migration> = {
  '2026_11_29_000100_foundation': m000100,
  '2026_11_29_000200_portal': m000200,
  '2026_11_29_000300_policies': m000300,
  '2026_11_29_000400_policy_search': m000400,
  '2026_11_29_000500_policy_versions': m000500,
  '2026_11_29_000600_interpretations': m000600,
  '2026_11_29_000700_policy_comparison': m000700,
  '2026_11_29_000800_dialogues': m000800,
  '2026_11_29_000900_interpretation_plans': m000900,
  '2026_11_29_001000_enterprises': m001000,
  '2026_11_29_001100_outbox': m001100,
  '2026_11_29_001200_navigator': m001200,
  '2026_11_29_001300_open_days': m001300,
  '2026_11_29_001400_match_tiles': m001400,
  '2026_11_29_001500_open_day_lookups': m001500,
  '2026_11_29_001600_push_batches': m001600,
  '2026_11_29_001700_service_catalogue': m001700,
  '2026_11_29_001710_service_halls': m001710,
  '2026_11_29_001720_service_cases': m001720,
  '2026_11_29_001730_consultations': m001730,
  '2026_11_29_001800_expropriation': m001800,
  '2026_11_29_001810_disclosure_requests': m001810,
  '2026_11_29_001900_open_day_need_adoption': m001900,
  '2026_11_29_002000_open_day_suggestion_split': m002000,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

function migrator(db: Db): Migrator {
  return new Migrator({ db: db.kysely, provider });
}

/** Brings the schema to the newest migration; throws if any step fails. */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const result = await migrator(db).migrateToLatest();
  if (result.error) {
    throw result.error instanceof Error ? result.error : new Error(JSON.stringify(result.error));
  }
  return result;
}

/** Undoes every migration (used by tests of the down steps). */
export async function migrateDownAll(db: Db): Promise<void> {
  const m = migrator(db);
  for (;;) {
    const r = await m.migrateDown();
    if (r.error) {
      throw r.error instanceof Error ? r.error : new Error(JSON.stringify(r.error));
    }
    if (!r.results || r.results.length === 0) {
      break;
    }
  }
}
